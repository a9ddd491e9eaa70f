"""Rewrite a message in national terms: municipal product codes become national ones.

Only what the registry's approved mappings say is changed: ProductCategorie/ProductCode
(or Product/Categorie and Product/Code), the volume converted by the mapping's factor, and
for declarations the tariff, so that volume × tariff still equals the declared amount.
Volumes are whole numbers in the standard: a conversion that does not come out whole is
not rounded silently (that would change what was assigned or declared) but reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from lxml import etree

from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.xpath import date_of, find, int_of, path_of, text
from validators.sources.snapshot import RegistrySnapshot

# message number -> (gemeente header element, class, categorie, code, date, volume, tarief)
_PRODUCTS = {
    "301": (
        "Afzender",
        "ToegewezenProduct",
        "Product/Categorie",
        "Product/Code",
        "Ingangsdatum",
        "Omvang/Volume",
        None,
    ),
    "305": ("Ontvanger", "StartProduct", "Product/Categorie", "Product/Code", "Begindatum", None, None),
    "307": ("Ontvanger", "StopProduct", "Product/Categorie", "Product/Code", "Begindatum", None, None),
    "315": (
        "Ontvanger",
        "AangevraagdProduct",
        "Product/Categorie",
        "Product/Code",
        "ToewijzingIngangsdatum",
        "Omvang/Volume",
        None,
    ),
    "317": (
        "Ontvanger",
        "NieuwProduct",
        "Product/Categorie",
        "Product/Code",
        "GewensteIngangsdatum",
        "Omvang/Volume",
        None,
    ),
    "323": (
        "Ontvanger",
        "Prestatie",
        "ProductCategorie",
        "ProductCode",
        "ProductPeriode/Begindatum",
        "GeleverdVolume",
        "ProductTarief",
    ),
}


@dataclass
class Translation:
    """The translated copy of a message, with what changed and what could not be translated."""

    tree: etree._ElementTree
    changed: list[str] = field(default_factory=list)  # one line per translated product
    problems: list[str] = field(default_factory=list)  # products left as they were, and why


def _target_unit(node, volume_path: str, factor: Fraction, national):
    """(Eenheid element, national unit) for a converted volume; unit None when no unit of
    the national product is reached by the factor."""
    from productcodes.codelists import conversion_factor

    eenheid_node = find(
        node, volume_path.rpartition("/")[0] + "/Eenheid" if "/" in volume_path else "Eenheid"
    )
    if eenheid_node is None or national is None:
        return eenheid_node, None
    old = text(eenheid_node)
    return eenheid_node, next((u for u in national.eenheden if conversion_factor(old, u) == factor), None)


def translate(message: ParsedMessage, registry: RegistrySnapshot) -> Translation:
    """A copy of the message in national codes, the caller's tree untouched.

    Each mapped municipal product is replaced; volume and tarief are converted by the mapping's factor.
    """
    tree = etree.ElementTree(etree.fromstring(etree.tostring(message.tree)))  # never touch the caller's tree
    result = Translation(tree=tree)
    spec = _PRODUCTS.get(message.message_type.number)
    if spec is None:
        return result
    header_el, class_name, cat_path, code_path, date_path, volume_path, tarief_path = spec
    root = tree.getroot()
    gemeente = text(root, f"Header/{header_el}")
    for node in root.iter(f"{{{message.message_type.namespace}}}{class_name}"):
        _translate_one(
            node, gemeente, cat_path, code_path, date_path, volume_path, tarief_path, registry, result
        )
    return result


def _translate_one(
    node, gemeente, cat_path, code_path, date_path, volume_path, tarief_path, registry, result
):
    categorie, code, on = text(node, cat_path), text(node, code_path), date_of(node, date_path)
    if not (gemeente and categorie and code and on):
        return
    found = registry.national_for(gemeente, categorie, code, on)
    if found is None:
        result.problems.append(
            f"{path_of(node)}: no approved mapping for {categorie}/{code} of gemeente {gemeente} on {on}"
        )
        return
    mapping, national = found
    factor = mapping.factor if mapping.factor is not None else Fraction(1)
    volume_node = find(node, volume_path) if volume_path else None
    volume = int_of(volume_node)
    new_volume = None
    if volume is not None and factor != 1:
        converted = volume * factor
        if converted.denominator != 1:
            result.problems.append(
                f"{path_of(node)}: volume {volume} × {factor} = {float(converted):g} is not a whole number; "
                f"product {code} left untranslated"
            )
            return
        new_volume = int(converted)
        eenheid_node, unit = _target_unit(node, volume_path, factor, national)
        if unit is None:
            result.problems.append(
                f"{path_of(node)}: factor {factor} leads to no unit of the national product; "
                f"product {code} left untranslated"
            )
            return
    if tarief_path and new_volume is not None:
        tarief_node = find(node, tarief_path)
        tarief = int_of(tarief_node)
        if tarief is not None:
            new_tarief = tarief / factor
            if new_tarief.denominator != 1:
                result.problems.append(
                    f"{path_of(node)}: tarief {tarief} / {factor} is not whole cents;"
                    f" product {code} left untranslated"
                )
                return
            tarief_node.text = str(int(new_tarief))
    if new_volume is not None:
        volume_node.text = str(new_volume)
        eenheid_node.text = unit
    find(node, code_path).text = mapping.nationale_code
    find(node, cat_path).text = national.productcategorie if national is not None else categorie
    volume_note = f", volume {volume} → {new_volume}" if new_volume is not None else ""
    result.changed.append(
        f"{path_of(node)}: {categorie}/{code} → "
        f"{find(node, cat_path).text}/{mapping.nationale_code}{volume_note}"
    )
