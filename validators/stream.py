"""Validating a very large message a chunk of Clients at a time, in flat memory.

The XSD is checked while parsing (`iwmo_ijw.streaming`); content rules run on each chunk
of Clients as it completes. Rules aimed at the Header and the elements around the Clients
run once, with the first chunk. Rules over the whole Bericht (totals, duplicates across
Clients) cannot be judged from a chunk: unless a rule declares itself streaming-safe, it
is listed in the report as not evaluated instead of guessing.

Because libxml2 reports a schema failure only when parsing ends, content findings of a
message the XSD rejects are discarded at the end: as in the whole-tree path, the report
then holds the schema findings alone.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from iwmo_ijw.parsing import MessageError, ParsedMessage
from iwmo_ijw.streaming import UNIT, Chunk, StreamSchemaError, iter_chunks
from iwmo_ijw.xpath import path_of
from validators.engine import Options, _error_finding, run_rules
from validators.findings import FileReport, Finding, Severity
from validators.registry import Rule

# Files at least this large are streamed by `validate_auto`; below it the whole tree is faster.
STREAM_THRESHOLD = 256 * 1024 * 1024
# Clients per chunk: enough lines for the rules' columns and memo (validators.memo) to pay, few
# enough to keep memory flat when Clients are large.
CLIENTS_PER_CHUNK = 256
# ... and at most about this many lines, however large the Clients (one Client is never split).
LINES_PER_CHUNK = 25_000


def validate_auto(path: str | os.PathLike, options: Options | None = None) -> FileReport:
    from validators.engine import validate

    if Path(path).stat().st_size >= STREAM_THRESHOLD:
        return validate_stream(path, options)
    return validate(path, options)


def validate_stream(path: str | os.PathLike, options: Options | None = None) -> FileReport:
    """Like `validators.engine.validate`, without ever holding more than one Client."""
    options = options or Options()
    name = str(path)
    report = FileReport(file=name)
    findings: list[Finding] = []
    secrets: set[str] = set()
    skipped: dict[str, None] = {}
    rules: list[Rule] = []
    try:
        for chunk in iter_chunks(path, schema_dir=options.schema_dir, name=name, clients=CLIENTS_PER_CHUNK,
                                 lines=LINES_PER_CHUNK):
            if not report.message_type:
                rules = _describe(report, chunk, options, skipped)
            new = _check_chunk(chunk, options, rules, skipped)
            if new:
                findings.extend(new)
                secrets.update(_bsns(chunk))
    except StreamSchemaError as exc:
        report.findings = _schema_findings(exc, name)
        return report
    except MessageError as exc:
        report.findings = [_error_finding(exc, name)]
        return report
    except OSError as exc:
        report.findings = [Finding(code="FILE", severity=Severity.ERROR, retourcode=None,
                                   message=f"cannot read the file: {exc.strerror or exc}", file=name,
                                   key="FILE", values=(("detail", str(exc.strerror or exc)),))]
        return report
    report.findings = findings
    report.secrets = frozenset(secrets)
    report.skipped = list(skipped)
    return report


def _schema_findings(exc: StreamSchemaError, name: str) -> list[Finding]:
    # Without the tree there is no element to inspect, so no RS/CS mapping: code XSD with
    # libxml2's own wording, which names the element and the facet.
    return [
        Finding(code="XSD", severity=Severity.ERROR, retourcode=None, message=entry.message.strip(),
                xpath=entry.path or None, line=entry.line or None, file=name, key="XSD.libxml2",
                values=(("element", _element_name(entry.path, entry.message)),
                        ("detail", entry.message.strip()),
                        ("waar", place_of(entry.path))))
        for entry in exc.log
    ] or [Finding(code="XSD", severity=Severity.ERROR, retourcode=None, message=str(exc), file=name)]


def place_of(path: str | None) -> str:
    from validators.texts.libxml2 import place_of as place

    return place(path)


def _element_name(path: str | None, detail: str = "") -> str:
    """The local name at the end of a libxml2 path ("/ns:Bericht/ns:Client[2]" -> "Client"), else the
    element libxml2's message names ("Element '{ns}Bsn': ...")."""
    last = (path or "").rsplit("/", 1)[-1]
    named = re.match(r"Element '(?:\{[^}]*\})?(?:\w+:)?(?P<name>[\w.-]+)'", detail)
    return last.split(":")[-1].split("[")[0] or (named["name"] if named else "bericht")


def _describe(report: FileReport, chunk: Chunk, options: Options, skipped: dict[str, None]) -> list[Rule]:
    """Name the message in the report; the rules that can run Client by Client, chosen once."""
    mt = chunk.message_type
    report.standard, report.release, report.message_type = mt.standard.name, mt.standard.release, mt.code
    rules = []
    for rule in options.ruleset.rules_for(mt, options.levels):
        if rule.streaming:
            rules.append(rule)
        else:
            skipped[f"{rule.code}: not evaluated when a message is streamed Client by Client"] = None
    return rules


def _check_chunk(chunk: Chunk, options: Options, rules: list[Rule], skipped: dict[str, None]) -> list[Finding]:
    message = ParsedMessage(tree=chunk.root.getroottree(), message_type=chunk.message_type, source=chunk.source)
    first = chunk.position <= 1

    namespace = chunk.message_type.namespace

    def tag(name: str | tuple[str, ...]) -> list[str]:
        return [f"{{{namespace}}}{n}" for n in ((name,) if isinstance(name, str) else name)]

    def targets_of(target: str) -> list[etree._Element]:
        inside = [n for client in chunk.clients for n in client.iter(*tag(target))]
        if not first:
            return inside
        # The skeleton's own elements (Header, Declaratie …) are judged once, with the first chunk.
        clients = set(chunk.clients)
        outside = [n for n in chunk.root.iter(*tag(target))
                   if n not in clients and not any(a in clients for a in n.iterancestors())]
        return outside + inside

    scratch = FileReport(file=chunk.source)
    found = run_rules(message, options, scratch, rules=rules, targets_of=targets_of)
    for line in scratch.skipped:
        skipped[line] = None
    return [_relocate(f, chunk) for f in found]


def _relocate(finding: Finding, chunk: Chunk) -> Finding:
    """Give a Client its real position: the chunk holds only its own Clients."""
    if chunk.client is None or not finding.xpath:
        return finding
    prefix = re.match(re.escape(f"{path_of(chunk.client.getparent())}/{UNIT}") + r"(?:\[(\d+)\])?(?=/|$)",
                      finding.xpath)
    if prefix is None:
        return finding
    within = int(prefix.group(1) or 1)
    rest = finding.xpath[prefix.end():]
    return replace(finding, xpath=f"{prefix.group(0).split('[')[0]}[{chunk.position + within - 1}]{rest}")


def _bsns(chunk: Chunk) -> set[str]:
    return {(el.text or "").strip() for client in chunk.clients for el in client.iter("{*}Bsn") if el.text}
