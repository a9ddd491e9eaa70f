"""SARIF 2.1.0, so code-scanning UIs can show findings on the message files."""

from __future__ import annotations

import json

from validators.findings import FileReport, Finding, Report, Severity

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


def render(report: Report, *, show_bsn: bool = False) -> str:
    codes = sorted({f.code for fr in report.files for f in fr.findings})
    index = {code: i for i, code in enumerate(codes)}
    results = [_result(fr, f, index, show_bsn) for fr in report.files for f in fr.findings]
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "productcodes", "rules": [_rule(code) for code in codes]}},
                "results": results,
                "invocations": [_invocation(report)],
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _invocation(report: Report) -> dict:
    """Rules that did not run are tool notifications: a viewer shows them beside the results."""
    notes = [
        {
            "level": "note",
            "message": {"text": f"{entry.code} not evaluated: {entry.reason}"},
            "associatedRule": {"id": entry.code},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": fr.file or "stdin"}}}],
            "properties": {"reason": entry.reason},
        }
        for fr in report.files
        for entry in fr.skipped_entries()
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notes}


def _rule(code: str) -> dict:
    from validators.registry import all_rules

    found = all_rules().get(code)
    text = found.description if found is not None else BUILTIN.get(code, code)
    entry: dict = {"id": code, "shortDescription": {"text": text or code}}
    if found is not None:
        entry["properties"] = {"level": found.level.value, "retourcode": found.retourcode}
    return entry


def _result(fr: FileReport, f: Finding, index: dict[str, int], show_bsn: bool) -> dict:
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": fr.file or "stdin"}}}
    if f.line is not None:
        location["physicalLocation"]["region"] = {"startLine": f.line}
    if f.xpath:
        location["logicalLocations"] = [{"fullyQualifiedName": f.xpath, "kind": "element"}]
    result: dict = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": fr.mask(f.message, show_bsn) or ""},
        "locations": [location],
    }
    if f.retourcode:
        result["properties"] = {"retourcode": f.retourcode}
    return result
