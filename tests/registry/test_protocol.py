"""The code-change protocol: overlaps, retroactive changes, lookups over time, optimistic locking."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from productcodes.db import ConflictError, session_scope
from productcodes.models import AuditLog, Mapping
from productcodes.protocol import ProtocolError, Registry, next_first_of_january, overlaps
from productcodes.records import GemeenteRow, MunicipalProductRow
from tests.registry.conftest import TODAY

# Mappings from 2026-01-01 are proposed and approved before that date: the protocol refuses both in the past.
PLANNING = date(2025, 12, 1)


def _reg(session, today=TODAY):
    return Registry(session, door="tester", today=today)


def test_next_first_of_january():
    assert next_first_of_january(date(2026, 6, 1)) == date(2027, 1, 1)
    assert next_first_of_january(date(2026, 1, 1)) == date(2027, 1, 1)


def test_lookup_follows_renumbering_and_mapping(filled):
    with session_scope(filled) as session:
        reg = _reg(session, PLANNING)
        mapping = reg.map("7001", None, "45C11", "45N01", effective=date(2026, 1, 1), factor=Fraction(1, 60))
        reg.approve(mapping.id)
    with session_scope(filled) as session:
        reg = _reg(session)
        old = reg.lookup("7001", "45C01", date(2025, 12, 31))
        assert old.municipal.productcode == "45C01" and old.national is None  # old code keeps resolving
        new = reg.lookup("7001", "45C11", date(2026, 3, 1))
        assert new.national.code == "45N01" and new.mapping.factor == Fraction(1, 60)
        assert reg.lookup("7002", "45N06", date(2026, 3, 1)).national.code == "45N06"  # a national code as is
        with pytest.raises(ProtocolError, match="means nothing"):
            reg.lookup("7001", "45C01", date(2026, 1, 1))


def test_overlapping_municipal_periods_are_refused(filled):
    with session_scope(filled) as session, pytest.raises(ProtocolError, match="overlapt"):
        _reg(session).add_municipal(
            [
                MunicipalProductRow(
                    "7001", "44", "44C02", "Pleegzorg opnieuw", "inspanningsgericht", "14", date(2025, 1, 1)
                )
            ]
        )


def test_municipal_code_may_not_redefine_a_national_code(filled):
    with session_scope(filled) as session, pytest.raises(ProtocolError, match="may not redefine"):
        _reg(session).add_municipal(
            [
                MunicipalProductRow(
                    "7002", "45", "45N01", "Eigen begeleiding", "inspanningsgericht", "04", date(2026, 1, 1)
                )
            ]
        )


def test_approved_mapping_cannot_be_ended_retroactively(filled):
    with session_scope(filled) as session:
        planning = _reg(session, PLANNING)
        mapping = planning.approve(
            planning.map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1)).id
        )
        reg = _reg(session)
        with pytest.raises(ProtocolError, match="retroactively"):
            reg.retire(mapping.id, effective=date(2026, 3, 1))
        retired = reg.retire(mapping.id)  # default: next 1 January
        assert retired.geldig_tot == date(2026, 12, 31) and retired.status == "retired"
    with session_scope(filled) as session:
        reg = _reg(session)
        assert reg.lookup("7001", "44C02", date(2026, 12, 31)).national.code == "44N20"
        assert reg.lookup("7001", "44C02", date(2027, 1, 1)).national is None


def test_second_approved_mapping_may_not_overlap(filled):
    with session_scope(filled) as session:
        reg = _reg(session, PLANNING)
        first = reg.map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1))
        second = reg.map(
            "7001", None, "44C02", "44N20", effective=date(2027, 1, 1)
        )  # competing proposals are fine
        reg.approve(first.id)
        with pytest.raises(ProtocolError, match="overlaps"):
            reg.approve(second.id)
        with pytest.raises(ProtocolError, match="overlaps"):
            reg.map(
                "7001", None, "44C02", "44N20", effective=date(2028, 1, 1)
            )  # no proposal against approved


def test_every_change_is_in_the_audit_log(filled):
    with session_scope(filled) as session:
        reg = _reg(session, PLANNING)
        reg.approve(reg.map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1)).id)
    with session_scope(filled) as session:
        actions = [(a.entiteit, a.actie, a.door) for a in session.query(AuditLog).order_by(AuditLog.id)]
    assert ("mapping", "propose", "tester") in actions and ("mapping", "approve", "tester") in actions
    assert ("gemeentelijk_product", "import", "test") in actions


def test_two_writers_on_one_mapping_the_second_gets_a_conflict(filled):
    with session_scope(filled) as session:
        mapping_id = (
            _reg(session, PLANNING).map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1)).id
        )
    with session_scope(filled) as first, pytest.raises(ConflictError):
        with session_scope(filled) as second:
            mine = first.get(Mapping, mapping_id)
            theirs = second.get(Mapping, mapping_id)
            mine.toelichting = "eerste schrijver"
            first.commit()
            theirs.toelichting = "tweede schrijver"
    with session_scope(filled) as session:
        kept = session.get(Mapping, mapping_id)
        assert (
            kept.toelichting == "eerste schrijver" and kept.version == 2
        )  # nothing lost, nothing overwritten


def test_expected_version_is_checked(filled):
    with session_scope(filled) as session:
        mapping = _reg(session, PLANNING).map("7001", None, "44C02", "44N20", effective=date(2026, 1, 1))
        with pytest.raises(ConflictError, match="version"):
            _reg(session).approve(mapping.id, expected_version=mapping.version + 1)


# --- validity logic against a brute-force model --------------------------------------------

BASE = date(2026, 1, 1)
periods = st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30)))


def _period(start: int, length: int | None) -> tuple[date, date | None]:
    van = BASE + timedelta(days=start)
    return van, None if length is None else van + timedelta(days=length)


@settings(max_examples=200, deadline=None)
@given(periods, periods)
def test_overlaps_agrees_with_day_by_day(a, b):
    (av, at), (bv, bt) = _period(*a), _period(*b)
    end = BASE + timedelta(days=200)
    days_a = {av + timedelta(d) for d in range(((at or end) - av).days + 1)}
    days_b = {bv + timedelta(d) for d in range(((bt or end) - bv).days + 1)}
    assert overlaps(av, at, bv, bt) == bool(days_a & days_b)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(periods, min_size=1, max_size=6), st.integers(0, 100))
def test_lookup_agrees_with_a_model_of_accepted_periods(engine_factory, versions, probe):
    """Random versions of one code: the registry accepts exactly the non-overlapping ones, and
    a lookup on any day finds the version whose period holds that day."""
    engine = engine_factory()  # a new database per example: the factory is the reset
    with session_scope(engine) as session:
        _reg(session).add_gemeenten([GemeenteRow("7001", "Testdam", "Regio Test")])
    accepted: list[tuple[date, date | None, str]] = []
    for number, (start, length) in enumerate(versions):
        van, tot = _period(start, length)
        row = MunicipalProductRow(
            "7001", "45", "45Q01", f"versie {number}", "inspanningsgericht", "04", van, tot
        )
        expect_ok = not any(overlaps(van, tot, v, t) for v, t, _ in accepted)
        try:
            with session_scope(engine) as session:
                _reg(session).add_municipal([row])
            ok = True
        except ProtocolError:
            ok = False
        assert ok == expect_ok
        if ok:
            accepted.append((van, tot, row.omschrijving))
    day = BASE + timedelta(days=probe)
    expected = [d for v, t, d in accepted if v <= day and (t is None or day <= t)]
    with session_scope(engine) as session:
        try:
            found = _reg(session).lookup("7001", "45Q01", day).municipal.omschrijving
        except ProtocolError:
            found = None
    assert found == (expected[0] if expected else None)
