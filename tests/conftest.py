"""Shared test fixtures: the reference folder, databases (SQLite always, PostgreSQL when given)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import storage_directory
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
REFERENCE = Path(os.environ.get("PRODUCTCODES_REFERENCE", ROOT.parent / "shared" / "reference"))

settings.register_profile("dev", max_examples=100, deadline=None)
# CI draws the same examples on every run (derandomize), so a red build is a change, not bad luck.
# derandomize alone would switch the example database off; it is kept, so that a failure found
# before is tried again first.
settings.register_profile(
    "ci",
    parent=settings(derandomize=True),
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    database=DirectoryBasedExampleDatabase(storage_directory("examples", intent_to_write=False).path),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def reference_path(*parts: str) -> Path:
    """A path inside ../shared/reference, or a skip that says why (the folder is not shipped)."""
    path = REFERENCE.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material not present at {path} (not shipped: set PRODUCTCODES_REFERENCE)")
    return path


@pytest.fixture
def reference() -> Path:
    return reference_path()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database; skips when PRODUCTCODES_TEST_PG is not set (CI sets it)."""
    base = os.environ.get("PRODUCTCODES_TEST_PG")
    if not base:
        pytest.skip("PRODUCTCODES_TEST_PG not set: no PostgreSQL server to test against (.ci/run starts one)")
    from productcodes.db import scratch_database

    with scratch_database(base, "pc_test") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """The same test on the embedded SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.sqlite'}"
    else:
        yield request.getfixturevalue("pg_url")
