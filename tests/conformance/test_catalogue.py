"""The implementation against the rule catalogue (reference rules.json) and against itself.

Catalogue checks need ../shared/reference and skip without it; the module-list and fixture
checks only need the source tree.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REFERENCE
from validators.rules.not_implemented import NOT_IMPLEMENTED
from validators.rules.registry import Level, all_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "validators" / "rules"
CATALOGUE = REFERENCE / "ijw-3.2" / "rules.json"
STRICT_LEVELS = ("xsd", "xslt", "berichtoverstijgend", "externe bron")


def _catalogue() -> list[dict]:
    if not CATALOGUE.is_file():
        return []
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))["rules"]


def _catalogue_params() -> list:
    params = []
    for entry in _catalogue():
        level = entry.get("level")
        if level in STRICT_LEVELS:
            params.append(pytest.param(entry, id=entry["code"]))
    return params


@pytest.mark.parametrize(
    "entry",
    _catalogue_params()
    or [pytest.param(None, marks=pytest.mark.skip(reason=f"rule catalogue not present at {CATALOGUE}"))],
)
def test_catalogue_rule_is_implemented_faithfully(entry: dict) -> None:
    implemented = all_rules().get(entry["code"])
    if entry["code"] in NOT_IMPLEMENTED:  # left out on purpose, and `rules show` says why
        assert implemented is None and NOT_IMPLEMENTED[entry["code"]]
        return
    assert implemented is not None, f"{entry['code']} ({entry['level']}) has no implementation"
    assert implemented.level == Level(entry["level"])
    assert implemented.retourcode == entry["retourcode"]


def _implemented_codes() -> list[str]:
    return sorted(all_rules())


@pytest.mark.parametrize("code", _implemented_codes())
def test_every_rule_has_good_and_bad_fixtures(code: str) -> None:
    folder = FIXTURES / "rules" / code
    assert any(folder.glob("good*.xml")), f"{folder} has no good*.xml"
    assert any(folder.glob("bad*.xml")), f"{folder} has no bad*.xml"


RULE_PACKAGES = sorted(p.name for p in RULES_DIR.iterdir() if (p / "__init__.py").is_file())


@pytest.mark.parametrize("package", RULE_PACKAGES)
def test_module_list_equals_files_on_disk(package: str) -> None:
    listed = importlib.import_module(f"validators.rules.{package}").MODULES
    on_disk = sorted(p.stem for p in (RULES_DIR / package).glob("*.py") if not p.name.startswith("_"))
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed), "a module is listed twice"


def test_rules_claim_iwmo_only_where_its_catalogue_has_them():
    path = REFERENCE / "iwmo-3.2" / "rules.json"
    if not path.is_file():
        pytest.skip(f"iWmo rule catalogue not present at {path}")
    iwmo = {r["code"] for r in json.loads(path.read_text(encoding="utf-8"))["rules"]}
    ijw = {entry["code"] for entry in _catalogue()}
    claimed = {code for code, r in all_rules().items() if "iWmo" in r.standards and code in ijw}
    assert claimed - iwmo == set()
