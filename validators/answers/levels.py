"""Controleniveau of a finding: it decides the shape of the whole answer (IV028, IV087)."""

from __future__ import annotations

from collections.abc import Iterable

from validators.findings import Finding, Severity
from validators.rules.registry import Level, all_rules

# Findings of the reader and the XSD: the message is refused without an answer message.
_UNREADABLE = ("XSD", "XML", "XML-UNSAFE", "BERICHT", "RELEASE")
# OP192's file requirements: the national validation refuses such a file unread, as a schema error.
_NIVEAU = {
    Level.TECHNICAL: 1,
    Level.XSD: 1,
    Level.MESSAGE: 2,
    Level.CROSS: 3,
    Level.EXTERNAL: 4,
    Level.REGISTRY: 4,
}
# The general code of an in-message rule; a finding carrying it is level 2 whatever rule gave it.
TECHNISCH = "0001"


def controleniveau(finding: Finding) -> int:
    """1 (XSD), 2 (within the message), 3 (against earlier messages) or 4 (external source)."""
    if finding.code in _UNREADABLE or finding.code.startswith("RS"):
        return 1
    rule = all_rules().get(finding.code)
    if rule is not None:
        return _NIVEAU[rule.level]
    return 2 if finding.retourcode == TECHNISCH else 3


def errors_by_level(findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    """The error findings grouped by controleniveau (warnings and notes never reject)."""
    grouped: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.severity is Severity.ERROR:
            grouped.setdefault(controleniveau(finding), []).append(finding)
    return grouped
