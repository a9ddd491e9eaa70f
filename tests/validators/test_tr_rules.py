"""Technical in-message rules (TR, level xslt) beyond the fixture folders: boundaries, signs,
message-wide scope and the readings chosen where a false rejection would cost a provider money."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import FIXTURES, REFERENCE, reference_path
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet, all_rules

BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
TR_XSLT = (
    "TR002",
    "TR006",
    "TR018",
    "TR061",
    "TR101",
    "TR134",
    "TR137",
    "TR302",
    "TR315",
    "TR316",
    "TR335",
    "TR342",
    "TR352",
    "TR353",
    "TR358",
    "TR377",
    "TR380",
    "TR383",
    "TR386",
    "TR409",
    "TR410",
    "TR416",
)


def base(code: str) -> etree._Element:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.parse(str(FIXTURES / "messages" / f"{code}.xml"), parser).getroot()


def at(root: etree._Element, path: str) -> etree._Element:
    found = root.find(
        "/".join(f"{{*}}{step}" if "[" not in step else "{*}" + step for step in path.split("/"))
    )
    assert found is not None, path
    return found


def findings(root: etree._Element, code: str) -> list:
    report = validate(
        etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
        Options(today=date(2026, 12, 1), ruleset=RuleSet(select=(code,))),
        name="case.xml",
    )
    # A case that is not XSD-valid would never reach the rules and prove nothing.
    assert not [f for f in report.findings if f.code.startswith(("RS", "XSD"))], report.findings
    return [f for f in report.findings if f.code == code]


def test_every_tr_rule_is_registered_at_message_level():
    rules = all_rules()
    for code in TR_XSLT:
        assert code in rules, code
        assert rules[code].level.value == "xslt", code
        assert rules[code].retourcode == "0001", code


# --- TR002 -------------------------------------------------------------------------------------


def test_tr002_birth_date_exactly_120_years_before_is_accepted():
    root = base("JW301")
    sent = date.fromisoformat(at(root, "Header/BerichtIdentificatie/Dagtekening").text)
    at(root, "Client/Geboortedatum/Datum").text = sent.replace(year=sent.year - 120).isoformat()
    assert findings(root, "TR002") == []
    at(root, "Client/Geboortedatum/Datum").text = (
        sent.replace(year=sent.year - 120, day=sent.day - 1)
    ).isoformat()
    assert len(findings(root, "TR002")) == 1


def test_tr002_checks_the_relatie_too():
    root = base("JW301")
    at(root, "Client/Relaties/Relatie/Geboortedatum/Datum").text = "1890-01-01"
    [finding] = findings(root, "TR002")
    assert "Relatie" in finding.xpath and "1890-01-01" in finding.text("en")


# --- TR101 -------------------------------------------------------------------------------------


def test_tr101_same_key_under_different_parents_is_not_a_duplicate():
    # The Relatie already has a Contact of Soort 02; the Client may have one too.
    root = base("JW301")
    contacts = at(root, "Client/Contactgegevens")
    second = contacts[1]
    at(second, "Soort").text = "02"
    assert findings(root, "TR101") == []
    at(second, "Soort").text = "01"
    [finding] = findings(root, "TR101")
    assert "Soort=01" in finding.text("en")


def test_tr101_credit_and_debit_of_the_same_referentie_are_different_lines():
    root = base("JW323")
    prestatie = at(root, "Declaratie/Clienten/Client/Prestaties/Prestatie")
    twin = copy.deepcopy(prestatie)
    prestatie.addnext(twin)
    assert findings(root, "TR101")
    vorig = etree.SubElement(at(twin, "ProductReferentie"), f"{{{BASIS}}}VorigReferentieNummer")
    vorig.text = "D26-09-0001"
    assert findings(root, "TR101") == []


# --- TR358: sums with DebetCredit ---------------------------------------------------------------


def _set_amounts(root: etree._Element, amounts: list[int]) -> None:
    """Give the JW323's Prestaties these signed amounts (cents) and a matching TotaalIngediendBedrag."""
    prestaties = list(at(root, "Declaratie/Clienten/Client/Prestaties"))
    for prestatie, cents in zip(prestaties, amounts, strict=True):
        at(prestatie, "IngediendBedrag/Bedrag").text = str(abs(cents))
        at(prestatie, "IngediendBedrag/DebetCredit").text = "C" if cents < 0 else "D"


