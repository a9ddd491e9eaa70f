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
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from iwmo_ijw.parsing import MessageError, ParsedMessage, Source, load, source_name
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.table import locator
from iwmo_ijw.xpath import text
from validators.engine._columns import ColumnSource
from validators.engine._gcpause import collector_paused
from validators.engine._memo import memoisable, run_memoised
from validators.engine.needs import available, reason
from validators.findings import FileReport, Finding, Severity, Skipped
from validators.rules.context import RuleContext
from validators.rules.registry import Level, Rule, RuleSet

if TYPE_CHECKING:
    from concurrent.futures import Executor

log = logging.getLogger(__name__)

CONTENT_LEVELS = (Level.MESSAGE, Level.CROSS, Level.EXTERNAL, Level.REGISTRY)
# What the command line checks: the file's technical requirements (OP192) too. The library's
# default stays the content, so callers that build messages in memory are not told about line ends.
EVERY_LEVEL = (Level.TECHNICAL, *CONTENT_LEVELS)
# From this size on the XSD check runs beside the content rules (see _schema_beside_rules).
CONCURRENT_FROM = 2 * 1024 * 1024


@dataclass
class Options:
    """What a validation may use and should check: the day, the rules, the schemas and the sources."""

    today: date = field(default_factory=date.today)
    ruleset: RuleSet = field(default_factory=RuleSet)
    schema_dir: str | os.PathLike | None = None
    history: Any | None = None
    registry: Any | None = None
    levels: tuple[Level, ...] = CONTENT_LEVELS
    # Paths only: True reads a chunk of Clients at a time, False the whole tree, None decides by size.
    stream: bool | None = None


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
    """Validate a message already parsed: the technical checks, the XSD and the rules of the levels asked."""
    report = FileReport(
        file=message.source,
        standard=message.standard,
        release=message.release,
        message_type=message.message_type.code,
        afzender=text(message.root, "Header/Afzender") or None,
    )
    if Level.TECHNICAL in options.levels:
        report.findings.extend(check_technical(message, options))
    if (message.size or 0) < CONCURRENT_FROM:
        report.secrets = frozenset(_bsns(message.root))
        report.findings.extend(check_schema(message, options))
        if report.valid:
            report.findings.extend(run_rules(message, options, report))
        return report
    with collector_paused():
        _schema_beside_rules(message, options, report)
    return report


def _schema_beside_rules(message: ParsedMessage, options: Options, report: FileReport) -> None:
    """XSD and content rules at once, with the verdict of doing them one after the other.

    libxml2 validates and libxslt reads columns without holding the GIL, so on a large
    message both run beside the rules (which only read the tree). The rules' findings count
    only when the XSD accepts the message, as the controleniveaus require.
    """
    schema = load_schema(message.message_type, options.schema_dir)
    scratch = FileReport(file=report.file)
    # Two background threads: first the columns, in two halves (the rules wait for them), then
    # the XSD (only its verdict is waited for, at the end). Started together, the XSD would
    # take a core from the columns and everything would wait longer.
    from concurrent.futures import ThreadPoolExecutor  # only large messages use threads

    background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="productcodes")
    try:
        run = prepare(message, options, scratch, background=background)
        xsd = background.submit(schema.validate, message.tree)
        report.secrets = frozenset(_bsns(message.root))
        content = run.execute()
        try:
            verdict = bool(xsd.result())
        except Exception:  # noqa: BLE001 - the detailed check below says what is wrong
            verdict = False
    finally:
        background.shutdown(wait=True)
    if not verdict:
        report.findings.extend(check_schema(message, options))  # the detailed findings, and no others
        if not report.valid:
            return
    report.findings.extend(content)
    report.skipped.extend(scratch.skipped)


