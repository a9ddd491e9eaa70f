from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._stops import NEW_DELIVERY, TIJDELIJK, standing_stops


@rule(
    "TR415",
    retourcode="9415",
    messages=("JW307",),
    level=Level.CROSS,
    target="StopProduct",
    needs=("history",),
)
def tr415(ctx, product):
    """A start that is stopped for good (a reden other than 20) gets no new stop; change or delete that
    one."""
    notice, earlier = standing_stops(ctx, product)
    final = [s for s in earlier if s.reden_beeindiging != TIJDELIJK]
    if notice.status in NEW_DELIVERY and final:
        yield ctx.finding(
            find(product, "StatusAanlevering"),
            nummer=notice.toewijzing_nummer,
            begin=notice.begindatum,
            reden=final[0].reden_beeindiging,
            end=final[0].einddatum,
        )