def _set_total(root: etree._Element, cents: int) -> None:
    at(root, "Declaratie/TotaalIngediendBedrag/TotaalBedrag").text = str(abs(cents))
    at(root, "Declaratie/TotaalIngediendBedrag/DebetCredit").text = "C" if cents < 0 else "D"


@given(st.lists(st.integers(-9_999_999, 9_999_999), min_size=3, max_size=3), st.integers(-3, 3))
def test_tr358_total_is_the_signed_sum(amounts, error):
    root = base("JW323")
    _set_amounts(root, amounts)
    _set_total(root, sum(amounts) + error)
    found = findings(root, "TR358")
    assert bool(found) == (error != 0)


def test_tr358_sign_of_the_total_matters():
    root = base("JW323")
    _set_amounts(root, [100, -500, 100])
    _set_total(root, 300)  # 300 D where 300 C is meant
    [finding] = findings(root, "TR358")
    assert "300 D" in finding.text("en") and "300 C" in finding.text("en")
    _set_total(root, -300)
    assert findings(root, "TR358") == []


# --- TR342 -------------------------------------------------------------------------------------


def test_tr342_rejected_answer_grants_nothing():
    root = base("JW325")
    at(root, "DeclaratieAntwoord/RetourCodes/RetourCode").text = "0001"
    assert findings(root, "TR342"), "a rejected DeclaratieAntwoord must grant 0"
    at(root, "DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag").text = "0"
    assert findings(root, "TR342") == []


def test_tr342_accepted_prestatie_does_not_belong_in_the_answer():
    root = base("JW325")
    at(root, "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/RetourCodes/RetourCode").text = "0200"
    assert any("0200" in f.text("en") for f in findings(root, "TR342"))


# --- TR383 -------------------------------------------------------------------------------------


def test_tr383_reference_repeated_is_found_once():
    root = base("JW315")
    products = at(root, "Client/AangevraagdeProducten")
    third = copy.deepcopy(products[1])
    at(third, "Product/Code").text = "44N21"
    products.append(third)
    [finding] = findings(root, "TR383")
    assert "REF-26-002" in finding.text("en") and "AangevraagdProduct[3]" in finding.xpath


# --- TR302 / TR386: overlap of the same product --------------------------------------------------


def _second_toewijzing(root: etree._Element, begin: str, end: str) -> etree._Element:
    first = at(root, "Client/ToegewezenProducten/ToegewezenProduct")
    twin = copy.deepcopy(first)
    at(twin, "ToewijzingNummer").text = "269999"
    at(twin, "Ingangsdatum").text = begin
    at(twin, "Einddatum").text = end
    first.addnext(twin)
    return twin


def test_tr302_adjacent_periods_do_not_overlap():
    root = base("JW301")
    end = at(root, "Client/ToegewezenProducten/ToegewezenProduct/Einddatum").text
    assert end == "2027-03-31"
    _second_toewijzing(root, "2027-04-01", "2027-09-30")
    assert findings(root, "TR302") == []


def test_tr302_sharing_one_day_overlaps():
    root = base("JW301")
    _second_toewijzing(root, "2027-03-31", "2027-09-30")
    assert len(findings(root, "TR302")) == 1


def test_tr302_deleted_toewijzing_is_not_current():
    root = base("JW301")
    twin = _second_toewijzing(root, "2026-11-01", "2026-11-01")
    reden = etree.Element(f"{{{etree.QName(twin).namespace}}}RedenWijziging")
    reden.text = "13"
    at(twin, "Einddatum").addnext(reden)
    assert findings(root, "TR302") == []


def test_tr386_open_ended_request_overlaps_a_later_one():
    root = base("JW315")
    first = at(root, "Client/AangevraagdeProducten/AangevraagdProduct")
    first.remove(at(first, "ToewijzingEinddatum"))
    twin = copy.deepcopy(first)
    at(twin, "ReferentieAanbieder").text = "REF-26-009"
    at(twin, "ToewijzingIngangsdatum").text = "2030-01-01"
    first.addnext(twin)
    assert len(findings(root, "TR386")) == 1


# --- TR416 -------------------------------------------------------------------------------------