def check_technical(message: ParsedMessage, options: Options) -> list[Finding]:
    """The rules about the file itself (OP192), before and regardless of the XSD."""
    ctx = RuleContext(
        message=message, today=options.today, history=options.history, registry=options.registry
    )
    found: list[Finding] = []
    have = available(ctx.history, ctx.registry)
    for rule in options.ruleset.rules_for(message.message_type, (Level.TECHNICAL,), have):
        ctx.rule = rule
        found.extend(_guarded(rule, ctx, lambda out, rule=rule: _each(rule, ctx, [message.root], out)))
    return found


def check_schema(message: ParsedMessage, options: Options) -> list[Finding]:
    """The XSD's verdict: nothing when lxml accepts the message, else its errors as findings."""
    schema = load_schema(message.message_type, options.schema_dir)
    if schema.validate(message.tree):
        return []
    from validators.engine.schema import schema_findings  # the slow, detailed path only on failure

    return schema_findings(message, schema.error_log, options)


def run_rules(
    message: ParsedMessage,
    options: Options,
    report: FileReport,
    rules: Iterable[Rule] | None = None,
    targets_of: Callable[[str], list[etree._Element]] | None = None,
    chunk: Chunked | None = None,
) -> list[Finding]:
    """Run the content rules; `rules`/`targets_of`/`chunk` let the streaming reader run them a chunk
    at a time."""
    return prepare(message, options, report, rules, targets_of, chunk=chunk).execute()


@dataclass
class Chunked:
    """One chunk of a streamed message: the rules' states carried over from the chunks before it, the
    paths of its findings counted as in the whole message, and no `finish` (the stream calls it)."""

    states: dict[str, Any]
    positions: Any = None
    # After the first chunk: how many of a target's elements (listed first) stand around the Clients.
    # Rules that keep no state judged those with the first chunk already.
    around: Callable[[str | tuple[str, ...]], int] | None = None


def prepare(
    message: ParsedMessage,
    options: Options,
    report: FileReport,
    rules: Iterable[Rule] | None = None,
    targets_of: Callable[[str], list[etree._Element]] | None = None,
    background: Executor | None = None,
    chunk: Chunked | None = None,
) -> RuleRun:
    """Choose the rules and plan their columns (given a `background` executor: start reading them)."""
    ctx = RuleContext(
        message=message,
        today=options.today,
        history=_before(options.history, message),
        registry=options.registry,
    )
    if chunk is not None:
        ctx.states, ctx.whole, ctx.around = chunk.states, False, chunk.around
        ctx.positions = chunk.positions or ctx.positions
    if rules is None:
        content = tuple(level for level in options.levels if level is not Level.TECHNICAL)
        have = available(ctx.history, ctx.registry)
        rules = options.ruleset.rules_for(message.message_type, content, have)
        report.skipped.extend(filtered_out(options.ruleset, message.message_type, options.levels))
        _skip_unloaded(report, options, message, content, have)
    run = RuleRun(
        ctx,
        tuple(r for r in rules if _has_what_it_needs(r, ctx, report)),
        Targets(targets_of or (lambda target: _targets(message, target))),
        chunk=chunk,
    )
    run.report = report
    wanted, reads = _plan(run.rules, message.message_type)
    ctx.columns = ColumnSource(message, wanted, nodes_of=run.nodes_of)
    ctx.columns.memo_reads = reads
    if background is not None:
        ctx.columns.prefetch(background)
    return run


class Targets:
    """The elements each class name stands for, found once per message.

    Shared by the run and its columns, and holding neither: without a reference cycle the
    tables and node lists of a large message are freed as soon as the run is done, not
    when the cyclic collector gets to walk them."""

    def __init__(self, find: Callable[[str | tuple[str, ...]], list[etree._Element]]):
        self._find = find
        self._found: dict[str | tuple[str, ...], list[etree._Element]] = {}

    def __call__(self, target: str | tuple[str, ...]) -> list[etree._Element]:
        """The elements a rule with this target is called for, found once per message."""
        nodes = self._found.get(target)
        if nodes is None:
            nodes = self._found[target] = self._find(target)
        return nodes


