from iwmo_ijw.xpath import find, iter_local, text
from validators.rules.registry import EACH_CHUNK, Level, rule
from validators.rules.tr._common import header, knows_relation
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR019",
    retourcode="9019",
    messages=("JW305", "JW307"),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=EACH_CHUNK,
)
def tr019(ctx, bericht):
    """A start or stop notice must name, by ToewijzingNummer, a toewijzing this aanbieder received."""
    aanbieder, gemeente = header(ctx)
    item = "StartProduct" if ctx.message.message_type.number == "305" else "StopProduct"
    for product in iter_local(bericht, item):
        node = find(product, "ToewijzingNummer")
        nummer = text(node)
        t = ctx.history.toewijzing(nummer, gemeente=gemeente) if nummer else None
        missing = nummer and (t is None or t.ontvanger != aanbieder)
        # The toewijzing's date is unknown: only a history that holds the relation at all proves it missing.
        if missing and absence_proves(
            ctx, None, fallback=knows_relation(ctx, gemeente, aanbieder), what=f"toewijzing {nummer!r}"
        ):
            yield ctx.finding(node, nummer=nummer, item=item, gemeente=gemeente, aanbieder=aanbieder)