def test_tr416_credit_next_to_a_debit_of_the_same_period_is_allowed():
    root = base("JW323")
    prestaties = at(root, "Declaratie/Clienten/Client/Prestaties")
    first = prestaties[0]
    credit = copy.deepcopy(first)
    at(credit, "ProductReferentie/ReferentieNummer").text = "D26-10-0099"
    at(credit, "IngediendBedrag/DebetCredit").text = "C"
    first.addnext(credit)
    assert findings(root, "TR416") == []
    at(credit, "IngediendBedrag/DebetCredit").text = "D"
    assert len(findings(root, "TR416")) == 1


# --- TR134 / TR137 / TR380: the Dagtekening itself ----------------------------------------------


def test_dates_on_the_dagtekening_are_allowed_where_the_rule_says_on_or_before():
    root = base("JW323")
    sent = at(root, "Header/BerichtIdentificatie/Dagtekening").text
    at(root, "Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Einddatum").text = sent
    assert findings(root, "TR137") == []
    assert findings(root, "TR134") == []


def test_tr380_new_product_must_start_after_the_dagtekening():
    root = base("JW317")
    sent = at(root, "Header/BerichtIdentificatie/Dagtekening").text
    nieuw = next(root.iter("{*}NieuwProduct"))
    at(nieuw, "GewensteIngangsdatum").text = sent
    [finding] = findings(root, "TR380")
    assert sent in finding.text("en")


def test_tr416_same_toewijzing_under_another_client_is_another_delivery():
    root = base("JW323")
    client = at(root, "Declaratie/Clienten/Client")
    other = copy.deepcopy(client)
    at(other, "Bsn").text = "100000010"
    client.addnext(other)
    assert findings(root, "TR416") == []


# --- the official examples (skipped without the reference folder) -------------------------------

# Real slips in the official examples, each checked by hand against the rule text:
# JW323 declares ReferentieNummer RN004 twice for the same Client (TR101);
# WMO317 asks for a NieuwProduct from the Dagtekening itself, where TR380 demands a later date.
KNOWN_SLIPS = {"JW323": {"TR101"}, "WMO317": {"TR380"}}


def _examples() -> list[str]:
    if not REFERENCE.exists():
        return ["ijw-3.2/JW301"]  # one id so the test runs and skips with its reason
    return sorted(
        f"{folder}/{path.stem}"
        for folder in ("ijw-3.2", "iwmo-3.2")
        for path in (REFERENCE / folder / "examples").glob("*.xml")
    )


@pytest.mark.parametrize("name", _examples())
def test_official_example_has_no_unexpected_tr_finding(name):
    folder, code = name.split("/")
    path = reference_path(folder, "examples", f"{code}.xml")
    report = validate(path, Options(today=date(2026, 12, 1), ruleset=RuleSet(select=TR_XSLT)))
    codes = {f.code for f in report.findings if f.code.startswith("TR")}
    shown = [f"{f.code} {f.xpath}: {f.text('en')}" for f in report.findings]
    assert codes == KNOWN_SLIPS.get(code, set()), shown


@pytest.mark.parametrize("folder", ["ijw-3.2", "iwmo-3.2"])
def test_every_tr_rule_of_the_catalogue_covers_its_messages(folder):
    catalogue = json.loads(reference_path(folder, "rules.json").read_text(encoding="utf-8"))["rules"]
    rules = all_rules()
    expected = [e for e in catalogue if e["kind"] == "technische regel" and e["level"] == "xslt"]
    if folder == "ijw-3.2":
        assert sorted(e["code"] for e in expected) == sorted(TR_XSLT)
    for entry in expected:
        for message in entry["messages"]:
            assert rules[entry["code"]].applies_to(message), f"{entry['code']} does not run on {message}"


def test_tr_rules_missing_from_the_iwmo_catalogue_do_not_run_on_wmo():
    catalogue = json.loads(reference_path("iwmo-3.2", "rules.json").read_text(encoding="utf-8"))["rules"]
    in_wmo = {e["code"] for e in catalogue}
    rules = all_rules()
    for code in TR_XSLT:
        if code not in in_wmo:
            assert not any(rules[code].applies_to(m.replace("JW", "WMO")) for m in rules[code].messages), code


def test_tr358_runs_on_the_wmo_declaration():
    path = reference_path("iwmo-3.2", "examples", "WMO323.xml")
    root = etree.parse(str(path)).getroot()
    total = next(root.iter("{*}TotaalBedrag"))
    total.text = str(int(total.text) + 1)
    assert len(findings(root, "TR358")) == 1
