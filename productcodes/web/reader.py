"""A message as a readable page: sections and fields with Dutch labels instead of XML.

Element names of the standard are already Dutch (`GeleverdVolume`); splitting them into words
("Geleverd volume") is enough for staff who cannot read XML. BSNs are masked unless asked.
"""

from __future__ import annotations

import re

from lxml import etree

from validators.findings import mask_bsn

# Labels that read better than the split element name.
LABELS = {
    "Bsn": "BSN",
    "BerichtCode": "Berichtcode",
    "BerichtVersie": "Berichtversie",
    "BerichtSubversie": "Berichtsubversie",
    "XsdVersie": "XSD-versie",
    "Afzender": "Afzender (gemeente of aanbieder)",
    "Ontvanger": "Ontvanger",
    "IdentificatieBericht": "Identificatie van het bericht",
    "Dagtekening": "Dagtekening",
    "RetourCode": "Retourcode",
    "RetourCodes": "Retourcodes",
    "Ingangsdatum": "Begindatum",
    "Einddatum": "Einddatum",
}
# Amounts in the messages are whole cents: Bedrag, TotaalBedrag, ProductTarief, ...
CENT_SUFFIXES = ("Bedrag", "Tarief")
_WORD = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def label(name: str) -> str:
    """`GeleverdVolume` -> "Geleverd volume"."""
    if name in LABELS:
        return LABELS[name]
    words = _WORD.split(name)
    return " ".join([words[0]] + [w if w.isupper() else w.lower() for w in words[1:]])


def _value(name: str, text: str, show_bsn: bool) -> str:
    if name == "Bsn" and not show_bsn:
        return mask_bsn(text)
    if name.endswith(CENT_SUFFIXES) and text.lstrip("-").isdigit():
        cents = int(text)
        return f"€ {cents / 100:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _node(element: etree._Element, show_bsn: bool) -> dict:
    name = etree.QName(element).localname
    fields, sections = [], []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if len(child):
            sections.append(_node(child, show_bsn))
        else:
            child_name = etree.QName(child).localname
            fields.append(
                {
                    "label": label(child_name),
                    "element": child_name,
                    "value": _value(child_name, (child.text or "").strip(), show_bsn),
                }
            )
    return {"title": label(name), "element": name, "fields": fields, "sections": sections}


def tree_view(message, show_bsn: bool = False) -> dict:
    """The message as nested sections: {"title", "fields": [{"label", "value"}], "sections": [...]}."""
    view = _node(message.root, show_bsn)
    view["message_type"] = message.message_type.code
    view["standard"] = message.standard
    return view
