"""Logical keys per message class (TR101, TR416): which elements identify a line within its parent.

Duplicates are looked for in two steps: the keys of all lines are compared as columns
(`validators.columns`, fast on large messages), and only the lines that share a key are
compared again on their elements, exactly as the rule states it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from collections.abc import Iterable, Iterator

from lxml import etree

from iwmo_ijw.table import enclosing, only_inside
from iwmo_ijw.xpath import local, text

# message -> class -> key paths (facts of the iJw 3.2 standard)
LOGICAL_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "301": {"Client": ("Bsn",), "Contact": ("Soort",), "Relatie": ("Nummer",),
            "ToegewezenProduct": ("ToewijzingNummer",)},
    "305": {"Client": ("Bsn",), "StartProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum")},
    "307": {"Client": ("Bsn",), "StopProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum",
                                                "RedenBeeindiging", "Einddatum")},
    "315": {"Client": ("Bsn",), "AangevraagdProduct": ("ReferentieAanbieder",)},
    "317": {"Client": ("Bsn",), "Verzoek": ("ReferentieAanbieder",), "OngewijzigdProduct": ("ToewijzingNummer",),
            "TeWijzigenProduct": ("ToewijzingNummer",),
            "NieuwProduct": ("Product/Categorie", "Product/Code", "GewensteIngangsdatum")},
    "323": {"Declaratie": ("DeclaratieNummer",), "Client": ("Bsn",),
            "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer")},
    "325": {"DeclaratieAntwoord": ("DeclaratieNummer",), "Client": ("Bsn",),
            "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer")},
}


def _own_key(node: etree._Element, paths: tuple[str, ...]) -> tuple:
    return tuple(text(node, p) for p in paths)


def repeated(ctx, within: etree._Element | None, name: str, paths: Iterable[str]) -> Iterator[etree._Element]:
    """The `name` elements (inside `within`) whose stripped `paths` equal those of another one,
    in document order: the only candidates for a duplicate."""
    paths = tuple(paths)
    columns = ctx.columns.columns(name, paths)
    parts = [ctx.columns.comparable(name, p) for p in paths]
    if any(len(set(part)) == columns.size for part in reversed(parts)):
        return  # the usual case: one key field (a ReferentieNummer) tells every line apart
    keys = list(zip(*parts))
    counts = Counter(keys)
    if len(counts) == len(keys):
        return
    nodes = columns.nodes
    keep = inside(ctx, within, name) if within is not None else None
    for i, key in enumerate(keys):
        if counts[key] > 1 and (keep is None or keep(nodes[i])):
            yield nodes[i]


def in_declaratie(ctx, within: etree._Element, name: str, paths: tuple[str, ...]):
    """The columns of a class and the indexes of its elements that lie in `within`."""
    columns = ctx.columns.columns(name, paths)
    keep = inside(ctx, within, name)
    if keep is None:
        return columns, range(columns.size)
    return columns, [i for i, node in enumerate(columns.nodes) if keep(node)]


def inside(ctx, within: etree._Element, name: str):
    """A test whether a `name` element lies in `within`, or None when all do: the spec puts
    every `name` inside an element like `within` and the message has only that one (a JW323
    has one Declaratie), which spares a walk up for each of 100,000 lines."""
    holder = local(within)
    if only_inside(ctx.message.message_type, name, holder) and len(ctx.columns.nodes(holder)) == 1:
        return None
    return lambda node: any(a is within for a in node.iterancestors())


@lru_cache(maxsize=64)
def key_columns(message_type) -> dict[str, list[str]]:
    """What TR101 reads, per class of the message type."""
    keys = LOGICAL_KEYS.get(message_type.number, {})
    return {name: list(_chain(message_type, name, keys)) for name in keys}


def _chain(message_type, name: str, keys: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The key paths of a class, after those of every keyed class that may enclose it."""
    outer = enclosing(message_type, name)
    paths = [f"^{holder}/{p}" for holder in sorted(outer & keys.keys()) for p in keys[holder]]
    return (*paths, *keys[name])


def _full_key(node: etree._Element, keys: dict[str, tuple[str, ...]]) -> tuple:
    """The key of a line with those of all keyed lines around it, outermost first."""
    chain = [a for a in node.iterancestors() if local(a) in keys][::-1] + [node]
    return tuple((local(n),) + _own_key(n, keys[local(n)]) for n in chain)


def duplicate_lines(ctx, root: etree._Element):
    message_type = ctx.message.message_type
    keys = LOGICAL_KEYS.get(message_type.number, {})
    chains = key_columns(message_type)
    candidates = {node for name in keys for node in repeated(ctx, None, name, chains[name])}
    if not candidates:
        return
    namespace = message_type.namespace
    seen: set[tuple] = set()
    for node in root.iter(*(f"{{{namespace}}}{name}" for name in keys)):
        if node not in candidates:
            continue
        name = local(node)
        key = _full_key(node, keys)
        if key in seen:
            shown = ", ".join(f"{p}={v}" for p, v in zip(keys[name], key[-1][1:]) if v is not None)
            yield ctx.finding(node, name=name, shown=shown)
        seen.add(key)
