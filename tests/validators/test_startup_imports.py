"""A plain validation imports only what it uses: no SQLAlchemy, registry models or message
store unless --registry, --store or --history asks for them (a behaviour, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES

GOOD = FIXTURES / "rules" / "TR006" / "good.xml"
HEAVY = ("sqlalchemy", "alembic", "productcodes.models", "productcodes.db", "validators.sources.store")

PROBE = f"""
import json, sys
from productcodes.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({{"exit": code, "loaded": sorted(m for m in {HEAVY!r} if m in sys.modules)}}))
"""


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


def test_the_rule_index_matches_the_rules():
    # After adding or changing a rule module: `python -m validators.rules` rewrites the index.
    from validators.rules import build_index, build_needs
    from validators.rules._index import INDEX, NEEDS

    assert INDEX == build_index()
    assert NEEDS == build_needs()


def test_a_declaration_imports_only_rules_that_can_apply_to_it():
    from validators.rules._index import INDEX

    bad = str(FIXTURES / "rules" / "TR346" / "bad.xml")
    probe = (
        "import sys; from datetime import date; from validators.engine.pipeline import Options, validate; "
        f"r = validate({bad!r}, Options(today=date(2026, 12, 1))); "
        "print(sorted(f.code for f in r.findings)); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('validators.rules.'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    codes, loaded = out.strip().splitlines()
    assert "TR346" in codes
    loaded_modules = {m.removeprefix("validators.rules.") for m in loaded.split()}
    not_for_323 = {module for module, entry in INDEX.items() if "323" not in entry[0].split()}
    assert not_for_323, "the index should know rules of other messages"
    assert not loaded_modules & not_for_323
    for_323 = {module: entry for module, entry in INDEX.items() if "323" in entry[0].split()}
    # Without history or registry, the rules that need them are listed as skipped, not imported.
    assert {module for module, entry in for_323.items() if len(entry) == 2} <= loaded_modules
    needing = {module for module, entry in for_323.items() if len(entry) > 2}
    assert needing and not needing & loaded_modules


AGREEMENT = """
import glob, json
from datetime import date
from validators.engine.pipeline import Options, validate
files = sorted(glob.glob("tests/fixtures/rules/*/bad*.xml"))[::5]
files += sorted(glob.glob("tests/fixtures/messages/*.xml"))
def run():
    out = {}
    for f in files:
        r = validate(f, Options(today=date(2026, 12, 1)))
        out[f] = [sorted((x.code, x.message, x.xpath or "") for x in r.findings), sorted(map(str, r.skipped))]
    return out
lazy = run()
from validators.rules.registry import all_rules
all_rules()
print(json.dumps({"files": len(files), "same": lazy == run(),
                  "skipped": sum(len(v[1]) for v in lazy.values())}))
"""


def test_loading_only_what_a_message_needs_gives_the_verdict_of_loading_everything():
    root = FIXTURES.parents[1]
    out = subprocess.run(
        [sys.executable, "-c", AGREEMENT], capture_output=True, text=True, check=True, cwd=root
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["files"] > 30 and result["skipped"] > 0
    assert result["same"]
