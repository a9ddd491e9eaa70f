"""The fast paths of the cross-message rules say what reading element by element says.

Prestatie records of the message under test come from columns (one libxslt pass on a large
message), history records from one walk over each element's children. On a generated month
with deliberate errors, the findings must equal those of the element path (forced by raising
TABLE_MIN), in the same order; and the records must equal what `iwmo_ijw.xpath` reads.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import validators.engine._columns
import validators.engine._memo
from bench.generate import write_jw301, write_jw323
from iwmo_ijw.namespaces import message_type
from iwmo_ijw.parsing import load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import as_date, as_decimal, as_int, date_of, decimal_of, findall, int_of, iter_local, text
from validators.engine.pipeline import Options, validate
from validators.rules.registry import Level, all_rules
from validators.sources.history import (
    PRESTATIE_FIELDS,
    TOEWIJZING_FIELDS,
    History,
    as_text,
    prestatie_record,
    read_texts,
)

CLIENTS = 75  # 4 toewijzingen each: 300 toewijzingen, and a declaration of 300 Prestaties
NS = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"
BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
# The reader of a record field and the xpath function that reads the element the same way.
ORACLE = {as_text: text, as_date: date_of, as_int: int_of, as_decimal: decimal_of}


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> tuple[list[Path], Path]:
    folder = tmp_path_factory.mktemp("month")
    history = [folder / f"JW301-{c:03d}.xml" for c in range(CLIENTS)]
    for c, path in enumerate(history):
        write_jw301(path, c)
    # October already declared for the first two clients: a ReferentieNummer used again (the
    # second client) and a second debit of a period under a new ReferentieNummer (the first).
    earlier = folder / "JW323-earlier.xml"
    write_jw323(earlier, 8, seed=7)
    _renumber(earlier, 4)
    declaration = folder / "JW323.xml"
    write_jw323(declaration, 4 * CLIENTS, seed=1000)
    _spoil(declaration)
    return [*history, earlier], declaration


def _spoil(path: Path) -> None:
    """Errors that only earlier messages reveal, on lines of their own."""
    tree = etree.parse(str(path))
    lines = tree.getroot().findall(f".//{{{NS}}}Prestatie")
    _set(lines[20], "ToewijzingNummer", "99999999")  # no such toewijzing
    _set(lines[24], "ProductPeriode/Begindatum", "2025-12-01")  # before the Ingangsdatum
    _set(lines[28], "GeleverdVolume", "900")  # over 40 hours a month, and over the year
    _set(lines[32], "ProductCode", "45N09")  # another product than toegewezen
    _set(lines[36], "ProductCategorie", "46")
    _set(lines[40], "Eenheid", "82")  # not the toewijzing's Eenheid
    _set(lines[44], "ProductPeriode/Einddatum", "2026-10-30")  # not the end of the month
    _set(lines[48], "IngediendBedrag/DebetCredit", "C")  # a credit naming no debit
    _set(lines[52], "ProductReferentie/ReferentieNummer", "  R00000052000 ")  # whitespace around a value
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    assert load_schema(message_type("JW323")).validate(tree)  # content rules run only then


def _renumber(path: Path, lines: int) -> None:
    tree = etree.parse(str(path))
    for i, line in enumerate(tree.getroot().findall(f".//{{{NS}}}Prestatie")[:lines]):
        _set(line, "ProductReferentie/ReferentieNummer", f"E{i:011d}")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _set(prestatie: etree._Element, path: str, value: str) -> None:
    node = prestatie
    for step in path.split("/"):
        node = next(c for c in node if etree.QName(c).localname == step)
    node.text = value


def _findings(declaration: Path, history: History) -> list[tuple]:
    report = validate(declaration, Options(today=date(2026, 12, 1), history=history))
    return [(f.code, f.severity, f.retourcode, f.message, f.xpath, f.line) for f in report.findings]


def _element_path(monkeypatch) -> None:
    """No tables, no memo, and every Prestatie record read from its element on demand."""
    import validators.rules.tr._common as common

    monkeypatch.setattr(validators.engine._columns, "TABLE_MIN", 10**9)
    monkeypatch.setattr(validators.engine._memo, "TABLE_MIN", 10**9)
    monkeypatch.setattr(common, "_records", lambda ctx: {})


def _count_element_reads(monkeypatch) -> list[str]:
    """Record paths read from Prestatie elements one by one (what a table spares)."""
    from validators.rules.tr._common import PRESTATIE_COLUMNS

    read = []
    real = validators.engine._columns.element_value

    def counting(node, path):
        if path in PRESTATIE_COLUMNS["Prestatie"] and etree.QName(node).localname == "Prestatie":
            read.append(path)
        return real(node, path)

    monkeypatch.setattr(validators.engine._columns, "element_value", counting)
    return read


def test_findings_equal_the_element_path(month, monkeypatch):
    all_rules()
    files, declaration = month
    history = History.from_paths(files)
    one_by_one = _count_element_reads(monkeypatch)
    fast = _findings(declaration, history)
    assert not one_by_one  # the columns really came from the one pass
    cross = {code for code, *_ in fast if all_rules()[code].level == Level.CROSS}
    assert {
        "TR307",
        "TR314",
        "TR321",
        "TR322",
        "TR323",
        "TR338",
        "TR339",
        "TR340",
        "TR341",
        "TR388",
        "TR389",
    } <= cross

    with monkeypatch.context() as patched:
        _element_path(patched)
        slow = _findings(declaration, history)
    assert one_by_one
    assert fast == slow


def _context(message, nodes_of=None):
    from validators.rules.context import RuleContext
    from validators.rules.tr._common import PRESTATIE_COLUMNS

    ctx = RuleContext(message=message, today=date(2026, 12, 1))
    wanted = {name: set(paths) for name, paths in PRESTATIE_COLUMNS.items()}
    ctx.columns = validators.engine._columns.ColumnSource(message, wanted, nodes_of=nodes_of)
    return ctx


def _assert_read_as_xpath_reads(record, line, message) -> None:
    for name, path, reader in PRESTATIE_FIELDS:
        assert getattr(record, name) == ORACLE[reader](line, path), (name, path)
    assert record.bsn == text(line.getparent().getparent(), "Bsn")
    assert record.declaratie_nummer == text(message.root, "Declaratie/DeclaratieNummer")
    assert (record.afzender, record.ontvanger) == ("12000001", "7001")


def test_message_records_equal_what_xpath_reads(month):
    from validators.rules.tr._common import prestatie_of

    message = load(month[1])
    lines = list(message.root.iter(f"{{{NS}}}Prestatie"))
    assert len(lines) >= validators.engine._columns.TABLE_MIN
    ctx = _context(message)
    for line in lines:
        _assert_read_as_xpath_reads(prestatie_of(ctx, line), line, message)


def test_a_prestatie_outside_the_targets_is_read_from_its_element(month):
    """The streaming reader's targets are one Client's; a Client read ahead is still in the tree."""
    from validators.rules.tr._common import message_prestaties

    message = load(month[1])
    first = next(iter_local(message.root, "Client"))
    ctx = _context(message, nodes_of=lambda name: list(first.iter(f"{{{NS}}}{name}")))
    lines = message_prestaties(ctx)
    assert len(lines) == 4 * CLIENTS
    for line, record in lines:
        _assert_read_as_xpath_reads(record, line, message)


def test_lookups_follow_what_is_added_later(month):
    from validators.sources.history import Toewijzing

    files, _ = month
    history = History.from_paths(files[:1])
    assert history.seen_bericht("7001", "T00000000000") and not history.seen_bericht("7001", "T00000000001")
    history.add_paths(files[1:2])
    assert history.seen_bericht("7001", "T00000000001")
    first = history.toewijzing("0")
    later = Toewijzing(
        **{
            **{f: getattr(first, f) for f in first.__slots__},
            "code": "45N09",
            "toewijzingsdatum": date(2026, 3, 1),
        }
    )
    history.add_toewijzing(later)
    assert history.toewijzing("0") == later and history.toewijzing_versions("0") == [first, later]


def test_history_records_equal_what_xpath_reads(month):
    files, _ = month
    history = History.from_paths(files)
    for file in files[:CLIENTS]:
        message = load(file)
        for client in iter_local(message.root, "Client"):
            for tp in findall(client, "ToegewezenProducten/ToegewezenProduct"):
                [t] = history.toewijzing_versions(text(tp, "ToewijzingNummer"))
                for name, path, reader in TOEWIJZING_FIELDS:
                    assert getattr(t, name) == ORACLE[reader](tp, path), (name, path)
                assert (t.bsn, t.afzender, t.ontvanger) == (text(client, "Bsn"), "7001", "12000001")
    key = next(k for k in history.berichten if k.identificatie == "T00000000000")
    assert key.dagtekening == date(2025, 12, 15) and (key.afzender, key.ontvanger) == ("7001", "12000001")
    assert history.xsd_versies[(key.afzender, key.identificatie, key.dagtekening)] == ("1.0.0", "1.0.0")


TRICKY = f"""<p:Prestatie xmlns:p="{NS}" xmlns:b="{BASIS}">
  <!-- a comment before the first child --><?pi here?>
  <p:ProductReferentie>
    <b:ReferentieNummer> R1 </b:ReferentieNummer><b:ReferentieNummer>R2</b:ReferentieNummer>
  </p:ProductReferentie>
  <p:ProductReferentie><b:VorigReferentieNummer>in the second</b:VorigReferentieNummer></p:ProductReferentie>
  <ToewijzingNummer>no namespace</ToewijzingNummer>
  <p:ProductCategorie/>
  <p:ProductPeriode>
    <b:Begindatum>2026-10-01+01:00</b:Begindatum><b:Einddatum>31-10-2026</b:Einddatum>
  </p:ProductPeriode>
  <p:GeleverdVolume> 12 </p:GeleverdVolume><p:GeleverdVolume>13</p:GeleverdVolume>
  <p:ProductTarief>12.5</p:ProductTarief>
  <p:IngediendBedrag>
    <b:Bedrag>x</b:Bedrag><b:DebetCredit>D<!-- split -->C</b:DebetCredit>
  </p:IngediendBedrag>
