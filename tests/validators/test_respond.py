"""Answer messages: the shape per controleniveau, retourcodes on the right class, unique identifications.

The cases per invulinstructie with real rules are in tests/conformance/test_answers_conformance.py;
here findings are made by hand to reach the corners (a rejected Client in a JW325, credits, a
level 4 finding on a Prestatie) and the command's identification sequence is exercised.
"""

from __future__ import annotations

import datetime as dt
import json
import re
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
from productcodes.errors import UserError
from validators.answers.placement import Tree, descend, steps
from validators.answers.respond import NoAnswer, answer
from validators.answers.sequence import LIMIT, STATE_FILE, Sequence, base36, identificatie
from validators.engine.pipeline import Options, validate
from validators.findings import FileReport, Finding, Severity
from validators.sources.history import History

DAY = dt.date(2026, 11, 25)


def _error(node, retourcode: str, child: str = "", code: str = "TR307") -> Finding:
    # TR307 is a cross-message rule (controleniveau 3); the code decides the level, not the text.
    return Finding(code, Severity.ERROR, retourcode, "test finding", xpath=path_of(node) + child)


def _answer(parsed, *findings: Finding):
    return answer(parsed, FileReport(file="x", findings=list(findings)), identificatie="A1", dagtekening=DAY)


def _codes(node) -> list[str]:
    return node.retour_codes.retour_code


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


def test_clean_toewijzing_gets_the_header_alone_without_codes(jw301: Path):
    result = answer(load(jw301), FileReport(file="x"), identificatie="R1", dagtekening=DAY)
    message = result.message
    assert message.message_type.code == "JW302" and _valid(message)
    assert message.client is None and message.header.retour_codes is None
    assert result.placed == {} and result.controleniveau is None


def test_finding_lands_on_its_product_and_the_rest_is_0200(jw301: Path):
    parsed = load(jw301)
    product = parsed.root.findall(".//{*}ToegewezenProduct")[2]
    result = _answer(parsed, _error(product, "9322", "/Omvang/Volume"), _error(product, "9322"))
    message = result.message
    codes = [p.retour_codes.retour_code for p in message.client.toegewezen_producten.toegewezen_product]
    assert codes == [["0200"], ["0200"], ["9322"], ["0200"]]  # one code, not one per finding
    assert message.client.retour_codes.retour_code == ["0200"]
    assert message.header.retour_codes.retour_code == ["0200"]  # IV028: the Header above a rejected class
    assert result.controleniveau == 3 and _valid(message)


def test_in_message_error_gives_the_header_alone_with_0001(jw301: Path, jw323: Path):
    for path in (jw301, jw323):
        parsed = load(path)
        line = parsed.root.findall(".//{*}Bsn")[0]
        report = FileReport(file="x", findings=[_error(line, "0001", code="CS002"), _error(line, "9307")])
        result = answer(parsed, report, identificatie="R1", dagtekening=DAY)
        header = result.message.header
        assert header.retour_codes.retour_code == ["0001"] and result.controleniveau == 2
        others = [s.attr for s in result.message._FIELDS if s.attr != "header"]
        assert all(getattr(result.message, attr) is None for attr in others)
        assert _valid(result.message)


def test_header_error_beats_class_errors(jw301: Path):
    parsed = load(jw301)
    dagtekening = parsed.root.find("{*}Header/{*}BerichtIdentificatie/{*}Dagtekening")
    product = parsed.root.findall(".//{*}ToegewezenProduct")[0]
    result = _answer(parsed, _error(product, "9379"), _error(dagtekening, "8848", code="TR135"))
    assert result.message.client is None and result.message.header.retour_codes.retour_code == ["8848"]
    assert result.controleniveau == 3  # the lowest level that placed a code


