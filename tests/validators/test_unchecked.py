"""Every bedrijfsregel (OP) and invulinstructie (IV) of the catalogue is either a rule here or
listed in `rules list` as not machine-checked, with the reason."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from productcodes.cli import cli
from tests.conftest import REFERENCE
from validators.rules.registry import all_rules
from validators.rules.unchecked import REASONS, UNCHECKED, reason

CATALOGUE = REFERENCE / "ijw-3.2" / "rules.json"


def test_every_op_and_iv_rule_is_checked_or_says_why_not():
    if not CATALOGUE.is_file():
        pytest.skip(f"rule catalogue not present at {CATALOGUE}")
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))["rules"]
    wanted = {r["code"] for r in catalogue if r["code"].startswith(("OP", "IV"))}
    implemented = set(all_rules())
    assert wanted - implemented - set(UNCHECKED) == set()
    assert "OP192" in implemented


def test_nothing_is_both_checked_and_unchecked_and_named_rules_exist():
    implemented = set(all_rules())
    assert not implemented & set(UNCHECKED)
    for code, (kind, numbers, covered) in UNCHECKED.items():
        assert kind in REASONS, code
        assert numbers.split(), code
        assert set(covered.split()) <= implemented, code


def test_rules_list_shows_them_with_the_reason():
    result = CliRunner().invoke(cli, ["rules", "list", "--message", "JW323", "--format", "json"])
    rows = json.loads(result.output)
    unchecked = {r["code"]: r for r in rows if not r["checked"]}
    assert "OP179" in unchecked and "OP001" not in unchecked  # OP001 is about toewijzingen only
    assert unchecked["OP365"]["description"] == reason("OP365")
    assert "TR321" in unchecked["OP365"]["description"]
    assert all(r["level"] == "niet machinaal" for r in unchecked.values())
    assert any(r["checked"] and r["code"] == "TR346" for r in rows)
    text = CliRunner().invoke(cli, ["rules", "list", "--level", "niet machinaal"]).output
    count = len(UNCHECKED)
    assert text.splitlines()[-1].startswith(f"{count} regel(s), waarvan {count} niet machinaal")
