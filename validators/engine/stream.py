"""Validating a very large message a chunk of Clients at a time, in flat memory.

The XSD is checked while parsing (`iwmo_ijw.streaming`); content rules run on each chunk
of Clients as it completes. Rules aimed at the Header and the elements around the Clients
run once, with the first chunk. Rules over the whole Bericht (totals, duplicates and sums
across Clients) keep a state from chunk to chunk and conclude when the message ends
(`registry.Rule.state`), so every rule gives the whole-tree verdict; only a rule that
declares `streaming=False` is listed as not evaluated.

Because libxml2 reports a schema failure only when parsing ends, content findings of a
message the XSD rejects are discarded at the end: as in the whole-tree path, the report
then holds the schema findings alone.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from lxml import etree

from iwmo_ijw.parsing import MessageError, ParsedMessage
from iwmo_ijw.streaming import UNIT, Chunk, StreamSchemaError, iter_chunks
from iwmo_ijw.xpath import Positions, _small_step, local, path_of
from validators.engine._gcpause import collector_paused
from validators.engine.pipeline import (
    Chunked,
    Options,
    _error_finding,
    _has_what_it_needs,
    _targets,
    finish_rules,
    prepare,
)
from validators.findings import FileReport, Finding, Severity
from validators.rules.context import RuleContext
from validators.rules.registry import Rule

# Files at least this large are streamed by `validate_auto`; below it the whole tree is faster.
STREAM_THRESHOLD = 256 * 1024 * 1024
# Clients per chunk: enough lines for the rules' columns and memo (validators.engine._memo) to pay, few
# enough to keep memory flat when Clients are large.
CLIENTS_PER_CHUNK = 4096
# ... and at most about this many lines, however large the Clients (one Client is never split):
# a chunk's tree and columns take some 200 MB at most.
LINES_PER_CHUNK = 16_000


def validate_auto(path: str | os.PathLike, options: Options | None = None) -> FileReport:
    """Validate a file whole, or streamed when it is large (STREAM_THRESHOLD bytes and up)."""
    from validators.engine.pipeline import validate

    if Path(path).stat().st_size >= STREAM_THRESHOLD:
        return validate_stream(path, options)
    return validate(path, options)


def validate_stream(
    path: str | os.PathLike, options: Options | None = None, *, budget: tuple[int, int] | None = None
) -> FileReport:
    """Like `validators.engine.pipeline.validate`, without ever holding more than one chunk of Clients.

    `budget` (Clients, lines) sets the size of a chunk; by default CLIENTS_PER_CHUNK and LINES_PER_CHUNK.
    """
    options = options or Options()
    clients_per_chunk, lines_per_chunk = budget or (CLIENTS_PER_CHUNK, LINES_PER_CHUNK)
    name = str(path)
    report = FileReport(file=name)
    findings: list[Finding] = []
    secrets: set[str] = set()
    skipped: dict[str, None] = {}
    rules: list[Rule] = []
    states: dict[str, object] = {}
    last: Chunk | None = None
    clients = 0
    # The columns of a chunk are read in threads while the rules that need none run (libxslt
    # works without the GIL), as the tree path does.
    background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="productcodes-stream")
    try:
        for chunk in iter_chunks(
            path, schema_dir=options.schema_dir, name=name, clients=clients_per_chunk, lines=lines_per_chunk
        ):
            if not report.message_type:
                rules = _describe(report, chunk, options, skipped)
            new = _check_chunk(chunk, options, rules, skipped, states, background)
            if new:
                findings.extend(new)
                secrets.update(_bsns(chunk))
            last, clients = chunk, clients + len(chunk.clients)
        if last is not None:
            findings.extend(_finish(last, options, rules, states))
    except StreamSchemaError as exc:
        report.findings = _schema_findings(exc, name)
        return report
    except MessageError as exc:
        report.findings = [_error_finding(exc, name)]
        return report
    except OSError as exc:
        report.findings = [
            Finding(
                code="FILE",
                severity=Severity.ERROR,
                retourcode=None,
                message=f"cannot read the file: {exc.strerror or exc}",
                file=name,
                key="FILE",
                values=(("detail", str(exc.strerror or exc)),),
            )
        ]
        return report
    finally:
        background.shutdown(wait=True)
    report.findings = _sole_client(findings, last) if clients == 1 else findings
    report.secrets = frozenset(secrets)
    report.skipped = list(skipped)
    return report


def _finish(last: Chunk, options: Options, rules: list[Rule], states: dict[str, object]) -> list[Finding]:
    """What the rules with a state conclude once the message has ended."""
    message = ParsedMessage(tree=last.root.getroottree(), message_type=last.message_type, source=last.source)
    ctx = RuleContext(
        message=message,
        today=options.today,
        history=options.history,
        registry=options.registry,
        states=states,
        whole=False,
    )
    scratch = FileReport(file=last.source)
    ran = [r for r in rules if r.finish is not None and _has_what_it_needs(r, ctx, scratch)]
    return [f for found in finish_rules(ctx, ran).values() for f in found]


def _sole_client(findings: list[Finding], last: Chunk) -> list[Finding]:
    # The chunks number every Client; a message of one Client names it without a position, as the tree does.
    numbered = f"{path_of(last.client.getparent())}/{UNIT}[1]"
    return [
        replace(f, xpath=f.xpath[: len(numbered) - 3] + f.xpath[len(numbered) :])
        if f.xpath and (f.xpath == numbered or f.xpath.startswith(numbered + "/"))
        else f
        for f in findings
    ]


def _schema_findings(exc: StreamSchemaError, name: str) -> list[Finding]:
    # Without the tree there is no element to inspect, so no RS/CS mapping: code XSD with
    # libxml2's own wording, which names the element and the facet.
    return [
        Finding(
            code="XSD",
            severity=Severity.ERROR,
            retourcode=None,
            message=entry.message.strip(),
            xpath=entry.path or None,
            line=entry.line or None,
            file=name,
            key="XSD.libxml2",
            values=(
                ("element", _element_name(entry.path, entry.message)),
                ("detail", entry.message.strip()),
                ("waar", place_of(entry.path)),
            ),
        )
        for entry in exc.log
    ] or [Finding(code="XSD", severity=Severity.ERROR, retourcode=None, message=str(exc), file=name)]


def place_of(path: str | None) -> str:
    """Where a schema error stands, said in the report's words."""
    from validators.reporting.texts.libxml2 import place_of as place

    return place(path)


