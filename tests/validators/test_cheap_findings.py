"""What makes a finding cheap must not change what it says: report paths counted in C and kept
per ancestor, sentences rendered once per shape, masked texts kept per set of secrets."""

from __future__ import annotations

import random

from lxml import etree

from iwmo_ijw.xpath import Positions
from validators.findings import mask_secrets
from validators.reporting.texts import Bsn
from validators.rules.context import _said


def _plain_path(el: etree._Element) -> str:
    """The report path the slow way: a position wherever same-named siblings exist."""
    steps = []
    while el is not None:
        parent = el.getparent()
        name = etree.QName(el).localname
        if parent is not None:
            same = [c for c in parent if c.tag == el.tag]
            if len(same) > 1:
                name = f"{name}[{same.index(el) + 1}]"
        steps.append(name)
        el = parent
    return "/" + "/".join(reversed(steps))


def _message() -> etree._Element:
    # A large parent (40 Clients, indexed) and small ones, two namespaces, names that repeat at
    # some levels only, and a comment among the children (no element, never counted).
    ns, base = "urn:m", "urn:b"
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={"m": ns, "b": base})
    etree.SubElement(root, f"{{{ns}}}Header")
    clienten = etree.SubElement(etree.SubElement(root, f"{{{ns}}}Declaratie"), f"{{{ns}}}Clienten")
    for c in range(40):
        client = etree.SubElement(clienten, f"{{{ns}}}Client")
        if c == 7:
            clienten.append(etree.Comment("between"))
        prestaties = etree.SubElement(client, f"{{{ns}}}Prestaties")
        for _ in range(1 + c % 3):
            prestatie = etree.SubElement(prestaties, f"{{{ns}}}Prestatie")
            bedrag = etree.SubElement(prestatie, f"{{{ns}}}IngediendBedrag")
            etree.SubElement(bedrag, f"{{{base}}}Bedrag")
            etree.SubElement(bedrag, f"{{{base}}}DebetCredit")
    etree.SubElement(clienten, f"{{{ns}}}Slot")
    return root


def test_paths_are_those_of_a_sibling_count_in_any_order():
    root = _message()
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    expected = {el: _plain_path(el) for el in elements}
    for order in (elements, elements[::-1], random.Random(7).sample(elements, len(elements))):
        positions = Positions()
        assert {el: positions.path(el) for el in order} == expected
    assert expected[elements[-1]] == "/Bericht/Declaratie/Clienten/Slot"
    assert "/Bericht/Declaratie/Clienten/Client[40]/Prestaties/Prestatie/IngediendBedrag/Bedrag" in (
        expected.values()
    )


def test_a_sentence_rendered_once_is_not_given_to_a_bsn():
    plain = _said("TR346", None, {"bedrag": "123456782", "volume": 1, "tarief": 2, "expected": 3})
    masked = _said("TR346", None, {"bedrag": Bsn("123456782"), "volume": 1, "tarief": 2, "expected": 3})
    again = _said("TR346", None, {"bedrag": "123456782", "volume": 1, "tarief": 2, "expected": 3})
    assert "123456782" in plain[2]
    assert "123456782" not in masked[2] and "782" in masked[2]
    assert again == plain


def test_a_sentence_rendered_once_differs_by_type_and_value():
    number = _said("TR346", None, {"bedrag": 1, "volume": 1, "tarief": 1, "expected": 2})
    flag = _said("TR346", None, {"bedrag": True, "volume": 1, "tarief": 1, "expected": 2})
    other = _said("TR346", None, {"bedrag": 5, "volume": 1, "tarief": 1, "expected": 2})
    assert number[2] != flag[2] and number[2] != other[2]


def test_a_masked_text_kept_for_one_set_of_secrets_is_not_used_for_another():
    text = "Bsn 123456782 en 999999990"
    first = mask_secrets(text, frozenset({"123456782"}))
    assert mask_secrets(text, frozenset({"123456782"})) == first == "Bsn ******782 en 999999990"
    assert mask_secrets(text, frozenset({"999999990"})) == "Bsn 123456782 en ******990"
