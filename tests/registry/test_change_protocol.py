"""Issue 17.2: the code-change protocol, exactly (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from productcodes.cli import cli
from productcodes.codelists import parse_factor
from productcodes.db import session_scope
from productcodes.models import Mapping
from productcodes.protocol import ProtocolError, Registry, next_change_date
from productcodes.records import MunicipalProductRow, Suggestion
from tests.registry.conftest import TODAY

PLANNING = date(2025, 12, 1)  # before the 2026-01-01 change date of the small registry's products


def _reg(session, today=TODAY):
    return Registry(session, door="tester", today=today)


def test_retire_before_the_start_leaves_nothing_that_resolves(filled):
    with session_scope(filled) as session:
        reg = _reg(session)
        mapping = reg.approve(reg.map("7001", None, "44C02", "44N20").id)  # from 2027-01-01
        assert mapping.geldig_van == date(2027, 1, 1)
        retired = reg.retire(mapping.id, effective=date(2027, 1, 1))
        assert retired.status == "withdrawn" and retired.geldig_tot is None
    with session_scope(filled) as session:
        found = _reg(session).lookup("7001", "44C02", date(2027, 1, 1))
        assert found.mapping is None and found.national is None  # no one-day mapping left behind


def test_defaults_are_the_next_change_date(filled):
    assert next_change_date(TODAY) == date(2027, 1, 1)
    with session_scope(filled) as session:
        reg = _reg(session, PLANNING)
        mapping = reg.approve(reg.map("7001", None, "44C02", "44N20").id)
        assert mapping.geldig_van == date(2026, 1, 1)
        retired = _reg(session).retire(mapping.id)
        assert retired.geldig_tot == date(2026, 12, 31) and retired.status == "retired"


def test_proposals_are_never_dated_in_the_past(filled):
    with session_scope(filled) as session:
        reg = _reg(session)
        with pytest.raises(ProtocolError, match="verleden"):
            reg.map("7001", None, "44C02", "44N20", effective=date(2026, 3, 1))
        row = MunicipalProductRow(
            "7001", "44", "44C02", "Pleegzorg", "inspanningsgericht", "14", date(2024, 1, 1)
        )
        assert reg.propose_many([Suggestion(row, "44N20", 0.9, "zelfde woorden")]) == (1, 0)
        [stored] = session.scalars(select(Mapping)).all()
        assert stored.geldig_van == date(2027, 1, 1) and stored.status == "proposed"


def test_a_proposal_dated_before_today_cannot_be_approved(filled):
    with session_scope(filled) as session:
        mapping_id = (
            _reg(session, PLANNING).map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1)).id
        )
    with session_scope(filled) as session, pytest.raises(ProtocolError, match="terugwerkende kracht"):
        _reg(session).approve(mapping_id)


def test_unit_or_categorie_mismatch_needs_a_factor(filled):
    with session_scope(filled) as session:
        reg = _reg(session)
        minutes = reg.map("7001", None, "45C11", "45N01")  # eenheid 01 is one of 45N01's units: fine
        assert reg.approve(minutes.id).status == "approved"
        other_cat = reg.map("7001", None, "44C02", "45N01")  # categorie 44 -> 45, etmaal -> uur, no factor
        with pytest.raises(ProtocolError, match="zonder omrekenfactor"):
            reg.approve(other_cat.id)
        output = reg.map("7002", None, "J1234", "44N20")  # stuks -> etmaal and 45 -> 44
        with pytest.raises(ProtocolError, match="eenheid 82"):
            reg.approve(output.id)


def test_approved_import_rows_need_a_factor_for_another_unit(filled, tmp_path):
    from productcodes.importers import read_csv

    path = tmp_path / "m.csv"
    path.write_text(
        "gemeentecode,productcategorie,productcode,nationale_code,geldig_van,status\n"
        "7001,44,44C02,45N01,2027-01-01,approved\n"
    )
    with (
        session_scope(filled) as session,
        pytest.raises(ProtocolError, match=r"m.csv:2: .*zonder omrekenfactor"),
    ):
        _reg(session).add_mappings(read_csv(path, "mappings"))


def test_factors_are_exact_fractions():
    assert parse_factor("1/60") == Fraction(1, 60) and parse_factor("0,25") == Fraction(1, 4)
    with pytest.raises(ValueError, match="1/60"):
        parse_factor("0.016667")
    with pytest.raises(ValueError, match="1/3"):
        parse_factor("0.3333")


def test_unknown_gemeente_is_refused(filled):
    with session_scope(filled) as session, pytest.raises(ProtocolError, match="gemeente 7999 is onbekend"):
        _reg(session).add_municipal(
            [MunicipalProductRow("7999", "45", "45C99", "X", None, "04", date(2027, 1, 1))]
        )
    with session_scope(filled) as session, pytest.raises(ProtocolError, match="gemeente 7999 is onbekend"):
        _reg(session).map("7999", None, "45C99", "45N01")


def _run(url, *args, code=0):
    result = CliRunner().invoke(cli, ["--db", url, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_cli_import_mappings_refuses_retroactive_approved_rows(filled, db_url, tmp_path):
    path = tmp_path / "mappings.csv"
    path.write_text(
        "gemeentecode,productcategorie,productcode,nationale_code,geldig_van,status\n"
        "7001,44,44C02,44N20,2026-01-01,approved\n"
        "7001,45,45C11,45N01,2026-01-01,proposed\n"
    )
    out = _run(db_url, "registry", "import-mappings", str(path), code=2)
    assert "mappings.csv:2" in out and "terugwerkende kracht" in out and "Traceback" not in out
    assert "mappings.csv:3" not in out  # a proposal is not in effect, so it is no conflict
    assert "2 nieuw" in _run(db_url, "registry", "import-mappings", str(path), "--history")


def test_cli_factor_hint_and_end_product_date(filled, db_url):
    out = _run(db_url, "registry", "map", "7001", "45C11", "45N01", "--factor", "0.016667", code=2)
    assert "schrijf een breuk" in out and "1/60" in out and "Traceback" not in out
    out = _run(db_url, "registry", "end-product", "7001", "45C01", "--effective", "2030-01-01", code=2)
    assert "2030-01-01" in out and "2029-12-31" not in out
