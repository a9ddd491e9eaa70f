"""Logical keys per message class (TR101, TR416): which elements identify a line within its parent.

Duplicates are looked for on the key columns (`ctx.columns`, fast on large messages):
a line's key path includes the keys of every keyed class that may enclose it, so two lines
with equal columns are the same line under the same parent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lxml import etree

from iwmo_ijw.xpath import local, text
from validators.engine.accumulate import Seen, line_keys
from validators.rules.values import enclosing, sole

# message -> class -> key paths (facts of the iJw 3.2 standard)
LOGICAL_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "301": {
        "Client": ("Bsn",),
        "Contact": ("Soort",),
        "Relatie": ("Nummer",),
        "ToegewezenProduct": ("ToewijzingNummer",),
    },
    "305": {
        "Client": ("Bsn",),
        "StartProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum"),
    },
    # IV008: a stop's Einddatum (and its reden) are no part of its key; a corrected stop with a
    # deletion of the old one in the same message is the same class twice.
    "307": {
        "Client": ("Bsn",),
        "StopProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum"),
    },
    "315": {"Client": ("Bsn",), "AangevraagdProduct": ("ReferentieAanbieder",)},
    "317": {
        "Client": ("Bsn",),
        "Verzoek": ("ReferentieAanbieder",),
        "OngewijzigdProduct": ("ToewijzingNummer",),
        "TeWijzigenProduct": ("ToewijzingNummer",),
        "NieuwProduct": ("Product/Categorie", "Product/Code", "GewensteIngangsdatum"),
    },
    "323": {
        "Declaratie": ("DeclaratieNummer",),
        "Client": ("Bsn",),
        "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer"),
    },
    "325": {
        "DeclaratieAntwoord": ("DeclaratieNummer",),
        "Client": ("Bsn",),
        "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer"),
    },
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
    keys = list(zip(*parts, strict=True))
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
    if sole(ctx, name, local(within)):
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


def duplicate_lines(ctx, root: etree._Element):
    """Lines whose key, with those of the keyed lines around them, repeats an earlier line's;
    the keys met are kept in `ctx.state` (one `Seen` per class), so a streamed message is
    judged as a whole."""
    message_type = ctx.message.message_type
    keys = LOGICAL_KEYS.get(message_type.number, {})
    chains = key_columns(message_type)
    for name in keys:
        paths = tuple(chains[name])
        columns = ctx.columns.columns(name, paths)
        if ctx.whole and any(
            len(set(ctx.columns.comparable(name, p))) == columns.size for p in reversed(paths)
        ):
            continue  # the usual case: one key field (a ReferentieNummer) tells every line apart
        start = ctx.first_new(name)
        seen = ctx.state.setdefault(name, Seen())
        for i in seen.repeated(line_keys(ctx, name, paths), ctx.whole):
            node = columns.node(start + i)
            shown = ", ".join(
                f"{p}={v}"
                for p, v in zip(keys[name], _own_key(node, keys[name]), strict=True)
                if v is not None
            )
            yield ctx.finding(node, name=name, shown=shown)
