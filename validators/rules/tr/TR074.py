from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._startstop import notice_of, standing

NIEUW = "1"


@rule(
    "TR074",
    retourcode="9074",
    messages=("JW305", "JW307"),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
)
def tr074(ctx, client):
    """A new delivery (StatusAanlevering 1) may not repeat the key of an earlier delivery that
    still stands."""
    suffix = ctx.message.message_type.code[-3:]
    item = "StartProduct" if suffix == "305" else "StopProduct"
    for product in client.iter(f"{{{ctx.message.message_type.namespace}}}{item}"):
        notice = notice_of(ctx, product)
        # A deleted or rejected delivery counts as never sent, so its key may be used again. A
        # deletion in this same message with the same key is TR101's (IV008: such a correction
        # needs a message of its own), not a repeat of a delivery that stands.
        if notice.status == NIEUW and any(
            n.key == notice.key for n in standing(ctx, notice, suffix, after_own_deletions=True)
        ):
            yield ctx.finding(find(product, "StatusAanlevering"), item=item, nummer=notice.toewijzing_nummer)
