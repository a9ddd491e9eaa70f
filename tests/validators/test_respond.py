"""Answer messages: retourcodes land on the right element, and the result passes the XSD."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from bench.generate import write_jw301, write_jw323
from iwmo_ijw.models import parse, to_xml
from iwmo_ijw.parsing import load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import path_of
from productcodes.cli import cli
from validators.findings import FileReport, Finding, Severity
from validators.respond import NoAnswer, answer

DAY = dt.date(2026, 11, 25)


def _error(node, retourcode: str, child: str = "") -> Finding:
    return Finding("TEST", Severity.ERROR, retourcode, "test finding", xpath=path_of(node) + child)


def _valid(message) -> bool:
    schema = load_schema(message.message_type)
    return schema.validate(etree.fromstring(to_xml(message)))


@pytest.fixture
def jw301(tmp_path: Path) -> Path:
    path = tmp_path / "JW301.xml"
    write_jw301(path, client=7)
    return path


@pytest.fixture
def jw323(tmp_path: Path) -> Path:
    path = tmp_path / "JW323.xml"
    write_jw323(path, 12)
    return path


def test_clean_toewijzing_gets_0200_everywhere(jw301: Path):
    result = answer(load(jw301), FileReport(file="x"), identificatie="R1", dagtekening=DAY)
    message = result.message
    assert message.message_type.code == "JW302" and _valid(message)
    codes = [p.retour_codes.retour_code for p in message.client.toegewezen_producten.toegewezen_product]
    assert codes == [["0200"]] * 4 and message.client.retour_codes.retour_code == ["0200"]
    assert message.header.retour_codes is None and result.placed == {}


def test_finding_lands_on_its_product(jw301: Path):
    parsed = load(jw301)
    product = parsed.root.findall(".//{*}ToegewezenProduct")[2]
    report = FileReport(file="x", findings=[_error(product, "9322", "/Omvang/Volume"), _error(product, "9322")])
    message = answer(parsed, report, identificatie="R1", dagtekening=DAY).message
    codes = [p.retour_codes.retour_code for p in message.client.toegewezen_producten.toegewezen_product]
    assert codes == [["0200"], ["0200"], ["9322"], ["0200"]]  # one code, not one per finding
    assert _valid(message)


def test_declaratie_antwoord_lists_only_rejected_prestaties(jw323: Path):
    parsed = load(jw323)
    rejected = parsed.root.findall(".//{*}Prestatie")[5]
    answer_ = answer(parsed, FileReport(file="x", findings=[_error(rejected, "9346", "/IngediendBedrag")]),
                     identificatie="A1", dagtekening=DAY)
    message, heen = answer_.message, parse(jw323)
    assert message.message_type.code == "JW325" and _valid(message)
    antwoord = message.declaratie_antwoord
    [client] = antwoord.clienten.client
    [prestatie] = client.prestaties.prestatie
    assert prestatie.retour_codes.retour_code == ["9346"]
    bedrag = heen.declaratie.clienten.client[1].prestaties.prestatie[1].ingediend_bedrag.bedrag
    total = heen.declaratie.totaal_ingediend_bedrag.totaal_bedrag
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == total - bedrag
    assert message.header.ontvanger == heen.header.afzender and message.header.afzender == heen.header.ontvanger


def test_rejected_declaratie_grants_nothing(jw323: Path):
    parsed = load(jw323)
    declaratie = parsed.root.find(".//{*}Declaratie")
    message = answer(parsed, FileReport(file="x", findings=[_error(declaratie, "9340", "/DeclaratieNummer")]),
                     identificatie="A1", dagtekening=DAY).message
    antwoord = message.declaratie_antwoord
    assert antwoord.clienten is None and antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    assert antwoord.retour_codes.retour_code == ["9340"] and _valid(message)


def test_schema_invalid_message_gets_no_answer(jw323: Path):
    report = FileReport(file="x", findings=[Finding("RS001", Severity.ERROR, None, "bad")])
    with pytest.raises(NoAnswer, match="rejected as a whole"):
        answer(load(jw323), report, identificatie="A1", dagtekening=DAY)


def test_respond_command_writes_answers_and_goes_past_broken_files(jw301: Path, jw323: Path, tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<not xml")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["respond", str(jw301), str(broken), str(jw323), "--out", str(out),
                                      "--today", "2026-12-01"])
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["JW301.JW302.xml", "JW323.JW325.xml"]
    assert "broken.xml: no answer message" in result.output
    for path in out.iterdir():
        message = parse(path)
        assert _valid(message)
