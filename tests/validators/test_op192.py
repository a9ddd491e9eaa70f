"""OP192, the technical requirements of a sent message: one test per requirement, and the
messages the project writes itself (answers, translations, generated test data) meet them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.generate import write_jw301
from iwmo_ijw.layout import conforming, scan
from iwmo_ijw.parsing import load
from productcodes.cli import cli
from tests.conftest import FIXTURES
from validators.engine.pipeline import EVERY_LEVEL, Options, validate
from validators.findings import Severity
from validators.rules.registry import RuleSet

CASES = FIXTURES / "rules" / "OP192"
GOOD = (CASES / "good.xml").read_bytes()


def _op192(path_or_bytes, name: str | None = None) -> list:
    options = Options(today=dt.date(2026, 12, 1), ruleset=RuleSet(select=("OP192",)), levels=EVERY_LEVEL)
    report = validate(path_or_bytes, options, name=name)
    return [f for f in report.findings if f.code == "OP192"]


def test_the_good_case_meets_every_requirement(tmp_path: Path):
    assert b"\r\n" in GOOD and not GOOD.startswith(b"\xef\xbb\xbf")
    assert _op192(CASES / "good.xml") == []


def test_a_byte_order_mark_is_an_error(tmp_path: Path):
    found = _op192(CASES / "bad-bom.xml")
    assert [(f.severity, f.line) for f in found] == [(Severity.ERROR, 1)]
    assert "byte-order mark" in found[0].message


def test_an_encoding_other_than_utf8_is_an_error():
    found = _op192(CASES / "bad-encoding.xml")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "ISO-8859-1" in found[0].message


def test_line_ends_other_than_crlf_are_a_warning_naming_the_first():
    found = _op192(CASES / "bad-lf.xml")
    assert [(f.severity, f.line) for f in found] == [(Severity.WARNING, 1)]
    lines = (CASES / "bad-lf.xml").read_bytes().count(b"\n")
    assert f"{lines} regeleinde(n)" in found[0].message and f"{lines} line end(s)" in found[0].text("en")
    # One bare LF among CR/LF lines is found at its own line.
    mixed = GOOD.replace(b"\r\n", b"\n", 3).replace(b"\n", b"\r\n", 2)
    assert scan(mixed).first_bare_line == 3 and scan(mixed).bare_line_ends == 1


def test_two_elements_on_one_line_are_a_warning_at_that_line():
    data = (CASES / "bad-crowded.xml").read_bytes()
    found = _op192(CASES / "bad-crowded.xml")
    line = next(n for n, text in enumerate(data.split(b"\r\n"), 1) if b"<BerichtCode>" in text)
    assert [(f.severity, f.line) for f in found] == [(Severity.WARNING, line)]


@pytest.mark.parametrize(
    ("text", "crowded"),
    [
        (b"<a>\r\n<b>x</b>\r\n<c></c>\r\n</a>\r\n", None),  # start and end tag of one element: fine
        (b"<a>\r\n<b>x</b><c>y</c>\r\n</a>\r\n", 2),
        (b"<a>\r\n<b>\r\n<c>y</c>\r\n</b></a>\r\n", 4),  # two end tags on one line are two elements
        (b"<a>\r\n<b/> <c/>\r\n</a>\r\n", 2),
        (b"<a>\r\n<b>x</b><!-- why -->\r\n</a>\r\n", None),
    ],
)
def test_one_element_per_line(text: bytes, crowded: int | None):
    assert scan(text).crowded_line == crowded


def test_a_file_name_without_xml_extension_is_a_warning(tmp_path: Path):
    path = tmp_path / "bericht.txt"
    path.write_bytes(GOOD)
    found = _op192(path)
    assert [f.severity for f in found] == [Severity.WARNING] and ".xml" in found[0].message
    upper = tmp_path / "BERICHT.XML"
    upper.write_bytes(GOOD)
    assert _op192(upper) == []
    assert _op192(GOOD, name="<stdin>") == []  # no file name, nothing to judge


def test_the_command_line_checks_op192_and_rejects_a_bom():
    result = CliRunner().invoke(cli, ["validate", str(CASES / "bad-bom.xml")])
    assert result.exit_code == 1, result.output
    assert "OP192" in result.output


def test_the_library_default_leaves_the_file_alone():
    # Callers that validate messages built in memory are not told about line ends.
    assert all(f.code != "OP192" for f in validate(CASES / "bad-lf.xml").findings)


def _meets_op192(data: bytes) -> None:
    layout = scan(data)
    assert not layout.bom and layout.bare_line_ends == 0 and layout.crowded_line is None, layout
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") or b'encoding="UTF-8"' in data[:60]


def test_conforming_writes_what_op192_asks_and_keeps_the_content():
    written = conforming(load(CASES / "bad-lf.xml").tree)
    _meets_op192(written)
    from lxml import etree

    before = etree.tostring(etree.fromstring((CASES / "bad-lf.xml").read_bytes()), method="c14n")
    after = etree.fromstring(written)
    etree.indent(after, space="  ")
    again = etree.fromstring(before)
    etree.indent(again, space="  ")
    assert etree.tostring(after, method="c14n") == etree.tostring(again, method="c14n")


def test_generated_toewijzingen_meet_op192(tmp_path: Path):
    path = tmp_path / "JW301.xml"
    write_jw301(path, client=3)
    _meets_op192(path.read_bytes())


def test_answer_messages_meet_op192(tmp_path: Path):
    source = tmp_path / "JW301.xml"
    write_jw301(source, client=7)
    out = tmp_path / "antwoorden"
    result = CliRunner().invoke(cli, ["respond", str(source), "--out", str(out), "--today", "2026-11-25"])
    assert result.exit_code == 0, result.output
    answers = sorted(out.glob("*.xml"))
    assert answers
    for answer in answers:
        _meets_op192(answer.read_bytes())
        assert _op192(answer) == []


def test_a_large_file_is_scanned_in_blocks_with_the_same_answer(tmp_path: Path, monkeypatch):
    import mmap

    from iwmo_ijw import layout

    data = b"<a>\r\n<b>x</b>\r\n<c>\n<d/><e/>\r\n</c>\r\n</a>\r"
    whole = scan(data)
    assert whole == layout.Layout(bom=False, bare_line_ends=2, first_bare_line=3, crowded_line=4)
    monkeypatch.setattr(layout, "BLOCK", 16)
    path = tmp_path / "big.xml"
    path.write_bytes(data)
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        assert scan(view) == whole


def test_a_large_file_is_judged_from_its_path_after_parsing(tmp_path: Path):
    from bench.generate import write_jw323
    from iwmo_ijw.parsing import MAP_FROM

    plain = tmp_path / "plain.xml"
    write_jw323(plain, prestaties=1000)
    path = tmp_path / "groot.xml"
    path.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    assert path.stat().st_size > MAP_FROM  # parsed from disk, not from bytes in memory
    found = {(f.severity, f.line) for f in _op192(path)}
    assert (Severity.ERROR, 1) in found and (Severity.WARNING, 1) in found
