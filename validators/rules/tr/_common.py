"""Helpers shared by the cross-message rules (not a rule module itself)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from iwmo_ijw.xpath import find, text
from validators.findings import Finding
from validators.rules.context import Place, RuleContext
from validators.rules.values import texts as column_texts
from validators.sources.history import (
    PRESTATIE_FIELDS,
    BerichtKey,
    Prestatie,
    Toewijzing,
    prestatie_record,
    prestatie_records,
)
from validators.sources.lifecycle import prestatie_stands

CLIENT_BSN = "^Client/Bsn"  # Prestatie -> Prestaties -> Client: the nearest Client is the line's own
# What a Prestatie record is made of, as columns: every rule reading records declares them
# (`columns=` on its decorator), so the engine reads them in the one pass it plans per class.
PRESTATIE_COLUMNS = {"Prestatie": (CLIENT_BSN, *(path for _, path, _ in PRESTATIE_FIELDS))}


def header(ctx: RuleContext) -> tuple[str, str]:
    """(Afzender, Ontvanger) of the message under test."""
    found = ctx.cache.get("cross:header")
    if found is None:
        head = find(ctx.root, "Header")
        found = ctx.cache["cross:header"] = (text(head, "Afzender") or "", text(head, "Ontvanger") or "")
    return found


def prestatie_of(ctx: RuleContext, node: etree._Element) -> Prestatie:
    """The record of a Prestatie of the message under test (made once per message: many rules ask)."""
    records = ctx.cache.get("cross:prestatie_by_node")
    if records is None:
        records = ctx.cache["cross:prestatie_by_node"] = _records(ctx)
    record = records.get(node)
    if record is None:  # not a target of this run: a Client the streaming reader read ahead
        record = records[node] = _record(ctx, node)
    return record


def line_of(ctx: RuleContext, node: etree._Element) -> tuple[Prestatie, Toewijzing | None]:
    """A Prestatie's record and the toewijzing it declares on (`toewijzing_for_prestatie`):
    what a dozen rules start from for every line, so kept per element."""
    lines = ctx.cache.get("cross:lines")
    if lines is None:
        lines = ctx.cache["cross:lines"] = {}
    line = lines.get(node)
    if line is None:
        p = prestatie_of(ctx, node)
        line = lines[node] = (p, toewijzing_for_prestatie(ctx, p))
    return line


def _records(ctx: RuleContext) -> dict[etree._Element, Prestatie]:
    """Every Prestatie's record, from the columns of the message (one pass in C on a large one)."""
    columns = ctx.columns.columns("Prestatie", PRESTATIE_COLUMNS["Prestatie"])
    if not columns.size:
        return {}
    texts = {path: column_texts(columns[path]) for path in PRESTATIE_COLUMNS["Prestatie"]}
    records = prestatie_records(
        texts, texts[CLIENT_BSN], declaratie_nummer=_declaratie_nummer(ctx), key=_key(ctx)
    )
    return dict(zip(columns.nodes, records, strict=True))


def _record(ctx: RuleContext, node: etree._Element) -> Prestatie:
    client = node.getparent().getparent()  # Prestatie -> Prestaties -> Client
    return prestatie_record(
        node, bsn=text(client, "Bsn"), declaratie_nummer=_declaratie_nummer(ctx), key=_key(ctx)
    )


def _key(ctx: RuleContext) -> BerichtKey:
    afzender, ontvanger = header(ctx)
    return BerichtKey(afzender, ontvanger, ctx.message.message_type.code, "", None)


def _declaratie_nummer(ctx: RuleContext) -> str | None:
    return text(ctx.root, "Declaratie/DeclaratieNummer")


def knows_relation(ctx: RuleContext, gemeente: str, aanbieder: str) -> bool:
    """Whether the history holds any toewijzing from this gemeente to this aanbieder.

    A missing toewijzing is only proof of an error when the history covers the relation at
    all; an empty or unrelated history would otherwise reject every valid declaration.
    """
    cache_key = f"cross:relation:{gemeente}:{aanbieder}"
    if cache_key not in ctx.cache:
        ctx.cache[cache_key] = ctx.history.has_relation(gemeente, aanbieder)
    return ctx.cache[cache_key]


def toewijzing_for_prestatie(ctx: RuleContext, p: Prestatie) -> Toewijzing | None:
    """The toewijzing a line declares on; looked up once per message, a dozen rules ask it per line."""
    if not p.toewijzing_nummer:
        return None
    known = ctx.cache.get("cross:toewijzing_for")
    if known is None:
        known = ctx.cache["cross:toewijzing_for"] = {}
    key = (p.toewijzing_nummer, p.afzender, p.ontvanger)
    found = known.get(key, _UNKNOWN)  # not try/except: most numbers are asked first by one line only
    if found is _UNKNOWN:
        found = known[key] = _toewijzing(ctx, p)
    return found


_UNKNOWN = object()  # not looked up yet (None is a looked-up "no such toewijzing")


def _toewijzing(ctx: RuleContext, p: Prestatie) -> Toewijzing | None:
    t = ctx.history.toewijzing(p.toewijzing_nummer, gemeente=p.ontvanger)
    # A ToewijzingNummer is only unique per gemeente, so a number from another sender is not this one.
    if t is None or t.afzender != p.ontvanger or t.ontvanger != p.afzender:
        return None
    return t


def message_prestaties(ctx: RuleContext) -> list[tuple[etree._Element, Prestatie]]:
    """All Prestaties of the message under test, parsed once per message."""
    if "cross:prestaties" not in ctx.cache:
        ns = ctx.message.message_type.namespace
        ctx.cache["cross:prestaties"] = [
            (n, prestatie_of(ctx, n)) for n in ctx.root.iter(f"{{{ns}}}Prestatie")
        ]
    return ctx.cache["cross:prestaties"]


