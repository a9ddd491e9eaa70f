"""A streamed message gets the whole-tree verdict, every rule selected, with and without history.

The messages are the rule fixtures (tests/fixtures/rules/CODE/good*.xml and bad*.xml: every rule
family, each with the history, registry and date its rule needs), mutated so that findings
fall across chunk borders: Clients and lines copied (repeats under another Client), values
copied between elements of a kind (repeated numbers, amounts that no longer add up), amounts
changed, elements dropped. Each is streamed with chunks of one to three Clients and a few
lines and compared with the tree run as a multiset of (code, xpath, severity, retourcode).

A message the XSD refuses is refused by both; the stream then names libxml2's failure (code
XSD: without the tree there is no element to map to an RS/CS code), so only the verdict is
compared there.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import FIXTURES
from validators.engine.pipeline import Options, validate
from validators.engine.stream import validate_stream
from validators.rules.registry import Level, RuleSet, all_rules

CASES = sorted(p for p in (FIXTURES / "rules").glob("*/*.xml") if p.name.startswith(("good", "bad")))
# Messages that may hold many Clients: drawn as often as all others, so that chunks are many.
MANY = [p for p in CASES if b"Clienten>" in p.read_bytes()]
LINES = (
    "Prestatie",
    "ToegewezenProduct",
    "StartProduct",
    "StopProduct",
    "AangevraagdProduct",
    "OngewijzigdProduct",
    "TeWijzigenProduct",
    "NieuwProduct",
    "Contact",
    "Relatie",
)
# Elements whose values stand for one another (a credit naming a line, a period's two ends).
KIN = {
    "VorigReferentieNummer": "ReferentieNummer",
    "ReferentieNummer": "VorigReferentieNummer",
    "Einddatum": "Begindatum",
    "Begindatum": "Einddatum",
    "DebetCredit": "DebetCredit",
}
BSNS = ("100000009", "100000022", "100000034", "100000046", "100000058")  # pass the elfproef (test range)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


@cache
def _context(folder: Path) -> tuple[date, object, object]:
    from validators.sources.history import History
    from validators.sources.snapshot import RegistrySnapshot

    today_file = folder / "today.txt"
    today = date.fromisoformat(today_file.read_text().strip()) if today_file.exists() else date(2026, 12, 1)
    registry = None
    if (folder / "registry.json").is_file():
        registry = RegistrySnapshot.from_dict(
            json.loads((folder / "registry.json").read_text(encoding="utf-8"))
        )
    history = (
        History.from_paths(sorted((folder / "history").glob("*.xml")))
        if (folder / "history").is_dir()
        else History.from_paths([])
    )
    return today, registry, history


def _options(case: Path, with_history: bool) -> Options:
    today, registry, history = _context(case.parent)
    return Options(
        today=today, registry=registry, history=history if with_history else None, ruleset=RuleSet()
    )


@st.composite
def mutated(draw, document: etree._Element) -> etree._Element:
    """The fixture with a few mutations; most keep it schema-valid, some do not."""
    tree = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 8))):
        # Only where the XSD allows more than one (a JW301 has one Client; lines stand in a list).
        clients = [el for el in tree.iter("{*}Client") if _local(el.getparent()) == "Clienten"]
        lines = [
            el
            for el in tree.iter()
            if isinstance(el.tag, str)
            and _local(el) in LINES
            and _local(el.getparent()).endswith(("en", "s"))
        ]
        leaves = [
            el
            for el in tree.iter()
            if isinstance(el.tag, str)
            and len(el) == 0
            and el is not tree
            and el.getparent() is not None
            and _local(el.getparent()) != "Header"
            and _local(el) not in ("BerichtCode", "BerichtVersie", "BerichtSubversie")
        ]
        action = draw(
            st.sampled_from(
                ["client"] * 4 + ["line"] * 2 + ["copy"] * 4 + ["amount", "amount", "drop", "bsn"]
            )
        )
        if action == "client" and clients:
            client = draw(st.sampled_from(clients))
            twin = copy.deepcopy(client)
            if draw(st.booleans()):
                bsn = twin.find("{*}Bsn")
                if bsn is not None:
                    bsn.text = draw(st.sampled_from(BSNS))
            draw(st.sampled_from(clients)).addnext(twin)
        elif action == "line" and lines:
            line = draw(st.sampled_from(lines))
            line.addnext(copy.deepcopy(line))
        elif action == "copy" and leaves:
            target = draw(st.sampled_from(leaves))
            names = {_local(target), KIN.get(_local(target), _local(target))}
            sources = [el for el in leaves if _local(el) in names]
            source = draw(st.sampled_from(sources))
            target.text = (
                source.text
                if _local(target) != "DebetCredit" or draw(st.booleans())
                else {"D": "C", "C": "D"}.get((source.text or "").strip(), source.text)
            )
        elif action == "amount":
            numbers = [el for el in leaves if (el.text or "").strip().isdigit()]
            if numbers:
                target = draw(st.sampled_from(numbers))
                digits = (target.text or "").strip()
                target.text = str(max(0, int(digits) + draw(st.integers(-3, 3)))).zfill(len(digits))
        elif action == "drop" and leaves:
            target = draw(st.sampled_from(leaves))
            target.getparent().remove(target)
        elif action == "bsn":
            for bsn in tree.iter("{*}Bsn"):
                bsn.text = draw(st.sampled_from(BSNS))
    return tree


def _key(findings) -> Counter:
    return Counter((f.code, f.xpath, f.severity, f.retourcode) for f in findings)


def _schema_level(code: str) -> bool:
    rule = all_rules().get(code)
    return rule is None or rule.level == Level.XSD


def assert_same_verdict(path: Path, options: Options, budget: tuple[int, int]) -> str:
    """Compare; say what was compared (for the statistics of the property test)."""
    whole = validate(path, options)
    streamed = validate_stream(path, options, budget=budget)
    if any(f.code == "XSD" for f in streamed.findings):
        assert {f.code for f in streamed.findings} == {"XSD"}
        assert whole.findings and all(_schema_level(f.code) for f in whole.findings), whole.findings
        return "refused by the XSD"
    assert _key(streamed.findings) == _key(whole.findings), (
        f"only streamed: {_key(streamed.findings) - _key(whole.findings)}; "
        f"only in the tree: {_key(whole.findings) - _key(streamed.findings)}"
    )
    assert not any("in delen gelezen" in s.reason for s in streamed.skipped_entries())
    return "valid" if whole.valid else "content findings"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_fixture_streams_to_the_tree_verdict(case: Path):
    """Every rule case, one Client and one line per chunk, with its history and without."""
    for with_history in (True, False):
        assert_same_verdict(case, _options(case, with_history), budget=(1, 1))


@settings(
    max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None
)
@given(data=st.data())
def test_mutated_messages_stream_to_the_tree_verdict(data, tmp_path_factory):
    case = data.draw(st.one_of(st.sampled_from(CASES), st.sampled_from(MANY)), label="case")
    document = etree.parse(str(case)).getroot()
    mutant = data.draw(mutated(document), label="mutant")
    path = tmp_path_factory.mktemp("mutant") / case.name
    path.write_bytes(etree.tostring(mutant, xml_declaration=True, encoding="UTF-8"))
    budget = (data.draw(st.integers(1, 3), label="clients"), data.draw(st.integers(1, 6), label="lines"))
    event(assert_same_verdict(path, _options(case, data.draw(st.booleans(), label="history")), budget))
    event(f"{len(mutant.findall('.//{*}Client'))} Clients")


def test_findings_fall_in_several_chunks(tmp_path: Path):
    """The comparison above means something: a repeat across chunks (a Client copied further on),
    a total that no longer adds up and a credit of a line declared further on are found by the
    stream as by the tree."""
    tree = etree.parse(str(FIXTURES / "messages" / "JW323.xml"))
    clients = list(tree.getroot().iter("{*}Client"))
    clients[-1].addnext(copy.deepcopy(clients[0]))
    path = tmp_path / "JW323.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    options = Options(today=date(2026, 12, 1), ruleset=RuleSet())
    streamed = validate_stream(path, options, budget=(1, 1))
    codes = Counter(f.code for f in streamed.findings)
    assert codes["TR101"] >= 1 and codes["TR358"] == 1 and codes["TR416"] >= 1, codes
    assert_same_verdict(path, options, budget=(1, 1))


def test_a_credit_of_a_line_declared_in_a_later_chunk(tmp_path: Path):
    """TR316 decides only when the message has ended: the line a credit names may come later."""
    tree = etree.parse(str(FIXTURES / "messages" / "JW323.xml"))
    first = next(tree.getroot().iter("{*}Client"))
    twin = copy.deepcopy(first)  # a second Client, declaring lines of its own
    twin.find("{*}Bsn").text = BSNS[1]
    for referentie in twin.iter("{*}ReferentieNummer"):
        referentie.text += "B"
    first.addnext(twin)
    credit = next(first.iter("{*}VorigReferentieNummer"))
    credit.text = list(twin.iter("{*}ReferentieNummer"))[0].text
    path = tmp_path / "JW323.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    options = Options(today=date(2026, 12, 1), ruleset=RuleSet())
    streamed = validate_stream(path, options, budget=(1, 1))
    assert [f.code for f in streamed.findings].count("TR316") == 1
    assert_same_verdict(path, options, budget=(1, 1))
