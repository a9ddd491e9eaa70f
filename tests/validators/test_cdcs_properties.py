"""Properties of CD/CS rules over many generated values, each against a plain statement of the rule.

The rules run directly on an element of a base message (no XSD step), so hypothesis can try
hundreds of dates and codes quickly; the fixture runner covers the full pipeline.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from iwmo_ijw.parsing import ParsedMessage, load
from iwmo_ijw.xpath import find, findall
from tests.conftest import FIXTURES
from validators.rules.context import RuleContext
from validators.rules.registry import all_rules

BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
BASE = {code: load(FIXTURES / "messages" / f"{code}.xml") for code in ("JW301", "JW323")}
PRESTATIE = "Declaratie/Clienten/Client/Prestaties/Prestatie"
dates = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2030, 12, 31))


def _run(code: str, message: str, target_path: str, edit, pick: int = 0) -> list:
    """Apply `edit` to a copy of the base message, then run rule `code` on the target element
    (the `pick`-th element at `target_path`)."""
    base = BASE[message]
    parsed = ParsedMessage(tree=copy.deepcopy(base.tree), message_type=base.message_type, source=base.source)
    target = findall(parsed.root, target_path)[pick]
    edit(target)
    rule = all_rules()[code]
    ctx = RuleContext(message=parsed, today=dt.date(2026, 12, 1), rule=rule)
    return list(rule.func(ctx, target))


def _set(node: etree._Element, path: str, value: str) -> None:
    find(node, path).text = value


@given(dates, st.integers(min_value=0, max_value=70))
def test_cs340_whole_calendar_month_only(start, length):
    end = start + dt.timedelta(days=length)

    def edit(declaratie):
        _set(declaratie, "DeclaratiePeriode/Begindatum", start.isoformat())
        _set(declaratie, "DeclaratiePeriode/Einddatum", end.isoformat())

    whole_month = (
        start.day == 1
        and end.day == calendar.monthrange(start.year, start.month)[1]
        and (end.year, end.month) == (start.year, start.month)
    )
    assert bool(_run("CS340", "JW323", "Declaratie", edit)) is not whole_month


@given(dates, st.integers(min_value=0, max_value=62))
def test_cs337_productperiode_within_one_month(start, length):
    end = start + dt.timedelta(days=length)

    def edit(prestatie):
        _set(prestatie, "ProductPeriode/Begindatum", start.isoformat())
        _set(prestatie, "ProductPeriode/Einddatum", end.isoformat())

    same_month = (start.year, start.month) == (end.year, end.month)
    assert bool(_run("CS337", "JW323", PRESTATIE, edit)) is not same_month


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2026, 1, 1)), st.sampled_from(["1", "2", "3"])
)
def test_cs139_datum_matches_datumgebruik(day, gebruik):
    def edit(geboortedatum):
        _set(geboortedatum, "Datum", day.isoformat())
        extra = etree.SubElement(geboortedatum, f"{{{BASIS}}}DatumGebruik")
        extra.text = gebruik

    # 1: day unknown -> the 1st; 2: day and month unknown -> 1 January; 3: all unknown -> 1900-01-01
    fits = {"1": day.day == 1, "2": day.day == 1 and day.month == 1, "3": day == dt.date(1900, 1, 1)}[gebruik]
    assert bool(_run("CS139", "JW301", "Client/Geboortedatum", edit)) is not fits


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["D", "C"]))
def test_cs325_zero_is_always_debit(bedrag, debet_credit):
    def edit(ingediend):
        _set(ingediend, "Bedrag", str(bedrag))
        _set(ingediend, "DebetCredit", debet_credit)

    path = f"{PRESTATIE}/IngediendBedrag"
    assert bool(_run("CS325", "JW323", path, edit)) is (bedrag == 0 and debet_credit == "C")


@given(st.sampled_from(["01", "04", "14", "16", "83", "84"]), st.booleans())
def test_cd087_tarief_exactly_when_not_euros(eenheid, with_tarief):
    def edit(prestatie):
        _set(prestatie, "Eenheid", eenheid)
        if not with_tarief:
            tarief = find(prestatie, "ProductTarief")
            tarief.getparent().remove(tarief)

    findings = _run("CD087", "JW323", PRESTATIE, edit)
    assert bool(findings) is (with_tarief == (eenheid == "83"))
    if findings:
        assert "ProductTarief" in findings[0].message


@given(st.sampled_from(["01", "02", "03", "04", "05", "06"]), st.booleans())
def test_cd009_periode_only_on_tijdelijk_adres(soort, with_periode):
    def edit(contact):
        _set(contact, "Soort", soort)
        if not with_periode:
            contact.remove(find(contact, "Periode"))

    # The second Contact of the base JW301 is a tijdelijk adres (04) with a Periode.
    findings = _run("CD009", "JW301", "Client/Contactgegevens/Contact", edit, pick=1)
    assert bool(findings) is (with_periode and soort != "04")
