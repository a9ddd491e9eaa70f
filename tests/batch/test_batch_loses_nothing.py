"""Batch loses nothing: same names in two inputs, broken history, Ctrl-C and resume, files
reached twice, and the same files found by validate, batch and store ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from bench.generate import write_jw301, write_jw323
from productcodes.cli import cli
from validators.cli.validate import collect
from validators.engine.batch import SUMMARY, BatchSettings, run_batch

SETTINGS = BatchSettings(today=date(2026, 12, 1), schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"))


def _reports(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out / "reports")) for p in (out / "reports").rglob("*.json"))


def test_two_inputs_with_the_same_file_name_get_two_reports_and_resume(tmp_path: Path):
    for folder, seed in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        write_jw323(tmp_path / folder / "x.xml", prestaties=3, seed=seed)
    out = tmp_path / "out"
    first = run_batch([tmp_path / "a", tmp_path / "b"], out, SETTINGS)
    assert len(first.outcomes) == 2
    assert _reports(out) == ["a/x.xml.json", "b/x.xml.json"]
    reports = {json.loads((out / "reports" / r).read_text())["file"] for r in _reports(out)}
    assert reports == {str(tmp_path / "a" / "x.xml"), str(tmp_path / "b" / "x.xml")}
    again = run_batch([tmp_path / "a", tmp_path / "b"], out, SETTINGS)
    assert [o.skipped for o in again.outcomes] == [True, True]


def test_a_file_reached_twice_is_validated_and_reported_once(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_jw323(inbox / "x.xml", prestaties=3)
    result = run_batch([inbox, inbox / "x.xml"], tmp_path / "out", SETTINGS)
    assert len(result.outcomes) == 1
    assert collect((str(inbox), str(inbox / "x.xml"))) == [str(inbox / "x.xml")]


def test_validate_batch_and_store_ingest_find_the_same_files(tmp_path: Path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    write_jw323(inbox / "a.xml", prestaties=2, seed=1)
    write_jw323(inbox / "sub" / "B.XML", prestaties=2, seed=2)
    (inbox / "c.txt").write_text("no message")
    expected = [str(inbox / "a.xml"), str(inbox / "sub" / "B.XML")]
    assert collect((str(inbox),)) == expected
    result = run_batch([inbox], tmp_path / "out", SETTINGS)
    assert sorted(o.file for o in result.outcomes) == expected
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert CliRunner().invoke(cli, ["--db", db, "db", "upgrade"]).exit_code == 0
    ingested = CliRunner().invoke(cli, ["--db", db, "store", "ingest", str(inbox)])
    assert "2 stored" in ingested.output, ingested.output


def test_a_broken_history_file_is_refused_history_not_a_stop(tmp_path: Path):
    history = tmp_path / "history"
    history.mkdir()
    write_jw301(history / "toewijzing.xml", client=0)
    (history / "kapot.xml").write_bytes(b"<Bericht><niet-af>")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_jw323(inbox / "declaratie.xml", prestaties=3)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(inbox),
            "--out",
            str(out),
            "--history",
            str(history),
            "--today",
            "2026-12-01",
            "--workers",
            "1",
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert f"geweigerde historie: {history / 'kapot.xml'}" in result.output
    summary = json.loads((out / SUMMARY).read_text())
    assert [entry["file"] for entry in summary["refused_history"]] == [str(history / "kapot.xml")]
    affected = summary["rules_affected_by_refused_history"]
    assert "TR338" in affected and "TR346" not in affected  # cross rules of a JW323, not in-message ones
    assert "regels waarvan het oordeel door de geweigerde historie kan afwijken: " in result.output


PROGRAM = """
import sys
from productcodes.cli import main
main(sys.argv[1:])
"""


def test_ctrl_c_exits_130_without_temporary_files_and_resume_finishes(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(400):
        write_jw323(inbox / f"m{i:04d}.xml", prestaties=2, seed=i)
    out = tmp_path / "out"
    args = [
        sys.executable,
        "-c",
        PROGRAM,
        "batch",
        str(inbox),
        "--out",
        str(out),
        "--today",
        "2026-12-01",
        "--workers",
        "1",
    ]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("reports/*.json"))) < 5:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    done = len(list(out.glob("reports/*.json")))
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "onderbroken" in err
    assert 5 <= done < 400
    assert list(out.rglob(".tmp-*")) == []
    resumed = subprocess.run(args, capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done} bestand(en) al klaar" in resumed.stderr
    assert len(list(out.glob("reports/*.json"))) == 400
