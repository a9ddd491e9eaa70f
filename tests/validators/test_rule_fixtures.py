"""Rule cases as data: tests/fixtures/rules/CODE/good*.xml must not yield CODE, bad*.xml must.

A case folder may also hold:
  history/   earlier messages (oldest first by file name) for cross-message rules
  today.txt  the system date the rule sees (default below)
  registry.json  registry rows for external and registry rules (RegistrySnapshot.from_dict)
Ids carry the code, so `pytest -k TR346` runs one rule's cases.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from validators.engine.pipeline import EVERY_LEVEL, Options, validate
from validators.rules.registry import RuleSet

CASES = FIXTURES / "rules"
DEFAULT_TODAY = date(2026, 12, 1)


def _cases() -> list:
    params = []
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []:
        for xml in sorted(folder.glob("*.xml")):
            if xml.name.startswith(("good", "bad")):
                params.append(pytest.param(folder.name, xml, id=f"{folder.name}-{xml.stem}"))
    return params


def _options(code: str, folder: Path) -> Options:
    today_file = folder / "today.txt"
    today = date.fromisoformat(today_file.read_text().strip()) if today_file.exists() else DEFAULT_TODAY
    history = None
    if (folder / "history").is_dir():
        from validators.sources.history import History

        history = History.from_paths(sorted((folder / "history").glob("*.xml")))
    registry = None
    if (folder / "registry.json").is_file():
        from validators.sources.snapshot import RegistrySnapshot

        registry = RegistrySnapshot.from_dict(
            json.loads((folder / "registry.json").read_text(encoding="utf-8"))
        )
    return Options(
        today=today,
        registry=registry,
        ruleset=RuleSet(select=(code,)),
        schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"),
        history=history,
        levels=EVERY_LEVEL,
    )


@pytest.mark.parametrize(("code", "xml"), _cases())
def test_rule_case(code: str, xml: Path) -> None:
    report = validate(xml, _options(code, xml.parent))
    codes = [f.code for f in report.findings]
    if xml.name.startswith("good"):
        assert code not in codes, f"{xml} should not yield {code}: {report.findings}"
        assert report.valid, f"{xml} is meant to be a valid message: {report.findings}"
    else:
        assert code in codes, f"{xml} should yield {code}; got {report.findings}"
