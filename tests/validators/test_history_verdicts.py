"""Trustworthy cross-message verdicts: scoped history keys, the view before a message, and coverage.

Issue 11 items 3-5 and issue 12 (TR323): numbers are unique per party only, a message is judged
by what came before it, and a rule concludes from an absence only where the history is known
to be complete.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from iwmo_ijw.parsing import load
from tests.fixtures.make_cross_fixtures import LATER, jw301, jw305, jw307, jw323, prestatie
from tests.validators.test_cross_rules import COMPANIONS, _cross_folders, _schema_dir, cross_codes
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet
from validators.sources.history import History

CROSS = cross_codes()
TODAY = date(2026, 12, 1)
# Another gemeente and aanbieder, using the same numbers as the fixtures' 0599 and 12340007.
OTHER = {"0599": "0384", "12340007": "12340008"}


def _other_parties(xml: bytes) -> bytes:
    """The same message between other parties: only Afzender and Ontvanger change."""
    return re.sub(
        rb"(<b:(Afzender|Ontvanger)>)(0599|12340007)(</)",
        lambda m: m[1] + OTHER[m[3].decode()].encode() + m[4],
        xml,
    )


def _findings(xml: Path | bytes, history: History, codes=CROSS, name: str | None = None) -> set[str]:
    options = Options(today=TODAY, ruleset=RuleSet(select=codes), schema_dir=_schema_dir(), history=history)
    report = validate(xml, options, name=name)
    return {f.code for f in report.findings}


def _expected(folder: Path, xml: Path) -> set[str]:
    found = set() if xml.name.startswith("good") else {folder.name}
    return found | COMPANIONS.get((folder.name, xml.name), set())


def _shadow(paths: list[Path], tmp_path: Path) -> list[Path]:
    out = []
    for path in paths:
        copy = tmp_path / f"other-{path.name}"
        copy.write_bytes(_other_parties(path.read_bytes()))
        out.append(copy)
    return out


# -- 11.3: keys scoped as the standard scopes them ---------------------------------------------------


@pytest.mark.parametrize("folder", _cross_folders(), ids=lambda f: f.name)
def test_another_partys_equal_numbers_change_no_verdict(folder, tmp_path):
    """Another gemeente and aanbieder with the very same numbers (before or after) hide nothing."""
    own = sorted((folder / "history").glob("*.xml"))
    other = _shadow(own, tmp_path)
    for history_files in ([*own, *other], [*other, *own]):
        history = History.from_paths(history_files)
        for xml in sorted(folder.glob("*.xml")):
            order = [p.name for p in history_files]
            assert _findings(xml, history) == _expected(folder, xml), (xml.name, order)


@pytest.mark.parametrize("folder", _cross_folders(), ids=lambda f: f.name)
def test_a_message_between_other_parties_is_judged_by_their_history_only(folder, tmp_path):
    """The message moved to the other parties, against a history of both: as against its own history."""
    own = sorted((folder / "history").glob("*.xml"))
    history = History.from_paths([*own, *_shadow(own, tmp_path)])
    for xml in sorted(folder.glob("*.xml")):
        moved = _other_parties(xml.read_bytes())
        assert _findings(moved, history, name=xml.name) == _expected(folder, xml), xml.name


def test_toewijzing_numbers_are_unique_per_gemeente():
    other = _other_parties(jw301(nummer="10072", code="45A48").encode()).decode()
    h = History.from_messages(_messages_of(jw301(nummer="10072", code="54001"), other))
    assert h.toewijzing("10072", gemeente="0599").code == "54001"
    assert h.toewijzing("10072", gemeente="0384").code == "45A48"
    assert h.toewijzing("10072", gemeente="0363") is None
    assert [t.afzender for t in h.toewijzingen_for("999911120")] == ["0384", "0599"]


def test_declaratie_and_referentie_numbers_are_unique_per_aanbieder():
    h = History.from_messages(_messages_of(jw323(), _other_parties(jw323().encode()).decode()))
    assert h.declaratie("SEP2026A", aanbieder="12340007").afzender == "12340007"
    assert h.declaratie("SEP2026A", aanbieder="12340008").afzender == "12340008"
    assert [p.afzender for p in h.prestaties_by_referentie("PRJ-0042", aanbieder="12340008")] == ["12340008"]
    assert len(h.prestaties_by_referentie("PRJ-0042")) == 2  # without scope: every party's


def test_a_repeated_declaratienummer_is_caught_behind_another_aanbieders():
    """TR333: aanbieder 12340008's SEP2026A, arriving later, does not hide 12340007's own."""
    h = History.from_messages(_messages_of(jw323(), _other_parties(jw323().encode()).decode()))
    again = jw323(prestatie(ref="PRJ-0050"), ident="DCL2026-1001", dagtekening="2026-10-20").encode()
    assert "TR333" in _findings(again, h, codes=("TR333",), name="again.xml")
    other_first = History.from_messages(_messages_of(_other_parties(jw323().encode()).decode()))
    assert "TR333" not in _findings(again, other_first, codes=("TR333",), name="again.xml")


def _messages_of(*xmls: str) -> list:
    return [load(x.encode(), name=f"m{i}.xml") for i, x in enumerate(xmls)]


# -- 11.4: a message is judged against what came before it -------------------------------------------


@pytest.mark.parametrize("folder", _cross_folders(), ids=lambda f: f.name)
def test_verdict_unchanged_when_the_message_itself_and_a_later_one_are_in_the_history(folder):
    own = sorted((folder / "history").glob("*.xml"))
    files = sorted(folder.glob("*.xml"))
    for xml in files:
        later = next((f for f in files if f != xml), None)
        history = History.from_paths([*own, xml, *([later] if later else [])])
        assert _findings(xml, history) == _expected(folder, xml), (xml.name, later and later.name)


def test_the_before_view_hides_what_arrived_with_and_after_the_message():
    first, second = jw323(), jw323(prestatie(ref="PRJ-0043"), **LATER)
    h = History.from_messages(_messages_of(jw301(), first, second))
    view = h.before_message(load(first.encode(), name="first.xml"))
    assert view.declaratie("SEP2026A", aanbieder="12340007") is None
    assert view.toewijzing("80451", gemeente="0599") is not None
    assert view.prestaties_by_referentie("PRJ-0043") == [] and not view.has_declaraties_from("12340007")
    later = h.before_message(load(second.encode(), name="second.xml"))
    assert later.declaratie("SEP2026A", aanbieder="12340007") is not None
    assert later.declaratie("OKT2026A", aanbieder="12340007") is None
    unknown = load(jw323(ident="DCL2026-9999").encode(), name="new.xml")
    assert h.before_message(unknown) is h  # not in the history: everything in it came before


# -- 11.5 and 12: coverage, the one model for every rule that concludes from an absence --------------


def _unconcluded(report):
    """The rules that could not conclude; those --select left out are listed too, and not counted here."""
    from validators.engine.pipeline import FILTERED

    return [s for s in report.skipped_entries() if s.reason != FILTERED]


DELETIONS = {
    "start": lambda: jw305(ident="ST2026-0009", status="3").encode(),
    "stop": lambda: jw307(ident="SP2026-0009", status="3").encode(),
}


@pytest.mark.parametrize("kind", sorted(DELETIONS))
def test_tr063_concludes_only_when_the_history_is_known_to_be_complete(kind, tmp_path):
    """A deletion of a start or stop never delivered, against a history without any notices."""
    (tmp_path / "01-JW301.xml").write_text(jw301(), encoding="utf-8")
    deletion = DELETIONS[kind]()
    options = dict(today=TODAY, ruleset=RuleSet(select=("TR063",)), schema_dir=_schema_dir())

    unknown = validate(deletion, Options(history=History.from_paths([tmp_path]), **options), name="del.xml")
    assert unknown.findings == []
    assert [s.code for s in _unconcluded(unknown)] == ["TR063"]
    assert "volledig" in _unconcluded(unknown)[0].reason

    complete = History.from_paths([tmp_path], complete=True)
    assert complete.coverage.complete_from == date(2026, 8, 25)
    vouched = validate(deletion, Options(history=complete, **options), name="del.xml")
    assert [f.code for f in vouched.findings] == ["TR063"] and _unconcluded(vouched) == []


def test_tr063_before_the_complete_period_proves_nothing(tmp_path):
    (tmp_path / "01-JW301.xml").write_text(jw301(), encoding="utf-8")
    history = History.from_paths([tmp_path], complete=True)
    early = jw305(ident="ST2026-0009", status="3", begin="2026-08-01").encode()
    options = Options(
        today=TODAY, ruleset=RuleSet(select=("TR063",)), schema_dir=_schema_dir(), history=history
    )
    report = validate(early, options, name="early.xml")
    assert report.findings == [] and "2026-08-25" in _unconcluded(report)[0].reason


def test_tr323_does_not_reject_credits_against_a_history_of_toewijzingen_only(tmp_path):
    """Issue 12: `--history toewijzingen/` must not reject every credit line."""
    (tmp_path / "01-JW301.xml").write_text(jw301(), encoding="utf-8")
    credit = jw323(prestatie(ref="PRJ-0042C", vorig="PRJ-0042", dc="C"), **LATER).encode()
    options = dict(today=TODAY, ruleset=RuleSet(select=("TR323",)), schema_dir=_schema_dir())

    toewijzingen_only = validate(
        credit, Options(history=History.from_paths([tmp_path]), **options), name="c.xml"
    )
    assert toewijzingen_only.findings == []
    assert [s.code for s in _unconcluded(toewijzingen_only)] == ["TR323"]

    complete = validate(
        credit, Options(history=History.from_paths([tmp_path], complete=True), **options), name="c.xml"
    )
    assert [f.code for f in complete.findings] == ["TR323"]

    (tmp_path / "02-JW323.xml").write_text(jw323(), encoding="utf-8")  # the debit is there: nothing missing
    declared = validate(
        credit, Options(history=History.from_paths([tmp_path], complete=True), **options), name="c.xml"
    )
    assert declared.findings == [] and _unconcluded(declared) == []


def test_tr323_still_catches_a_credit_of_a_debit_never_declared_when_the_aanbieder_declared_before(tmp_path):
    (tmp_path / "01-JW323.xml").write_text(jw323(), encoding="utf-8")
    credit = jw323(prestatie(ref="PRJ-0099C", vorig="PRJ-0099", dc="C"), **LATER).encode()
    options = Options(
        today=TODAY,
        ruleset=RuleSet(select=("TR323",)),
        schema_dir=_schema_dir(),
        history=History.from_paths([tmp_path]),
    )
    report = validate(credit, options, name="c.xml")
    assert [f.code for f in report.findings] == ["TR323"]


# -- 11.5: TR314 within one message, without history ----------------------------------------------


def test_tr314_catches_a_referentienummer_repeated_under_two_clients_without_history():
    root = etree.fromstring(jw323().encode())
    client = root.find(".//{*}Client")
    client.addnext(etree.fromstring(etree.tostring(client)))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    xml = xml.replace(b"<c:TotaalBedrag>31200<", b"<c:TotaalBedrag>62400<")
    report = validate(
        xml,
        Options(today=TODAY, ruleset=RuleSet(select=("TR314",)), schema_dir=_schema_dir()),
        name="two-clients.xml",
    )
    assert [f.code for f in report.findings] == ["TR314"]
    single = validate(
        jw323().encode(),
        Options(today=TODAY, ruleset=RuleSet(select=("TR314",)), schema_dir=_schema_dir()),
        name="one.xml",
    )
    assert single.findings == [] and _unconcluded(single) == []


# -- 11.5: BerichtCode under the catalogue's codes; RS003/RS039 out of the implemented set ---------


@pytest.mark.parametrize(("berichtcode", "code"), [("486", "RS047"), ("4900", "RS010")])
def test_a_berichtcode_contradicting_the_namespace_is_reported_under_its_catalogue_code(berichtcode, code):
    xml = jw323().replace("<b:BerichtCode>490<", f"<b:BerichtCode>{berichtcode}<").encode()
    report = validate(xml, Options(today=TODAY, schema_dir=_schema_dir()), name="wrong-code.xml")
    assert [f.code for f in report.findings] == [code]
    not_a_message = validate(b"<Bericht/>", Options(today=TODAY), name="other.xml")
    assert [f.code for f in not_a_message.findings] == ["BERICHT"]


@pytest.mark.parametrize("code", ["RS003", "RS039"])
def test_rules_that_no_message_can_break_are_not_in_the_implemented_set_and_show_says_why(code):
    from click.testing import CliRunner

    from productcodes.cli import cli
    from validators.rules.registry import all_rules

    assert code not in all_rules()
    result = CliRunner().invoke(cli, ["rules", "show", code.lower()])
    assert result.exit_code == 0 and f"{code}: niet geïmplementeerd" in result.output
    assert "geen bericht" in result.output


def test_history_complete_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from productcodes.cli import cli

    history = tmp_path / "history"
    history.mkdir()
    (history / "01-JW301.xml").write_text(jw301(), encoding="utf-8")
    deletion = tmp_path / "deletion.xml"
    deletion.write_bytes(DELETIONS["start"]())
    args = [
        "validate",
        "--select",
        "TR063",
        "--today",
        "2026-12-01",
        "--format",
        "json",
        "--history",
        str(history),
    ]
    unknown = CliRunner().invoke(cli, [*args, str(deletion)])
    vouched = CliRunner().invoke(cli, [*args, "--history-complete", str(deletion)])
    assert unknown.exit_code == 0, unknown.output
    assert vouched.exit_code == 1 and '"TR063"' in vouched.stdout, vouched.output
