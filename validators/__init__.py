"""Validation of iJw/iWmo messages: XSD, in-message, cross-message and registry rules.

The public API, used by the web service and by library users:

    from validators import Options, validate
    report = validate([("declaratie.xml", data)], Options(today=date(2026, 4, 1)))

`validate` delegates to the engine; names are resolved lazily so that importing a submodule
(`validators.findings`) does not load the engine, lxml and the rules. The CLI (`productcodes
validate`) calls the same engine functions itself, because it also reads standard input and
lets --stream/--no-stream override the engine's choice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from validators.engine.pipeline import Options
    from validators.findings import Finding, Report

__all__ = ["Finding", "Options", "Report", "validate"]

Item = str | os.PathLike | tuple[str, bytes]


def validate(items: Iterable[Item], options: Options | None = None) -> Report:
    """Validate messages in order: each a path, or a (name, bytes) pair for content held in memory.

    Never raises for bad input: a file that cannot be read as a message becomes a finding, as in
    `productcodes validate`. Paths take the engine's automatic choice between tree and stream.
    """
    from validators.engine.pipeline import validate as validate_one
    from validators.engine.stream import validate_auto
    from validators.findings import Report

    report = Report()
    for item in items:
        if isinstance(item, tuple):
            name, data = item
            report.files.append(validate_one(data, options, name=name))
        else:
            report.files.append(validate_auto(item, options))
    return report


def __getattr__(name: str) -> Any:
    """Resolve Options, Finding and Report on first use (see the module docstring)."""
    if name == "Options":
        from validators.engine.pipeline import Options

        return Options
    if name in ("Finding", "Report"):
        from validators import findings

        return getattr(findings, name)
    raise AttributeError(f"module 'validators' has no attribute {name!r}")
