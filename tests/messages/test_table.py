"""The one-pass tables (`iwmo_ijw.table.read_table`) say what the elements say.

Rules over large messages read their fields from a table that libxslt writes in one pass;
small messages, and messages the table cannot be trusted on, are read through lxml
(`validators.engine._columns.element_value`). A rule means the same on both only when the two give
the same strings, so here they are compared cell by cell: for every class and path the
engine would ask of a message (all rules' `reads` and `columns_for`, by class name and as
the holder class `ColumnSource` reads them from), on the base messages, every schema-valid
rule fixture, generated messages of 300 lines, messages crafted with missing, empty, padded,
escaped and CDATA values, and the official examples when ../shared/reference is present.

Both readers are also compared with an independent reading written here (`reference`), so
a bug shared by the two cannot hide.

Rules only ever see schema-valid messages (an invalid one is rejected before the rules run,
and the findings of rules run beside the XSD check are dropped), so the table may assume what
the XSD guarantees; the crafted messages keep every mandatory element, and rule fixtures that
fail the XSD are left out.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
from lxml import etree

import iwmo_ijw.table as table_module
from bench.generate import write_jw301, write_jw323
from iwmo_ijw.parsing import ParsedMessage, load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.table import plain, plain_bytes, qualified, read_table, sole_holder
from tests.conftest import FIXTURES, REFERENCE, reference_path
from validators.engine import _columns as columns_module
from validators.engine._columns import ColumnSource, element_value
from validators.engine.pipeline import wanted_columns
from validators.rules.registry import RuleSet

BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
JW323 = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"
LINES = 300  # above validators.engine._columns.TABLE_MIN, so ColumnSource reads these through a table


# --- an independent reading --------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def reference(node: etree._Element, path: str) -> str:
    """What a column must hold, read step by step: "^Name" is the nearest ancestor Name (at any
    step), a plain step the first child element of that local name; "" when there is none,
    "=" + the element's own text otherwise."""
    current: etree._Element | None = node
    for step in path.split("/"):
        if current is None:
            return ""
        if step.startswith("^"):
            current = next((a for a in current.iterancestors() if _local(a) == step[1:]), None)
        else:
            current = next((c for c in current if isinstance(c.tag, str) and _local(c) == step), None)
    return "" if current is None else "=" + (current.text or "")


# --- what the engine asks of a message ---------------------------------------------------------


def engine_classes(message: ParsedMessage) -> dict[str, tuple[str, ...]]:
    """Per class name, every path the engine plans for the message: as the rules name them,
    and as ColumnSource reads them (from a holder class, with the holder's path prefix)."""
    rules = list(RuleSet().rules_for(message.message_type))
    wanted = wanted_columns(rules, message.message_type)
    classes = {name: set(paths) for name, paths in wanted.items()}
    for name, paths in ColumnSource(message, wanted).wanted.items():
        classes.setdefault(name, set()).update(paths)
    return {name: tuple(sorted(paths)) for name, paths in classes.items()}


def elements(message: ParsedMessage, name: str) -> list[etree._Element]:
    return list(message.root.iter(f"{{{message.message_type.namespace}}}{name}"))


def check_agreement(message: ParsedMessage) -> int:
    """Every placed cell of every planned class against element_value and the reference; the
    number of cells compared."""
    cells = 0
    for name, paths in engine_classes(message).items():
        nodes = elements(message, name)
        table = read_table(message.tree, message.message_type, name, paths, len(nodes))
        placed = tuple(p for p in paths if qualified(message.message_type, name, p) is not None)
        tabbed = any("\t" in reference(n, p) for n in nodes for p in placed)
        if table is None:
            # Allowed only when nothing can be placed or a tab would break the columns.
            assert not placed or tabbed, f"{message.source}: no table for {name} {placed}"
            continue
        assert table.size == len(nodes)
        assert set(table.columns) == set(placed), (name, sorted(set(placed) ^ set(table.columns)))
        for path in placed:
            want = [reference(n, path) for n in nodes]
            assert table.columns[path] == want, f"{message.source}: {name} {path}"
            assert [element_value(n, path) for n in nodes] == want, f"{message.source}: {name} {path}"
            cells += len(nodes)
    return cells


@functools.cache
def _valid(path: Path) -> bool:
    try:
        message = load(path)
    except Exception:  # not a message at all (hostile-input fixtures and the like)
        return False
    return bool(load_schema(message.message_type).validate(message.tree))


def _fixture_files() -> list:
    files = sorted((FIXTURES / "messages").glob("*.xml"))
    files += sorted(p for p in (FIXTURES / "rules").glob("*/*.xml") if p.name.startswith(("good", "bad")))
    return [pytest.param(p, id=str(p.relative_to(FIXTURES))) for p in files]


