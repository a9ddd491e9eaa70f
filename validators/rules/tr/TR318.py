from iwmo_ijw.xpath import date_of, find, text
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.sources.lifecycle import declaratie_stands


@rule(
    "TR318",
    retourcode="8214",
    messages=("JW323",),
    level=Level.CROSS,
    target="Declaratie",
    needs=("history",),
    streaming=True,
)
def tr318(ctx, declaratie):
    """A DeclaratiePeriode follows the earlier ones of the same aanbieder and gemeente; it never goes
    back or repeats.

    Months without care may be skipped (the next period then starts where care resumed),
    so only a period on or before the last one declared is certain to be wrong. A
    declaration the gemeente rejected as a whole does not count: it is sent again.
    Declarations sent after this one (a store holds them too) do not count either.
    """
    aanbieder, gemeente = header(ctx)
    nummer = text(declaratie, "DeclaratieNummer")
    begin = date_of(declaratie, "DeclaratiePeriode/Begindatum")
    if begin is None:
        return
    sent = dagtekening(ctx)
    earlier = [
        d
        for d in ctx.history.declaraties_between(aanbieder, gemeente)
        if d.nummer != nummer
        and d.einddatum is not None
        and declaratie_stands(ctx.history, aanbieder, d.nummer)
        and not _sent_later(d, sent, begin)
    ]
    if not earlier:
        return
    last = max(earlier, key=lambda d: d.einddatum)
    if begin <= last.einddatum:
        yield ctx.finding(
            find(declaratie, "DeclaratiePeriode"),
            begin=begin,
            last_begin=last.begindatum,
            last_end=last.einddatum,
            nummer=last.nummer,
        )


def _sent_later(earlier, sent, begin) -> bool:
    """Whether the other declaration came after this one.

    On the same day the order is unknown; two months caught up at once are then taken in
    period order, so only the later period counts as the later message.
    """
    if earlier.dagtekening is None or sent is None:
        return False
    if earlier.dagtekening != sent:
        return earlier.dagtekening > sent
    return earlier.begindatum is not None and earlier.begindatum > begin
