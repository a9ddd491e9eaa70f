"""SARIF 2.1.0, so code-scanning UIs can show findings on the message files."""

from __future__ import annotations

import json

from validators.findings import FileReport, Finding, Report, Severity
from validators.reporting.texts import check_lang, current_lang

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# Codes that do not come from the rule registry: parse/detection and unmapped schema errors.
BUILTIN = {
    "XML": "The file is not well-formed XML.",
    "XML-UNSAFE": "The file contains a DOCTYPE or entity declaration and is refused unread.",
    "BERICHT": "The file is not a recognised iJw/iWmo message.",
    "RELEASE": "The message belongs to a release that is not supported.",
    "PARSE": "The file could not be read.",
    "XSD": "The message does not conform to its XSD.",
}


def render(report: Report, *, show_bsn: bool = False, lang: str | None = None) -> str:
    """The report as SARIF 2.1.0, one result per finding, for code-scanning tools."""
    codes = sorted({f.code for fr in report.files for f in fr.findings})
    index = {code: i for i, code in enumerate(codes)}
    results = [_result(fr, f, index, show_bsn, lang) for fr in report.files for f in fr.findings]
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "productcodes", "rules": [_rule(code, lang) for code in codes]}},
                "results": results,
                "invocations": [_invocation(report, check_lang(lang or current_lang()))],
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


_NOT_RUN = {"nl": "niet uitgevoerd", "en": "not evaluated"}


def _invocation(report: Report, lang: str = "nl") -> dict:
    """Rules that did not run are tool notifications: a viewer shows them beside the results."""
    notes = [
        {
            "level": "note",
            "message": {"text": f"{entry.code} {_NOT_RUN[lang]}: {entry.reason}"},
            "associatedRule": {"id": entry.code},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": fr.file or "stdin"}}}],
            "properties": {"reason": entry.reason},
        }
        for fr in report.files
        for entry in fr.skipped_entries()
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notes}


def _rule(code: str, lang: str | None = None) -> dict:
    from validators.reporting.texts import code_description, hint, rule_description
    from validators.rules.registry import all_rules

    found = all_rules().get(code)
    if found is not None:
        text = rule_description(code, found.description, lang)
    else:
        text = code_description(code, lang) or BUILTIN.get(code, code)
    entry: dict = {"id": code, "shortDescription": {"text": text or code}}
    advice = hint(code, lang=lang)
    if advice:
        entry["help"] = {"text": advice}
    if found is not None:
        entry["properties"] = {"level": found.level.value, "retourcode": found.retourcode}
    return entry


def _result(
    fr: FileReport, f: Finding, index: dict[str, int], show_bsn: bool, lang: str | None = None
) -> dict:
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": fr.file or "stdin"}}}
    if f.line is not None:
        location["physicalLocation"]["region"] = {"startLine": f.line}
    if f.xpath:
        location["logicalLocations"] = [{"fullyQualifiedName": f.xpath, "kind": "element"}]
    result: dict = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": fr.message_of(f, show_bsn, lang)},
        "locations": [location],
    }
    if f.retourcode:
        result["properties"] = {
            "retourcode": f.retourcode,
            "retourcode_description": f.retourcode_description(lang),
        }
    return result
