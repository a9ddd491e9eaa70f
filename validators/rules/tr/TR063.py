from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._coverage import absence_proves
from validators.rules.tr._startstop import VERWIJDEREN, notice_of, sent_any, standing


@rule(
    "TR063",
    retourcode="9063",
    messages=("JW305", "JW307"),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
)
def tr063(ctx, client):
    """A deletion (StatusAanlevering 3) must remove an earlier delivery with the same logical key."""
    suffix = ctx.message.message_type.code[-3:]
    item = "StartProduct" if suffix == "305" else "StopProduct"
    for product in client.iter(f"{{{ctx.message.message_type.namespace}}}{item}"):
        notice = notice_of(ctx, product)
        if notice.status != VERWIJDEREN or any(n.key == notice.key for n in standing(ctx, notice, suffix)):
            continue
        # The deleted notice would be dated on or after its Begindatum (a stop: its Einddatum).
        # Without coverage, only a history with this aanbieder's notices of this kind proves it missing.
        if absence_proves(
            ctx,
            notice.einddatum if suffix == "307" else notice.begindatum,
            fallback=sent_any(ctx, notice.afzender, suffix),
            what=f"the {item} it deletes",
        ):
            yield ctx.finding(find(product, "StatusAanlevering"), item=item, nummer=notice.toewijzing_nummer)
