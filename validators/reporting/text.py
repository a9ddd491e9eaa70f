"""Human-readable report: `file:line: CODE [retourcode: description] message (xpath)`, the hint on
the next line, and one summary line; in the chosen language (Dutch by default)."""

from __future__ import annotations

from validators.findings import FileReport, Finding, Report, Severity
from validators.reporting.texts import check_lang, current_lang

_SEVERITY_NL = {Severity.WARNING: "waarschuwing", Severity.INFO: "info"}


def render(report: Report, *, show_bsn: bool = False, lang: str | None = None) -> str:
    """The report as text: a line per finding, then the summary and what was skipped."""
    lang = check_lang(lang or current_lang())
    lines = [line for fr in report.files for f in fr.findings for line in _lines(fr, f, show_bsn, lang)]
    lines.append(summary(report, lang))
    lines.extend(skipped_lines(report, lang))
    return "\n".join(lines) + "\n"


def _lines(fr: FileReport, finding: Finding, show_bsn: bool, lang: str) -> list[str]:
    where = fr.file or "<stdin>"
    if finding.line is not None:
        where += f":{finding.line}"
    retour = ""
    if finding.retourcode:
        described = finding.retourcode_description(lang)
        retour = f" [{finding.retourcode}: {described}]" if described else f" [{finding.retourcode}]"
    level = ""
    if finding.severity is not Severity.ERROR:
        level = f" ({_SEVERITY_NL[finding.severity] if lang == 'nl' else finding.severity.value})"
    xpath = f" ({finding.xpath})" if finding.xpath else ""
    lines = [f"{where}: {finding.code}{retour}{level} {fr.message_of(finding, show_bsn, lang)}{xpath}"]
    advice = finding.hint(lang)
    if advice:
        lines.append(f"    {'Wat te doen' if lang == 'nl' else 'What to do'}: {advice}")
    return lines


def summary(report: Report, lang: str | None = None) -> str:
    """The closing line: files checked, how many passed, errors and other findings."""
    lang = check_lang(lang or current_lang())
    files = len(report.files)
    invalid = sum(not fr.valid for fr in report.files)
    errors = sum(len(fr.errors) for fr in report.files)
    others = sum(len(fr.findings) for fr in report.files) - errors
    if lang == "nl":
        noun = "bestand" if files == 1 else "bestanden"
        return (
            f"{files} {noun} gecontroleerd: {files - invalid} goed, {invalid} afgekeurd; "
            f"{errors} fout(en), {others} andere bevinding(en)"
        )
    noun = "file" if files == 1 else "files"
    return (
        f"{files} {noun} checked: {files - invalid} valid, {invalid} invalid; "
        f"{errors} error(s), {others} other finding(s)"
    )


def skipped_lines(report: Report, lang: str | None = None) -> list[str]:
    """At most one line: how many rules did not run, grouped by reason (said, never silent)."""
    lang = check_lang(lang or current_lang())
    per_reason: dict[str, set[str]] = {}
    for fr in report.files:
        for entry in fr.skipped_entries():
            per_reason.setdefault(entry.reason, set()).add(entry.code)
    if not per_reason:
        return []
    count = len({code for codes in per_reason.values() for code in codes})
    more = "meer" if lang == "nl" else "more"
    groups = "; ".join(f"{_some(sorted(codes), more)} ({reason})" for reason, codes in per_reason.items())
    head = "regel(s) niet uitgevoerd" if lang == "nl" else "rule(s) not evaluated"
    return [f"{count} {head}: {groups}"]


def _some(codes: list[str], more: str, shown: int = 8) -> str:
    # A --select leaves out hundreds of rules: the count says it, a few names suffice.
    if len(codes) <= shown:
        return ", ".join(codes)
    and_ = "en" if more == "meer" else "and"
    return f"{', '.join(codes[:shown])} {and_} {len(codes) - shown} {more}"
