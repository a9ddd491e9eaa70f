"""A plain validation imports only what it uses: no SQLAlchemy, registry models or message
store unless --registry, --store or --history asks for them (a behaviour, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES

GOOD = FIXTURES / "rules" / "TR006" / "good.xml"
HEAVY = ("sqlalchemy", "alembic", "productcodes.models", "productcodes.db", "validators.store")

PROBE = """
import json, sys
from productcodes.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "loaded": sorted(m for m in %r if m in sys.modules)}))
""" % (HEAVY,)


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_a_plain_validation_does_not_import_sqlalchemy(fmt: str):
    result = _run("validate", str(GOOD), "--format", fmt)
    assert result["exit"] == 0
    assert result["loaded"] == []


def test_history_files_still_need_no_database(tmp_path):
    result = _run("validate", str(GOOD), "--history", str(GOOD))
    assert result["exit"] in (0, 1)  # the file is its own history: duplicates may be reported
    assert "sqlalchemy" not in result["loaded"]


def test_the_store_is_imported_when_asked_for(tmp_path):
    # The probe itself would fail if asking for the store did not reach the database layer.
    result = _run("--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "validate", str(GOOD), "--store")
    assert "sqlalchemy" in result["loaded"]