</p:Prestatie>"""


def test_one_walk_reads_what_find_reads():
    """First child per name at every step, any namespace, comments skipped, texts stripped."""
    element = etree.fromstring(TRICKY)
    texts = read_texts(
        element,
        {
            "ProductReferentie": {"ReferentieNummer": "r", "VorigReferentieNummer": "v"},
            "ToewijzingNummer": "t",
            "ProductCategorie": "c",
            "GeleverdVolume": "g",
            "Eenheid": "e",
            "IngediendBedrag": {"DebetCredit": "dc"},
        },
    )
    assert texts == {"r": "R1", "t": "no namespace", "c": "", "g": "12", "dc": "D"}
    assert texts.get("v") is None and text(element, "ProductReferentie/VorigReferentieNummer") is None
    record = prestatie_record(element, bsn=None, declaratie_nummer=None, key=_key())
    for name, path, reader in PRESTATIE_FIELDS:
        assert getattr(record, name) == ORACLE[reader](element, path), (name, path)


def test_records_from_columns_equal_records_from_elements():
    from validators.sources.history import prestatie_records

    element = etree.fromstring(TRICKY)
    texts = {path: [text(element, path)] for _, path, _ in PRESTATIE_FIELDS}
    [from_columns] = prestatie_records(texts, ["123"], declaratie_nummer="D1", key=_key())
    from_element = prestatie_record(element, bsn="123", declaratie_nummer="D1", key=_key())
    assert from_columns == from_element


def _key():
    from validators.sources.history import BerichtKey

    return BerichtKey("12000001", "7001", "JW323", "", None)
