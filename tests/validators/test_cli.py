"""`productcodes validate` and `productcodes rules` through the real root command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from productcodes.cli import cli
from tests.conftest import FIXTURES, reference_path
from tests.validators.make_xsd_fixtures import BASE


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "kapot.xml"
    path.write_bytes(b"<Bericht><unclosed></Bericht>")
    return path


def test_not_xml_is_a_finding_and_exit_1(broken: Path) -> None:
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert f"{broken}:1: XML Het bestand is geen goed gevormde XML" in result.output
    assert "1 bestand gecontroleerd: 0 goed, 1 afgekeurd" in result.output


def test_batch_continues_after_bad_file(broken: Path, tmp_path: Path) -> None:
    other = tmp_path / "sub" / "oud.xml"
    other.parent.mkdir()
    other.write_bytes(BASE.replace("ijw/3_2/", "ijw/3_1/").encode())
    result = run("validate", str(tmp_path), "--format", "json")
    doc = json.loads(result.output)
    assert [f["findings"][0]["code"] for f in doc["files"]] == ["XML", "RELEASE"]
    assert result.exit_code == 1


def test_stdin(broken: Path) -> None:
    result = run("validate", "-", "--format", "json", input=b"not xml")
    assert json.loads(result.output)["files"][0]["file"] == "<stdin>"


def test_output_file(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run("validate", str(broken), "--format", "sarif", "--output", str(out))
    assert result.output == "" and result.exit_code == 1
    assert json.loads(out.read_text())["runs"][0]["results"][0]["ruleId"] == "XML"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "does/not/exist.xml"), "bestand of map bestaat niet"),
        (("validate", "-", "--today", "tomorrow"), "is geen datum"),
        (("rules", "show", "XX999"), "geen regel 'XX999'"),
        (("rules", "list", "--message", "JW999"), "onbekend bericht"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    result = CliRunner().invoke(cli, list(args), input=b"")
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_valid_and_invalid_against_official_schemas() -> None:
    xsd = reference_path("ijw-3.2", "xsd")
    good, bad = FIXTURES / "rules" / "RS017" / "good.xml", FIXTURES / "rules" / "RS017" / "bad.xml"
    assert run("validate", str(good), "--schemas", str(xsd)).exit_code == 0
    result = run("validate", str(bad), "--schemas", str(xsd), "--format", "json")
    assert result.exit_code == 1
    # The fixtures have LF line ends: OP192 warns about the file before the XSD speaks.
    finding = next(f for f in json.loads(result.output)["files"][0]["findings"] if f["code"] != "OP192")
    assert finding["code"] == "RS017" and finding["retourcode"] is None
    assert "Identificatie 'DCL2026-0917-X'" in finding["message"]


def test_bsn_masked_by_default_in_schema_findings() -> None:
    xsd = reference_path("ijw-3.2", "xsd")
    bad = FIXTURES / "rules" / "RS037" / "bad.xml"
    assert "99991112'" not in run("validate", str(bad), "--schemas", str(xsd)).output
    assert "99991112'" in run("validate", str(bad), "--schemas", str(xsd), "--show-bsn").output


def test_rules_list_filters_by_level_and_message() -> None:
    rows = json.loads(run("rules", "list", "--level", "xsd", "--message", "JW323", "--format", "json").output)
    codes = {r["code"] for r in rows}
    assert {"RS017", "RS037", "CS319"} <= codes
    assert "RS004" not in codes  # Huisnummer: only in JW301
    assert all(r["level"] == "xsd" and r["retourcode"] is None for r in rows)


def test_rules_show_prints_examples_from_fixtures() -> None:
    result = run("rules", "show", "rs017")
    assert result.exit_code == 0
    assert result.output.startswith("RS017: ")
    assert "goed voorbeeld (good.xml):" in result.output and "DCL2026-0917-X" in result.output