def test_rejected_class_leaves_its_subclasses_unassessed(tmp_path: Path):
    # A Client-level error in a retour message: the classes below it get 0233, not 0200.
    parsed = load(Path(__file__).parents[1] / "fixtures" / "messages" / "JW301.xml")
    client = parsed.root.find("{*}Client")
    result = _answer(parsed, _error(client, "9063", "/Bsn"))
    message = result.message
    assert message.client.retour_codes.retour_code == ["9063"]
    products = message.client.toegewezen_producten.toegewezen_product
    assert {tuple(p.retour_codes.retour_code) for p in products} == {("0233",)}
    assert _valid(message)


def test_fully_approved_declaration_gets_8001_and_the_whole_amount(jw323: Path):
    result = answer(load(jw323), FileReport(file="x"), identificatie="A1", dagtekening=DAY)
    antwoord, heen = result.message.declaratie_antwoord, parse(jw323)
    assert result.message.header.retour_codes.retour_code == ["0200"]
    assert antwoord.retour_codes.retour_code == ["8001"] and antwoord.clienten is None
    assert antwoord.totaal_toegekend_bedrag == heen.declaratie.totaal_ingediend_bedrag
    assert _valid(result.message)


def test_declaratie_antwoord_lists_only_rejected_prestaties(jw323: Path):
    parsed = load(jw323)
    rejected = parsed.root.findall(".//{*}Prestatie")[5]
    answer_ = _answer(parsed, _error(rejected, "9346", "/IngediendBedrag", "TR346"))
    message, heen = answer_.message, parse(jw323)
    assert message.message_type.code == "JW325" and _valid(message) and answer_.controleniveau == 4
    antwoord = message.declaratie_antwoord
    [client] = antwoord.clienten.client
    [prestatie] = client.prestaties.prestatie
    assert prestatie.retour_codes.retour_code == ["9346"] and client.retour_codes.retour_code == ["0200"]
    assert _codes(antwoord) == ["0200"] and _codes(message.header) == ["0200"]
    bedrag = heen.declaratie.clienten.client[1].prestaties.prestatie[1].ingediend_bedrag.bedrag
    total = heen.declaratie.totaal_ingediend_bedrag.totaal_bedrag
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == total - bedrag
    header = message.header
    assert (header.ontvanger, header.afzender) == (heen.header.afzender, heen.header.ontvanger)


def test_rejected_client_sends_all_its_prestaties_back_unassessed(jw323: Path):
    parsed = load(jw323)
    client = parsed.root.findall(".//{*}Client")[1]
    own_error = client.findall(".//{*}Prestatie")[0]
    findings = [_error(client, "9063", "/Bsn"), _error(own_error, "9307")]
    message = _answer(parsed, *findings).message
    [answered] = message.declaratie_antwoord.clienten.client
    heen_client = parse(jw323).declaratie.clienten.client[1]
    assert answered.retour_codes.retour_code == ["9063"]
    assert [p.retour_codes.retour_code for p in answered.prestaties.prestatie] == [["0233"]] * len(
        heen_client.prestaties.prestatie
    )  # IV087: not assessed, whatever else they hold
    rejected = sum(p.ingediend_bedrag.bedrag for p in heen_client.prestaties.prestatie)
    total = parse(jw323).declaratie.totaal_ingediend_bedrag.totaal_bedrag
    assert message.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == total - rejected
    assert _valid(message)


def test_rejected_credit_raises_the_granted_total(tmp_path: Path):
    # TR342: SOM(afgewezen) = ingediend - toegekend, signed; a rejected credit is not subtracted.
    heen = tmp_path / "JW323.xml"
    heen.write_bytes((Path(__file__).parents[1] / "fixtures" / "messages" / "JW323.xml").read_bytes())
    parsed = load(heen)
    credit = next(p for p in parsed.root.iter("{*}Prestatie") if p.findtext(".//{*}DebetCredit") == "C")
    message = answer(
        parsed, FileReport(file="x", findings=[_error(credit, "9307")]), identificatie="A1", dagtekening=DAY
    ).message
    model = parse(heen)
    credit_cents = next(
        p.ingediend_bedrag.bedrag
        for c in model.declaratie.clienten.client
        for p in c.prestaties.prestatie
        if p.ingediend_bedrag.debet_credit == "C"
    )
    toegekend = message.declaratie_antwoord.totaal_toegekend_bedrag
    assert (toegekend.totaal_bedrag, toegekend.debet_credit) == (
        model.declaratie.totaal_ingediend_bedrag.totaal_bedrag + credit_cents,
        "D",
    )


