"""The explicit rule lists, and their loading.

Each sub-package lists its rule modules by name in its own __init__; a test checks that
those lists equal the files on disk, so a rule file cannot be forgotten. Importing a rule
module registers its rules (validators.rules.registry.rule).

Validating one message needs only the rules of its type: `load_for` imports just those,
chosen by the index in `_index.py` (module -> message numbers and standards), so a small
file does not pay for importing every rule. A module the index does not know is always
imported, and a test checks the index against the rules, so the index can make loading
cheaper but never leave a rule out.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any

PACKAGES: tuple[str, ...] = ("cd", "cs", "iv", "op", "pc", "rs", "tr")

_loaded_for: dict[tuple[str, str, frozenset[str] | None], list[tuple[str, str, str]]] = {}
_all_loaded = False


def modules() -> list[tuple[str, str]]:
    """(package, module name) of every rule module, in the listed order."""
    found = []
    for package in PACKAGES:
        listed = importlib.import_module(f"{__name__}.{package}").MODULES
        found.extend((package, name) for name in listed)
    return found


def load_all() -> None:
    """Import every rule module (the rule table, `rules list`, a batch's warm-up)."""
    global _all_loaded
    if _all_loaded:
        return
    for package, name in modules():
        importlib.import_module(f"{__name__}.{package}.{name}")
    _all_loaded = True


def load_for(message_type: Any, available: frozenset[str] | None = None) -> list[tuple[str, str, str]]:
    """Import the rule modules that can apply to `message_type` (a MessageType or a code like "JW323").

    Given what the validation `available`ly has (validators.engine.needs.available), modules whose
    rules all need something else are not imported either: they could only be skipped. They come
    back as (code, level, needs) for the report to list as not evaluated, for the same reason
    (validators.engine.needs.reason) as an imported rule would be.
    """
    if _all_loaded:
        return []
    standard, number = _standard_and_number(message_type)
    key = (standard, number, available)
    known = _loaded_for.get(key)
    if known is not None:
        return known  # a batch asks this for every file
    from validators.rules._index import INDEX

    deferred: list[tuple[str, str, str]] = []
    for package, name in modules():
        module = f"{package}.{name}"
        entry = INDEX.get(module)
        if entry is not None and not (number in entry[0].split() and standard in entry[1].split()):
            continue
        needs = entry[2].split() if entry is not None and len(entry) > 2 else []
        if (
            needs
            and available is not None
            and not set(needs) <= available
            and f"{__name__}.{module}" not in sys.modules
        ):
            deferred.extend((code, entry[4], entry[2]) for code in entry[3].split())
            continue
        importlib.import_module(f"{__name__}.{module}")
    _loaded_for[key] = deferred
    return deferred


def rule_needs() -> dict[str, frozenset[str]]:
    """Rule code -> what it needs (validators.engine.needs), for every rule that needs anything:
    from the index, so that no rule module is imported for it, and from the rules registered since."""
    from validators.rules._index import NEEDS
    from validators.rules.registry import RULES

    found = {code: frozenset(needs.split()) for code, needs in NEEDS.items()}
    found.update((code, r.needs) for code, r in RULES.items() if r.needs)
    return found


def _standard_and_number(message_type: Any) -> tuple[str, str]:
    # The same reading of a message type as Rule.applies_to.
    code = getattr(message_type, "code", message_type)
    standard = getattr(getattr(message_type, "standard", None), "name", None)
    if standard is None:
        standard = "iWmo" if code.upper().startswith("WMO") else "iJw"
    return standard, code[-3:]


def _indexed_rules() -> dict[str, list[Any]]:
    """The registered rules by rule module (relative name), every rule module imported."""
    from validators.rules.registry import RULES

    load_all()
    grouped: dict[str, list[Any]] = {}
    prefix = f"{__name__}."
    for rule in RULES.values():
        module = getattr(rule.func, "__module__", "")
        if not module.startswith(prefix) or module.rpartition(".")[2].startswith("_"):
            continue  # registered by a test or through a helper: such modules are always imported
        grouped.setdefault(module.removeprefix(prefix), []).append(rule)
    return grouped


def build_index() -> dict[str, tuple[str, ...]]:
    """The index as the registered rules make it, space-separated: module -> (message numbers,
    standards[, needs, codes, level]); the last three only where every rule of the module needs
    the same data and has the same level, so that the module can be left unimported without it."""
    index: dict[str, tuple[str, ...]] = {}
    for module, rules in sorted(_indexed_rules().items()):
        numbers = " ".join(sorted({n for r in rules for n in r.numbers}))
        standards = " ".join(sorted({s for r in rules for s in r.standards}))
        needs = {" ".join(sorted(r.needs)) for r in rules}
        levels = {r.level.value for r in rules}
        if len(needs) == 1 and len(levels) == 1 and next(iter(needs)):
            codes = " ".join(sorted(r.code for r in rules))
            index[module] = (numbers, standards, next(iter(needs)), codes, next(iter(levels)))
        else:
            index[module] = (numbers, standards)
    return index


def build_needs() -> dict[str, str]:
    """Rule code -> its needs, space-separated, for every indexed rule that needs anything."""
    return {
        r.code: " ".join(sorted(r.needs))
        for r in sorted((r for rules in _indexed_rules().values() for r in rules), key=lambda r: r.code)
        if r.needs
    }


def write_index() -> str:
    """The text of `_index.py` (`python -m validators.rules` writes it)."""
    lines = [
        '"""Generated by `python -m validators.rules`: see validators.rules.build_index."""',
        "",
        "INDEX: dict[str, tuple[str, ...]] = {",
    ]
    # Double quotes and tuple commas as `ruff format` writes them, so the lint check passes as generated.
    lines += [_entry(module, entry) for module, entry in build_index().items()]
    lines += [
        "}",
        "",
        "# Rule code -> what it needs (validators.engine.needs), for every rule that needs anything.",
    ]
    lines.append("NEEDS: dict[str, str] = {")
    lines += [f"    {_quoted(code)}: {_quoted(needs)}," for code, needs in build_needs().items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _entry(key: str, items: tuple[str, ...]) -> str:
    line = f"    {_quoted(key)}: {_tuple(items)},"
    if len(line) <= 110:  # ruff's line length (pyproject.toml); longer tuples get a line per item
        return line
    return "\n".join([f"    {_quoted(key)}: (", *(f"        {_quoted(i)}," for i in items), "    ),"])


def _tuple(items: tuple[str, ...]) -> str:
    return "(" + ", ".join(map(_quoted, items)) + ("," if len(items) == 1 else "") + ")"
