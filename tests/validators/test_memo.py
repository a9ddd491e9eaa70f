"""Memoised rules (validators.engine._memo) and rules over columns give the element-by-element verdict.

On a message of 256 or more target elements the engine runs a rule with declared `reads`
once per distinct combination of those values, and reads classes through one-pass tables
(validators.engine._columns). Both are only shortcuts: here the findings of large messages, built
so that many rules fire on some lines and share values with lines where they do not, are
compared (code, xpath, line, message, in order) with the findings of the same message when
both shortcuts are switched off (`TABLE_MIN` raised out of reach in validators.engine._columns and
validators.engine._memo), and with each shortcut on its own.

The shortcut is sound only if a rule with `reads` looks at nothing else of its element: the
last part mutates, on every rule fixture, every leaf around each target element that is not
on a declared path (and inserts the optional leaves the spec allows), and requires the
rule's findings for that element to stay the same. A deliberately under-declared rule
shows that each of these checks can fail.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from bench.generate import write_jw301, write_jw323
from iwmo_ijw.parsing import ParsedMessage, load
from iwmo_ijw.spec import load_standard
from iwmo_ijw.xpath import int_of, local, text
from tests.conftest import FIXTURES
from validators.engine import _columns as columns_module
from validators.engine import _memo as memo_module
from validators.engine import pipeline as engine_module
from validators.engine.needs import HISTORY, available, reason, wants
from validators.engine.needs import REGISTRY as NEEDS_REGISTRY
from validators.engine.pipeline import Options, validate
from validators.rules.context import RuleContext
from validators.rules.registry import RULES, Level, Rule, RuleSet, all_rules
from validators.sources.snapshot import RegistrySnapshot

BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
TODAY = date(2026, 12, 1)
OUT_OF_REACH = 10**9
LINES = 300
READS_RULES = sorted(code for code, rule in all_rules().items() if rule.reads)

# A registry for the generated messages (gemeente 7001, aanbieder 12000001, products 45N01..45N04),
# so that the registry and contract rules with reads (TR381, TR418, PC001, PC002) run and fire:
# 45N04 is in no list (TR381), 45N02 is in days only (PC001 on hours), 45N01 has a contract
# tariff of 6500 per hour (TR418 on other tariffs; 108 per minute).
REGISTRY = {
    "gemeenten": [
        {"gemeentecode": "7001", "naam": "Proefstad", "jeugdregio": "Regio Proef", "geldig_van": "2020-01-01"}
    ],
    "national": [
        {
            "lijst": "LPJ",
            "code": "45N01",
            "naam": "Begeleiding",
            "productcategorie": "45",
            "uitvoeringsvariant": "inspanningsgericht",
            "eenheden": ["04", "01"],
            "geldig_van": "2020-01-01",
        },
        {
            "lijst": "LPJ",
            "code": "45N02",
            "naam": "Dagbesteding",
            "productcategorie": "45",
            "uitvoeringsvariant": "inspanningsgericht",
            "eenheden": ["14"],
            "geldig_van": "2020-01-01",
        },
        {
            "lijst": "LPJ",
            "code": "45N03",
            "naam": "Behandeling",
            "productcategorie": "45",
            "uitvoeringsvariant": "inspanningsgericht",
            "eenheden": ["04"],
            "geldig_van": "2020-01-01",
        },
    ],
    "tarieven": [
        {
            "aanbieder": "12000001",
            "gemeentecode": "7001",
            "productcategorie": "45",
            "productcode": "45N01",
            "tarief": 6500,
            "eenheid": "04",
            "geldig_van": "2020-01-01",
        }
    ],
}


def registry() -> RegistrySnapshot:
    return RegistrySnapshot.from_dict(json.loads(json.dumps(REGISTRY)))


# --- running the engine with and without its shortcuts -----------------------------------------


@dataclass
class Spy:
    memoised: set[str] = field(default_factory=set)  # rules the engine ran through validators.engine._memo
    element_values: int = 0  # cells ColumnSource read element by element (the rest came from tables)


@contextmanager
def shortcuts(table: bool, memo: bool) -> Iterator[Spy]:
    """The engine with the one-pass tables and the memo on or off; reports what it used."""
    spy = Spy()
    run_memoised, element_value = engine_module.run_memoised, columns_module.element_value

    def memoised(rule, *args, **kwargs):
        spy.memoised.add(rule.code)
        return run_memoised(rule, *args, **kwargs)

    def by_element(node, path):
        spy.element_values += 1
        return element_value(node, path)

    with ExitStack() as stack:
        # patch.object refuses a missing attribute: a renamed switch fails here, not silently.
        if not table:
            stack.enter_context(patch.object(columns_module, "TABLE_MIN", OUT_OF_REACH))
        if not memo:
            stack.enter_context(patch.object(memo_module, "TABLE_MIN", OUT_OF_REACH))
        stack.enter_context(patch.object(engine_module, "run_memoised", memoised))
        stack.enter_context(patch.object(columns_module, "element_value", by_element))
        yield spy


def findings(
    data: bytes, *, table: bool, memo: bool, ruleset: RuleSet | None = None, with_registry: bool = True
) -> tuple[list, list, Spy]:
    options = Options(
        today=TODAY, ruleset=ruleset or RuleSet(), registry=registry() if with_registry else None
    )
    with shortcuts(table, memo) as spy:
        report = validate(data, options, name="large.xml")
    rows = [(f.code, f.xpath, f.line, f.message, f.severity.value, f.retourcode) for f in report.findings]
    return rows, list(report.skipped), spy


def assert_same_verdict(
    data: bytes,
    *,
    expect: set[str] = frozenset(),
    memoised: set[str] = frozenset(),
    ruleset: RuleSet | None = None,
    modes=((True, True), (False, True), (True, False)),
    with_registry: bool = True,
) -> list:
    """The findings with the shortcuts equal those without, in order; returns those findings."""
    plain_rows, plain_skipped, plain_spy = findings(
        data, table=False, memo=False, ruleset=ruleset, with_registry=with_registry
    )
    assert not plain_spy.memoised, "the memo switch did not switch"
    assert plain_spy.element_values > LINES * 5, "without tables the columns are read element by element"
    codes = {row[0] for row in plain_rows}
    assert not codes & {"XSD", "XML"}, [r for r in plain_rows if r[0] in ("XSD", "XML")][:3]
    assert expect <= codes, f"the message should make {sorted(expect - codes)} fire"
    for table, memo in modes:
        rows, skipped, spy = findings(
            data, table=table, memo=memo, ruleset=ruleset, with_registry=with_registry
        )
        if memo:
            assert memoised <= spy.memoised, f"not memoised: {sorted(memoised - spy.memoised)}"
        if table:  # the large classes came from tables: few cells were read element by element
            assert spy.element_values < plain_spy.element_values / 4, (
                spy.element_values,
                plain_spy.element_values,
            )
        assert skipped == plain_skipped
        if rows != plain_rows:
            missing = [r for r in plain_rows if r not in rows][:5]
            extra = [r for r in rows if r not in plain_rows][:5]
            pytest.fail(
                f"table={table} memo={memo}: {len(rows)} findings against {len(plain_rows)}; "
                f"missing {missing}; extra {extra}"
            )
    return plain_rows


# --- editing a generated JW323 -----------------------------------------------------------------

FIELDS = {
    "Eenheid": "Eenheid",
    "GeleverdVolume": "GeleverdVolume",
    "ProductTarief": "ProductTarief",
    "Bedrag": "IngediendBedrag/Bedrag",
    "DebetCredit": "IngediendBedrag/DebetCredit",
    "Vorig": "ProductReferentie/VorigReferentieNummer",
    "Referentie": "ProductReferentie/ReferentieNummer",
    "Begindatum": "ProductPeriode/Begindatum",
    "Einddatum": "ProductPeriode/Einddatum",
    "ToewijzingNummer": "ToewijzingNummer",
    "ProductCode": "ProductCode",
}


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if isinstance(c.tag, str) and local(c) == name), None)


def set_field(prestatie: etree._Element, name: str, value: str | None) -> None:
    """Set a Prestatie field; None removes an optional one (ProductTarief, VorigReferentieNummer)."""
    *parents, leaf = FIELDS[name].split("/")
    holder = prestatie
    for step in parents:
        holder = _child(holder, step)
    node = _child(holder, leaf)
    if value is None:
        assert name in ("ProductTarief", "Vorig"), name
        if node is not None:
            holder.remove(node)
        return
    if node is None:  # the two optional ones: ProductTarief before IngediendBedrag, Vorig… last
        namespace = BASIS if name == "Vorig" else etree.QName(prestatie).namespace
        node = etree.Element(f"{{{namespace}}}{leaf}")
        if name == "ProductTarief":
            _child(prestatie, "IngediendBedrag").addprevious(node)
        else:
            holder.append(node)
    node.text = value


def get_field(prestatie: etree._Element, name: str) -> str | None:
    return text(prestatie, FIELDS[name])


def prestaties(root: etree._Element) -> list[etree._Element]:
    return list(root.iter("{*}Prestatie"))


def fix_total(root: etree._Element, off_by: int = 0) -> None:
    total = 0
    for p in prestaties(root):
        amount = int_of(p, "IngediendBedrag/Bedrag") or 0
        total += -amount if get_field(p, "DebetCredit") == "C" else amount
    node = next(root.iter("{*}TotaalIngediendBedrag"))
    _child(node, "TotaalBedrag").text = str(abs(total) + off_by)
    _child(node, "DebetCredit").text = "C" if total < 0 else "D"


def duplicate(p: etree._Element, **changes: str | None) -> etree._Element:
    twin = copy.deepcopy(p)
    for name, value in changes.items():
        set_field(twin, name, value)
    p.addnext(twin)
    return twin


def serialise(root: etree._Element) -> bytes:
    # One element a line, so that the lines findings carry tell the elements apart too.
    for el in root.iter():
        if len(el) and el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class Generated(bytes):
    """The bytes of a generated message, shown short in hypothesis' falsifying examples."""

    def __repr__(self) -> str:
        return f"<generated message, {len(self)} bytes>"