def test_rejected_declaratie_grants_nothing(jw323: Path):
    parsed = load(jw323)
    declaratie = parsed.root.find(".//{*}Declaratie")
    message = answer(
        parsed,
        FileReport(file="x", findings=[_error(declaratie, "9333", "/DeclaratieNummer")]),
        identificatie="A1",
        dagtekening=DAY,
    ).message
    antwoord = message.declaratie_antwoord
    assert antwoord.clienten is None and antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    assert _codes(antwoord) == ["9333"] and _codes(message.header) == ["0200"]
    assert _valid(message)


def test_schema_invalid_message_gets_no_answer(jw323: Path):
    report = FileReport(file="x", findings=[Finding("RS001", Severity.ERROR, None, "bad")])
    with pytest.raises(NoAnswer, match="als geheel afgekeurd"):
        answer(load(jw323), report, identificatie="A1", dagtekening=DAY)


def test_placement_follows_element_positions(jw323: Path):
    model = parse(jw323)
    assert steps("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/IngediendBedrag") == [
        ("Declaratie", 1),
        ("Clienten", 1),
        ("Client", 2),
        ("Prestaties", 1),
        ("Prestatie", 1),
        ("IngediendBedrag", 1),
    ]
    way = descend(model, "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode")
    assert way[-1] is model.declaratie.clienten.client[1].prestaties.prestatie[1].product_periode
    # A position beyond the message stops at the last node that exists.
    assert descend(model, "/Bericht/Declaratie/Clienten/Client[99]")[-1] is model.declaratie.clienten
    # The tree walk (used for JW325, which never models the whole declaration) agrees.
    parsed = load(jw323)
    tree = Tree(parsed.root)
    el = tree.descend("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode")[-1]
    assert path_of(el) == "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode"
    beyond = tree.descend("/Bericht/Declaratie/Clienten/Client[99]/Bsn")[-1]
    assert path_of(beyond) == "/Bericht/Declaratie/Clienten"


# --- identifications -------------------------------------------------------------------------


def test_identifications_fit_and_differ():
    day = dt.date(2026, 8, 1)
    made = [identificatie(day, n) for n in (1, 9, 10, 35, 36, 10_000, 100_000, LIMIT)]
    assert all(len(i) == 12 for i in made) and len(set(made)) == len(made)
    assert made[0] == "A26080100001" and base36(36) == "00010"
    with pytest.raises(UserError):
        identificatie(day, LIMIT + 1)


def test_sequence_goes_on_across_runs_and_days(tmp_path: Path):
    day = dt.date(2026, 8, 1)
    with Sequence(tmp_path, day) as first:
        a = [first.next(), first.next()]
    with Sequence(tmp_path, day) as second:
        b = second.next()
    with Sequence(tmp_path, day + dt.timedelta(days=1)) as third:
        c = third.next()
    assert a == ["A26080100001", "A26080100002"] and b == "A26080100003" and c == "A26080200001"
    assert json.loads((tmp_path / STATE_FILE).read_text()) == {"2026-08-01": 3, "2026-08-02": 1}


def test_sequence_does_not_wrap_within_a_run(tmp_path: Path):
    (tmp_path / STATE_FILE).write_text(json.dumps({"2026-08-01": 99_998}))
    with Sequence(tmp_path, dt.date(2026, 8, 1)) as sequence:
        made = [sequence.next() for _ in range(3)]
    assert len(set(made)) == 3 and identificatie(dt.date(2026, 8, 1), 10_000) not in made


