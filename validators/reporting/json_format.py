"""The JSON report: the stable contract documented in docs/report-formats.md."""

from __future__ import annotations

import json

from validators.findings import Report


def render(report: Report, *, show_bsn: bool = False, lang: str | None = None) -> str:
    """The report as indented JSON; BSNs masked unless `show_bsn`."""
    return json.dumps(report.as_dict(show_bsn, lang), indent=2, ensure_ascii=False) + "\n"
