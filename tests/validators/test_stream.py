"""Streaming validation gives the whole-tree verdict in flat memory (every rule: test_stream_equivalence)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

import pytest

from bench.generate import write_jw323
from iwmo_ijw.streaming import iter_chunks
from iwmo_ijw.xpath import int_of
from validators.engine.pipeline import Options, validate
from validators.engine.stream import validate_stream
from validators.rules.registry import RULES, Level, Rule, RuleSet


def _big_volume(ctx, prestatie):
    """Test rule: flags Prestaties with a GeleverdVolume above 30."""
    volume = int_of(prestatie, "GeleverdVolume")
    if volume and volume > 30:
        yield ctx.finding(prestatie, f"GeleverdVolume {volume} above 30")


def _whole_message(ctx, root):
    """Test rule over the whole Bericht."""
    return iter(())


@pytest.fixture
def rules(monkeypatch):
    for rule in (
        Rule("ZZ901", None, ("JW323",), Level.MESSAGE, "Prestatie", _big_volume),
        Rule("ZZ902", None, ("JW323",), Level.MESSAGE, "Bericht", _whole_message, streaming=False),
    ):
        monkeypatch.setitem(RULES, rule.code, rule)
    return RuleSet(select=("ZZ9", "TR135"))


@pytest.fixture(scope="module")
def declaration(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "JW323.xml"
    write_jw323(path, 2_000)
    return path


def test_chunks_of_several_clients_hold_those_alone(declaration: Path):
    positions = []
    for chunk in iter_chunks(declaration, clients=64):
        assert list(chunk.root.iter("{*}Client")) == chunk.clients  # no Client read ahead, none left over
        assert chunk.client is chunk.clients[0]
        positions.append((chunk.position, len(chunk.clients)))
    assert positions[0] == (1, 64) and sum(n for _, n in positions) == 500
    assert all(p == q + n for (q, n), (p, _) in pairwise(positions))


def test_chunks_end_at_a_line_budget(declaration: Path):
    """A chunk ends as soon as its Clients hold the budget of lines (4 Prestaties a Client
    here), whatever the number of Clients allowed; no Client is split."""
    sizes = []
    for chunk in iter_chunks(declaration, clients=256, lines=10):
        assert list(chunk.root.iter("{*}Client")) == chunk.clients
        sizes.append([len(list(c.iter("{*}Prestatie"))) for c in chunk.clients])
    assert all(sum(s) >= 10 and sum(s[:-1]) < 10 for s in sizes[:-1])
    assert sum(map(sum, sizes)) == 2_000 and {len(s) for s in sizes[:-1]} == {3}


def test_chunks_hold_one_client_each(declaration: Path):
    chunks = 0
    for chunk in iter_chunks(declaration):
        chunks += 1
        # Finished Clients are gone; only the parser's read-ahead (one buffer) may follow.
        assert chunk.client.getprevious() is None
        assert len(list(chunk.root.iter("{*}Client"))) < 50
        assert chunk.position == chunks
    assert chunks == 500


@pytest.mark.parametrize(("per_chunk", "lines"), [(1, 25_000), (7, 25_000), (1000, 25_000), (1000, 30)])
def test_stream_and_tree_agree(declaration: Path, rules: RuleSet, per_chunk: int, lines: int, monkeypatch):
    import validators.engine.stream

    monkeypatch.setattr(
        validators.engine.stream, "CLIENTS_PER_CHUNK", per_chunk
    )  # Client positions across chunks
    monkeypatch.setattr(validators.engine.stream, "LINES_PER_CHUNK", lines)
    options = Options(today=dt.date(2020, 1, 1), ruleset=rules)
    whole, streamed = validate(declaration, options), validate_stream(declaration, options)
    key = lambda f: (f.code, f.xpath, f.message)  # noqa: E731
    assert sorted(map(key, streamed.findings)) == sorted(map(key, whole.findings))
    assert any(f.code == "ZZ901" for f in streamed.findings)
    assert [f.code for f in streamed.findings].count("TR135") == 1  # the Header is judged once
    assert any(s.startswith("ZZ902") for s in streamed.skipped)
    assert streamed.message_type == "JW323" and not streamed.valid


def test_schema_failure_in_a_stream_replaces_content_findings(
    declaration: Path, tmp_path: Path, rules: RuleSet
):
    data = declaration.read_bytes()
    at = data.rindex(b"<ijw:Bedrag>") + len(b"<ijw:Bedrag>")
    broken = tmp_path / "broken.xml"
    broken.write_bytes(data[:at] + b"-" + data[at:])
    report = validate_stream(broken, Options(today=dt.date(2020, 1, 1), ruleset=rules))
    assert [f.code for f in report.findings] == ["XSD"]
    assert "Bedrag" in report.findings[0].message


@pytest.mark.parametrize(
    "content, code",
    [
        (b"<a><b></a>", "XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', "XML-UNSAFE"),
        (b'<Bericht xmlns="urn:other"/>', "BERICHT"),
    ],
)
def test_bad_streams_become_findings(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    assert [f.code for f in validate_stream(path).findings] == [code]


def test_validate_command_streams_on_request(declaration: Path):
    from click.testing import CliRunner

    from productcodes.cli import cli

    args = ["validate", str(declaration), "--today", "2026-12-01", "--format", "json"]
    streamed = CliRunner().invoke(cli, [*args, "--stream"])
    whole = CliRunner().invoke(cli, [*args, "--no-stream"])
    assert streamed.exit_code == whole.exit_code == 0, streamed.output
    assert '"valid": true' in streamed.output


def test_the_first_error_in_the_file_decides(declaration: Path, tmp_path: Path, rules: RuleSet):
    """A schema error early in a file that is cut off later is reported as the schema error; a file
    cut off is not well-formed."""
    data = declaration.read_bytes()
    at = data.index(b"<ijw:Bedrag>") + len(b"<ijw:Bedrag>")
    broken = tmp_path / "early.xml"
    broken.write_bytes(data[:at] + b"-" + data[at : len(data) // 2])
    report = validate_stream(broken, Options(today=dt.date(2020, 1, 1), ruleset=rules))
    assert {f.code for f in report.findings} == {"XSD"}
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    assert [
        f.code for f in validate_stream(cut, Options(today=dt.date(2020, 1, 1), ruleset=rules)).findings
    ] == ["XML"]
