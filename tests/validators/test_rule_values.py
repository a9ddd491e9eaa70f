"""Rules talk in records: they read column values through validators.rules.values and never import
the speed machinery, so that machinery may change how it stores a value without a rule changing."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import validators.rules
from validators.engine._columns import element_value
from validators.rules import values

RULES_DIR = Path(validators.rules.__file__).parent
# The bridge itself, and the context (it makes a default ColumnSource for a context built outside the engine).
BRIDGES = {"values.py", "context.py"}
FORBIDDEN = ("validators.engine._", "iwmo_ijw.table")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, `from a import b` counted as a.b too (b may be a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def rule_files() -> list[Path]:
    return sorted(p for p in RULES_DIR.rglob("*.py") if p.name not in BRIDGES or p.parent != RULES_DIR)


def test_no_rule_module_imports_the_speed_machinery():
    from validators.rules._index import INDEX

    files = rule_files()
    assert set(INDEX) <= {f"{p.parent.name}.{p.stem}" for p in files}, "the scan sees every rule module"
    offending = {
        str(path.relative_to(RULES_DIR)): sorted(m for m in imported_modules(path) if m.startswith(FORBIDDEN))
        for path in files
    }
    assert {name: mods for name, mods in offending.items() if mods} == {}


def test_the_scan_sees_an_import_of_the_machinery(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from validators.engine import _columns\nimport iwmo_ijw.table as t\n", encoding="utf-8")
    assert {"validators.engine._columns", "iwmo_ijw.table"} <= imported_modules(probe)


def _value(xml: str, path: str) -> str:
    return element_value(etree.fromstring(xml), path)


@pytest.mark.parametrize(
    ("xml", "text", "present"),
    [
        ("<a><b> 12 </b></a>", "12", True),
        ("<a><b/></a>", "", True),
        ("<a/>", None, False),
    ],
)
def test_values_read_what_the_columns_hold(xml, text, present):
    value = _value(xml, "b")
    assert values.text(value) == text
    assert values.present(value) is present
    assert values.texts([value, value]) == [text, text]


def test_numbers_and_dates():
    assert values.int_of(_value("<a><b>+40</b></a>", "b")) == 40
    assert values.int_of(_value("<a><b>veertig</b></a>", "b")) is None
    assert values.int_of(_value("<a><b/></a>", "b")) is None
    assert values.date_of(_value("<a><b>2026-12-01</b></a>", "b")) == date(2026, 12, 1)
    assert values.date_of(_value("<a/>", "b")) is None


def test_holding_is_the_value_of_an_element_with_that_text():
    assert values.holding("D") == _value("<a><b>D</b></a>", "b")
    assert values.text(values.holding("D")) == "D"
