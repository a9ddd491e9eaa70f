from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._startstop import VERWIJDEREN, notice_of, standing


@rule(
    "TR071",
    retourcode="9071",
    messages=("JW305",),
    level=Level.CROSS,
    target="StartProduct",
    needs=("history",),
)
def tr071(ctx, product):
    """A start may not be deleted once a stop for it was sent."""
    notice = notice_of(ctx, product)
    if notice.status != VERWIJDEREN:
        return
    if any(stop.start_key == notice.start_key for stop in standing(ctx, notice, "307")):
        yield ctx.finding(find(product, "StatusAanlevering"), nummer=notice.toewijzing_nummer)
