"""Human-readable report: `file:line: CODE [retourcode] message (xpath)` plus one summary line."""

from __future__ import annotations

from validators.findings import FileReport, Finding, Report, Severity


def render(report: Report, *, show_bsn: bool = False) -> str:
    lines = [_line(fr, f, show_bsn) for fr in report.files for f in fr.findings]
    lines.append(summary(report))
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