def test_fixture_files_are_found():
    # 14 base messages and some hundreds of rule fixtures: the agreement below is not vacuous.
    assert len(_fixture_files()) > 300
    assert sum(_valid(p.values[0]) for p in _fixture_files()) > 200


@pytest.mark.parametrize("path", _fixture_files())
def test_table_agrees_on_fixtures(path: Path):
    if not _valid(path):
        pytest.skip("not schema-valid: rules never read it")
    message = load(path)
    cells = check_agreement(message)
    if message.message_type.code in ("JW301", "JW305", "JW307", "JW315", "JW317", "JW323", "JW325"):
        assert cells > 0, "a message the rules read, but nothing was compared"


def _examples() -> list:
    if not REFERENCE.exists():
        return [pytest.param("ijw-3.2/JW323", id="reference-absent")]  # runs, then skips with the reason
    return [
        pytest.param(f"{p.parent.parent.name}/{p.stem}", id=f"{p.parent.parent.name}-{p.stem}")
        for folder in ("ijw-3.2", "iwmo-3.2")
        for p in sorted((REFERENCE / folder / "examples").glob("*.xml"))
    ]


@pytest.mark.parametrize("name", _examples())
def test_table_agrees_on_official_examples(name: str):
    folder, code = name.split("/")
    path = reference_path(folder, "examples", f"{code}.xml")
    message = load(path)
    if not load_schema(message.message_type).validate(message.tree):
        # JW315 and JW318 of the reference fail their own XSD (see test_messages_conformance).
        pytest.skip(f"{name} is not schema-valid: rules never read it")
    check_agreement(message)


# --- generated and crafted large messages ------------------------------------------------------


@pytest.fixture(scope="module")
def jw323_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("table") / "JW323.xml"
    write_jw323(path, LINES, seed=7)
    return path.read_bytes()


def _parse(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data))


def _b(name: str) -> str:
    return f"{{{BASIS}}}{name}"


def _m(name: str) -> str:
    return f"{{{JW323}}}{name}"


def _prestaties(tree: etree._ElementTree) -> list[etree._Element]:
    return list(tree.getroot().iter(_m("Prestatie")))


def _child(el: etree._Element, path: str) -> etree._Element:
    for step in path.split("/"):
        el = next(c for c in el if isinstance(c.tag, str) and _local(c) == step)
    return el


def _load(tree: etree._ElementTree, name: str) -> ParsedMessage:
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return load(data, name=name)


def crafted(jw323_bytes: bytes) -> etree._ElementTree:
    """300 Prestaties with the awkward values a table must carry exactly; every mandatory
    element stays (empty where its type would refuse that)."""
    tree = _parse(jw323_bytes)
    ps = _prestaties(tree)
    for i in range(0, LINES, 3):  # optional element missing
        tarief = _child(ps[i], "ProductTarief")
        tarief.getparent().remove(tarief)
    for i in range(1, LINES, 7):  # optional element present, and present but empty
        vorig = etree.SubElement(_child(ps[i], "ProductReferentie"), _b("VorigReferentieNummer"))
        vorig.text = f"V{i}" if i % 2 else None
    _child(ps[2], "Eenheid").text = " 04 "  # whitespace around values
    _child(ps[5], "GeleverdVolume").text = "\n   12\n"
    _child(ps[8], "IngediendBedrag/Bedrag").text = "  100"
    _child(ps[11], "IngediendBedrag/DebetCredit").text = "D "
    _child(ps[14], "ProductReferentie/ReferentieNummer").text = "Réf-€-\U0001f600"  # not ASCII, not BMP
    _child(ps[17], "ProductReferentie/ReferentieNummer").text = "A&B<C>\"'"  # escaped in the XML
    _child(ps[20], "ProductReferentie/ReferentieNummer").text = etree.CDATA("<x>&amp;</x>")
    _child(ps[23], "ProductReferentie/ReferentieNummer").text = "R\r23"  # written as &#13;
    _child(ps[26], "ProductPeriode/Einddatum").text = ""  # empty mandatory leaf: "=", not absent
    _child(ps[29], "ToewijzingNummer").text = "  "
    bsn = next(tree.getroot().iter(_m("Bsn")))
    bsn.text = " " + bsn.text + "\n"
    return tree


