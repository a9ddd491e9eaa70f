from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._stops import NEW_DELIVERY, TIJDELIJK, standing_stops


@rule(
    "TR413",
    retourcode="9413",
    messages=("JW307",),
    level=Level.CROSS,
    target="StopProduct",
    needs=("history",),
)
def tr413(ctx, product):
    """A start already stopped temporarily (reden 20) cannot be stopped temporarily again."""
    notice, earlier = standing_stops(ctx, product)
    if (
        notice.status in NEW_DELIVERY
        and notice.reden_beeindiging == TIJDELIJK
        and any(s.reden_beeindiging == TIJDELIJK for s in earlier)
    ):
        yield ctx.finding(
            find(product, "RedenBeeindiging"), nummer=notice.toewijzing_nummer, begin=notice.begindatum
        )