def _element_name(path: str | None, detail: str = "") -> str:
    """The local name at the end of a libxml2 path ("/ns:Bericht/ns:Client[2]" -> "Client"), else the
    element libxml2's message names ("Element '{ns}Bsn': ...")."""
    last = (path or "").rsplit("/", 1)[-1]
    named = re.match(r"Element '(?:\{[^}]*\})?(?:\w+:)?(?P<name>[\w.-]+)'", detail)
    return last.split(":")[-1].split("[")[0] or (named["name"] if named else "bericht")


def _describe(report: FileReport, chunk: Chunk, options: Options, skipped: dict[str, None]) -> list[Rule]:
    """Name the message in the report; the rules that can run a chunk at a time, chosen once."""
    mt = chunk.message_type
    report.standard, report.release, report.message_type = mt.standard.name, mt.standard.release, mt.code
    report.afzender = _header_text(chunk, "Afzender")
    rules = []
    for rule in options.ruleset.rules_for(mt, options.levels):
        if rule.streaming:
            rules.append(rule)
        else:
            skipped[f"{rule.code}: het bericht is in delen gelezen"] = None
    return rules


def _header_text(chunk: Chunk, name: str) -> str | None:
    node = chunk.root.find(
        f"{{{chunk.message_type.namespace}}}Header/{{{chunk.message_type.namespace}}}{name}"
    )
    return (node.text or "").strip() or None if node is not None else None


class _ChunkPositions(Positions):
    """Paths as in the whole message: a chunk's Clients are numbered from the chunk's first one."""

    def __init__(self, chunk: Chunk) -> None:
        super().__init__()
        self._holder = chunk.client.getparent() if chunk.client is not None else None
        self._first = chunk.position
        self._own = {client: i for i, client in enumerate(chunk.clients)}

    def _indexed(self, parent: etree._Element) -> bool:
        return parent is self._holder or super()._indexed(parent)

    def step(self, node: etree._Element, parent: etree._Element) -> str:
        if parent is self._holder:
            if node in self._own:
                return f"{UNIT}[{self._first + self._own[node]}]"
            return _small_step(node, local(node))  # a skeleton element beside the Clients
        return super().step(node, parent)


def _check_chunk(
    chunk: Chunk,
    options: Options,
    rules: list[Rule],
    skipped: dict[str, None],
    states: dict[str, object],
    background: Executor,
) -> list[Finding]:
    message = ParsedMessage(
        tree=chunk.root.getroottree(), message_type=chunk.message_type, source=chunk.source
    )
    skeleton = set(_skeleton(chunk))
    around: dict[str | tuple[str, ...], int] = {}
    found: dict[str | tuple[str, ...], list[etree._Element]] = {}

    def targets_of(target: str | tuple[str, ...]) -> list[etree._Element]:
        # The skeleton's own elements (Header, Declaratie …) come first: rules with a state meet them
        # in every chunk, the others only in the first (`Chunked.around`).
        if target not in found:
            nodes = _targets(message, target)
            outside = [n for n in nodes if n in skeleton]
            around[target] = len(outside)
            found[target] = outside + [n for n in nodes if n not in skeleton] if outside else nodes
        return found[target]

    def around_of(target: str | tuple[str, ...]) -> int:
        targets_of(target)
        return around[target]

    later = chunk.position > 1
    positions = _ChunkPositions(chunk) if chunk.client is not None else None
    scratch = FileReport(file=chunk.source)
    with collector_paused():  # a chunk's objects all live until it is done (see validators.engine._gcpause)
        run = prepare(
            message,
            options,
            scratch,
            rules=rules,
            targets_of=targets_of,
            background=background,
            chunk=Chunked(states, positions, around_of if later else None),
        )
        found = run.execute()
    for line in scratch.skipped:
        skipped[line] = None
    return found


def _skeleton(chunk: Chunk) -> list[etree._Element]:
    """The chunk's elements outside its Clients, in document order (a few dozen: the walk does not
    enter a Client)."""
    clients = set(chunk.clients)
    out: list[etree._Element] = []

    def walk(node: etree._Element) -> None:
        out.append(node)
        for child in node:
            if child not in clients and isinstance(child.tag, str):
                walk(child)

    walk(chunk.root)
    return out


def _bsns(chunk: Chunk) -> set[str]:
    return {(el.text or "").strip() for client in chunk.clients for el in client.iter("{*}Bsn") if el.text}
