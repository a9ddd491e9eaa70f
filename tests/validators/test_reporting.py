"""Golden-file tests per report format: the formats are contracts other tools parse.

Regenerate after an intended change and review the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/validators/test_reporting.py
"""

from __future__ import annotations

import json
import os

import pytest
from lxml import etree

from tests.conftest import FIXTURES
from validators.findings import FileReport, Finding, Report, Severity, Skipped
from validators.reporting import FORMATS, render

GOLDEN = FIXTURES / "cli"
BSN = "999911120"
SHORT_BSN = "99991112"


def sample_report() -> Report:
    invalid = FileReport(
        file="berichten/declaratie.xml",
        standard="iJw",
        release="3.2",
        message_type="JW323",
        secrets=frozenset({BSN, SHORT_BSN}),  # the engine collects every Bsn text, valid or not
        findings=[
            Finding(
                "RS037",
                Severity.ERROR,
                None,
                f"Bsn '{SHORT_BSN}' does not conform (RS037)",
                "/Bericht/Declaratie/Clienten/Client[1]/Bsn",
                31,
            ),
            Finding(
                "TR900",
                Severity.ERROR,
                "9900",
                f"IngediendBedrag 100 for client {BSN} is not 4 × 30 = 120",
                "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag",
                52,
            ),
            Finding("ZZ010", Severity.WARNING, None, "ProductCode 54001 is not in the registry", None, None),
        ],
    )
    valid = FileReport(
        file="berichten/toewijzing.xml",
        standard="iJw",
        release="3.2",
        message_type="JW301",
        skipped=[Skipped("TR900", "no history"), Skipped("ZZ010", "the registry has no tarieven")],
    )
    broken = FileReport(
        file="berichten/kapot.xml",
        findings=[
            Finding("XML", Severity.ERROR, None, "not well-formed XML: premature end of data", None, 7)
        ],
    )
    return Report([invalid, valid, broken])


# TR900/ZZ010 are deliberately unregistered codes: the goldens must not change when a colleague
# rewords a real rule's description.
SUFFIX = {"text": "txt", "json": "json", "junit": "xml", "sarif": "sarif.json"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt: str) -> None:
    produced = render(sample_report(), fmt)
    golden = GOLDEN / f"report.{SUFFIX[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_bsn_masked_unless_asked(fmt: str) -> None:
    assert BSN not in render(sample_report(), fmt)
    assert f"'{SHORT_BSN}'" not in render(sample_report(), fmt)
    assert "******120" in render(sample_report(), fmt)
    assert BSN in render(sample_report(), fmt, show_bsn=True)


def test_json_contract_keys() -> None:
    doc = json.loads(render(sample_report(), "json"))
    first = doc["files"][0]
    assert set(first) == {"file", "standard", "release", "message_type", "valid", "findings", "skipped"}
    assert set(first["findings"][0]) == {
        "code",
        "severity",
        "retourcode",
        "retourcode_description",
        "message",
        "hint",
        "xpath",
        "line",
    }
    assert [f["valid"] for f in doc["files"]] == [False, True, False]


def test_junit_counts_failures_per_file() -> None:
    root = etree.fromstring(render(sample_report(), "junit").encode())
    suite = root.find("testsuite")
    # Three files and two rules that did not run on one of them.
    assert suite.get("tests") == "5" and suite.get("failures") == "3" and suite.get("skipped") == "2"
    cases = suite.findall("testcase")
    assert [len(c.findall("failure")) for c in cases] == [2, 0, 0, 0, 1]


def test_sarif_results_point_at_rules() -> None:
    doc = json.loads(render(sample_report(), "sarif"))
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert doc["version"] == "2.1.0"
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 31}


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown report format 'csv'"):
        render(sample_report(), "csv")


# -- what did not run is said, in every format ------------------------------------------------


def test_json_lists_skipped_rules_with_code_and_reason() -> None:
    doc = json.loads(render(sample_report(), "json"))
    assert doc["files"][1]["skipped"] == [
        {"code": "TR900", "reason": "no history"},
        {"code": "ZZ010", "reason": "the registry has no tarieven"},
    ]
    assert doc["files"][0]["skipped"] == []


def test_text_says_in_one_line_how_many_rules_did_not_run_and_why() -> None:
    lines = render(sample_report(), "text").splitlines()
    skipped = [line for line in lines if "niet uitgevoerd" in line]
    assert skipped == ["2 regel(s) niet uitgevoerd: TR900 (no history); ZZ010 (the registry has no tarieven)"]
    english = render(sample_report(), "text", lang="en").splitlines()
    assert "2 rule(s) not evaluated: TR900 (no history); ZZ010 (the registry has no tarieven)" in english


def test_text_names_a_few_of_many_filtered_rules_and_counts_them() -> None:
    many = FileReport(
        file="x.xml", skipped=[Skipped(f"TR{n:03d}", "left out by --select/--ignore") for n in range(20)]
    )
    line = render(Report([many]), "text").splitlines()[-1]
    assert line.startswith("20 regel(s) niet uitgevoerd: TR000, TR001") and "en 12 meer" in line


def test_sarif_reports_skipped_rules_as_tool_notifications() -> None:
    doc = json.loads(render(sample_report(), "sarif"))
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [(n["associatedRule"]["id"], n["properties"]["reason"]) for n in notes] == [
        ("TR900", "no history"),
        ("ZZ010", "the registry has no tarieven"),
    ]
    location = notes[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "berichten/toewijzing.xml"


def test_junit_has_a_skipped_testcase_per_rule_not_run() -> None:
    root = etree.fromstring(render(sample_report(), "junit").encode())
    skipped = [
        (case.get("name"), case.find("skipped").get("message"))
        for case in root.iter("testcase")
        if case.find("skipped") is not None
    ]
    assert skipped == [
        ("berichten/toewijzing.xml TR900", "no history"),
        ("berichten/toewijzing.xml ZZ010", "the registry has no tarieven"),
    ]


def test_skipped_entries_written_as_text_read_as_structured_and_once() -> None:
    report = FileReport(file="x.xml", skipped=["TR338: no history", Skipped("TR338", "no history")])
    assert report.skipped_entries() == [Skipped("TR338", "no history")]
