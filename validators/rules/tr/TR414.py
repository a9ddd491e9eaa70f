from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._stops import standing_stops


@rule(
    "TR414",
    retourcode="9414",
    messages=("JW307",),
    level=Level.CROSS,
    target="StopProduct",
    needs=("history",),
)
def tr414(ctx, product):
    """A later stop of the same start does not end before the stop that stands."""
    notice, earlier = standing_stops(ctx, product)
    ends = [s.einddatum for s in earlier if s.einddatum is not None]
    if notice.einddatum is not None and ends and notice.einddatum < max(ends):
        yield ctx.finding(
            find(product, "Einddatum"),
            end=notice.einddatum,
            standing_end=max(ends),
            nummer=notice.toewijzing_nummer,
            begin=notice.begindatum,
        )
