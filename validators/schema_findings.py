"""Schema errors as findings.

Placeholder mapping: every libxml2 schema error becomes code XSD. The detailed mapping to
RS/CS codes (with xmlschema diagnostics) lives here once written.
"""

from __future__ import annotations

from typing import Any

from iwmo_ijw.parsing import ParsedMessage
from validators.findings import Finding, Severity


def schema_findings(message: ParsedMessage, error_log: Any, options: Any) -> list[Finding]:
    return [
        Finding(
            code="XSD",
            severity=Severity.ERROR,
            retourcode=None,
            message=entry.message,
            xpath=entry.path,
            line=entry.line,
            file=message.source,
            message_type=message.message_type.code,
        )
        for entry in error_log
    ]
