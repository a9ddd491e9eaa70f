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


def standing_prestaties(ctx: RuleContext, toewijzing_nummer: str, aanbieder: str) -> list[Prestatie]:
    """Declared lines on a toewijzing: earlier ones that were not rejected, plus this message's.

    Lines of the message under test that are already in the history (re-validation of a
    message that was also loaded as history) are counted once, from the message.
    """
    current = [p for _, p in message_prestaties(ctx) if p.toewijzing_nummer == toewijzing_nummer]
    refs = {p.referentie for p in current}
    earlier = [p for p in ctx.history.prestaties_for_toewijzing(toewijzing_nummer)
               if p.afzender == aanbieder and p.referentie not in refs and not ctx.history.is_afgewezen(p)]
    return earlier + current
