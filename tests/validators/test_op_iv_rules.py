"""The bedrijfsregels and invulinstructies checked as rules (OP087, OP348, IV009): their exceptions,
the history they rely on, and the ones left unchecked (OP071, OP076, IV034) with a precise reason."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from lxml import etree

from tests.conftest import FIXTURES
from validators.engine.pipeline import EVERY_LEVEL, Options, validate
from validators.findings import Severity
from validators.rules.registry import RuleSet, all_rules
from validators.rules.unchecked import UNCHECKED, reason
from validators.sources.history import History

RULES = FIXTURES / "rules"


def _findings(xml: Path, code: str, history: list[Path]) -> list:
    options = Options(
        today=date(2026, 12, 1),
        ruleset=RuleSet(select=(code,)),
        levels=EVERY_LEVEL,
        history=History.from_paths(history),
    )
    return [f for f in validate(xml, options).findings if f.code == code]


def _edited(source: Path, target: Path, **texts: str) -> Path:
    """A copy of `source` with the first element of each local name set to a new text."""
    tree = etree.parse(str(source))
    for name, value in texts.items():
        next(tree.getroot().iter(f"{{*}}{name}")).text = value
    tree.write(str(target), xml_declaration=True, encoding="UTF-8")
    return target


def test_the_rules_are_warnings_without_retourcode():
    for code in ("OP087", "OP348", "IV009"):
        rule = all_rules()[code]
        assert rule.severity is Severity.WARNING and rule.retourcode is None, code
        assert code not in UNCHECKED


def test_op087_a_deleted_toewijzing_need_not_be_repeated_but_a_current_one_must():
    folder = RULES / "OP087"
    both = sorted((folder / "history").glob("*.xml"))
    assert _findings(folder / "good.xml", "OP087", both) == []
    # Without the deletion (reden 13, Einddatum = Ingangsdatum) 260103 runs to 2026-12-31: still current.
    found = _findings(folder / "good.xml", "OP087", both[:1])
    assert [dict(f.values)["nummer"] for f in found] == ["260103"]


def test_op087_judges_a_message_against_what_came_before_it(tmp_path: Path):
    folder = RULES / "OP087"
    history = sorted((folder / "history").glob("*.xml"))
    itself = shutil.copy(folder / "bad.xml", tmp_path / "03-JW301.xml")
    found = _findings(folder / "bad.xml", "OP087", [*history, Path(itself)])
    assert [dict(f.values)["nummer"] for f in found] == ["260102"]


def test_op348_only_a_request_of_this_client_sent_before_counts(tmp_path: Path):
    folder = RULES / "OP348"
    toewijzing, verzoek = sorted((folder / "history").glob("*.xml"))
    assert len(_findings(folder / "bad-nieuw.xml", "OP348", [toewijzing, verzoek])) == 1
    other_client = _edited(verzoek, tmp_path / "other.xml", Bsn="100000022")
    assert _findings(folder / "bad-nieuw.xml", "OP348", [toewijzing, other_client]) == []
    later = _edited(verzoek, tmp_path / "later.xml", Dagtekening="2026-11-20")
    assert _findings(folder / "bad-nieuw.xml", "OP348", [toewijzing, later]) == []


def test_history_keeps_what_a_change_request_names():
    history = History.from_paths([FIXTURES / "messages" / "JW317.xml", FIXTURES / "messages" / "JW315.xml"])
    (verzoek,) = history.verzoeken_for("VOW-26-001", aanbieder="12000001")
    assert sorted(verzoek.toewijzing_nummers) == ["260101", "260102"]
    assert verzoek.nieuwe_producten == (("45", "45N05"),)
    assert all(
        not v.toewijzing_nummers and not v.nieuwe_producten
        for v in history.verzoeken_for("REF-26-001", aanbieder="12000001")
    )


def test_the_ones_left_unchecked_say_precisely_why():
    assert UNCHECKED["OP071"][0] == "I" and "TR101" in reason("OP071")
    assert UNCHECKED["OP076"][0] == "Y" and "XSD" in reason("OP076")
    assert UNCHECKED["IV034"][0] == "Z" and "RS048" in reason("IV034")
    assert not any(kind == "O" for kind, _, _ in UNCHECKED.values())