def _before(history: Any, message: ParsedMessage) -> Any:
    # A message is judged by what came before it: re-validating a stored message gives its verdict on arrival.
    before = getattr(history, "before_message", None)
    return history if before is None else before(message)


class RuleRun:
    """The chosen rules of one message, with the elements each class name stands for."""

    report: FileReport | None = None  # where rules that could not conclude are listed

    def __init__(
        self, ctx: RuleContext, rules: tuple[Rule, ...], targets: Targets, chunk: Chunked | None = None
    ):
        self.ctx, self.rules, self.nodes_of = ctx, rules, targets
        self.finish = chunk is None
        self.around = chunk.around if chunk is not None else None

    def execute(self) -> list[Finding]:
        """Run every rule over the message (or this chunk) and return their findings in rule order."""
        ctx = self.ctx
        results: dict[Rule, list[Finding]] = {}
        # Rules that read no columns first: they run while the columns are being read.
        for rule in sorted(self.rules, key=lambda r: bool(r.reads or r.columns)):
            ctx.rule = rule
            results[rule] = self._one(rule)
        ctx.rule = None
        if self.finish:
            for rule, found in finish_rules(ctx, self.rules).items():
                results[rule].extend(found)
        if self.report is not None:
            for code, reason in ctx.inconclusive.items():
                self.report.skip(code, reason)
        return [f for rule in self.rules for f in results[rule]]

    def _one(self, rule: Rule) -> list[Finding]:
        ctx = self.ctx
        if self.around is not None and not rule.each_chunk and any(self.around(n) for n in rule.names):
            return self._inside_only(rule)
        if memoisable(rule, ctx.columns):
            try:
                return run_memoised(rule, ctx, lambda: self.nodes_of(rule.target), ctx.columns, _call)
            except Exception:  # noqa: BLE001 - element by element it keeps what came before the error
                log.debug("rule %s: memo failed, running it element by element", rule.code, exc_info=True)
        return _guarded(rule, ctx, lambda out: _each(rule, ctx, self.nodes_of(rule.target), out))

    def _inside_only(self, rule: Rule) -> list[Finding]:
        """A later chunk of a stream: the elements around the Clients were judged with the first."""
        ctx, around = self.ctx, self.around
        assert around is not None
        inside = tuple(n for n in rule.names if not around(n))
        out = [
            f
            for name in rule.names
            if around(name)
            for f in _guarded(
                rule,
                ctx,
                lambda found, name=name: _each(rule, ctx, self.nodes_of(name)[around(name) :], found),
            )
        ]
        if inside and memoisable(rule, ctx.columns):
            try:
                return out + run_memoised(
                    rule,
                    ctx,
                    lambda: [n for name in inside for n in self.nodes_of(name)],
                    ctx.columns,
                    _call,
                    names=inside,
                )
            except Exception:  # noqa: BLE001 - element by element, as in _one
                log.debug("rule %s: memo failed, running it element by element", rule.code, exc_info=True)
        return out + [
            f
            for name in inside
            for f in _guarded(
                rule, ctx, lambda found, name=name: _each(rule, ctx, self.nodes_of(name), found)
            )
        ]


def finish_rules(ctx: RuleContext, rules: Iterable[Rule]) -> dict[Rule, list[Finding]]:
    """The findings the rules with a state conclude once the whole message is seen."""
    found: dict[Rule, list[Finding]] = {}
    for rule in rules:
        if rule.finish is not None:
            ctx.rule = rule
            found[rule] = _guarded(
                rule, ctx, lambda out, rule=rule: out.extend(rule.finish(ctx, ctx.state) or ())
            )
    ctx.rule = None
    return found


@lru_cache(maxsize=256)
def _plan(rules: tuple[Rule, ...], message_type: Any) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    # The same rules meet the same message type thousands of times in a batch.
    return wanted_columns(rules, message_type), memo_reads(rules)


