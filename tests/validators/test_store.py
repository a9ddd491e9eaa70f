"""The message store: ingest once, refuse bad files, and serve as history for validate and batch."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from productcodes.cli import cli
from tests.conftest import FIXTURES

CASE = FIXTURES / "rules" / "TR304"  # a cross-message rule: the bad case needs its history


def run(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db_url, *args])
    return result.exit_code, result.output


def test_ingest_then_validate_against_the_store(db_url, tmp_path):
    run(db_url, "db", "upgrade")
    broken = tmp_path / "broken.xml"
    broken.write_text("<Bericht")
    code, out = run(db_url, "store", "ingest", str(CASE / "history"), str(broken))
    assert code == 1 and "broken.xml: not stored" in out
    stored = len(list((CASE / "history").glob("*.xml")))
    assert f"{stored} stored, 0 already in the store, 1 refused" in out
    code, out = run(db_url, "store", "ingest", str(CASE / "history"))
    assert code == 0 and f"0 stored, {stored} already in the store" in out
    assert f"{stored} message(s)" in run(db_url, "store", "list")[1]

    bad = next(CASE.glob("bad*.xml"))
    args = ["validate", "--select", "TR304", "--today", "2026-12-01", "--format", "json"]
    code, out = run(db_url, *args, "--store", str(bad))
    assert code == 1 and "TR304" in out
    code, out = run(db_url, *args, str(bad))  # without history the cross rule does not fire
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


def test_batch_uses_the_store(db_url, tmp_path):
    run(db_url, "db", "upgrade")
    run(db_url, "store", "ingest", str(CASE / "history"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(next(CASE.glob("bad*.xml")), inbox / "bad.xml")
    shutil.copy(next(CASE.glob("good*.xml")), inbox / "good.xml")
    code, out = run(
        db_url,
        "batch",
        str(inbox),
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "1",
        "--store",
        "--select",
        "TR304",
        "--today",
        "2026-12-01",
    )
    assert code == 1, out
    [report_file] = [p for p in (tmp_path / "out").rglob("*.json") if p.stem.startswith("bad")]
    report = json.loads(report_file.read_text())
    assert any(f["code"] == "TR304" for f in report["findings"])


def test_registry_without_data_warns_once_and_skips_its_rules(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    run(url, "db", "upgrade")
    message = FIXTURES / "messages" / "JW323.xml"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            url,
            "validate",
            "--registry",
            "--format",
            "json",
            "--today",
            "2026-12-01",
            str(message),
            str(message),
        ],
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("waarschuwing:")]
    assert len(warnings) == 3  # gemeenten, products, tarieven: once per run, not per file
    assert any("TR378" in w for w in warnings) and any("TR418" in w for w in warnings)