def test_crafted_values_reach_the_table(jw323_bytes: bytes):
    message = _load(crafted(jw323_bytes), "crafted.xml")
    assert plain(message.tree)
    assert check_agreement(message) > LINES * 10
    paths = (
        "ProductTarief",
        "ProductReferentie/VorigReferentieNummer",
        "Eenheid",
        "GeleverdVolume",
        "IngediendBedrag/Bedrag",
        "IngediendBedrag/DebetCredit",
        "ProductReferentie/ReferentieNummer",
        "ProductPeriode/Einddatum",
        "ToewijzingNummer",
        "^Client/Bsn",
    )
    table = read_table(message.tree, message.message_type, "Prestatie", paths, LINES)
    assert table is not None and set(table.columns) == set(paths)
    column = table.columns
    # The values themselves, so that a reading that got both sides wrong the same way shows.
    assert column["ProductTarief"][0] == "" and column["ProductTarief"][1].startswith("=")
    assert column["ProductReferentie/VorigReferentieNummer"][1] == "=V1"
    assert column["ProductReferentie/VorigReferentieNummer"][8] == "="  # empty, not absent
    assert column["ProductReferentie/VorigReferentieNummer"][0] == ""
    assert column["Eenheid"][2] == "= 04 "
    assert column["GeleverdVolume"][5] == "=\n   12\n"
    assert column["IngediendBedrag/Bedrag"][8] == "=  100"
    assert column["IngediendBedrag/DebetCredit"][11] == "=D "
    assert column["ProductReferentie/ReferentieNummer"][14] == "=Réf-€-\U0001f600"
    assert column["ProductReferentie/ReferentieNummer"][17] == "=A&B<C>\"'"
    assert column["ProductReferentie/ReferentieNummer"][20] == "=<x>&amp;</x>"
    assert column["ProductReferentie/ReferentieNummer"][23] == "=R\r23"
    assert column["ProductPeriode/Einddatum"][26] == "="
    assert column["ToewijzingNummer"][29] == "=  "
    assert column["^Client/Bsn"][0].startswith("= ") and column["^Client/Bsn"][0].endswith("\n")


def test_generated_declaration_agrees(jw323_bytes: bytes):
    message = load(jw323_bytes, name="JW323-300.xml")
    assert load_schema(message.message_type).validate(message.tree)
    assert check_agreement(message) > LINES * 10


def test_generated_toewijzing_agrees(tmp_path: Path):
    path = tmp_path / "JW301.xml"
    write_jw301(path, client=3, products=LINES)
    message = load(path)
    assert load_schema(message.message_type).validate(message.tree)
    assert len(elements(message, "ToegewezenProduct")) == LINES
    assert check_agreement(message) >= LINES


def test_wrong_count_gives_no_table(jw323_bytes: bytes):
    message = load(jw323_bytes, name="JW323-300.xml")
    fields = ("Eenheid", "GeleverdVolume")
    assert read_table(message.tree, message.message_type, "Prestatie", fields, LINES) is not None
    for expected in (LINES - 1, LINES + 1):
        assert read_table(message.tree, message.message_type, "Prestatie", fields, expected) is None


@pytest.mark.parametrize("where", ["ProductReferentie/ReferentieNummer", "Eenheid", "IngediendBedrag/Bedrag"])
def test_tab_inside_a_value_gives_no_table_or_the_right_one(jw323_bytes: bytes, where: str):
    tree = _parse(jw323_bytes)
    node = _child(_prestaties(tree)[40], where)
    node.text = "\t" + node.text if where != "ProductReferentie/ReferentieNummer" else "R\t40"
    message = _load(tree, "tab.xml")
    assert plain(message.tree)
    paths = ("ProductReferentie/ReferentieNummer", "Eenheid", "IngediendBedrag/Bedrag", "GeleverdVolume")
    table = read_table(message.tree, message.message_type, "Prestatie", paths, LINES)
    nodes = elements(message, "Prestatie")
    if table is not None:
        for path in paths:
            assert table.columns[path] == [reference(n, path) for n in nodes], path
    # What the rules get goes through ColumnSource, which must fall back to the elements.
    columns = ColumnSource(message).columns("Prestatie", paths)
    for path in paths:
        assert columns[path] == [element_value(n, path) for n in nodes], path
    assert "\t" in columns[where][40]
    check_agreement(message)


