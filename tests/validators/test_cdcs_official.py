"""The in-message conditions (CD) and constraints (CS) on the official iJw and iWmo examples.

The examples were written by the standard's maintainers, so a CD/CS finding on them is either
a rule of ours that is too strict or a real slip in the example; the known slips are listed.
The iWmo examples also prove that the rules, written for iJw codes, run on iWmo messages.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from lxml import etree

from tests.conftest import REFERENCE, reference_path
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet

FOLDERS = ("ijw-3.2", "iwmo-3.2")
CDCS = RuleSet(select=("CD", "CS"))
# JW317's NieuwProduct ends (2024-02-28) before its GewensteIngangsdatum (2026-11-01).
KNOWN_SLIPS = {"JW317": {"CS003"}}


def _examples() -> list[str]:
    if not REFERENCE.exists():
        return ["ijw-3.2/JW301"]  # one id so the test runs and skips with its reason
    return sorted(
        f"{folder}/{path.stem}"
        for folder in FOLDERS
        for path in (REFERENCE / folder / "examples").glob("*.xml")
    )


def _options() -> Options:
    return Options(today=dt.date(2026, 12, 1), ruleset=CDCS)


@pytest.mark.parametrize("name", _examples())
def test_official_example_has_no_unexpected_cd_cs_finding(name):
    folder, code = name.split("/")
    path = reference_path(folder, "examples", f"{code}.xml")
    report = validate(path, _options())
    codes = {f.code for f in report.findings if f.code.startswith(("CD", "CS"))}
    shown = [f"{f.code} {f.xpath}: {f.message}" for f in report.findings]
    assert codes == KNOWN_SLIPS.get(code, set()), shown


def _wmo_with_bsn() -> list[str]:
    folder = REFERENCE / "iwmo-3.2" / "examples"
    if not folder.exists():
        return []
    return [p.stem for p in sorted(folder.glob("*.xml")) if b"Bsn>" in p.read_bytes()]


@pytest.mark.parametrize("code", _wmo_with_bsn() or ["WMO301"])
def test_elfproef_runs_on_iwmo_messages(code, tmp_path):
    path = reference_path("iwmo-3.2", "examples", f"{code}.xml")
    tree = etree.parse(str(path))
    bsn = next(tree.getroot().iter("{*}Bsn"))
    # A different last digit moves the weighted sum by 1..9, never by a multiple of 11.
    bsn.text = bsn.text[:8] + str((int(bsn.text[8]) + 1) % 10)
    broken = tmp_path / f"{code}.xml"
    tree.write(str(broken), xml_declaration=True, encoding="UTF-8")
    report = validate(broken, _options())
    assert [f.code for f in report.findings] == ["CS002"], [f.message for f in report.findings]


def test_every_cd_cs_rule_of_the_iwmo_catalogue_covers_its_wmo_messages():
    from validators.rules.registry import all_rules

    catalogue = json.loads(reference_path("iwmo-3.2", "rules.json").read_text(encoding="utf-8"))["rules"]
    rules = all_rules()
    for entry in catalogue:
        if entry["level"] != "xslt" or entry["kind"] not in ("conditie", "constraint"):
            continue
        rule = rules[entry["code"]]
        for message in entry["messages"]:
            assert rule.applies_to(message), f"{entry['code']} does not run on {message}"
