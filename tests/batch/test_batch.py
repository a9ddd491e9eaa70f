"""Batch runs: broken files do not stop the batch, reruns resume, workers and Dask agree."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.generate import write_jw323
from productcodes.cli import cli
from validators.engine.batch import SUMMARY, BatchSettings, run_batch

SETTINGS = BatchSettings(today=date(2026, 12, 1), schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "aanbieder-a").mkdir(parents=True)
    for i in range(5):
        write_jw323(folder / "aanbieder-a" / f"decl-{i}.xml", prestaties=3 + i, seed=i)
    (folder / "kapot.xml").write_bytes(b"<Bericht><niet-af>")
    (folder / "vijandig.xml").write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    (folder / "notities.txt").write_text("not a message, not *.xml: ignored")
    return folder


def _outcomes(result) -> list[tuple[str, bool, bool]]:
    return [(Path(o.file).name, o.valid, o.failed) for o in result.outcomes]


def test_batch_goes_on_past_broken_files(inbox: Path, tmp_path: Path) -> None:
    result = run_batch([inbox], tmp_path / "out", SETTINGS)
    summary = json.loads((tmp_path / "out" / SUMMARY).read_text())
    assert summary["files"] == 7
    assert summary["valid"] == 5
    assert sorted(Path(f).name for f in summary["unreadable"]) == ["kapot.xml", "vijandig.xml"]
    assert summary["per_afzender"]["12000001"]["files"] == 5
    assert result.has_errors
    report = json.loads((tmp_path / "out" / "reports" / "kapot.xml.json").read_text())
    assert report["findings"][0]["code"] == "XML"
    assert (tmp_path / "out" / "reports" / "aanbieder-a" / "decl-0.xml.json").exists()


def test_rerun_resumes_and_redoes_changed_files(inbox: Path, tmp_path: Path) -> None:
    first = run_batch([inbox], tmp_path / "out", SETTINGS)
    again = run_batch([inbox], tmp_path / "out", SETTINGS)
    assert all(o.skipped for o in again.outcomes)
    assert _outcomes(again) == _outcomes(first)

    changed = inbox / "kapot.xml"
    write_jw323(changed, prestaties=2, seed=99)
    third = run_batch([inbox], tmp_path / "out", SETTINGS)
    redone = [o for o in third.outcomes if not o.skipped]
    assert [Path(o.file).name for o in redone] == ["kapot.xml"]
    assert redone[0].valid


def test_two_workers_agree_with_one(inbox: Path, tmp_path: Path) -> None:
    one = run_batch([inbox], tmp_path / "one", SETTINGS, workers=1)
    two = run_batch([inbox], tmp_path / "two", SETTINGS, workers=2)
    assert _outcomes(one) == _outcomes(two)


@pytest.mark.slow
def test_dask_local_cluster_agrees_with_local_run(inbox: Path, tmp_path: Path) -> None:
    local = run_batch([inbox], tmp_path / "local", SETTINGS, workers=1)
    dask = run_batch([inbox], tmp_path / "dask", SETTINGS, executor="dask", scheduler="local:2")
    assert _outcomes(local) == _outcomes(dask)
    assert (
        json.loads((tmp_path / "local" / SUMMARY).read_text())["errors_per_code"]
        == json.loads((tmp_path / "dask" / SUMMARY).read_text())["errors_per_code"]
    )


def test_cli_exit_codes(inbox: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    schemas = ["--schemas", SETTINGS.schema_dir] if SETTINGS.schema_dir else []
    bad = runner.invoke(cli, ["batch", str(inbox), "--out", str(tmp_path / "o1"), "--workers", "1", *schemas])
    assert bad.exit_code == 1, bad.output
    assert "7 bestand(en): 5 geldig" in bad.output
    assert "onleesbaar:" in bad.output

    good_dir = inbox / "aanbieder-a"
    good = runner.invoke(
        cli, ["batch", str(good_dir), "--out", str(tmp_path / "o2"), "--workers", "1", *schemas]
    )
    assert good.exit_code == 0, good.output


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