@pytest.mark.parametrize("kind", ["comment-in-value", "comment-between", "processing-instruction"])
def test_comments_and_processing_instructions_are_not_plain(jw323_bytes: bytes, kind: str):
    tree = _parse(jw323_bytes)
    prestatie = _prestaties(tree)[50]
    bedrag = _child(prestatie, "IngediendBedrag/Bedrag")
    original = bedrag.text
    if kind == "comment-in-value":
        # .text stops at the comment; the XPath string value would join both halves.
        bedrag.text = original[:1]
        comment = etree.Comment(" split ")
        comment.tail = original[1:]
        bedrag.append(comment)
    elif kind == "comment-between":
        prestatie.insert(1, etree.Comment(" between "))
    else:
        prestatie.insert(1, etree.ProcessingInstruction("note", "between"))
    message = _load(tree, f"{kind}.xml")
    assert plain(message.tree) is False
    # Through ColumnSource (300 elements: a table would be read if the message were plain)
    # every value is what the element says.
    paths = ("IngediendBedrag/Bedrag", "ProductCode", "ToewijzingNummer")
    columns = ColumnSource(message).columns("Prestatie", paths)
    nodes = elements(message, "Prestatie")
    for path in paths:
        assert columns[path] == [element_value(n, path) for n in nodes], path
    if kind == "comment-in-value":
        assert columns["IngediendBedrag/Bedrag"][50] == "=" + original[:1]


def test_plain_documents_are_plain(jw323_bytes: bytes):
    assert plain(_parse(jw323_bytes))
    assert plain(load(FIXTURES / "messages" / "JW323.xml").tree)


def _plain_cases(jw323_bytes: bytes) -> dict[str, bytes]:
    tree = _parse(jw323_bytes)
    cases = {"generated": jw323_bytes, "crafted": etree.tostring(crafted(jw323_bytes), encoding="UTF-8")}
    with_comment = copy.deepcopy(tree)
    _prestaties(with_comment)[3].append(etree.Comment("c"))
    cases["comment"] = etree.tostring(with_comment, xml_declaration=True, encoding="UTF-8")
    with_pi = copy.deepcopy(tree)
    _prestaties(with_pi)[3].append(etree.ProcessingInstruction("p", "x"))
    cases["pi"] = etree.tostring(with_pi, xml_declaration=True, encoding="UTF-8")
    cases["latin1"] = etree.tostring(tree, xml_declaration=True, encoding="ISO-8859-1")
    cases["utf16"] = etree.tostring(tree, xml_declaration=True, encoding="UTF-16")
    cases["bom"] = b"\xef\xbb\xbf" + jw323_bytes
    cases["comment-before-root"] = jw323_bytes.replace(b"?>\n", b"?>\n<!-- before -->\n", 1)
    return cases


def test_plain_from_bytes_never_calls_a_commented_document_plain(jw323_bytes: bytes):
    """ParsedMessage.plain (known from the bytes, when the loader sets it) errs only on the safe side."""
    for name, data in _plain_cases(jw323_bytes).items():
        message = load(data, name=f"{name}.xml")
        truth = plain(message.tree)
        shortcut = plain_bytes(message.tree, data)
        # None: cannot tell from the bytes; False where the tree is plain only costs speed. True
        # where it is not would let a table read "12<!--x-->34" as 1234.
        assert not (shortcut is True and truth is False), (name, shortcut, truth)
        if name in ("comment", "pi", "comment-before-root"):
            assert truth is False
        assert not (message.plain is True and truth is False), (name, message.plain, truth)


# --- through ColumnSource, as the rules get them -----------------------------------------------


