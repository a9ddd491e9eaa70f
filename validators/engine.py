"""The validation pipeline for one message: parse -> detect -> XSD -> rules -> FileReport.

Order matters and follows the standard's controleniveaus: a message that fails the XSD
is rejected as a whole (no retour message), so content rules only run on schema-valid
messages; they would otherwise report noise on elements the XSD already refused.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from iwmo_ijw.parsing import MessageError, ParsedMessage, Source, load, source_name
from iwmo_ijw.schemas import load_schema
from validators.context import RuleContext
from validators.findings import FileReport, Finding, Severity
from validators.registry import Level, Rule, RuleSet

log = logging.getLogger(__name__)

CONTENT_LEVELS = (Level.MESSAGE, Level.CROSS, Level.EXTERNAL, Level.REGISTRY)


@dataclass
class Options:
    today: date = field(default_factory=date.today)
    ruleset: RuleSet = field(default_factory=RuleSet)
    schema_dir: str | os.PathLike | None = None
    history: Any | None = None
    registry: Any | None = None
    levels: tuple[Level, ...] = CONTENT_LEVELS


def validate(source: Source, options: Options | None = None, *, name: str | None = None) -> FileReport:
    """Validate one message; never raises for bad input: every problem becomes a finding."""
    options = options or Options()
    name = name or source_name(source)
    try:
        message = load(source, name=name)
    except MessageError as exc:
        return FileReport(file=name, findings=[_error_finding(exc, name)])
    return validate_parsed(message, options)


def validate_parsed(message: ParsedMessage, options: Options) -> FileReport:
    report = FileReport(
        file=message.source,
        standard=message.standard,
        release=message.release,
        message_type=message.message_type.code,
        secrets=frozenset(_bsns(message.root)),
    )
    report.findings.extend(check_schema(message, options))
    if report.valid:
        report.findings.extend(run_rules(message, options, report))
    return report


def check_schema(message: ParsedMessage, options: Options) -> list[Finding]:
    schema = load_schema(message.message_type, options.schema_dir)
    if schema.validate(message.tree):
        return []
    from validators.schema_findings import schema_findings  # the slow, detailed path only on failure

    return schema_findings(message, schema.error_log, options)


def run_rules(message: ParsedMessage, options: Options, report: FileReport,
              rules: Iterable[Rule] | None = None,
              targets_of: Callable[[str], list[etree._Element]] | None = None) -> list[Finding]:
    """Run the content rules; `rules`/`targets_of` let the streaming reader run a subset per Client."""
    ctx = RuleContext(message=message, today=options.today, history=options.history, registry=options.registry)
    findings: list[Finding] = []
    targets: dict[str, list[etree._Element]] = {}
    targets_of = targets_of or (lambda target: _targets(message, target))
    if rules is None:
        rules = options.ruleset.rules_for(message.message_type, options.levels)
    for rule in rules:
        if not _has_what_it_needs(rule, ctx, report):
            continue
        nodes = targets.get(rule.target)
        if nodes is None:
            nodes = targets[rule.target] = targets_of(rule.target)
        ctx.rule = rule
        findings.extend(_run_one(rule, ctx, nodes))
    ctx.rule = None
    return findings


def _run_one(rule: Rule, ctx: RuleContext, nodes: Iterable[etree._Element]) -> list[Finding]:
    out: list[Finding] = []
    try:
        for node in nodes:
            out.extend(rule.func(ctx, node) or ())
    except Exception as exc:  # a rule bug must not cost the user the rest of the report
        log.debug("rule %s failed", rule.code, exc_info=True)
        out.append(
            Finding(
                code=rule.code,
                severity=Severity.WARNING,
                retourcode=None,
                message=f"rule {rule.code} could not be evaluated ({type(exc).__name__}: {exc}); "
                "please report this as a bug",
                file=ctx.message.source,
                message_type=ctx.message.message_type.code,
            )
        )
    return out


def _has_what_it_needs(rule: Rule, ctx: RuleContext, report: FileReport) -> bool:
    missing = [need for need in sorted(rule.needs) if getattr(ctx, need, None) is None]
    if missing:
        report.skipped.append(f"{rule.code}: no {' or '.join(missing)}")
        return False
    lacking = registry_gaps(ctx.registry).get(rule.code) if ctx.registry is not None else None
    if lacking:
        report.skipped.append(f"{rule.code}: the registry has no {lacking}")
        return False
    return True


def registry_gaps(registry: Any) -> dict[str, str]:
    """Rule code -> the kind of data the registry snapshot lacks for it (none when complete)."""
    missing = getattr(registry, "missing", None)
    if missing is None:
        return {}
    return {code: what for what, codes in missing().items() for code in codes}


def _targets(message: ParsedMessage, target: str | tuple[str, ...]) -> list[etree._Element]:
    if target == "Bericht":
        return [message.root]
    namespace = message.message_type.namespace
    names = (target,) if isinstance(target, str) else target
    return list(message.root.iter(*(f"{{{namespace}}}{name}" for name in names)))


def _bsns(root: etree._Element) -> set[str]:
    return {(el.text or "").strip() for el in root.iter("{*}Bsn") if el.text}


def _error_finding(exc: MessageError, name: str | None) -> Finding:
    return Finding(
        code=exc.code,
        severity=Severity.ERROR,
        retourcode=None,
        message=str(exc),
        xpath=None,
        line=exc.line,
        file=name,
    )
