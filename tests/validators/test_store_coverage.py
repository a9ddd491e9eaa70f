"""The message store's coverage: complete from the Dagtekening its traffic starts (issue 11.5, 12)."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner
from sqlalchemy import text

from productcodes.cli import cli
from productcodes.db import make_engine
from productcodes.migrate import downgrade, upgrade
from tests.fixtures.make_cross_fixtures import LATER, jw301, jw323, prestatie
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet
from validators.sources.store import build_history


def run(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db_url, *args])
    return result.exit_code, result.stdout


def _credit(tmp_path, begin: str):
    path = tmp_path / f"credit-{begin}.xml"
    path.write_text(
        jw323(
            prestatie(ref="PRJ-0042C", vorig="PRJ-0042", dc="C", begin=begin, eind=begin[:8] + "30"), **LATER
        ),
        encoding="utf-8",
    )
    return str(path)


def _tr323(db_url: str, credit: str) -> tuple[list, list]:
    # Through the API: the report's skipped list is what every output format shows (docs/report-formats.md).
    engine = make_engine(db_url)
    try:
        history = build_history(engine)
    finally:
        engine.dispose()
    report = validate(
        credit, Options(today=date(2026, 12, 1), ruleset=RuleSet(select=("TR323",)), history=history)
    )
    return [f.code for f in report.findings], report.skipped


def test_store_is_complete_from_its_first_message_and_rules_conclude_only_after_it(db_url, tmp_path):
    run(db_url, "db", "upgrade")
    (tmp_path / "JW301.xml").write_text(jw301(), encoding="utf-8")  # Dagtekening 2026-08-25
    code, _ = run(db_url, "store", "ingest", str(tmp_path / "JW301.xml"))
    assert code == 0
    assert "complete from 2026-08-25" in run(db_url, "store", "list")[1]

    # A credit for September: its debit would be dated after 2026-08-25, so its absence proves it never came.
    findings, skipped = _tr323(db_url, _credit(tmp_path, "2026-09-01"))
    assert findings == ["TR323"]
    # A credit for July: the store does not go back that far; no verdict, and the report says why.
    findings, skipped = _tr323(db_url, _credit(tmp_path, "2026-07-01"))
    assert findings == [] and any("TR323" in str(s) and "2026-08-25" in str(s) for s in skipped), skipped

    code, _ = run(db_url, "store", "ingest", "--complete-from", "2026-07-01", str(tmp_path / "JW301.xml"))
    assert code == 0 and "complete from 2026-07-01" in run(db_url, "store", "list")[1]
    assert _tr323(db_url, _credit(tmp_path, "2026-07-01"))[0] == ["TR323"]


def test_the_migration_dates_an_existing_store_from_its_first_message(db_url, tmp_path):
    engine = make_engine(db_url)
    upgrade(engine)
    (tmp_path / "JW301.xml").write_text(jw301(), encoding="utf-8")
    run(db_url, "store", "ingest", str(tmp_path / "JW301.xml"))
    downgrade(engine, "0002")  # a store made before coverage existed
    upgrade(engine)
    with engine.connect() as connection:
        since = connection.execute(text("SELECT volledig_vanaf FROM opslag_dekking")).scalar()
        assert str(since) == "2026-08-25"
    engine.dispose()