def test_foreign_state_file_is_refused_not_overwritten(tmp_path: Path):
    (tmp_path / STATE_FILE).write_text("not json")
    with pytest.raises(UserError, match="toestandsbestand"), Sequence(tmp_path, DAY):
        pass
    assert (tmp_path / STATE_FILE).read_text() == "not json"


def test_respond_command_writes_answers_and_goes_past_broken_files(jw301: Path, jw323: Path, tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<not xml")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["respond", str(jw301), str(broken), str(jw323), "--out", str(out), "--today", "2026-12-01"]
    )
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in out.glob("*.xml"))
    assert written == ["JW301.JW302.xml", "JW323.JW325.xml"]
    assert "broken.xml: geen antwoordbericht" in result.output and "geheel goedgekeurd" in result.output
    for path in out.glob("*.xml"):
        assert _valid(parse(path))


def test_two_runs_on_one_day_never_repeat_an_identification(jw323: Path, tmp_path: Path):
    out = tmp_path / "out"
    seen = []
    for run in range(2):
        result = CliRunner().invoke(cli, ["respond", str(jw323), "--out", str(out), "--today", "2026-12-01"])
        assert result.exit_code == 0, result.output
        answer_file = out / "JW323.JW325.xml"
        kept = out / f"run{run}.xml"
        answer_file.rename(kept)
        seen.append(parse(kept).header.bericht_identificatie.identificatie)
    assert seen[0] != seen[1]
    # The receiver's own check agrees: the second answer is no repeat of the first (TR056).
    report = validate(
        out / "run1.xml",
        Options(today=dt.date(2026, 12, 1), history=History.from_paths([jw323, out / "run0.xml"])),
    )
    assert "TR056" not in {f.code for f in report.findings}
    # Control: another answer under the first one's identification (here, one dated a day later) is
    # caught. run0.xml itself in its history is no repeat: that is a re-validation, judged by what
    # came before it.
    repeat = out / "repeat.xml"
    text = (out / "run1.xml").read_text(encoding="utf-8").replace(seen[1], seen[0])
    repeat.write_text(
        re.sub(r"(Dagtekening>)2026-12-01<", r"\g<1>2026-12-02<", text, count=1), encoding="utf-8"
    )
    control = validate(
        repeat, Options(today=dt.date(2026, 12, 1), history=History.from_paths([jw323, out / "run0.xml"]))
    )
    assert "TR056" in {f.code for f in control.findings}


def test_corrupt_state_file_is_a_one_line_error(jw323: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / STATE_FILE).write_text("[1, 2]")
    result = CliRunner().invoke(cli, ["respond", str(jw323), "--out", str(out), "--today", "2026-12-01"])
    assert result.exit_code == 2 and "fout:" in result.output and "Traceback" not in result.output
    assert not list(out.glob("*.xml"))


def test_with_a_store_the_sequence_lives_in_the_store(db_url: str, tmp_path: Path):
    # The answers of two runs into different folders still differ: the numbers are in the database.
    case = Path(__file__).parents[1] / "fixtures" / "answers" / "JW305-niveau3-product"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--db", db_url, *args])

    assert run("db", "upgrade").exit_code == 0
    assert run("store", "ingest", *map(str, sorted((case / "history").glob("*.xml")))).exit_code == 0
    made = []
    for folder in ("een", "twee"):
        result = run(
            "respond",
            str(case / "heen.xml"),
            "--store",
            "--out",
            str(tmp_path / folder),
            "--today",
            "2026-12-01",
        )
        assert result.exit_code == 0, result.output
        assert "controleniveau 3" in result.output  # the store's history found the missing start (TR063)
        made.append(parse(tmp_path / folder / "heen.JW306.xml").header.identificatie_retour)
        assert not (tmp_path / folder / STATE_FILE).exists()
    assert made == ["A26120100001", "A26120100002"]
