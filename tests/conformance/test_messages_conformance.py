"""The project's message layer against the official iJw/iWmo 3.2 schemas and examples.

- every official example round-trips through the typed model unchanged (canonical XML);
- per message type, thousands of mutants of the official example get the same verdict
  from the project's XSD as from the official one;
- messages generated from the typed models pass the official XSD and the project's.
"""

from __future__ import annotations

import copy
import sys
import unicodedata
from xml.etree.ElementTree import canonicalize

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from iwmo_ijw.models import ModelError, parse, to_xml
from iwmo_ijw.namespaces import MESSAGE_TYPES
from iwmo_ijw.schemas import load_schema
from tests.conftest import REFERENCE, reference_path
from tests.messages.strategies import MessageStrategies

INVALID_EXAMPLES = {"JW315", "JW318"}  # the reference's own examples that fail their XSD
FOLDERS = {"iJw": "ijw-3.2", "iWmo": "iwmo-3.2"}


def _examples() -> list[str]:
    codes = []
    for mt in MESSAGE_TYPES.values():
        if (
            REFERENCE / FOLDERS[mt.standard.name] / "examples" / f"{mt.code}.xml"
        ).is_file() or not REFERENCE.exists():
            codes.append(mt.code)
    return codes


def _official(code: str):
    mt = MESSAGE_TYPES[code]
    folder = reference_path(FOLDERS[mt.standard.name])
    example = folder / "examples" / f"{code}.xml"
    if not example.is_file():
        pytest.skip(f"no official example for {code} in {example.parent}")
    return mt, example, load_schema(mt, folder / "xsd"), load_schema(mt)


def _canonical(xml: bytes) -> str:
    return canonicalize(xml_data=xml.decode("utf-8"), strip_text=True, rewrite_prefixes=True)


@pytest.mark.parametrize("code", _examples())
def test_official_example_round_trips(code: str):
    mt, example, official, own = _official(code)
    source = etree.tostring(etree.parse(str(example)))
    if code in INVALID_EXAMPLES:
        doc = etree.fromstring(source)
        assert not official.validate(doc) and not own.validate(doc)
        return
    written = to_xml(parse(example))
    assert _canonical(written) == _canonical(source)
    assert own.validate(etree.fromstring(written)) and official.validate(etree.fromstring(written))


@pytest.mark.parametrize("code", sorted(INVALID_EXAMPLES))
def test_invalid_official_examples_do_not_become_models(code: str):
    _, example, _, _ = _official(code)
    with pytest.raises(ModelError):
        parse(example)


# --- differential mutants -------------------------------------------------------------

BAD_VALUES = [
    "",
    " ",
    "2026-02-30",
    "2026-13-01",
    "2026-1-1",
    "25:00:00",
    "12:00:00Z",
    "X" * 300,
    "99",
    "ZZ",
    "0",
    "-1",
    "1.5",
    "100000000000",
    "12345678901",
    "abc",
    "0599",
    "12345678",
    "999999999",
    "A1B2C",
    "01",
    "D",
    "C",
    "\u00e9\u00e8",
    "2026-12-01T00:00:00",
    "0001-01-01",
]


def _xml_char(ch: str) -> bool:
    """Whether XML 1.0 (and so lxml) takes the character as text: not a surrogate, not a control,
    not one of the noncharacters U+FFFE and U+FFFF (lxml raises ValueError on those, which made
    the mutants below fail at random)."""
    return unicodedata.category(ch) not in ("Cs", "Cc") and ch not in "\ufffe\uffff"


XML_TEXT = st.text(st.characters(codec="utf-8").filter(_xml_char), max_size=30)


def test_mutant_text_is_always_xml():
    element = etree.Element("a")
    refused = []
    for code in range(sys.maxunicode + 1):
        if _xml_char(chr(code)):
            try:
                element.text = chr(code)
            except ValueError:
                refused.append(hex(code))
    assert refused == []


@st.composite
def mutants(draw, document: etree._Element) -> etree._Element:
    tree = copy.deepcopy(document)
    elements = [el for el in tree.iter() if isinstance(el.tag, str) and el is not tree]
    target = draw(st.sampled_from(elements))
    parent = target.getparent()
    action = draw(st.sampled_from(["drop", "duplicate", "reorder", "value", "value", "text"]))
    if action == "drop":
        parent.remove(target)
    elif action == "duplicate":
        target.addnext(copy.deepcopy(target))
    elif action == "reorder":
        following = target.getnext()
        if following is not None:
            following.addnext(target)
        else:
            parent.insert(0, target)
    elif action == "value":
        if len(target):
            target[:] = []
        target.text = draw(st.sampled_from(BAD_VALUES))
    else:
        target.text = draw(XML_TEXT)
    return tree


@pytest.mark.parametrize("code", [c for c in _examples() if c not in INVALID_EXAMPLES])
def test_project_schema_agrees_with_official_on_mutants(code: str):
    _, example, official, own = _official(code)
    document = etree.parse(str(example)).getroot()

    @settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutants(document))
    def agree(mutant):
        assert own.validate(mutant) == official.validate(mutant), etree.tostring(mutant)[:2000]

    agree()


# --- generated messages ---------------------------------------------------------------

STRATEGIES = {name: MessageStrategies(name) for name in FOLDERS}


@pytest.mark.parametrize("code", list(MESSAGE_TYPES))
def test_generated_messages_pass_both_schemas(code: str):
    mt = MESSAGE_TYPES[code]
    folder = reference_path(FOLDERS[mt.standard.name], "xsd")
    # The reference lacks the iWmo retour messages and WMO325; those the project derives
    # from the iJw design, so only its own schema can judge them.
    schemas = [load_schema(mt)]
    if (folder / f"{code}.xsd").is_file():
        schemas.append(load_schema(mt, folder))

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(STRATEGIES[mt.standard.name].message(mt))
    def valid(message):
        doc = etree.fromstring(to_xml(message))
        for schema in schemas:
            assert schema.validate(doc), schema.error_log.last_error

    valid()
