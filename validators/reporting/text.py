"""Human-readable report: `file:line: CODE [retourcode] message (xpath)` plus one summary line."""

from __future__ import annotations

from validators.findings import FileReport, Finding, Report, Severity


def render(report: Report, *, show_bsn: bool = False) -> str:
    lines = [_line(fr, f, show_bsn) for fr in report.files for f in fr.findings]
    lines.append(summary(report))
    lines.extend(skipped_lines(report))
    return "\n".join(lines) + "\n"


def _line(fr: FileReport, finding: Finding, show_bsn: bool) -> str:
    where = fr.file or "<stdin>"
    if finding.line is not None:
        where += f":{finding.line}"
    retour = f" [{finding.retourcode}]" if finding.retourcode else ""
    level = "" if finding.severity is Severity.ERROR else f" ({finding.severity.value})"
    xpath = f" ({finding.xpath})" if finding.xpath else ""
    return f"{where}: {finding.code}{retour}{level} {fr.mask(finding.message, show_bsn)}{xpath}"


def summary(report: Report) -> str:
    files = len(report.files)
    invalid = sum(not fr.valid for fr in report.files)
    errors = sum(len(fr.errors) for fr in report.files)
    others = sum(len(fr.findings) for fr in report.files) - errors
    noun = "file" if files == 1 else "files"
    return (
        f"{files} {noun} checked: {files - invalid} valid, {invalid} invalid; "
        f"{errors} error(s), {others} other finding(s)"
    )


def skipped_lines(report: Report) -> list[str]:
    """At most one line: how many rules did not run, grouped by reason (said, never silent)."""
    per_reason: dict[str, set[str]] = {}
    for fr in report.files:
        for entry in fr.skipped_entries():
            per_reason.setdefault(entry.reason, set()).add(entry.code)
    if not per_reason:
        return []
    count = len({code for codes in per_reason.values() for code in codes})
    groups = "; ".join(f"{_some(sorted(codes))} ({reason})" for reason, codes in per_reason.items())
    return [f"{count} rule(s) not evaluated: {groups}"]


def _some(codes: list[str], shown: int = 8) -> str:
    # A --select leaves out hundreds of rules: the count says it, a few names suffice.
    if len(codes) <= shown:
        return ", ".join(codes)
    return f"{', '.join(codes[:shown])} and {len(codes) - shown} more"
