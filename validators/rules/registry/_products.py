"""Where products and their Omvang live in each message, for the registry rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from lxml import etree

from iwmo_ijw.xpath import date_of, find, text


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


# message number -> (gemeente header element, ((class, categorie, code, date, volume, eenheid, frequentie), …))
_WHERE = {
    "301": ("Afzender", (("ToegewezenProduct", "Product/Categorie", "Product/Code", "Ingangsdatum",
                          "Omvang/Volume", "Omvang/Eenheid", "Omvang/Frequentie"),)),
    "315": ("Ontvanger", (("AangevraagdProduct", "Product/Categorie", "Product/Code", "ToewijzingIngangsdatum",
                           "Omvang/Volume", "Omvang/Eenheid", "Omvang/Frequentie"),)),
    "317": ("Ontvanger", (("NieuwProduct", "Product/Categorie", "Product/Code", "GewensteIngangsdatum",
                           "Omvang/Volume", "Omvang/Eenheid", "Omvang/Frequentie"),)),
    "323": ("Ontvanger", (("Prestatie", "ProductCategorie", "ProductCode", "ProductPeriode/Begindatum",
                           "GeleverdVolume", "Eenheid", None),)),
}
MESSAGES = tuple(f"JW{n}" for n in _WHERE)


def product_uses(ctx) -> Iterator[ProductUse]:
    """Every specific product in the message with its Omvang paths; computed once per message."""
    cached = ctx.cache.get("registry.product_uses")
    if cached is None:
        cached = ctx.cache["registry.product_uses"] = list(_collect(ctx))
    return iter(cached)


def _collect(ctx) -> Iterator[ProductUse]:
    where = _WHERE.get(ctx.message.message_type.number)
    if where is None:
        return
    header_element, classes = where
    gemeente = text(ctx.root, f"Header/{header_element}")
    namespace = ctx.message.message_type.namespace
    for class_name, cat_path, code_path, date_path, volume_path, eenheid_path, freq_path in classes:
        for node in ctx.root.iter(f"{{{namespace}}}{class_name}"):
            categorie, code, on = text(node, cat_path), text(node, code_path), date_of(node, date_path)
            if categorie and code and on is not None:
                yield ProductUse(node, gemeente, categorie, code, on, volume_path, eenheid_path, freq_path)
