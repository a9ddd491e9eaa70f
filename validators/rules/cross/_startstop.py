"""Start and stop notices: which deliveries currently stand, per logical key."""

from __future__ import annotations

from iwmo_ijw.xpath import find, text
from validators.context import RuleContext
from validators.history import BerichtKey, StartStop, start_stop_record
from validators.rules.cross._common import header

VERWIJDEREN = "3"


def notice_of(ctx: RuleContext, product) -> StartStop:
    afzender, ontvanger = header(ctx)
    ident = text(find(ctx.root, "Header/BerichtIdentificatie/Identificatie")) or ""
    key = BerichtKey(afzender, ontvanger, ctx.message.message_type.code, ident, None)
    return start_stop_record(product, bsn=text(product.getparent().getparent(), "Bsn"), key=key)


def standing(ctx: RuleContext, notice: StartStop, berichtcode_suffix: str) -> list[StartStop]:
    """Earlier notices of one kind (305/307) for the notice's toewijzing that were not deleted.

    Notices from the message under test itself (re-validation) are left out.
    """
    earlier = [n for n in ctx.history.start_stops.get(notice.toewijzing_nummer or "", ())
               if n.afzender == notice.afzender and n.berichtcode.endswith(berichtcode_suffix)
               and n.identificatie != notice.identificatie]
    current: dict[tuple, StartStop] = {}
    for n in earlier:  # oldest first: a later delivery with the same key replaces or removes
        if n.status == VERWIJDEREN:
            current.pop(n.key, None)
        else:
            current[n.key] = n
    return list(current.values())


def sent_any(ctx: RuleContext, afzender: str, berichtcode_suffix: str) -> bool:
    return any(n.afzender == afzender and n.berichtcode.endswith(berichtcode_suffix)
               for ns in ctx.history.start_stops.values() for n in ns)
