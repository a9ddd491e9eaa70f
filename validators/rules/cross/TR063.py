from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._startstop import VERWIJDEREN, notice_of, sent_any, standing


@rule("TR063", retourcode="9063", messages=("JW305", "JW307"), level=Level.CROSS, target="Client", needs=("history",))
def tr063(ctx, client):
    """A deletion (StatusAanlevering 3) must remove an earlier delivery with the same logical key."""
    suffix = ctx.message.message_type.code[-3:]
    item = "StartProduct" if suffix == "305" else "StopProduct"
    for product in client.iter(f"{{{ctx.message.message_type.namespace}}}{item}"):
        notice = notice_of(ctx, product)
        # Only a history with this aanbieder's notices of this kind can prove an earlier one missing.
        if notice.status != VERWIJDEREN or not sent_any(ctx, notice.afzender, suffix):
            continue
        if not any(n.key == notice.key for n in standing(ctx, notice, suffix)):
            yield ctx.finding(find(product, "StatusAanlevering"),
                              item=item, nummer=notice.toewijzing_nummer)
