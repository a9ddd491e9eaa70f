"""The registry commands end to end through click, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from productcodes.cli import cli
from productcodes.demo import generate


def run(db_url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", db_url, *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def loaded(db_url, tmp_path) -> tuple[str, Path]:
    files = generate(tmp_path / "demo")
    run(db_url, "db", "upgrade")
    run(db_url, "registry", "import-gemeenten", str(files.gemeenten))
    run(db_url, "registry", "import-begrippen", str(files.begrippen))
    run(db_url, "registry", "import-national", str(files.national), "--list", files.national_list)
    run(db_url, "registry", "import-municipal", str(files.municipal))
    run(
        db_url, "registry", "import-mappings", str(files.mappings), "--list", files.national_list, "--history"
    )
    run(db_url, "registry", "import-tarieven", str(files.tarieven))
    return db_url, tmp_path


def test_not_migrated_database_gets_a_clear_error(tmp_path):
    out = run(f"sqlite:///{tmp_path / 'leeg.sqlite'}", "registry", "report", code=2)
    assert "geef eerst `productcodes db upgrade`" in out and "Traceback" not in out


def test_db_current_and_downgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    assert "revisie geen" in run(url, "db", "current")
    run(url, "db", "upgrade")
    assert "bijgewerkt" in run(url, "db", "current")
    assert "--yes" in run(url, "db", "downgrade", "base", code=2)  # no terminal to ask: refused
    assert "bijgewerkt" in run(url, "db", "current")
    assert "base" in run(url, "db", "downgrade", "base", "--yes")


def test_map_approve_lookup_retire(loaded):
    url, _ = loaded
    gemeente, code = _minute_code(url)
    from productcodes.protocol import next_change_date

    start = next_change_date(date.today())
    assert "verleden" in run(
        url, "registry", "map", gemeente, code, "45N01", "--effective", "2026-01-01", code=2
    )
    out = run(url, "registry", "map", gemeente, code, "45N01", "--factor", "1/60", "--by", "tester")
    mapping_id = out.split()[1]
    assert f"vanaf {start}" in out  # the default: the next change date
    run(url, "registry", "approve", mapping_id, "--by", "tester", "--version", "1")
    on = str(start + timedelta(days=60))
    found = json.loads(run(url, "registry", "lookup", gemeente, code, "--on", on, "--format", "json"))
    assert found["national"]["code"] == "45N01" and found["factor"] == "1/60"
    assert found["mapping"]["id"] == int(mapping_id) and found["mapping"]["version"] == 2
    assert f"mapping {mapping_id} versie 2" in run(url, "registry", "lookup", gemeente, code, "--on", on)
    assert "approve" in run(url, "registry", "approve", mapping_id, code=2)  # already approved: clear error
    # Retired on the day it would start: it never applies (no one-day mapping left behind).
    assert "geldt dus nooit" in run(url, "registry", "retire", mapping_id, "--effective", str(start))
    assert (
        json.loads(run(url, "registry", "lookup", gemeente, code, "--on", str(start), "--format", "json"))[
            "national"
        ]
        is None
    )


def _minute_code(url: str) -> tuple[str, str]:
    """An unmapped, open-ended municipal code in minutes of categorie 45 (found through the export)."""
    import csv
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        run(url, "registry", "export", out)
        mapped = {
            (r["gemeentecode"], r["productcode"]) for r in csv.DictReader(open(Path(out) / "mappings.csv"))
        }
        return next(
            (r["gemeentecode"], r["productcode"])
            for r in csv.DictReader(open(Path(out) / "municipal.csv"))
            if r["eenheid"] == "01"
            and r["productcategorie"] == "45"
            and not r["geldig_tot"]
            and (r["gemeentecode"], r["productcode"]) not in mapped
        )


def test_suggest_report_chart_and_export_round_trip(loaded, tmp_path):
    url, _ = loaded
    # Proposals are dated at the next change date (1 January after today), so the report looks there.
    assert "voorgesteld" in run(url, "registry", "suggest", "--on", "2026-06-01", "--approve-above", "0.8")
    on = str(date(date.today().year + 1, 6, 1))
    report = json.loads(run(url, "registry", "report", "--on", on, "--format", "json"))
    assert report["municipal_codes"] > 3000 and 40 < report["percent_mapped"] < 100
    assert set(report["per_jeugdregio"]) and report["conflicts"] == []
    text = run(url, "registry", "report", "--on", on, "--chart", str(tmp_path / "r.png"))
    assert "Per jeugdregio" in text and (tmp_path / "r.png").read_bytes()[:4] == b"\x89PNG"
    run(url, "registry", "report", "--chart", str(tmp_path / "r.html"))
    assert "<table>" in (tmp_path / "r.html").read_text()
    export = tmp_path / "export"
    run(url, "registry", "export", str(export))
    fresh = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    run(fresh, "db", "upgrade")
    for command, name in (
        ("import-gemeenten", "gemeenten"),
        ("import-begrippen", "begrippen"),
        ("import-municipal", "municipal"),
        ("import-tarieven", "tarieven"),
    ):
        run(fresh, "registry", command, str(export / f"{name}.csv"))
    run(fresh, "registry", "import-national", str(export / "national.csv"), "--list", "LPJ")
    run(fresh, "registry", "import-mappings", str(export / "mappings.csv"), "--history")
    again = tmp_path / "again"
    run(fresh, "registry", "export", str(again))
    for name in ("gemeenten", "municipal", "national", "tarieven"):
        assert (again / f"{name}.csv").read_text() == (export / f"{name}.csv").read_text(), name


def test_bad_csv_is_refused_with_rows(loaded, tmp_path):
    url, _ = loaded
    bad = tmp_path / "bad.csv"
    bad.write_text("gemeentecode,gemeentenaam\nabc,X\n")
    out = run(url, "registry", "import-gemeenten", str(bad), code=2)
    assert "bad.csv:2 [gemeentecode]" in out and "niets geïmporteerd" in out


def test_locked_sqlite_database_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    run(url, "db", "upgrade")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        bad = tmp_path / "g.csv"
        bad.write_text("gemeentecode,gemeentenaam,jeugdregio\n7001,Een,R\n")
        out = run(url, "registry", "import-gemeenten", str(bad), code=2)
        assert "in gebruik door een ander programma" in out and "Traceback" not in out
    finally:
        holder.rollback()
        holder.close()


def test_end_product_keeps_earlier_dates_and_refuses_the_past(loaded):
    from datetime import date, timedelta

    from productcodes.protocol import next_first_of_january

    url, _ = loaded
    gemeente, code = _minute_code(url)
    today = date.today()
    assert "retroactively" in run(
        url, "registry", "end-product", gemeente, code, "--effective", today.isoformat(), code=2
    )
    end = next_first_of_january(today)
    out = run(url, "registry", "end-product", gemeente, code, "--by", "tester")
    assert f"geldig tot en met {end - timedelta(days=1)}" in out
    before = json.loads(
        run(
            url,
            "registry",
            "lookup",
            gemeente,
            code,
            "--on",
            str(end - timedelta(days=1)),
            "--format",
            "json",
        )
    )
    assert before["municipal"]["productcode"] == code
    assert "means nothing" in run(url, "registry", "lookup", gemeente, code, "--on", str(end), code=2)


def _commands(group, prefix=()):
    import click

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("group", ["db", "registry"])
def test_every_command_help_has_an_example(group):
    from productcodes.cli import cli as root

    command = root.get_command(None, group)
    for path in [(group,), *((group, *p) for p in _commands(command))]:
        out = CliRunner().invoke(root, [*path, "--help"]).output
        assert "Voorbeeld" in out and "productcodes " in out, path
    assert "Voorbeeld" in CliRunner().invoke(root, ["demo", "--help"]).output