def last_lines(ctx: RuleContext) -> dict[str, etree._Element]:
    """Per ToewijzingNummer of the message, its last Prestatie: where a total over the toewijzing is
    reported."""
    if "cross:last_lines" not in ctx.cache:
        ctx.cache["cross:last_lines"] = {
            p.toewijzing_nummer: node for node, p in message_prestaties(ctx) if p.toewijzing_nummer
        }
    return ctx.cache["cross:last_lines"]


def message_prestaties_by_toewijzing(ctx: RuleContext) -> dict[str, list[Prestatie]]:
    if "cross:by_toewijzing" not in ctx.cache:
        index: dict[str, list[Prestatie]] = {}
        for _, p in message_prestaties(ctx):
            index.setdefault(p.toewijzing_nummer or "", []).append(p)
        ctx.cache["cross:by_toewijzing"] = index
    return ctx.cache["cross:by_toewijzing"]


def credited_in_message(ctx: RuleContext) -> set[str]:
    """VorigReferentieNummers credited by the message under test."""
    if "cross:credited" not in ctx.cache:
        ctx.cache["cross:credited"] = {
            p.vorig_referentie
            for _, p in message_prestaties(ctx)
            if p.debet_credit == "C" and p.vorig_referentie
        }
    return ctx.cache["cross:credited"]


def standing_prestaties(ctx: RuleContext, toewijzing_nummer: str, aanbieder: str) -> list[Prestatie]:
    """Declared lines on a toewijzing: earlier ones that still stand (not rejected on their own,
    with their Client or with their whole declaration: IV087), plus this message's.

    Lines of the message under test that are already in the history (re-validation of a
    message that was also loaded as history) are counted once, from the message.
    """
    current = message_prestaties_by_toewijzing(ctx).get(toewijzing_nummer, [])
    declared = ctx.history.prestaties_for_toewijzing(
        toewijzing_nummer, gemeente=header(ctx)[1], aanbieder=aanbieder
    )
    if not declared:  # the usual case in a month: nothing declared on it before
        return list(current)
    refs = {p.referentie for p in current}
    earlier = [
        p
        for p in declared
        if p.afzender == aanbieder and p.referentie not in refs and prestatie_stands(ctx.history, p)
    ]
    return earlier + current


def judged_by(ctx: RuleContext, node: etree._Element) -> tuple[Prestatie, Toewijzing | None]:
    """A line with the toewijzing version it is judged by.

    A credit takes back its debit, so it is judged by the version that was current when that
    debit was declared, not the current one: after a retroactive shortening the aanbieder must
    credit the old period in full (TR308, TR321).
    """
    p, t = line_of(ctx, node)
    if t is None or p.debet_credit != "C" or not p.vorig_referentie:
        return p, t
    debits = [
        d
        for d in ctx.history.prestaties_by_referentie(p.vorig_referentie, aanbieder=p.afzender)
        if d.debet_credit == "D" and d.toewijzing_nummer == p.toewijzing_nummer
    ]
    if not debits:
        return p, t
    declaratie = ctx.history.declaratie(debits[-1].declaratie_nummer or "", aanbieder=p.afzender)
    if declaratie is None or declaratie.dagtekening is None:
        return p, t
    then = ctx.history.toewijzing(t.nummer, declaratie.dagtekening, gemeente=p.ontvanger)
    return p, then if then is not None else t


@dataclass
class Tally:
    """A total over one toewijzing of the message, kept from chunk to chunk (TR322, TR369)."""

    toewijzing: Toewijzing
    place: Finding | Place | None = None  # at the toewijzing's last line so far: where the total is reported
    total: float = 0
    broken: bool = False  # a line that cannot be counted: no total can be judged
    # ReferentieNummers of this message's lines on it that the history holds too (a message
    # validated again after it was stored): those count once, from the message.
    in_history: set[str] = field(default_factory=set)


def tally_lines(
    ctx: RuleContext,
    tallies: dict[str, Tally | None],
    counts: Callable[[Toewijzing], bool],
    add: Callable[[Tally, Prestatie], None],
) -> None:
    """Add the lines of this run (the message, or a chunk of it) to the tallies of the toewijzingen
    of this gemeente and aanbieder they declare on, for those the rule `counts`."""
    aanbieder, gemeente = header(ctx)
    by_toewijzing = message_prestaties_by_toewijzing(ctx)
    for nummer, node in last_lines(ctx).items():
        if nummer not in tallies:
            t = ctx.history.toewijzing(nummer, gemeente=gemeente)
            tallies[nummer] = (
                Tally(t)
                if (t is not None and t.afzender == gemeente and t.ontvanger == aanbieder and counts(t))
                else None
            )
        tally = tallies[nummer]
        if tally is None:
            continue
        stored = {
            p.referentie
            for p in ctx.history.prestaties_for_toewijzing(nummer, gemeente=gemeente, aanbieder=aanbieder)
        }
        for p in by_toewijzing[nummer]:
            add(tally, p)
            if p.referentie in stored:
                tally.in_history.add(p.referentie)
        tally.place = ctx.placed(node)


def earlier_lines(ctx: RuleContext, nummer: str, tally: Tally) -> list[Prestatie]:
    """The lines declared on a toewijzing before this message that still stand (not rejected on their
    own, with their Client or with their whole declaration: IV087)."""
    aanbieder, gemeente = header(ctx)
    return [
        p
        for p in ctx.history.prestaties_for_toewijzing(nummer, gemeente=gemeente, aanbieder=aanbieder)
        if p.afzender == aanbieder
        and p.referentie not in tally.in_history
        and prestatie_stands(ctx.history, p)
    ]
