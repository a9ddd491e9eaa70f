"""--select/--ignore typos are usage errors; a filter is said in the report; masking costs the
finding's text, not the number of clients."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from productcodes.cli import cli
from tests.conftest import FIXTURES
from validators.findings import FileReport, mask_secrets

GOOD = FIXTURES / "rules" / "TR006" / "good.xml"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["TR3466", "XX", "TR006,QQ1"])
def test_an_unknown_code_or_prefix_is_a_usage_error(option: str, value: str):
    result = CliRunner().invoke(cli, ["validate", str(GOOD), option, value])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("fout: ") and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_batch_refuses_an_unknown_code_too(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(GOOD), "--out", str(out), "--select", "TR9999"])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["tr3", "TR006", "XSD", "RS", "op192"])
def test_known_codes_and_prefixes_are_accepted(value: str):
    result = CliRunner().invoke(cli, ["validate", str(GOOD), "--select", value])
    assert result.exit_code == 0, result.output


def test_rules_left_out_by_a_filter_are_listed_as_skipped():
    result = CliRunner().invoke(cli, ["validate", str(GOOD), "--select", "TR006", "--format", "json"])
    skipped = json.loads(result.output)["files"][0]["skipped"]
    left_out = {entry["code"] for entry in skipped if "--select" in entry["reason"]}
    assert "TR006" not in left_out and "TR002" in left_out


def test_masking_looks_up_digit_runs_whole():
    secrets = frozenset({"999911120", "100000009"})
    text = "Bsn 999911120 differs from 100000009; 1999911120 and 99991112 are other numbers"
    assert mask_secrets(text, secrets) == (
        "Bsn ******120 differs from ******009; 1999911120 and 99991112 are other numbers"
    )


def test_a_malformed_secret_is_still_masked():
    report = FileReport(file="x.xml", secrets=frozenset({"12ab5678x"}))
    assert report.mask("Bsn '12ab5678x' is not 9 digits") == "Bsn '******78x' is not 9 digits"


def test_masking_does_not_build_a_pattern_of_every_client(monkeypatch):
    # 100,000 clients: a finding's mask must not look at each of them.
    secrets = frozenset(f"{n:09d}" for n in range(100_000_000, 100_100_000))
    report = FileReport(file="x.xml", secrets=secrets)
    import re

    compiled: list[str] = []
    original = re.compile
    monkeypatch.setattr(re, "compile", lambda p, *a, **k: compiled.append(p) or original(p, *a, **k))
    for _ in range(1000):
        assert report.mask("client 100000007 line 4") == "client ******007 line 4"
    assert all(len(str(p)) < 100 for p in compiled), "a pattern was built from the secrets"
