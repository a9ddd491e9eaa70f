"""Helpers shared by the cross-message rules (not a rule module itself)."""

from __future__ import annotations

from lxml import etree

from iwmo_ijw.xpath import find, text
from validators.context import RuleContext
from validators.history import BerichtKey, Prestatie, Toewijzing, prestatie_record


def header(ctx: RuleContext) -> tuple[str, str]:
    """(Afzender, Ontvanger) of the message under test."""
    head = find(ctx.root, "Header")
    return text(head, "Afzender") or "", text(head, "Ontvanger") or ""


def prestatie_of(ctx: RuleContext, node: etree._Element) -> Prestatie:
    """The record of a Prestatie of the message under test (made once per element: many rules ask)."""
    by_node = ctx.cache.get("cross:prestatie_by_node")
    if by_node is None:
        by_node = ctx.cache["cross:prestatie_by_node"] = {}
    record = by_node.get(node)
    if record is None:
        record = by_node[node] = _record(ctx, node)
    return record


def _record(ctx: RuleContext, node: etree._Element) -> Prestatie:
    afzender, ontvanger = header(ctx)
    client = node.getparent().getparent()  # Prestatie -> Prestaties -> Client
    key = BerichtKey(afzender, ontvanger, ctx.message.message_type.code, "", None)
    return prestatie_record(node, bsn=text(client, "Bsn"), declaratie_nummer=text(ctx.root, "Declaratie/DeclaratieNummer"), key=key)


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
    if not p.toewijzing_nummer:
        return None
    t = ctx.history.toewijzing(p.toewijzing_nummer)
    # A ToewijzingNummer is only unique per gemeente, so a number from another sender is not this one.
    if t is None or t.afzender != p.ontvanger or t.ontvanger != p.afzender:
        return None
    return t


def message_prestaties(ctx: RuleContext) -> list[tuple[etree._Element, Prestatie]]:
    """All Prestaties of the message under test, parsed once per message."""
    if "cross:prestaties" not in ctx.cache:
        ns = ctx.message.message_type.namespace
        ctx.cache["cross:prestaties"] = [(n, prestatie_of(ctx, n)) for n in ctx.root.iter(f"{{{ns}}}Prestatie")]
    return ctx.cache["cross:prestaties"]


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
        ctx.cache["cross:credited"] = {p.vorig_referentie for _, p in message_prestaties(ctx)
                                       if p.debet_credit == "C" and p.vorig_referentie}
    return ctx.cache["cross:credited"]


def standing_prestaties(ctx: RuleContext, toewijzing_nummer: str, aanbieder: str) -> list[Prestatie]:
    """Declared lines on a toewijzing: earlier ones that were not rejected, plus this message's.

    Lines of the message under test that are already in the history (re-validation of a
    message that was also loaded as history) are counted once, from the message.
    """
    current = message_prestaties_by_toewijzing(ctx).get(toewijzing_nummer, [])
    refs = {p.referentie for p in current}
    earlier = [p for p in ctx.history.prestaties_for_toewijzing(toewijzing_nummer)
               if p.afzender == aanbieder and p.referentie not in refs and not ctx.history.is_afgewezen(p)]
    return earlier + current
