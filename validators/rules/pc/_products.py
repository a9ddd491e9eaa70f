"""Where products and their Omvang live in each message, for the registry rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from iwmo_ijw.xpath import date_of, text


@dataclass(frozen=True, slots=True)
class ProductUse:
    node: etree._Element  # the class element (ToegewezenProduct, Prestatie, …)
    gemeente: str | None
    categorie: str
    code: str
    on: date
    volume_path: str | None
    eenheid_path: str
    frequentie_path: str | None


# message number -> (gemeente header element,
#                    ((class, categorie, code, date, volume, eenheid, frequentie), …))
_WHERE = {
    "301": (
        "Afzender",
        (
            (
                "ToegewezenProduct",
                "Product/Categorie",
                "Product/Code",
                "Ingangsdatum",
                "Omvang/Volume",
                "Omvang/Eenheid",
                "Omvang/Frequentie",
            ),
        ),
    ),
    "315": (
        "Ontvanger",
        (
            (
                "AangevraagdProduct",
                "Product/Categorie",
                "Product/Code",
                "ToewijzingIngangsdatum",
                "Omvang/Volume",
                "Omvang/Eenheid",
                "Omvang/Frequentie",
            ),
        ),
    ),
    "317": (
        "Ontvanger",
        (
            (
                "NieuwProduct",
                "Product/Categorie",
                "Product/Code",
                "GewensteIngangsdatum",
                "Omvang/Volume",
                "Omvang/Eenheid",
                "Omvang/Frequentie",
            ),
        ),
    ),
    "323": (
        "Ontvanger",
        (
            (
                "Prestatie",
                "ProductCategorie",
                "ProductCode",
                "ProductPeriode/Begindatum",
                "GeleverdVolume",
                "Eenheid",
                None,
            ),
        ),
    ),
}
MESSAGES = tuple(f"JW{n}" for n in _WHERE)
# For rules per product element: every class above, and every path they may read there.
CLASSES = tuple(dict.fromkeys(c[0] for _, classes in _WHERE.values() for c in classes))
READS = tuple(dict.fromkeys(p for _, classes in _WHERE.values() for c in classes for p in c[1:] if p))


@dataclass(frozen=True, slots=True)
class ProductClass:
    name: str
    paths: tuple[str | None, ...]  # categorie, code, date, volume, eenheid, frequentie


def where_products(number: str, ctx=None) -> tuple[str | None, tuple[ProductClass, ...]]:
    """The product classes of a message (and, given the context, its gemeente from the header)."""
    where = _WHERE.get(number)
    if where is None:
        return None, ()
    header_element, classes = where
    gemeente = _gemeente(ctx, header_element) if ctx is not None else None
    return gemeente, tuple(ProductClass(c[0], tuple(c[1:])) for c in classes)


def product_use(ctx, node: etree._Element) -> ProductUse | None:
    """The product this element names, when it is a specific one of its message's product class."""
    where = _WHERE.get(ctx.message.message_type.number)
    if where is None:
        return None
    header_element, classes = where
    name = etree.QName(node).localname
    for class_name, cat_path, code_path, date_path, volume_path, eenheid_path, freq_path in classes:
        if class_name != name:
            continue
        categorie, code, on = text(node, cat_path), text(node, code_path), date_of(node, date_path)
        if categorie and code and on is not None:
            return ProductUse(
                node,
                _gemeente(ctx, header_element),
                categorie,
                code,
                on,
                volume_path,
                eenheid_path,
                freq_path,
            )
    return None


def _gemeente(ctx, header_element: str) -> str | None:
    key = f"registry.gemeente.{header_element}"
    if key not in ctx.cache:
        ctx.cache[key] = text(ctx.root, f"Header/{header_element}")
    return ctx.cache[key]