def memo_reads(rules: Iterable[Rule]) -> dict[str, set[str]]:
    """Per class name, the union of what its memoised rules read (grouped once, validators.engine._memo)."""
    reads: dict[str, set[str]] = {}
    for rule in rules:
        for name in rule.names if rule.reads else ():
            reads.setdefault(name, set()).update(rule.reads)
    return reads


def wanted_columns(rules: Iterable[Rule], message_type: Any) -> dict[str, set[str]]:
    """Per class name, every path some rule will ask, so that each class is read once."""
    wanted: dict[str, set[str]] = {}
    for rule in rules:
        for name in rule.names if rule.reads else ():
            wanted.setdefault(name, set()).update(rule.reads)
        for name, paths in rule.columns_for(message_type).items():
            wanted.setdefault(name, set()).update(paths)
    return wanted


def _call(rule: Rule, ctx: RuleContext, node: etree._Element) -> list[Finding]:
    return list(rule.func(ctx, node) or ())


def _each(rule: Rule, ctx: RuleContext, nodes: list[etree._Element], out: list[Finding]) -> None:
    for node in nodes:
        out.extend(rule.func(ctx, node) or ())


def _guarded(rule: Rule, ctx: RuleContext, run: Callable[[list[Finding]], None]) -> list[Finding]:
    out: list[Finding] = []
    try:
        run(out)
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
                key=f"{rule.code}.crash",
                values=(("rule", rule.code), ("error", f"{type(exc).__name__}: {exc}")),
            )
        )
    return out


def _has_what_it_needs(rule: Rule, ctx: RuleContext, report: FileReport) -> bool:
    """Whether the rule runs (validators.engine.needs decides); a skipped rule is listed with the reason."""
    if not rule.needs:
        return True
    why = reason(rule.needs, available(ctx.history, ctx.registry))
    if why is not None:
        report.skip(rule.code, why)
        return False
    return True


FILTERED = "weggelaten met --select/--ignore"


@lru_cache(maxsize=256)
def filtered_out(ruleset: RuleSet, message_type: Any, levels: tuple[Level, ...]) -> tuple[Skipped, ...]:
    """The rules for this message that --select/--ignore leave out: said in the report, not dropped."""
    if not ruleset.select and not ruleset.ignore:
        return ()
    every = RuleSet().rules_for(message_type, levels)
    return tuple(Skipped(r.code, FILTERED) for r in every if not ruleset.includes(r.code))


def _skip_unloaded(
    report: FileReport,
    options: Options,
    message: ParsedMessage,
    levels: tuple[Level, ...],
    have: frozenset[str],
) -> None:
    """The rules left unimported for lack of what they need, with the reason an imported one gets."""
    from validators.rules import load_for

    for code, level, needs in load_for(message.message_type, have):
        if Level(level) in levels and options.ruleset.includes(code):
            report.skip(code, reason(needs.split(), have) or "")


def _targets(message: ParsedMessage, target: str | tuple[str, ...]) -> list[etree._Element]:
    if target == "Bericht":
        return [message.root]
    names = (target,) if isinstance(target, str) else tuple(target)
    find = locator(message.message_type, names)
    if find is not None:
        # Only the branches where the spec allows them: a whole-tree walk per class costs
        # more than the rule on a large message. Elements elsewhere fail the XSD anyway.
        return find(message.tree)
    namespace = message.message_type.namespace
    return list(message.root.iter(*(f"{{{namespace}}}{name}" for name in names)))


def _bsns(root: etree._Element) -> set[str]:
    # Every Bsn, wherever it stands and in whatever namespace: masking must not depend on
    # the message being valid.
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
        key=exc.code,  # the catalogue wraps the parser's detail in a sentence per language
        values=(("detail", str(exc)), *sorted(exc.values.items())),
    )
