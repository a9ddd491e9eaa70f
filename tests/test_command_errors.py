"""The most common mistake with each command ends in one Dutch line: `fout: …`, exit code 2, no traceback.

The users are Dutch administrative staff; a usage error in click's English or a Python traceback
tells them nothing they can act on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from productcodes.cli import cli


def _fout(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the command; assert exit 2 and exactly one line `fout: …`, first; return that line."""
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.output.splitlines()
    assert lines and lines[0].startswith("fout: "), result.output
    assert [line for line in lines if line.startswith("fout:")] == lines[:1], result.output
    assert not any(line.lower().startswith(("error", "warning", "usage:")) for line in lines), result.output
    return lines[0]


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    """A database file with no registry tables."""
    return f"sqlite:///{tmp_path / 'leeg.sqlite'}"


@pytest.fixture
def migrated_db(tmp_path: Path) -> str:
    """A registry database at the latest revision, without data."""
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    assert CliRunner().invoke(cli, ["--db", url, "db", "upgrade"]).exit_code == 0
    return url


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("validate", "ontbreekt.xml"), "ontbreekt.xml: bestand of map bestaat niet"),
        (("validate",), "argument 'PATHS...' ontbreekt (hulp: `cli validate -h`)"),
        (("validate", "-", "--today", "morgen"), "'morgen' is geen datum (JJJJ-MM-DD)"),
        (("validate", "-", "--select", "XX9"), "--select XX9: geen regelcode begint hiermee"),
        (("validate", "-", "--format", "pdf"), "ongeldige waarde voor '--format': 'pdf' is geen van"),
        (("batch", "ontbreekt", "--out", "rapporten"), "'ontbreekt' bestaat niet"),
        (("respond", "ontbreekt.xml", "--out", "antwoorden"), "ontbreekt.xml: bestand of map bestaat niet"),
        (("translate", "ontbreekt.xml", "--out", "x.xml"), "'ontbreekt.xml' bestaat niet"),
        (("rules", "show", "XX999"), "geen regel 'XX999'"),
        (("rules", "list", "--message", "JW999"), "onbekend bericht 'JW999'"),
        (("valideer",), "onbekend commando 'valideer'"),
        (("validate", "--snel"), "onbekende optie '--snel'"),
        (("registry", "lookup", "0363"), "argument 'CODE' ontbreekt"),
        (("registry", "import-gemeenten", "ontbreekt.csv"), "'ontbreekt.csv' bestaat niet"),
        (("registry", "lookup", "0363", "45A03", "a", "b"), "te veel argumenten: a b"),
        (("serve", "--port", "70000"), "70000 ligt niet in het bereik"),
    ],
)
def test_usage_errors_are_one_dutch_line(tmp_path: Path, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    assert expected in _fout(*args)


@pytest.mark.parametrize(
    "args",
    [
        ("registry", "lookup", "0363", "45A03"),
        ("registry", "import-gemeenten", "gemeenten.csv"),
        ("registry", "proposals"),
        ("serve", "--port", "0"),
    ],
)
def test_a_database_without_tables_says_to_upgrade_it(tmp_path: Path, empty_db: str, args):
    (tmp_path / "gemeenten.csv").write_text(
        "gemeentecode,gemeentenaam,jeugdregio\n0363,Amsterdam,Amsterdam\n"
    )
    args = tuple(str(tmp_path / a) if a.endswith(".csv") else a for a in args)
    line = _fout("--db", empty_db, *args)
    assert "heeft nog geen registertabellen; geef eerst `productcodes db upgrade`" in line


def test_a_bad_import_row_names_file_line_and_column(tmp_path: Path, migrated_db: str):
    bad = tmp_path / "gemeenten.csv"
    bad.write_text("gemeentecode,gemeentenaam,jeugdregio\nABC,Nergens,Noord\n")
    line = _fout("--db", migrated_db, "registry", "import-gemeenten", str(bad))
    assert line == "fout: 1 foute rij(en), er is niets geïmporteerd:"


def test_registry_commands_speak_dutch(tmp_path: Path, migrated_db: str):
    assert "geen landelijke producten" in _fout("--db", migrated_db, "registry", "suggest")
    assert "'morgen' is geen datum" in _fout(
        "--db", migrated_db, "registry", "lookup", "1", "2", "--on", "morgen"
    )
    assert "bevestig met --yes" in _fout("--db", migrated_db, "db", "downgrade", "base")
    assert "bevat gegevens die de demo niet heeft gemaakt" in _fout("demo", "--db", migrated_db)


def test_users_add_explains_what_is_wrong(migrated_db: str):
    short = _fout(
        "--db", migrated_db, "users", "add", "bob", "--role", "viewer", env={"PRODUCTCODES_PASSWORD": "kort"}
    )
    assert short == "fout: het wachtwoord moet minstens 8 tekens hebben"
    role = _fout(
        "--db", migrated_db, "users", "add", "bob", "--role", "baas", env={"PRODUCTCODES_PASSWORD": "x" * 9}
    )
    assert "ongeldige waarde voor '--role': 'baas' is geen van 'maintainer', 'viewer'" in role


def test_database_trouble_is_described_in_dutch():
    from productcodes.db import describe

    assert describe(Exception("database is locked")).startswith("de SQLite-database is in gebruik")
    assert describe(Exception("unable to open database file"), "sqlite:///x.sqlite") == (
        "kan de SQLite-database sqlite:///x.sqlite niet openen: controleer het pad en de rechten"
    )
    assert describe(Exception("connection failed: server down")).startswith(
        "de databaseserver is niet bereikbaar"
    )
    assert describe(Exception("disk I/O error")) == "databasefout: disk I/O error"


def test_a_click_message_not_known_in_dutch_is_kept_as_written():
    from productcodes.cli_nl import dutch_type_message

    assert dutch_type_message("Something click may say one day.") == "Something click may say one day."
    assert dutch_type_message("'x' is not a valid integer.") == "'x' is geen geheel getal"


def test_an_unanswered_question_aborts_in_dutch(migrated_db: str):
    result = CliRunner().invoke(
        cli, ["--db", migrated_db, "users", "add", "bob", "--role", "viewer"], input=""
    )
    assert result.exit_code == 1 and "afgebroken; er is niets veranderd" in result.output
    assert "Aborted" not in result.output and "Wachtwoord" in result.output
