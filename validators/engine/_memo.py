"""Running a rule once per distinct set of values it reads, on large messages.

A declaration of 100,000 Prestaties holds a few hundred distinct combinations of, say,
Eenheid, GeleverdVolume, ProductTarief and IngediendBedrag. A rule that declares those
paths as its `reads` says the same about every Prestatie of one combination, so it runs
on one Prestatie per combination; only where that one gets a finding does it run on every
Prestatie of the combination, each finding on its own element. The result is the one the
rule gives element by element, in the same order (tests compare both on every fixture and
on generated messages).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from validators.engine._columns import TABLE_MIN, ColumnSource
from validators.findings import Finding
from validators.rules.context import RuleContext
from validators.rules.registry import Rule

Call = Callable[[Rule, RuleContext, etree._Element], list[Finding]]


def memoisable(rule: Rule, source: ColumnSource) -> bool:
    return bool(rule.reads) and sum(source.count(name) for name in rule.names) >= TABLE_MIN


def run_memoised(
    rule: Rule,
    ctx: RuleContext,
    nodes: Callable[[], list[etree._Element]],
    source: ColumnSource,
    call: Call,
    names: tuple[str, ...] | None = None,
) -> list[Finding]:
    """`nodes()` gives all targets of the rule in document order (asked only to sort findings);
    `names`, some of the rule's class names only (a stream's later chunks, validators.engine.stream)."""
    names = names or rule.names
    found = [(node, f) for name in names for node, f in _per_name(rule, ctx, name, source, call)]
    if len(names) > 1 and found:
        position = {id(node): i for i, node in enumerate(nodes())}
        found.sort(key=lambda pair: position[id(pair[0])])  # stable: a node's findings keep their order
    return [f for _, f in found]


def _one_each(rule: Rule, name: str, source: ColumnSource) -> dict[tuple, int]:
    """Each combination of the rule's reads, with one element that has it. The combinations
    of all memoised rules of a class are grouped once; each rule then only projects them."""
    varying, rows, first = source.groups(name, _shared(rule, name, source))
    positions = [varying.index(p) for p in rule.reads if p in varying]
    return dict(zip((tuple(row[j] for j in positions) for row in rows), first, strict=True))


def _keys(rule: Rule, name: str, source: ColumnSource, columns) -> list[tuple]:
    """The combination of each element, as `_one_each` spells them."""
    varying = source.groups(name, _shared(rule, name, source))[0]
    kept = [columns[path] for path in rule.reads if path in varying]
    return list(zip(*kept, strict=True)) if kept else [()] * columns.size


def _shared(rule: Rule, name: str, source: ColumnSource) -> tuple[str, ...]:
    return tuple(sorted(source.memo_reads.get(name, set()) | set(rule.reads)))


def _per_name(rule: Rule, ctx: RuleContext, name: str, source: ColumnSource, call: Call):
    columns = source.columns(name, rule.reads)
    if not columns.size:
        return
    # The representative's own findings are kept: each bad element is judged once, so a
    # message where every line is wrong does not pay for every finding twice.
    first: dict[int, list[Finding]] = {}
    bad = set()
    for key, i in _one_each(rule, name, source).items():
        found = call(rule, ctx, columns.node(i))
        if found:
            bad.add(key)
            first[i] = found
    if not bad:
        return
    keys = _keys(rule, name, source, columns)
    nodes = columns.nodes
    for i, key in enumerate(keys):
        if key in bad:
            found = first.pop(i, None)
            for finding in found if found is not None else call(rule, ctx, nodes[i]):
                yield nodes[i], finding
