"""Large messages are checked against the XSD in a thread beside the content rules, and their
columns are read in another: the verdict must be the one of doing it all one after the other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import validators.engine.pipeline as engine
from bench.generate import bench_registry, write_jw323
from iwmo_ijw.parsing import load
from tests.conftest import FIXTURES
from validators.engine.pipeline import Options, validate_parsed

TODAY = date(2026, 12, 1)


def _verdict(message_bytes: bytes, concurrent: bool, monkeypatch, registry=None):
    monkeypatch.setattr(engine, "CONCURRENT_FROM", 0 if concurrent else 10**12)
    message = load(message_bytes, name="big.xml")
    report = validate_parsed(message, Options(today=TODAY, registry=registry))
    return [(f.code, f.severity.value, f.xpath, f.line, f.message) for f in report.findings], report.skipped


@pytest.fixture(scope="module")
def declaration(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("big") / "jw323.xml"
    write_jw323(path, 600, seed=7)
    return path.read_bytes()


def _edited(data: bytes, edit) -> bytes:
    tree = etree.ElementTree(etree.fromstring(data))
    edit(tree.getroot())
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def _wrong_amounts(root):
    for i, bedrag in enumerate(root.iter("{*}Bedrag")):
        if i % 50 == 3:
            bedrag.text = str(int(bedrag.text) + 1)


def _schema_break(root):
    next(root.iter("{*}Eenheid")).text = "X9"  # not a WJ756 code: the XSD refuses the message


@pytest.mark.parametrize(
    "edit", [None, _wrong_amounts, _schema_break], ids=["valid", "findings", "xsd-refused"]
)
def test_concurrent_and_sequential_give_the_same_report(declaration, edit, monkeypatch):
    data = declaration if edit is None else _edited(declaration, edit)
    registry = bench_registry()
    concurrent = _verdict(data, True, monkeypatch, registry)
    sequential = _verdict(data, False, monkeypatch, registry)
    assert concurrent == sequential
    if edit is _wrong_amounts:
        assert {code for code, *_ in concurrent[0]} >= {"TR346", "TR358"}
    if edit is _schema_break:
        assert concurrent[0] and all(code.startswith(("RS", "CS", "XSD")) for code, *_ in concurrent[0])
        assert concurrent[1] == []  # rules that ran beside the XSD leave no trace


# A wrong BerichtCode is refused while the message type is detected, before any path runs.
_REFUSED_AT_DETECTION = {"RS010", "RS047"}


@pytest.mark.parametrize(
    "fixture",
    [
        p
        for p in sorted((FIXTURES / "rules").glob("*/bad*.xml"))
        if p.parent.name not in _REFUSED_AT_DETECTION
    ][:120],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_rule_fixtures_get_the_same_verdict_on_the_concurrent_path(fixture: Path, monkeypatch):
    data = fixture.read_bytes()
    assert _verdict(data, True, monkeypatch) == _verdict(data, False, monkeypatch)


def test_a_run_is_freed_without_the_cyclic_collector(declaration: bytes):
    """The tables and node lists of a large message go as soon as its run is done: a cycle
    between the run and its columns would keep them until the collector walked them all."""
    import gc
    import weakref

    from validators.findings import FileReport

    message = load(declaration, name="big.xml")
    was = gc.isenabled()
    gc.disable()
    try:
        run = engine.prepare(message, Options(today=TODAY), FileReport(file="big.xml"))
        run.execute()
        assert run.ctx.columns.count("Prestatie") == 600
        gone = [weakref.ref(run.ctx.columns), weakref.ref(run.ctx), weakref.ref(run.nodes_of)]
        del run
        assert [ref() for ref in gone] == [None, None, None]
    finally:
        if was:
            gc.enable()
