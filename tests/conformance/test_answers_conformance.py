"""Answer messages as IV028 (retour messages) and IV087 (JW325) prescribe, one case per folder.

tests/fixtures/answers/CASE/ holds a heenbericht (`heen.xml`), the history it is judged against
(`history/`, oldest first), the system date (`today.txt`), registry rows for the external rules
(`registry.json`, optional) and the expected answer
(`expected.txt`, written from the invulinstructies: the message type, then `class: codes` for
every class that carries RetourCodes, and for a JW325 the granted total). The heenbericht is
validated with every rule, answered, and the answer compared class by class and code by code;
then the answer must pass the official XSD and the project's own validator with the heenbericht
in its history.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from lxml import etree

from iwmo_ijw.models import to_xml
from iwmo_ijw.parsing import load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import path_of
from tests.conftest import FIXTURES, reference_path
from validators.answers.respond import NoAnswer, answer
from validators.engine.pipeline import Options, validate, validate_parsed
from validators.sources.history import History
from validators.sources.snapshot import RegistrySnapshot

CASES = FIXTURES / "answers"
HEEN = ("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323")
# What an answer may never be rejected for by its receiver: a repeated identification, a
# DeclaratieIdentificatie or Prestatie that does not match the declaration answered.
ANSWER_RULES = {"TR056", "TR337", "TR366", "TR367"}


def _cases() -> list:
    return [pytest.param(p, id=p.name) for p in sorted(CASES.iterdir()) if (p / "expected.txt").is_file()]


def _history(folder: Path) -> list[Path]:
    return sorted((folder / "history").glob("*.xml")) if (folder / "history").is_dir() else []


def _expected(folder: Path) -> tuple[str, dict[str, str]]:
    lines = [
        ln
        for ln in (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return lines[0].strip(), dict(ln.split(": ", 1) for ln in lines[1:])


def _found(document: etree._Element) -> dict[str, str]:
    """Every class of the answer with its RetourCodes, and a JW325's granted total."""
    found = {}
    for codes in document.iter("{*}RetourCodes"):
        klasse = path_of(codes.getparent()).removeprefix("/Bericht/")
        found[klasse] = " ".join(c.text for c in codes.iterchildren("{*}RetourCode"))
    toegekend = document.find("{*}DeclaratieAntwoord/{*}TotaalToegekendBedrag")
    if toegekend is not None:
        found["TotaalToegekendBedrag"] = " ".join(child.text for child in toegekend)
    return found


@pytest.mark.parametrize("folder", _cases())
def test_answer_per_invulinstructie(folder: Path):
    today = dt.date.fromisoformat((folder / "today.txt").read_text().strip())
    history = _history(folder)
    parsed = load(folder / "heen.xml")
    heen_history = History.from_paths(history) if history else None
    registry = None
    if (folder / "registry.json").is_file():
        rows = json.loads((folder / "registry.json").read_text(encoding="utf-8"))
        registry = RegistrySnapshot.from_dict(rows)
    report = validate_parsed(parsed, Options(today=today, history=heen_history, registry=registry))
    result = answer(parsed, report, identificatie="A2612010000X", dagtekening=today)
    document = etree.fromstring(to_xml(result.message))

    code, expected = _expected(folder)
    assert result.message.message_type.code == code
    assert _found(document) == expected, [f"{f.code} {f.retourcode} {f.xpath}" for f in report.findings]

    official = load_schema(result.message.message_type, reference_path("ijw-3.2", "xsd"))
    for schema in (official, load_schema(result.message.message_type)):
        assert schema.validate(document), schema.error_log.last_error
    judged_with = History.from_paths([*history, folder / "heen.xml"])
    own = validate(to_xml(result.message), Options(today=today, history=judged_with), name=f"{code}.xml")
    assert not ANSWER_RULES & {f.code for f in own.findings}, own.findings


def test_every_pair_has_every_level():
    names = {p.name for p in CASES.iterdir()}
    for heen in HEEN:
        for case in ("goedgekeurd", "niveau2", "niveau3-header", "niveau4-header"):
            assert f"{heen}-{case}" in names
        assert any(n.startswith(f"{heen}-niveau3-") and not n.endswith("header") for n in names), heen
        # JW319 has no product class that an external rule judges; its level 4 is the Header only.
        assert heen == "JW319" or f"{heen}-niveau4-product" in names, heen


@pytest.mark.parametrize("code", HEEN)
def test_schema_invalid_message_gets_no_answer(code: str, tmp_path: Path):
    # Controleniveau 1: the sender gets an error, no answer message (IV028, IV087).
    tree = etree.parse(str(FIXTURES / "messages" / f"{code}.xml"))
    afzender = tree.getroot().find("{*}Header/{*}Afzender")
    afzender.getparent().remove(afzender)
    broken = tmp_path / f"{code}.xml"
    tree.write(str(broken))
    parsed = load(broken)
    report = validate_parsed(parsed, Options(today=dt.date(2026, 12, 1)))
    assert not report.valid
    with pytest.raises(NoAnswer, match="als geheel afgekeurd"):
        answer(parsed, report, identificatie="A1", dagtekening=dt.date(2026, 12, 1))
