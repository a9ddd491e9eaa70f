from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, header, last_lines, standing_prestaties


@rule("TR369", retourcode="9369", messages=("JW323",), level=Level.CROSS, target="Bericht",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr369(ctx, bericht):
    """All that is declared on a toewijzing with a Budget (debits minus credits) must fit within that Budget."""
    aanbieder, gemeente = header(ctx)
    for nummer, node in last_lines(ctx).items():
        t = ctx.history.toewijzing(nummer)
        if t is None or t.afzender != gemeente or t.ontvanger != aanbieder or t.budget is None:
            continue
        # Budget and IngediendBedrag are both in eurocents; the declared amount is what draws on a
        # budget whatever the Eenheid of the volume, so amounts are summed rather than volumes.
        total = sum((p.bedrag or 0) * (-1 if p.debet_credit == "C" else 1)
                    for p in standing_prestaties(ctx, nummer, aanbieder))
        if total > t.budget:
            yield ctx.finding(node, nummer=nummer, total=total, budget=t.budget)
