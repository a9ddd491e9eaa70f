"""The shared check shapes of validators/rules/checks.py, on small hand-made elements."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from iwmo_ijw.parsing import load
from tests.conftest import FIXTURES
from validators.rules import checks
from validators.rules.context import RuleContext
from validators.rules.registry import Level, Rule

NS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"


def _rule() -> Rule:
    return Rule(
        code="XX001",
        retourcode="0001",
        messages=("JW301",),
        level=Level.MESSAGE,
        target="Client",
        func=lambda ctx, node: iter(()),
    )


@pytest.fixture
def ctx() -> RuleContext:
    context = RuleContext(message=load(FIXTURES / "messages" / "JW301.xml"), today=dt.date(2026, 12, 1))
    context.rule = _rule()
    return context


def xml(body: str) -> etree._Element:
    return etree.fromstring(f'<Item xmlns:b="{NS}">{body}</Item>')


# --- filled / value -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<Taal>NL</Taal>", True),
        ("<Taal>  </Taal>", False),  # whitespace only counts as empty
        ("<Taal/>", False),
        ("", False),
        ("<Taal><b:Code>x</b:Code></Taal>", True),  # a group with children is filled
    ],
)
def test_filled(body, expected):
    assert checks.filled(xml(body), "Taal") is expected


def test_filled_on_missing_parent_is_false():
    assert checks.filled(None, "Taal") is False
    assert checks.value(None, "Taal") is None


def test_filled_is_namespace_blind():
    periode = xml("<b:Periode><b:Begindatum>2026-01-01</b:Begindatum></b:Periode>")
    assert checks.filled(periode, "Periode/Begindatum")


# --- required / forbidden / exactly_when ---------------------------------------------------


def test_required_reports_on_the_parent_and_names_the_element(ctx):
    parent = xml("<Vorm>1</Vorm>")
    [finding] = checks.required(ctx, parent, "Communicatie/Taal", "Vorm is 1 (tolk)")
    assert finding.code == "XX001" and finding.retourcode == "0001"
    assert finding.text("en") == "Taal is missing in Item although Vorm is 1 (tolk)"
    assert finding.xpath == "/Item"


def test_required_quiet_when_present(ctx):
    assert list(checks.required(ctx, xml("<Taal>Pools</Taal>"), "Taal", "x")) == []


def test_forbidden_reports_on_the_element_with_its_value(ctx):
    parent = xml("<Vorm>2</Vorm><Taal>Pools</Taal>")
    [finding] = checks.forbidden(ctx, parent, "Taal", "Vorm is not 1")
    assert finding.text("en") == "Taal 'Pools' must be empty because Vorm is not 1"
    assert finding.xpath == "/Item/Taal"


def test_forbidden_group_is_named_without_value(ctx):
    [finding] = checks.forbidden(ctx, xml("<Omvang><b:Volume>3</b:Volume></Omvang>"), "Omvang", "budget")
    assert finding.text("en") == "Omvang must be empty because budget"


def test_forbidden_quiet_when_empty(ctx):
    assert list(checks.forbidden(ctx, xml("<Taal/>"), "Taal", "x")) == []


@pytest.mark.parametrize(
    ("condition", "body", "wrong"),
    [
        (True, "<Taal>NL</Taal>", False),
        (True, "", True),
        (False, "", False),
        (False, "<Taal>NL</Taal>", True),
    ],
)
def test_exactly_when_both_directions(ctx, condition, body, wrong):
    found = list(checks.exactly_when(ctx, xml(body), "Taal", condition, "when-text", "otherwise-text"))
    assert bool(found) is wrong
    if found:
        assert ("when-text" if condition else "otherwise-text") in found[0].text("en")


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", True),  # open end
        ("<Einddatum>2020-12-31</Einddatum>", False),  # the cut-off itself is not after it
        ("<Einddatum>2021-01-01</Einddatum>", True),
        ("<Einddatum>2019-06-30</Einddatum>", False),
    ],
)
def test_open_after_2020(body, expected):
    assert checks.open_after_2020(xml(body), "Einddatum") is expected


def test_dagtekening_is_read_from_the_header_and_cached(ctx):
    assert checks.dagtekening(ctx) == dt.date(2026, 9, 15)
    ctx.cache["checks:dagtekening"] = dt.date(2000, 1, 1)
    assert checks.dagtekening(ctx) == dt.date(2000, 1, 1)


D = dt.date


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((D(2026, 1, 1), D(2026, 1, 31)), (D(2026, 2, 1), D(2026, 2, 28)), False),
        ((D(2026, 1, 1), D(2026, 1, 31)), (D(2026, 1, 31), D(2026, 2, 28)), True),  # one shared day overlaps
        ((D(2026, 1, 1), None), (D(2030, 1, 1), D(2030, 1, 2)), True),
        ((D(2026, 3, 1), None), (D(2026, 1, 1), D(2026, 2, 28)), False),
        ((D(2026, 3, 1), None), (D(2026, 1, 1), None), True),
    ],
)
def test_periods_overlap(a, b, expected):
    assert checks.periods_overlap(a, b) is expected
    assert checks.periods_overlap(b, a) is expected


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@given(dates, dates, dates, dates)
def test_periods_overlap_matches_day_sets(a0, a1, b0, b1):
    a0, a1 = sorted((a0, a1))
    b0, b1 = sorted((b0, b1))
    # Two closed intervals share a day exactly when the later start is not after the earlier end.
    assert checks.periods_overlap((a0, a1), (b0, b1)) is (max(a0, b0) <= min(a1, b1))


# --- elfproef ------------------------------------------------------------------------------


@pytest.mark.parametrize("bsn", ["100000009", "111222333", "123456782"])
def test_elfproef_accepts(bsn):
    assert checks.elfproef(bsn)


@pytest.mark.parametrize(
    "bsn", ["100000008", "123456789", "000000000", "12345678", "1234567820", "12345678a", ""]
)
def test_elfproef_rejects(bsn):
    assert not checks.elfproef(bsn)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_elfproef_exactly_one_check_digit_or_none(stem):
    # For every 8-digit stem at most one last digit passes (the weight of d9 is -1 mod 11).
    passing = [d for d in "0123456789" if checks.elfproef(stem + d)]
    assert len(passing) <= 1


# --- signed --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<b:Bedrag>1250</b:Bedrag><b:DebetCredit>D</b:DebetCredit>", 1250),
        ("<b:Bedrag>1250</b:Bedrag><b:DebetCredit>C</b:DebetCredit>", -1250),
        ("<b:Bedrag>0</b:Bedrag><b:DebetCredit>C</b:DebetCredit>", 0),
        ("<b:DebetCredit>D</b:DebetCredit>", None),
        ("<b:Bedrag>12.50</b:Bedrag>", None),
    ],
)
def test_signed(body, expected):
    assert checks.signed(xml(body)) == expected


def test_signed_of_nothing():
    assert checks.signed(None) is None


def test_signed_with_other_amount_element():
    assert (
        checks.signed(
            xml("<b:TotaalBedrag>7</b:TotaalBedrag><b:DebetCredit>C</b:DebetCredit>"), "TotaalBedrag"
        )
        == -7
    )


# --- same_product_overlaps -----------------------------------------------------------------


def _product(categorie: str | None, code: str | None, begin: str, end: str | None = None) -> etree._Element:
    product = "".join(
        [
            f"<b:Categorie>{categorie}</b:Categorie>" if categorie else "",
            f"<b:Code>{code}</b:Code>" if code else "",
        ]
    )
    end_el = f"<Einddatum>{end}</Einddatum>" if end else ""
    return xml(f"<Product>{product}</Product><Ingangsdatum>{begin}</Ingangsdatum>{end_el}")


def _overlaps(ctx, items, skip=None):
    return list(
        checks.same_product_overlaps(ctx, items, "Ingangsdatum", "Einddatum", "ToegewezenProduct", skip=skip)
    )


def test_same_code_overlapping_is_reported_once_on_the_later_item(ctx):
    items = [_product("45", "45N01", "2026-01-01", "2026-06-30"), _product("45", "45N01", "2026-06-01")]
    [finding] = _overlaps(ctx, items)
    assert "45/45N01 from 2026-06-01" in finding.text("en")
    assert "2026-01-01..2026-06-30" in finding.text("en")


def test_same_code_in_sequence_is_fine(ctx):
    items = [_product("45", "45N01", "2026-01-01", "2026-06-30"), _product("45", "45N01", "2026-07-01")]
    assert _overlaps(ctx, items) == []


def test_different_codes_may_overlap(ctx):
    items = [_product("45", "45N01", "2026-01-01"), _product("45", "45N02", "2026-01-01")]
    assert _overlaps(ctx, items) == []


def test_without_code_the_categorie_decides(ctx):
    first = _product("50", None, "2026-01-01")
    assert len(_overlaps(ctx, [first, _product("50", "50N01", "2026-02-01")])) == 1
    assert len(_overlaps(ctx, [first, _product("50", None, "2026-02-01")])) == 1
    assert len(_overlaps(ctx, [first, _product("51", None, "2026-02-01")])) == 0


def test_without_categorie_nothing_may_overlap(ctx):
    items = [_product(None, None, "2026-01-01"), _product("45", "45N01", "2026-02-01")]
    assert len(_overlaps(ctx, items)) == 1


def test_skipped_and_undated_items_are_ignored(ctx):
    items = [
        _product("45", "45N01", "2026-01-01"),
        _product("45", "45N01", "2026-02-01"),
        xml("<Product><b:Categorie>45</b:Categorie><b:Code>45N01</b:Code></Product>"),
    ]
    assert _overlaps(ctx, items, skip=lambda item: item is items[1]) == []
