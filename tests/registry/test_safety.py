"""Issue 17.1: nothing the tool did not create is destroyed — the demo keeps to its own database, and every
command that deletes or downgrades asks on a terminal and needs --yes otherwise (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import func, inspect, select

from productcodes.cli import cli
from productcodes.db import make_engine, session_scope
from productcodes.migrate import current, head, upgrade
from productcodes.models import AuditLog, Gemeente, RegistryMeta
from productcodes.protocol import Registry
from productcodes.records import GemeenteRow
from productcodes.safety import DEMO, MADE_BY


@pytest.fixture
def team_db(db_url):
    """A team's registry: one gemeente and its audit entry."""
    engine = make_engine(db_url)
    upgrade(engine)
    with session_scope(engine) as session:
        Registry(session, door="team", today=date(2026, 6, 1)).add_gemeenten(
            [GemeenteRow("0999", "Teamstad", "R")]
        )
    yield db_url, engine
    engine.dispose()


def _counts(engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        return (
            session.scalar(select(func.count()).select_from(Gemeente)),
            session.scalar(select(func.count()).select_from(AuditLog)),
        )


def _invoke(args, **env):
    return CliRunner().invoke(cli, args, env=env)


def test_demo_ignores_productcodes_db_and_the_global_db(team_db, tmp_path):
    url, engine = team_db
    before = _counts(engine)
    result = _invoke(
        ["demo", "--out", str(tmp_path / "files")], PRODUCTCODES_DB=url, XDG_DATA_HOME=str(tmp_path / "data")
    )
    assert result.exit_code == 0, result.output
    assert "gebruikt --db/PRODUCTCODES_DB niet" in result.output
    assert (tmp_path / "data" / "productcodes" / "demo.sqlite").exists()
    result = _invoke(
        ["--db", url, "demo", "--out", str(tmp_path / "files2")], XDG_DATA_HOME=str(tmp_path / "data")
    )
    assert result.exit_code == 0, result.output
    assert _counts(engine) == before and current(engine) == head()


def test_demo_refuses_a_database_it_did_not_make(team_db, tmp_path):
    url, engine = team_db
    before = _counts(engine)
    result = _invoke(["demo", "--db", url, "--yes", "--out", str(tmp_path / "files")])
    assert (
        result.exit_code == 2 and "niet heeft gemaakt" in result.output and "Traceback" not in result.output
    )
    assert _counts(engine) == before


def test_demo_fills_an_empty_database_and_refills_its_own_only_when_confirmed(db_url, tmp_path):
    result = _invoke(["demo", "--db", db_url, "--out", str(tmp_path / "files")])
    assert result.exit_code == 0, result.output
    engine = make_engine(db_url)
    with session_scope(engine) as session:
        assert session.get(RegistryMeta, MADE_BY).waarde == DEMO
    with session_scope(engine) as session:  # a mark made after the demo, to see whether it survives
        session.add(
            AuditLog(
                op=session.scalar(select(func.max(AuditLog.op))),
                door="x",
                entiteit="t",
                sleutel="k",
                actie="mark",
            )
        )
    marks = select(func.count()).select_from(AuditLog).where(AuditLog.actie == "mark")
    refused = _invoke(["demo", "--db", db_url, "--out", str(tmp_path / "files")])
    assert refused.exit_code == 2 and "--yes" in refused.output
    with session_scope(engine) as session:
        assert session.scalar(marks) == 1
    again = _invoke(["demo", "--db", db_url, "--yes", "--out", str(tmp_path / "files")])
    assert again.exit_code == 0, again.output
    with session_scope(engine) as session:
        assert session.scalar(marks) == 0 and session.get(RegistryMeta, MADE_BY).waarde == DEMO
    engine.dispose()


def test_db_downgrade_needs_yes_without_a_terminal(team_db):
    url, engine = team_db
    before = _counts(engine)
    refused = _invoke(["--db", url, "db", "downgrade", "base"])
    assert refused.exit_code == 2 and refused.output.startswith("fout:") and "--yes" in refused.output
    assert current(engine) == head() and _counts(engine) == before
    done = _invoke(["--db", url, "db", "downgrade", "base", "--yes"])
    assert done.exit_code == 0, done.output
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_db_downgrade_asks_on_a_terminal(team_db, monkeypatch):
    url, engine = team_db
    monkeypatch.setattr("productcodes.safety.interactive", lambda: True)
    no = CliRunner().invoke(cli, ["--db", url, "db", "downgrade", "base"], input="n\n")
    assert no.exit_code == 2 and "Doorgaan?" in no.output and current(engine) == head()
    yes = CliRunner().invoke(cli, ["--db", url, "db", "downgrade", "base"], input="y\n")
    assert yes.exit_code == 0, yes.output
    assert current(engine) is None
