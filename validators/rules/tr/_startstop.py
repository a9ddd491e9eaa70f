"""Start and stop notices: which deliveries currently stand, per logical key."""

from __future__ import annotations

from iwmo_ijw.xpath import date_of, find, text
from validators.rules.context import RuleContext
from validators.rules.tr._common import header
from validators.sources.history import BerichtKey, StartStop, start_stop_record
from validators.sources.lifecycle import notice_stands

VERWIJDEREN = "3"


def notice_of(ctx: RuleContext, product) -> StartStop:
    afzender, ontvanger = header(ctx)
    ident = text(find(ctx.root, "Header/BerichtIdentificatie/Identificatie")) or ""
    sent = date_of(ctx.root, "Header/BerichtIdentificatie/Dagtekening")
    key = BerichtKey(afzender, ontvanger, ctx.message.message_type.code, ident, sent)
    return start_stop_record(product, bsn=text(product.getparent().getparent(), "Bsn"), key=key)


def standing(
    ctx: RuleContext, notice: StartStop, berichtcode_suffix: str, *, after_own_deletions: bool = False
) -> list[StartStop]:
    """Earlier notices of one kind (305/307) for the notice's toewijzing that were not deleted.

    Notices from the message under test itself (re-validation) are left out, and so is what
    a store holds from after it: notices positioned after the message under test in the
    history (oldest first) or sent on a later day. A notice its retour message rejected
    (JW306/JW308, IV028) was never received and does not stand. With `after_own_deletions`,
    the deletions (StatusAanlevering 3) of the message under test are applied first: IV008
    lets a deletion and its replacement travel in one message.
    """
    notices = ctx.history.start_stops_for(notice.toewijzing_nummer or "", gemeente=header(ctx)[1])
    own = next(
        (
            i
            for i, n in enumerate(notices)
            if n.afzender == notice.afzender
            and n.identificatie == notice.identificatie
            and n.berichtcode == notice.berichtcode
        ),
        len(notices),
    )
    earlier = [
        n
        for n in notices[:own]
        if n.afzender == notice.afzender
        and n.berichtcode.endswith(berichtcode_suffix)
        and not _sent_after(n, notice)
        and notice_stands(ctx.history, n)
    ]
    current: dict[tuple, StartStop] = {}
    for n in earlier:  # oldest first: a later delivery with the same key replaces or removes
        if n.status == VERWIJDEREN:
            current.pop(n.key, None)
        else:
            current[n.key] = n
    if after_own_deletions and ctx.message.message_type.code.endswith(berichtcode_suffix):
        for key in own_deletions(ctx):
            current.pop(key, None)
    return list(current.values())


def own_deletions(ctx: RuleContext) -> set[tuple]:
    """The keys of the notices the message under test deletes (StatusAanlevering 3)."""
    found = ctx.cache.get("cross:own_deletions")
    if found is None:
        item = "StartProduct" if ctx.message.message_type.number == "305" else "StopProduct"
        products = ctx.root.iter(f"{{{ctx.message.message_type.namespace}}}{item}")
        found = ctx.cache["cross:own_deletions"] = {
            n.key for n in map(lambda p: notice_of(ctx, p), products) if n.status == VERWIJDEREN
        }
    return found


def sent_any(ctx: RuleContext, afzender: str, berichtcode_suffix: str) -> bool:
    # Asked of the history, not by walking its notices: a store answers without loading them all.
    return ctx.history.has_start_stops_from(afzender, berichtcode_suffix)


def _sent_after(other: StartStop, notice: StartStop) -> bool:
    if other.dagtekening is None or notice.dagtekening is None:
        return False  # order unknown: the history's own order decides
    return other.dagtekening > notice.dagtekening
