"""Report renderers: one module per output format behind one function signature.

Every renderer is `render(report, *, show_bsn=False, lang=None) -> str`; messages come from
`FileReport.message_of`, which renders a finding in the language (None: the chosen one, Dutch by
default) with BSNs masked by type and by value, so no format can forget either.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from validators.findings import Report

Renderer = Callable[..., str]

# name -> module in this package; loaded lazily so `--format text` never imports the XML writers.
FORMATS: dict[str, str] = {"text": "text", "json": "json_format", "junit": "junit", "sarif": "sarif"}


def renderer(name: str) -> Renderer:
    """The render function of a report format, imported on first use; ValueError for an unknown name."""
    if name not in FORMATS:
        raise ValueError(f"unknown report format {name!r}; choose one of {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").render


def render(report: Report, name: str, *, show_bsn: bool = False, lang: str | None = None) -> str:
    """The report in format `name`; BSNs masked unless `show_bsn`."""
    return renderer(name)(report, show_bsn=show_bsn, lang=lang)
