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
from validators.findings import FileReport, Finding, Report, Severity
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
            Finding("RS037", Severity.ERROR, None, f"Bsn '{SHORT_BSN}' does not conform (RS037)",
                    "/Bericht/Declaratie/Clienten/Client[1]/Bsn", 31),
            Finding("TR900", Severity.ERROR, "9900", f"IngediendBedrag 100 for client {BSN} is not 4 × 30 = 120",
                    "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag", 52),
            Finding("ZZ010", Severity.WARNING, None, "ProductCode 54001 is not in the registry", None, None),
        ],
    )
    valid = FileReport(file="berichten/toewijzing.xml", standard="iJw", release="3.2", message_type="JW301")
    broken = FileReport(file="berichten/kapot.xml", findings=[
        Finding("XML", Severity.ERROR, None, "not well-formed XML: premature end of data", None, 7)])
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
    assert set(first) == {"file", "standard", "release", "message_type", "valid", "findings"}
    assert set(first["findings"][0]) == {"code", "severity", "retourcode", "retourcode_description",
                                         "message", "hint", "xpath", "line"}
    assert [f["valid"] for f in doc["files"]] == [False, True, False]


def test_junit_counts_failures_per_file() -> None:
    root = etree.fromstring(render(sample_report(), "junit").encode())
    suite = root.find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [len(c.findall("failure")) for c in cases] == [2, 0, 1]


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