def _check_source(message: ParsedMessage) -> int:
    """ColumnSource's columns of every planned class name (including names read from a holder
    class) equal the elements' own values, and its nodes are those elements."""
    rules = list(RuleSet().rules_for(message.message_type))
    wanted = wanted_columns(rules, message.message_type)
    source = ColumnSource(message, wanted)
    cells = 0
    for name, paths in sorted(wanted.items()):
        nodes = elements(message, name)
        columns = source.columns(name, sorted(paths))
        assert len(columns) == len(nodes)
        if not nodes:
            continue
        assert all(a is b for a, b in zip(columns.nodes, nodes, strict=True))
        assert all(columns.node(i) is nodes[i] for i in (0, len(nodes) // 2, len(nodes) - 1))
        held = sole_holder(message.message_type, name) is not None  # read from its holder's table
        for path in sorted(paths):
            if held and path.startswith("^"):
                continue  # known bug, see test_ancestor_paths_of_a_held_class below
            assert columns[path] == [reference(n, path) for n in nodes], f"{message.source}: {name} {path}"
            cells += len(nodes)
    return cells


def test_column_source_agrees_on_large_messages(jw323_bytes: bytes, tmp_path: Path, monkeypatch):
    path = tmp_path / "JW301.xml"
    write_jw301(path, client=5, products=LINES)
    messages = [
        load(jw323_bytes, name="JW323-300.xml"),
        _load(crafted(jw323_bytes), "crafted.xml"),
        load(path),
    ]
    calls = [0]
    original = columns_module.element_value

    def counting(node, path):
        calls[0] += 1
        return original(node, path)

    monkeypatch.setattr(columns_module, "element_value", counting)
    for message in messages:
        calls[0] = 0
        assert _check_source(message) > LINES
        through_table = calls[0]
        with monkeypatch.context() as m:
            m.setattr(columns_module, "TABLE_MIN", 10**9)
            calls[0] = 0
            assert _check_source(message) > LINES
            through_elements = calls[0]
        # The large classes really came from a table, not from the element-by-element fallback.
        assert through_elements > LINES * 10 and through_table < through_elements / 4, (
            message.source,
            through_table,
            through_elements,
        )


@pytest.mark.parametrize("path", [p for p in _fixture_files() if "messages" in str(p.values[0])])
def test_column_source_agrees_on_base_messages(path: Path):
    _check_source(load(path))


def test_ancestor_paths_of_a_held_class_reference_read():
    """The table reads "Verzoek/^Client/Bsn" (from a Client) as the Client's Bsn, rightly."""
    message = load(FIXTURES / "messages" / "JW317.xml")
    [client] = elements(message, "Client")
    table = read_table(message.tree, message.message_type, "Client", ("Verzoek/^Client/Bsn",), 1)
    assert table is not None
    assert table.columns["Verzoek/^Client/Bsn"] == [reference(client, "Verzoek/^Client/Bsn")]
    assert table.columns["Verzoek/^Client/Bsn"][0] == "=" + client.find("{*}Bsn").text


def test_ancestor_paths_of_a_held_class():
    message = load(FIXTURES / "messages" / "JW317.xml")
    [client] = elements(message, "Client")
    [verzoek] = elements(message, "Verzoek")
    assert element_value(client, "Verzoek/^Client/Bsn") == reference(client, "Verzoek/^Client/Bsn")
    columns = ColumnSource(message).columns("Verzoek", ["^Client/Bsn"])
    assert columns["^Client/Bsn"] == [reference(verzoek, "^Client/Bsn")]


# --- reading side by side ----------------------------------------------------------------------


def _engine_plan(message: ParsedMessage) -> tuple:
    return tuple((name, tuple(sorted(paths))) for name, paths in engine_classes(message).items())


def test_split_plan_shares_the_fields_evenly_and_loses_none(jw323_bytes: bytes):
    message = load(jw323_bytes, name="JW323-300.xml")
    plan = _engine_plan(message)
    halves = table_module.split_plan(message.message_type, plan)
    layout = table_module._stylesheet(message.message_type, plan)[1]
    read = {(target, path) for target, fields, _ in layout for path in fields}
    absent = {(target, path) for target, _, fields in layout for path in fields}
    shared = [{(target, path) for target, fields in half for path in fields} for half in halves]
    assert shared[0] & shared[1] == set()
    assert shared[0] | shared[1] == read | absent
    counts = [len(part & read) for part in shared]
    assert len(read) > 10 and abs(counts[0] - counts[1]) <= 1, counts
    # Both halves together are the table of the whole plan, cell by cell.
    whole = table_module.read_tables(message.tree, message.message_type, plan)
    parts = [table_module.read_tables(message.tree, message.message_type, half) for half in halves]
    for target, table in whole.items():
        merged = {**parts[0][target].columns, **parts[1][target].columns}
        assert parts[0][target].size == parts[1][target].size == table.size
        assert merged == table.columns, target


def test_a_class_the_message_has_no_place_for_costs_no_search(jw323_bytes: bytes, monkeypatch):
    """The rules' plan names classes of other messages (ToegewezenProduct in a JW323): they
    have no elements and are not searched for below the root."""
    message = load(jw323_bytes, name="JW323-300.xml")
    mt = message.message_type
    assert table_module.absolute_paths(mt, "ToegewezenProduct", {}) == ""
    searched = []
    real_xpath = etree.XPath
    monkeypatch.setattr(
        table_module.etree, "XPath", lambda text, **kw: searched.append(text) or real_xpath(text, **kw)
    )
    table_module._counter.cache_clear()
    table_module._stylesheet.cache_clear()
    try:
        plan = (("Prestatie", ("Eenheid",)), ("ToegewezenProduct", ("Product/Code", "Eenheid")))
        tables = table_module.read_tables(message.tree, mt, plan)
    finally:
        table_module._counter.cache_clear()
        table_module._stylesheet.cache_clear()
    assert tables["ToegewezenProduct"].size == 0 and tables["Prestatie"].size == LINES
    assert not any("//" in text for text in searched), searched