@pytest.fixture(scope="module")
def jw323(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("memo") / "JW323.xml"
    write_jw323(path, LINES, seed=11)  # Dagtekening 2026-11-05, periods 2026-10-01..31
    return Generated(path.read_bytes())


def busy(jw323: bytes, total_off_by: int = 0) -> bytes:
    """The 300 lines with many rules firing on some, each on lines that share all read values
    with other lines (across Clients too) and next to lines that share most of them."""
    root = etree.fromstring(jw323)
    ps = prestaties(root)

    def each(indices, **values):
        for i in indices:
            for name, value in values.items():
                set_field(ps[i], name, value)

    # TR346: a wrong amount, the same combination on four lines in different Clients ...
    each((3, 50, 120, 299), GeleverdVolume="10", ProductTarief="6500", Bedrag="65001")
    each((4, 121), GeleverdVolume="10", ProductTarief="6500", Bedrag="65000")  # ... and its right twin
    # CS339: euro's with an amount other than the volume (no tarief, so CD087 holds)
    each((10, 11, 150), Eenheid="83", GeleverdVolume="500", Bedrag="600", ProductTarief=None)
    each((12, 151), Eenheid="83", GeleverdVolume="600", Bedrag="600", ProductTarief=None)
    # TR418: 45N01 (every fourth line) at another tariff than the contract's 6500 (amount right)
    each((0, 44, 244), ProductTarief="7000", GeleverdVolume="3", Bedrag="21000")
    each((48,), ProductTarief="6500", GeleverdVolume="3", Bedrag="19500")
    # CD087: euro's with a tarief, and hours without one
    each((20, 220), Eenheid="83", GeleverdVolume="700", Bedrag="700")
    each((21, 221), ProductTarief=None)
    # CD060: credit without VorigReferentieNummer, debit with one
    each((30, 31, 230), DebetCredit="C")
    each((32, 232), Vorig="R-EARLIER")
    each((33,), DebetCredit="C", Vorig="R-EARLIER")
    # CS337: a period across months (still before the Dagtekening)
    each((40, 240), Einddatum="2026-11-03")
    # CS100 and TR335: before 2021, and more than five years before the DeclaratieDagtekening
    each((60, 61, 260), Begindatum="2020-12-01", Einddatum="2020-12-31")
    each((62,), Begindatum="2021-01-01", Einddatum="2021-01-31")
    # TR137: ends before it begins; TR134/TR137: begins and ends after the Dagtekening
    each((70, 270), Begindatum="2026-10-20", Einddatum="2026-10-10")
    each((80, 280), Begindatum="2026-11-06", Einddatum="2026-11-30")
    # CS325: zero as credit (and as debit, which is right)
    each((90, 91), Bedrag="0", DebetCredit="C", Vorig="R-EARLIER")
    each((92,), Bedrag="0")
    # TR101 and TR416: a line twice; again with the reference padded (blank, and no-break space);
    # a second debit line under another reference (TR416 only); a credit twin (neither)
    duplicate(ps[100])
    duplicate(ps[110], Referentie=" " + get_field(ps[110], "Referentie") + " ")
    duplicate(ps[115], Referentie=get_field(ps[115], "Referentie") + "\u00a0")
    duplicate(ps[130], Referentie="R-OTHER-130")
    duplicate(ps[140], Referentie="R-CREDIT-140", DebetCredit="C", Vorig=get_field(ps[140], "Referentie"))
    # the same line under two Clients is neither
    twin = copy.deepcopy(ps[170])
    ps[175].addnext(twin)
    # TR101 on Clients: two Clients with one Bsn
    clients = list(root.iter("{*}Client"))
    _child(clients[60], "Bsn").text = _child(clients[61], "Bsn").text
    fix_total(root, total_off_by)
    return serialise(root)


FIRING = {
    "TR346",
    "CS339",
    "CD087",
    "CD060",
    "CS337",
    "CS100",
    "TR335",
    "TR137",
    "TR134",
    "CS325",
    "TR101",
    "TR416",
    "TR381",
    "TR418",
    "PC001",
}


def memoisable_rules(code: str) -> set[str]:
    """The rules with reads that the engine runs on a message of this type with the registry above."""
    rules = all_rules()
    return {c for c in READS_RULES if rules[c].applies_to(code) and not wants(rules[c].needs, HISTORY)}


MEMOISED_323 = memoisable_rules("JW323")


def test_generated_declaration_is_clean_and_memoised(jw323: bytes):
    without = memoisable_rules("JW323") - {c for c in READS_RULES if all_rules()[c].needs}
    rows = assert_same_verdict(jw323, memoised=without, with_registry=False)
    assert rows == [], rows[:3]
    # With the registry the contract and product-list rules fire on whole product codes.
    rows = assert_same_verdict(jw323, memoised=MEMOISED_323, expect={"TR381", "PC001"})
    assert len([r for r in rows if r[0] == "TR381"]) == LINES // 4  # every 45N04


def test_busy_declaration_gives_the_same_findings(jw323: bytes):
    rows = assert_same_verdict(busy(jw323), expect=FIRING, memoised=MEMOISED_323)
    assert "TR358" not in {r[0] for r in rows}
    # Each combination with a finding is reported on every line that has it, not once.
    tr346 = [r for r in rows if r[0] == "TR346" and "65001" in r[3]]
    assert len(tr346) == 4
    assert len([r for r in rows if r[0] == "CS339"]) == 3
    # The padded references are the same reference (TR101 compares stripped texts).
    assert len([r for r in rows if r[0] == "TR101" and "Prestatie" in r[1]]) == 3


def test_wrong_total_gives_the_same_findings(jw323: bytes):
    rows = assert_same_verdict(busy(jw323, total_off_by=1), expect=FIRING | {"TR358"}, memoised=MEMOISED_323)
    assert len([r for r in rows if r[0] == "TR358"]) == 1


def test_lines_of_one_combination_in_many_clients(jw323: bytes):
    """Half the lines carry one bad combination, so the memo's re-run covers most of the message."""
    root = etree.fromstring(jw323)
    for i, p in enumerate(prestaties(root)):
        if i % 2:
            set_field(p, "Bedrag", "1")
            set_field(p, "DebetCredit", "C")
    fix_total(root)
    rows = assert_same_verdict(serialise(root), expect={"TR346", "CD060"}, memoised=MEMOISED_323)
    assert len([r for r in rows if r[0] == "TR346"]) == LINES // 2


# --- random edits ------------------------------------------------------------------------------

POOLS: dict[str, tuple[str | None, ...]] = {
    "Eenheid": ("01", "04", "14", "83"),
    "GeleverdVolume": ("0", "1", "10", "60"),
    "ProductTarief": (None, "0", "108", "6500"),
    "Bedrag": ("0", "100", "600", "6500", "65000"),
    "DebetCredit": ("C", "D"),
    "Vorig": (None, "V1"),
    "Referentie": ("R1", "R2", " R1"),
    "Begindatum": ("2019-01-01", "2020-12-01", "2026-10-01", "2026-10-20", "2026-11-06"),
    "Einddatum": ("2019-01-31", "2020-12-31", "2026-10-10", "2026-10-31", "2026-11-30"),
    "ToewijzingNummer": ("1", "2"),
    "ProductCode": ("45N01", "45N02", "45N04"),
}

edit = st.tuples(
    st.lists(st.integers(0, LINES - 1), min_size=1, max_size=12),
    st.sampled_from(sorted(POOLS)),
    st.integers(0, 4),
)


@given(
    edits=st.lists(edit, min_size=1, max_size=12),
    copies=st.lists(st.tuples(st.integers(0, LINES - 1), st.integers(0, LINES - 1)), max_size=3),
    off_by=st.sampled_from((0, 0, 1)),
)
def test_random_edits_give_the_same_findings(jw323: bytes, edits, copies, off_by):
    root = etree.fromstring(jw323)
    ps = prestaties(root)
    for indices, name, k in edits:
        pool = POOLS[name]
        for i in indices:
            set_field(ps[i], name, pool[k % len(pool)])
    for source, target in copies:  # a copy of one line after another (its Client's or another's)
        ps[target].addnext(copy.deepcopy(ps[source]))
    fix_total(root, off_by)
    data = serialise(root)
    plain_rows, _, _ = findings(data, table=False, memo=False)
    rows, _, spy = findings(data, table=True, memo=True)
    assert not {r[0] for r in plain_rows} & {"XSD", "XML"}, "the edits must keep the message schema-valid"
    assert MEMOISED_323 <= spy.memoised
    assert rows == plain_rows


# --- other messages with memoised rules --------------------------------------------------------


def _applies(code: str) -> list[str]:
    return sorted(c for c in READS_RULES if all_rules()[c].applies_to(code))


def test_jw301_with_many_products(tmp_path: Path):
    assert "TR134" in _applies("JW301")
    path = tmp_path / "JW301.xml"
    write_jw301(path, client=4, products=LINES)  # Dagtekening 2025-12-15
    root = etree.parse(str(path)).getroot()
    products = list(root.iter("{*}ToegewezenProduct"))
    rnd = random.Random(301)
    for i in rnd.sample(range(LINES), 40):
        _child(products[i], "Toewijzingsdatum").text = rnd.choice(("2025-12-16", "2026-01-01", "2025-12-15"))
    for i in rnd.sample(range(LINES), 5):  # the same ToewijzingNummer twice (TR101)
        _child(products[i], "ToewijzingNummer").text = _child(
            products[i + 1 if i < LINES - 1 else 0], "ToewijzingNummer"
        ).text
    next(root.iter("{*}Geboortedatum"))[0].text = "2025-12-20"
    assert_same_verdict(serialise(root), expect={"TR134", "TR101"}, memoised=memoisable_rules("JW301"))


def _cloned(code: str, name: str, vary: Callable[[etree._Element, int], None]) -> etree._Element:
    """A base message with its one `name` element repeated LINES times, `vary` making each its own."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.parse(str(FIXTURES / "messages" / f"{code}.xml"), parser).getroot()
    original = next(root.iter(f"{{*}}{name}"))
    for i in range(LINES - 1, 0, -1):
        twin = copy.deepcopy(original)
        vary(twin, i)
        original.addnext(twin)
    vary(original, 0)
    return root


def test_jw325_with_many_lines():
    assert set(_applies("JW325")) >= {"CD060", "CS325", "TR134", "TR137"}

    def vary(p, i):
        _child(_child(p, "ProductReferentie"), "ReferentieNummer").text = f"A{i:05d}"
        _child(p, "ToewijzingNummer").text = str(1000 + i)

    root = _cloned("JW325", "Prestatie", vary)
    ps = prestaties(root)
    rnd = random.Random(325)
    for i in rnd.sample(range(LINES), 60):
        change = rnd.choice(("credit", "zero", "reversed", "late", "vorig"))
        if change in ("credit", "zero"):
            set_field(ps[i], "DebetCredit", "C")
            if change == "zero":
                set_field(ps[i], "Bedrag", "0")
        elif change == "reversed":
            set_field(ps[i], "Begindatum", "2026-10-20")
            set_field(ps[i], "Einddatum", "2026-10-10")
        elif change == "late":
            set_field(ps[i], "Begindatum", "2026-11-13")
            set_field(ps[i], "Einddatum", "2026-11-30")
        else:
            set_field(ps[i], "Vorig", "X1")
    assert_same_verdict(
        serialise(root), expect={"CD060", "CS325", "TR134", "TR137"}, memoised=memoisable_rules("JW325")
    )


@pytest.mark.parametrize(("code", "name"), [("JW305", "StartProduct"), ("JW307", "StopProduct")])
def test_start_and_stop_messages_with_many_products(code: str, name: str):
    assert "TR134" in _applies(code)

    def vary(product, i):
        _child(product, "ToewijzingNummer").text = str(5000 + i)

    root = _cloned(code, name, vary)
    dagtekening = date.fromisoformat(next(root.iter("{*}Dagtekening")).text)
    products = list(root.iter(f"{{*}}{name}"))
    rnd = random.Random(code)
    field_name = "Begindatum" if name == "StartProduct" else "Einddatum"
    for i in rnd.sample(range(LINES), 30):
        day = dagtekening.replace(day=min(dagtekening.day + rnd.choice((0, 1, 3)), 28))
        _child(products[i], field_name).text = day.isoformat()
    assert_same_verdict(serialise(root), expect={"TR134"}, memoised=memoisable_rules(code))


# --- the checks can fail -----------------------------------------------------------------------


def _under_declared(ctx, prestatie):
    """Test rule: declares it reads Eenheid, but also reads GeleverdVolume."""
    if int_of(prestatie, "GeleverdVolume") == 777:
        yield ctx.finding(prestatie, "volume 777")


UNDER_DECLARED = Rule(
    "ZZ990", None, ("JW323",), Level.MESSAGE, "Prestatie", _under_declared, reads=("Eenheid",)
)


def test_an_under_declared_rule_changes_the_verdict(jw323: bytes, monkeypatch):
    """What the equivalence tests above would see if a rule's reads were incomplete."""
    monkeypatch.setitem(RULES, UNDER_DECLARED.code, UNDER_DECLARED)
    root = etree.fromstring(jw323)
    # Two combinations (Eenheid 04 and 14): in the first every line but its first and last has
    # the undeclared value, in the second only its first and last. Whichever line the memo
    # takes for each (the first, the last, one at a fixed place), one of them misleads it.
    ps = prestaties(root)
    days = [p for i, p in enumerate(ps) if i % 3 == 1]
    hours = [p for i, p in enumerate(ps) if i % 3 != 1]
    for p in days:
        set_field(p, "Eenheid", "14")
    for p in hours[1:-1] + [days[0], days[-1]]:
        set_field(p, "GeleverdVolume", "777")
        set_field(p, "Bedrag", str(777 * int(get_field(p, "ProductTarief"))))
    fix_total(root)
    data = serialise(root)
    ruleset = RuleSet(select=("ZZ990",))
    plain_rows, _, _ = findings(data, table=False, memo=False, ruleset=ruleset)
    rows, _, spy = findings(data, table=True, memo=True, ruleset=ruleset)
    assert len(plain_rows) == len(hours) - 2 + 2 and "ZZ990" in spy.memoised
    assert rows != plain_rows
    with pytest.raises(AssertionError, match="GeleverdVolume"):
        check_reads(UNDER_DECLARED, [Case(load(data, name="under-declared.xml"))])


def _half_raising(ctx, prestatie):
    """Test rule: a finding on Eenheid 14, an error on Eenheid 83."""
    eenheid = text(prestatie, "Eenheid")
    if eenheid == "83":
        raise ValueError("cannot read this line")
    if eenheid == "14":
        yield ctx.finding(prestatie, "in days")


def test_a_rule_that_raises_keeps_its_other_findings(jw323: bytes, monkeypatch):
    rule = Rule("ZZ991", None, ("JW323",), Level.MESSAGE, "Prestatie", _half_raising, reads=("Eenheid",))
    monkeypatch.setitem(RULES, rule.code, rule)
    root = etree.fromstring(jw323)
    ps = prestaties(root)
    set_field(ps[5], "Eenheid", "14")
    set_field(ps[200], "Eenheid", "83")
    set_field(ps[200], "ProductTarief", None)
    data = serialise(root)
    ruleset = RuleSet(select=("ZZ991",))
    plain_rows, _, _ = findings(data, table=False, memo=False, ruleset=ruleset)
    rows, _, _ = findings(data, table=True, memo=True, ruleset=ruleset)
    assert [r[0] for r in plain_rows] == ["ZZ991", "ZZ991"] and "in days" in plain_rows[0][3]
    assert rows == plain_rows


# --- reads completeness ------------------------------------------------------------------------

VALUES = ("", "0", "999999", "2019-01-01", "2099-12-31", "83", "C", "14")
# Beyond the rule's own fixtures and the base messages, fixtures are tried until this many
# experiments (most are variations of the same base message; this keeps the test quick).
BUDGET = 40_000


def _follow(node: etree._Element, path: str) -> etree._Element | None:
    """The element at a declared path (first child of each local name; "^Name" an ancestor)."""
    current: etree._Element | None = node
    for step in path.split("/"):
        if current is None:
            return None
        if step.startswith("^"):
            current = next((a for a in current.iterancestors() if local(a) == step[1:]), None)
        else:
            current = _child(current, step)
    return current


def _types(message: ParsedMessage) -> dict[etree._Element, tuple]:
    """Each element of the message with its spec complex type and its children's namespace."""
    spec = load_standard(message.message_type.standard.name)
    schema = spec.message(message.message_type)
    found: dict[etree._Element, tuple] = {}

    def walk(el: etree._Element, type_name: str) -> None:
        complex_type = spec.complex_type(schema, type_name)
        if complex_type is None:
            return
        namespace = (
            message.message_type.namespace
            if type_name in schema.complex
            else message.message_type.standard.base_namespace
        )
        found[el] = (complex_type, namespace, spec, schema)
        declared = {e.name: e for e in complex_type.elements}
        for child in el:
            if isinstance(child.tag, str) and local(child) in declared:
                walk(child, declared[local(child)].type)

    assert schema.root is not None
    walk(message.root, schema.root[1])
    return found


def _outcome(rule: Rule, ctx: RuleContext, node: etree._Element):
    ctx.cache.clear()  # nothing remembered from an earlier call may stand in for a read
    try:
        return [(f.code, f.severity, f.retourcode, f.message) for f in rule.func(ctx, node) or ()]
    except Exception as exc:  # a difference in raising is a difference too
        return ("raised", type(exc).__name__)


def _mutations(scope: etree._Element, types: dict, keep: set) -> Iterator[tuple[str, bool]]:
    """Change, one at a time, every leaf in `scope` outside `keep` (each of VALUES, then gone),
    and add each absent simple child the spec allows (with each of VALUES). Yields a label and
    whether elements moved while the change is in place; undoes it afterwards."""
    for leaf in [e for e in scope.iter() if isinstance(e.tag, str) and len(e) == 0]:
        if leaf in keep:
            continue
        original = leaf.text
        for value in VALUES:
            leaf.text = value
            yield f"{local(leaf)}={value!r}", False
        leaf.text = original
        parent = leaf.getparent()
        position = parent.index(leaf)
        parent.remove(leaf)
        yield f"{local(leaf)} removed", True
        parent.insert(position, leaf)
    for parent in [e for e in scope.iter() if e in types]:
        complex_type, namespace, spec, schema = types[parent]
        present = {local(c) for c in parent if isinstance(c.tag, str)}
        order = [e.name for e in complex_type.elements]
        for element in complex_type.elements:
            if element.name in present or spec.complex_type(schema, element.type) is not None:
                continue
            new = etree.Element(f"{{{namespace}}}{element.name}")
            later = [
                i
                for i, c in enumerate(parent)
                if isinstance(c.tag, str)
                and local(c) in order
                and order.index(local(c)) > order.index(element.name)
            ]
            parent.insert(later[0] if later else len(parent), new)
            try:
                for value in VALUES:
                    new.text = value
                    yield f"{local(parent)}/{element.name}={value!r} added", True
            finally:
                parent.remove(new)


@dataclass
class Case:
    """A message and the fixture folder it comes from (its today.txt, registry.json, history/)."""

    message: ParsedMessage
    folder: Path | None = None
    registry: RegistrySnapshot | None = None  # instead of a registry.json


def _context(rule: Rule, case: Case) -> tuple[RuleContext, tuple] | None:
    """The context the fixture tests give this message (for a rule that needs a registry or
    history the message's folder lacks: the rule's own folder's); None when a need is unmet."""
    folder, own = case.folder, FIXTURES / "rules" / rule.code
    today = TODAY
    if folder is not None and (folder / "today.txt").exists():
        today = date.fromisoformat((folder / "today.txt").read_text().strip())
    sources = [f for f in (folder, own) if f is not None]
    registry, history = case.registry, None
    ident: list = [today, id(case.registry)]
    wants_registry = wants(rule.needs, NEEDS_REGISTRY) or (folder and (folder / "registry.json").is_file())
    for f in sources if registry is None and wants_registry else ():
        if (f / "registry.json").is_file():
            data = json.loads((f / "registry.json").read_text(encoding="utf-8"))
            registry = RegistrySnapshot.from_dict(data)
            ident.append(f / "registry.json")
            break
    for f in sources if wants(rule.needs, HISTORY) or (folder and (folder / "history").is_dir()) else ():
        if (f / "history").is_dir():
            from validators.sources.history import History

            history = History.from_paths(sorted((f / "history").glob("*.xml")))
            ident.append(f / "history")
            break
    if reason(rule.needs, available(history, registry)) is not None:
        return None  # the engine would skip the rule (validators.engine.needs)
    ctx = RuleContext(message=case.message, today=today, registry=registry, history=history)
    ctx.rule = rule
    return ctx, tuple(ident)  # ident: what else than the message decides the outcome


def check_reads(rule: Rule, cases: list[Case], budget: int | None = None) -> tuple[int, int]:
    """For each target element of `rule`: what it says does not change when anything around it
    (its Client, or itself where it lies in none) changes outside its declared reads.
    Cases that are not the rule's own fixtures or base messages stop being tried once `budget`
    experiments have been made. Returns (experiments, targets with a finding)."""
    experiments = with_findings = 0
    seen: set = set()
    own = FIXTURES / "rules" / rule.code
    for case in sorted(cases, key=lambda c: c.folder not in (None, own)):
        if budget is not None and experiments >= budget and case.folder not in (None, own):
            break
        message = case.message
        found = _context(rule, case)
        if found is None:
            continue
        ctx, ident = found
        types = _types(message)
        namespace = message.message_type.namespace
        # Fixtures share most of their Clients; one experiment per distinct surrounding suffices.
        outside = tuple(
            (e.tag, e.text)
            for e in message.root.iter()
            if isinstance(e.tag, str)
            and len(e) == 0
            and not any(local(a) == "Client" for a in e.iterancestors())
        )
        for node in list(message.root.iter(*(f"{{{namespace}}}{n}" for n in rule.names))):
            scope = next((a for a in node.iterancestors() if local(a) == "Client"), node)
            key = (etree.tostring(scope), list(scope.iter()).index(node), outside, ident)
            if key in seen:
                continue
            seen.add(key)
            base = _outcome(rule, ctx, node)
            with_findings += isinstance(base, list) and bool(base)
            keep = {d for path in rule.reads if (at := _follow(node, path)) is not None for d in at.iter()}
            for label, moved in _mutations(scope, types, keep):
                # Only a removed or added element can change what a read path points at.
                if (
                    moved
                    and {
                        d for path in rule.reads if (at := _follow(node, path)) is not None for d in at.iter()
                    }
                    != keep
                ):
                    continue  # the change put another element on a read path: not outside the reads
                experiments += 1
                got = _outcome(rule, ctx, node)
                assert got == base, (
                    f"{rule.code} on {message.source} {local(node)} reads more than "
                    f"{rule.reads}: with {label} it says {got} instead of {base}"
                )
    return experiments, with_findings


def _rule_cases() -> list[Case]:
    files = [(p, None) for p in sorted((FIXTURES / "messages").glob("*.xml"))]
    files += [
        (p, p.parent)
        for p in sorted((FIXTURES / "rules").glob("*/*.xml"))
        if p.name.startswith(("good", "bad"))
    ]
    cases = []
    for path, folder in files:
        try:
            cases.append(Case(load(path), folder))
        except Exception:  # hostile or malformed input fixtures: no rule reads them
            continue
    return cases


@pytest.fixture(scope="module")
def rule_cases() -> list[Case]:
    return _rule_cases()


def test_rules_with_reads_are_there():
    assert set(READS_RULES) >= MEMOISED_323 and len(READS_RULES) >= 10, READS_RULES


@pytest.mark.parametrize("code", READS_RULES)
def test_reads_are_complete(code: str, rule_cases: list[Case]):
    rule = all_rules()[code]
    cases = [c for c in rule_cases if rule.applies_to(c.message.message_type)]
    assert cases, f"no fixture of a message {code} applies to"
    experiments, with_findings = check_reads(rule, cases, budget=BUDGET)
    assert experiments > 100, experiments
    assert with_findings > 0, f"no fixture gives {code} a finding: only the quiet side was tried"


def test_reads_of_a_large_busy_declaration_are_complete(jw323: bytes):
    """The same on the lines of the busy message where rules fire (and their neighbours)."""
    root = etree.fromstring(busy(jw323))
    wanted = {i // 4 for i in (0, 3, 10, 20, 21, 30, 33, 40, 60, 62, 70, 80, 90, 100, 110, 130)}
    for position, client in enumerate(list(root.iter("{*}Client"))):
        if position not in wanted:
            client.getparent().remove(client)
    case = Case(load(serialise(root), name="busy-sample.xml"), registry=registry())
    for code in sorted(MEMOISED_323):
        experiments, _ = check_reads(all_rules()[code], [case])
        assert experiments > 1000, code
