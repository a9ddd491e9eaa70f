"""The message catalogue: Dutch by default, English on request, every rule with a sentence and a hint,
BSNs masked by their type in every format, retourcodes explained, generated rule docs up to date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import FIXTURES, ROOT, reference_path
from validators.engine.pipeline import validate
from validators.findings import Report
from validators.reporting import FORMATS, render
from validators.reporting.texts import Bsn, en, nl, set_lang
from validators.reporting.texts import render as render_text
from validators.rules.docs import _options as fixture_options
from validators.rules.registry import all_rules

RULES = FIXTURES / "rules"
# English words that have no place in a Dutch report (element names and codes are the standard's).
ENGLISH = re.compile(
    r"\b(the|must|although|missing|differs|lies|already|occurs|does|not|with|from|than|"
    r"which|cannot|expected|allowed|should|before|after)\b",
    re.IGNORECASE,
)


def _cases(prefix: str = "") -> list:
    return [
        pytest.param(folder, xml, id=f"{folder.name}-{xml.stem}")
        for folder in sorted(p for p in RULES.iterdir() if p.is_dir())
        for xml in sorted(folder.glob(f"{prefix}*.xml"))
    ]


def _rule_report(folder: Path, xml: Path):
    return validate(xml, fixture_options(folder.name, folder))


def _bsns(*paths: Path) -> set[str]:
    found = set()
    for path in paths:
        try:
            root = etree.parse(str(path)).getroot()
        except etree.XMLSyntaxError:
            continue
        found |= {(el.text or "").strip() for el in root.iter("{*}Bsn") if (el.text or "").strip()}
    return found


# --- the catalogue is complete ------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_has_a_dutch_sentence_hint_and_description(code: str) -> None:
    assert any(k == code or k.startswith(code + ".") for k in nl.MESSAGES), f"{code}: no Dutch message"
    assert nl.HINTS.get(code), f"{code}: no Dutch hint"
    assert nl.DESCRIPTIONS.get(code), f"{code}: no Dutch description"


def test_every_retourcode_of_a_rule_has_a_dutch_description() -> None:
    used = {r.retourcode for r in all_rules().values() if r.retourcode}
    missing = sorted(used - set(nl.RETOURCODES))
    assert not missing


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_has_an_english_hint_too(code: str) -> None:
    from validators.reporting.texts import hint
    from validators.rules.registry import Level

    key = f"{code}.schema" if all_rules()[code].level is Level.XSD else None
    assert hint(code, key, "en"), f"{code}: no English hint"


def test_every_retourcode_has_an_english_description_too() -> None:
    assert set(nl.RETOURCODES) <= set(en.RETOURCODES)


def test_every_english_sentence_names_only_values_its_dutch_sentence_names() -> None:
    # A rule passes one set of values for both languages: a name only English uses would be lost in Dutch.
    names = re.compile(r"{(\w+)")
    for key, sentence in en.MESSAGES.items():
        if key in nl.MESSAGES and not key.startswith("*"):
            assert set(names.findall(sentence)) <= set(names.findall(nl.MESSAGES[key])) | {"because"}, key


@pytest.mark.parametrize(("folder", "xml"), _cases("bad"))
def test_every_bad_fixture_finding_renders_from_the_catalogue(folder: Path, xml: Path) -> None:
    report = _rule_report(folder, xml)
    own = [f for f in report.findings if f.code == folder.name]
    assert own, f"{xml} yields no {folder.name}"
    for f in own:
        assert f.key is not None, f"{f.code} still builds its own sentence: {f.message}"
        for lang in ("nl", "en"):
            assert render_text(f.key, dict(f.values), lang) is not None, (f.key, lang, f.values)
        assert f.hint("nl"), f"{f.code}: no hint"


# --- Dutch by default ----------------------------------------------------------------------------


def _dutch_only(text: str) -> list[str]:
    return [line for line in text.splitlines() if ENGLISH.search(line.split(": ", 1)[-1])]


@pytest.mark.parametrize(("folder", "xml"), _cases("bad"))
def test_bad_fixtures_print_only_dutch_by_default(folder: Path, xml: Path) -> None:
    set_lang(None)
    report = Report([_rule_report(folder, xml)])
    assert not _dutch_only(render(report, "text"))


_MUTATIONS = {
    "too-long": lambda root: _set(root, "Identificatie", "X" * 40),
    "not-a-date": lambda root: _set(root, "Dagtekening", "gisteren"),
    "missing": lambda root: _drop(root, "BerichtCode"),
    "unknown-element": lambda root: etree.SubElement(
        next(root.iter("{*}Header")), f"{{{root.nsmap[None]}}}Extra"
    ),
    "bad-code": lambda root: _set(root, "BerichtVersie", "9"),
    "short-bsn": lambda root: _set(root, "Bsn", "12345678"),
}


def _set(root, name: str, value: str) -> None:
    for el in root.iter(f"{{*}}{name}"):
        el.text = value
        return


def _drop(root, name: str) -> None:
    for el in root.iter(f"{{*}}{name}"):
        el.getparent().remove(el)
        return


@pytest.mark.parametrize("mutation", sorted(_MUTATIONS))
def test_faulty_messages_print_only_dutch(tmp_path: Path, mutation: str) -> None:
    set_lang(None)
    report = Report()
    for source in sorted((FIXTURES / "messages").glob("JW3*.xml")):
        root = etree.parse(str(source)).getroot()
        _MUTATIONS[mutation](root)
        target = tmp_path / source.name
        target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        report.files.append(validate(target))
    assert any(fr.findings for fr in report.files)
    assert not _dutch_only(render(report, "text"))


def test_official_examples_print_only_dutch() -> None:
    folder = reference_path("ijw-3.2", "examples")
    report = Report([validate(p) for p in sorted(folder.glob("*.xml"))])
    assert report.files
    assert not _dutch_only(render(report, "text"))


def test_english_on_request_and_dutch_by_default() -> None:
    report = Report([_rule_report(RULES / "TR346", RULES / "TR346" / "bad.xml")])
    dutch, english = render(report, "text"), render(report, "text", lang="en")
    assert "is niet gelijk aan GeleverdVolume 24 × ProductTarief 8150 = 195600" in dutch
    assert "Corrigeer het volume, het tarief of het bedrag" in dutch
    assert "[9346: bedrag is niet volume maal tarief]" in dutch
    assert "is not GeleverdVolume 24 × ProductTarief 8150 = 195600" in english and "Corrigeer" not in english


def test_json_has_hint_and_retourcode_description() -> None:
    report = Report([_rule_report(RULES / "TR346", RULES / "TR346" / "bad.xml")])
    [finding] = json.loads(render(report, "json"))["files"][0]["findings"]
    assert finding["retourcode"] == "9346" and finding["retourcode_description"] == nl.RETOURCODES["9346"]
    assert finding["hint"] == nl.HINTS["TR346"]
    [english] = json.loads(render(report, "json", lang="en"))["files"][0]["findings"]
    assert english["hint"].startswith("Correct the volume")
    assert english["message"].startswith("IngediendBedrag 195700 is not")


def test_dates_and_decimals_follow_the_language() -> None:
    from datetime import date

    values = {"day": date(2026, 9, 1), "sent": date(2026, 8, 31)}
    assert "01-09-2026" in render_text("TR380", values, "nl")
    assert "2026-09-01" in render_text("TR380", values, "en")
    volume = {"nummer": "1", "total": 2.5, "eenheid": "04", "allowed": 2.0}
    assert "2,5" in render_text("TR322", volume, "nl") and "2.5" in render_text("TR322", volume, "en")


def test_cli_lang_option_and_environment(monkeypatch) -> None:
    from productcodes.cli import cli

    bad = str(RULES / "TR346" / "bad.xml")
    runner = CliRunner()
    dutch = runner.invoke(cli, ["validate", bad, "--select", "TR346"])
    english = runner.invoke(cli, ["validate", bad, "--select", "TR346", "--lang", "en"])
    assert dutch.exit_code == english.exit_code == 1
    assert "is niet gelijk aan" in dutch.output and "is not GeleverdVolume" in english.output
    assert "bestand gecontroleerd" in dutch.output and "file checked" in english.output
    monkeypatch.setenv("PRODUCTCODES_LANG", "en")
    assert "is not GeleverdVolume" in runner.invoke(cli, ["validate", bad, "--select", "TR346"]).output
    wrong = runner.invoke(cli, ["validate", bad, "--lang", "fr"])
    assert wrong.exit_code == 2 and "Traceback" not in wrong.output
    monkeypatch.delenv("PRODUCTCODES_LANG")
    # the option holds for its own command only
    assert "is niet gelijk aan" in runner.invoke(cli, ["validate", bad, "--select", "TR346"]).output


# --- BSNs masked by type --------------------------------------------------------------------------


def test_a_bsn_value_is_masked_unless_asked() -> None:
    values = {"bsn": Bsn("999911120"), "related": Bsn("100000009"), "nummer": "80451"}
    masked = render_text("TR304.toewijzing", values, "nl")
    assert "999911120" not in masked and "100000009" not in masked and "******009" in masked
    assert "100000009" in render_text("TR304.toewijzing", values, "nl", show_bsn=True)


def test_tr304_masks_the_history_bsn_in_every_format() -> None:
    # The history's Bsn is not in the message, so masking by the message's values alone misses it.
    folder = RULES / "TR304"
    report = Report([_rule_report(folder, folder / "bad.xml")])
    history_bsns = _bsns(*sorted((folder / "history").glob("*.xml"))) - _bsns(folder / "bad.xml")
    assert history_bsns and any(f.code == "TR304" for f in report.files[0].findings)
    for fmt in sorted(FORMATS):
        shown = render(report, fmt)
        assert not any(b in shown for b in history_bsns), fmt
    assert any(b in render(report, "text", show_bsn=True) for b in history_bsns)


@pytest.mark.parametrize(("folder", "xml"), _cases())
def test_no_bsn_in_full_in_any_format(folder: Path, xml: Path) -> None:
    secrets = _bsns(xml, *sorted((folder / "history").glob("*.xml")))
    secrets = {s for s in secrets if len(s) >= 8}
    report = Report([_rule_report(folder, xml)])
    for fmt in sorted(FORMATS):
        for lang in ("nl", "en"):
            shown = render(report, fmt, lang=lang)
            leaked = [s for s in secrets if re.search(rf"(?<!\d){s}(?!\d)", shown)]
            assert not leaked, (fmt, lang, leaked)


# --- rules show and the generated docs ---------------------------------------------------------------


@pytest.mark.parametrize("code", ["XML", "XML-UNSAFE", "BERICHT", "RELEASE", "XSD"])
def test_rules_show_answers_for_the_non_rule_codes(code: str) -> None:
    from productcodes.cli import cli

    result = CliRunner().invoke(cli, ["rules", "show", code.lower()])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{code}: ") and nl.CODES[code] in result.output
    assert "wat te doen:" in result.output


def test_rules_show_marks_the_fault_and_gives_the_hint() -> None:
    from productcodes.cli import cli

    result = CliRunner().invoke(cli, ["rules", "show", "TR346"])
    assert result.exit_code == 0
    assert "9346 (bedrag is niet volume maal tarief)" in result.output
    assert nl.HINTS["TR346"] in result.output
    marked = [line for line in result.output.splitlines() if "◀ fout:" in line]
    assert len(marked) == 1 and "<b:Bedrag>195700</b:Bedrag>" in marked[0]
    assert "goed voorbeeld (good.xml)" in result.output


def test_rules_show_unknown_code_is_a_usage_error() -> None:
    from productcodes.cli import cli

    result = CliRunner().invoke(cli, ["rules", "show", "TR999"])
    assert result.exit_code == 2 and "TR999" in result.output


def test_committed_rule_docs_are_up_to_date() -> None:
    from validators.rules.docs import stale_pages

    stale = stale_pages(ROOT / "docs" / "rules")
    assert not stale, f"regenerate with `productcodes rules docs --out docs/rules`: {stale[:5]}"


def test_rule_docs_has_a_page_per_rule_and_an_index_per_message(tmp_path: Path) -> None:
    from productcodes.cli import cli

    result = CliRunner().invoke(cli, ["rules", "docs", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.glob("*.md")}
    assert {f"{code}.md" for code in all_rules()} <= names
    assert {"README.md", "JW301.md", "JW323.md"} <= names
    assert "[TR346](TR346.md)" in (tmp_path / "JW323.md").read_text(encoding="utf-8")
    (tmp_path / "TR346.md").write_text("edited\n", encoding="utf-8")
    check = CliRunner().invoke(cli, ["rules", "docs", "--out", str(tmp_path), "--check"])
    assert check.exit_code == 1 and "TR346.md" in check.output


# --- schema errors in Dutch ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("detail", "dutch"),
    [
        (
            "Element 'Taal': This element is not expected. Expected is ( Vorm ).",
            "op deze plek wordt Vorm verwacht",
        ),
        (
            "Element 'Header': Missing child element(s). Expected is one of ( Afzender, Ontvanger ).",
            "mist een verplicht onderdeel: Afzender of Ontvanger",
        ),
        (
            "Element 'Dagtekening': 'gisteren' is not a valid value of the atomic type '{urn:x}LDT_Datum'.",
            "waarde 'gisteren' is geen geldige waarde voor type LDT_Datum",
        ),
        (
            "Element 'Identificatie': [facet 'maxLength'] The value has a length of '40'; "
            "this exceeds the allowed maximum length of '12'.",
            "de waarde is 40 tekens lang; hoogstens 12 toegestaan",
        ),
        (
            "Element 'DebetCredit': [facet 'enumeration'] The value 'DD' is not an element of the set "
            "{'C', 'D'}.",
            "waarde 'DD' staat niet in de codelijst; toegestaan: C, D",
        ),
        (
            "Element 'Volume': [facet 'maxInclusive'] The value '100000' is greater than the maximum "
            "value allowed ('99999').",
            "groter dan het toegestane maximum 99999",
        ),
    ],
)
def test_common_libxml2_errors_in_dutch(detail: str, dutch: str) -> None:
    from validators.reporting.texts.libxml2 import in_dutch

    assert dutch in (in_dutch(detail) or "")


def test_unknown_libxml2_shape_keeps_its_detail_in_a_dutch_sentence() -> None:
    said = render_text("XSD.libxml2", {"element": "Foo", "detail": "Something odd.", "waar": ""}, "nl")
    assert said == "Foo wordt door het schema afgekeurd (Something odd.)."


def test_schema_error_names_its_place_in_the_message() -> None:
    from validators.reporting.texts.libxml2 import place_of

    assert place_of("/Bericht/Clienten/Client[4]/Prestaties/Prestatie[2]/Bedrag") == "Client 4, Prestatie 2: "
    assert place_of("/ns:Bericht/ns:Client[3]") == "Client 3: " and place_of("/Bericht/Header") == ""


def test_streamed_schema_error_masks_a_bsn() -> None:
    from validators.engine.stream import validate_stream

    report = Report([validate_stream(RULES / "RS037" / "bad.xml", fixture_options("RS037", RULES / "RS037"))])
    assert report.files[0].findings
    for fmt in sorted(FORMATS):
        assert "99991112" not in render(report, fmt), fmt
    assert "99991112" in render(report, "text", show_bsn=True)


MUTATIONS = ("drop", "duplicate", "reorder")


def _mutants(document: etree._Element, bad_values: list[str]):
    """Every element of the document dropped, duplicated, moved, or given each bad value in turn:
    the mutations of the conformance corpus, enumerated instead of drawn."""
    import copy

    size = sum(1 for el in document.iter() if isinstance(el.tag, str)) - 1
    for index in range(size):
        for action in (*MUTATIONS, *bad_values):
            tree = copy.deepcopy(document)
            target = [el for el in tree.iter() if isinstance(el.tag, str) and el is not tree][index]
            parent = target.getparent()
            if action == "drop":
                parent.remove(target)
            elif action == "duplicate":
                target.addnext(copy.deepcopy(target))
            elif action == "reorder":
                following = target.getnext()
                (following.addnext(target) if following is not None else parent.insert(0, target))
            else:
                target[:] = []
                target.text = action
            yield tree


@pytest.mark.parametrize("standard", ["ijw-3.2", "iwmo-3.2"])
def test_every_schema_error_of_the_mutant_corpus_is_said_in_dutch(standard: str) -> None:
    from iwmo_ijw.parsing import load
    from iwmo_ijw.schemas import load_schema
    from tests.conformance.test_messages_conformance import BAD_VALUES
    from validators.reporting.texts.libxml2 import in_dutch

    examples = sorted(reference_path(standard, "examples").glob("*.xml"))
    unsaid, seen = set(), 0
    for example in examples:
        schema = load_schema(load(str(example)).message_type)
        for mutant in _mutants(etree.parse(str(example)).getroot(), [*BAD_VALUES, "x y"]):
            if schema.validate(mutant):
                continue
            for error in schema.error_log:
                seen += 1
                detail = re.sub(r"\{(?:https?|urn):[^}]*\}", "", error.message)
                if in_dutch(detail) is None:
                    unsaid.add(re.sub(r"'[^']*'", "'…'", detail))
    assert seen > 1000 and not unsaid, sorted(unsaid)[:10]


def test_a_crashing_rule_is_reported_in_dutch() -> None:
    from iwmo_ijw.parsing import load
    from validators.engine.pipeline import _guarded
    from validators.findings import Severity
    from validators.rules.context import RuleContext
    from validators.rules.registry import Level, Rule

    rule = Rule(
        code="XX001",
        retourcode="0001",
        messages=("JW301",),
        level=Level.MESSAGE,
        target="Client",
        func=lambda ctx, node: iter(()),
    )
    ctx = RuleContext(message=load(FIXTURES / "messages" / "JW301.xml"))

    def boom(out):
        raise ZeroDivisionError("division by zero")

    [finding] = _guarded(rule, ctx, boom)
    assert finding.severity is Severity.WARNING
    assert (
        finding.text("nl") == "Regel XX001 kon niet worden uitgevoerd (ZeroDivisionError: division by zero); "
        "de andere regels wel."
    )
    assert finding.hint("nl").startswith("Meld dit als fout") and "please report" in finding.text("en")
