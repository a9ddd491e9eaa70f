from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._startstop import notice_of, standing

NIEUW = "1"


@rule("TR074", retourcode="9074", messages=("JW305", "JW307"), level=Level.CROSS, target="Client", needs=("history",))
def tr074(ctx, client):
    """A new delivery (StatusAanlevering 1) may not repeat the key of an earlier delivery that still stands."""
    suffix = ctx.message.message_type.code[-3:]
    item = "StartProduct" if suffix == "305" else "StopProduct"
    for product in client.iter(f"{{{ctx.message.message_type.namespace}}}{item}"):
        notice = notice_of(ctx, product)
        # A deleted delivery counts as never sent, so its key may be used again.
        if notice.status == NIEUW and any(n.key == notice.key for n in standing(ctx, notice, suffix)):
            yield ctx.finding(find(product, "StatusAanlevering"),
                              item=item, nummer=notice.toewijzing_nummer)
