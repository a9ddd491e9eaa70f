"""A migrated registry per test, on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from productcodes.db import make_engine, session_scope
from productcodes.migrate import upgrade
from productcodes.protocol import Registry
from productcodes.records import GemeenteRow, MunicipalProductRow, NationalProductRow

TODAY = date(2026, 6, 1)


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def small_registry(engine) -> None:
    """Two gemeenten, three national products, a handful of municipal codes."""
    with session_scope(engine) as session:
        reg = Registry(session, door="test", today=TODAY)
        reg.add_gemeenten(
            [GemeenteRow("7001", "Testdam", "Regio Test"), GemeenteRow("7002", "Proefwijk", "Regio Test")]
        )
        reg.add_national(
            "LPJ",
            [
                NationalProductRow(
                    "45N01",
                    "Ambulante begeleiding individueel",
                    "45",
                    "inspanningsgericht",
                    ("04", "01"),
                    geldig_van=date(2026, 1, 1),
                ),
                NationalProductRow(
                    "44N20",
                    "Bestandspleegzorg regulier",
                    "44",
                    "inspanningsgericht",
                    ("14",),
                    geldig_van=date(2026, 1, 1),
                ),
                NationalProductRow(
                    "45N06",
                    "Diagnostiek ambulant",
                    "45",
                    "outputgericht",
                    ("82",),
                    geldig_van=date(2026, 1, 1),
                ),
            ],
        )
        reg.add_municipal(
            [
                MunicipalProductRow(
                    "7001",
                    "45",
                    "45C01",
                    "Individuele begeleiding",
                    "inspanningsgericht",
                    "01",
                    date(2024, 1, 1),
                    date(2025, 12, 31),
                ),
                MunicipalProductRow(
                    "7001",
                    "45",
                    "45C11",
                    "Individuele begeleiding",
                    "inspanningsgericht",
                    "01",
                    date(2026, 1, 1),
                ),
                MunicipalProductRow(
                    "7001", "44", "44C02", "Pleegzorg", "inspanningsgericht", "14", date(2024, 1, 1)
                ),
                MunicipalProductRow(
                    "7002", "45", "J1234", "Diagnostiek", "outputgericht", "82", date(2024, 1, 1)
                ),
            ]
        )


@pytest.fixture
def filled(engine):
    small_registry(engine)
    return engine


@pytest.fixture
def engine_factory(tmp_path_factory):
    """A fresh migrated SQLite registry per call (for property tests that need many)."""
    engines = []

    def make():
        path = tmp_path_factory.mktemp("prop") / "r.sqlite"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()
