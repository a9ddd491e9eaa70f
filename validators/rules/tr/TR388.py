from datetime import timedelta

from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of

ONE_DAY = timedelta(days=1)


@rule(
    "TR388",
    retourcode="9388",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr388(ctx, prestatie):
    """A ProductPeriode ends on the last day of its month, or on the toewijzing's earlier Einddatum in that
    month."""
    p, t = line_of(ctx, prestatie)
    if t is None or p.einddatum is None or (p.einddatum + ONE_DAY).day == 1:
        return
    # Any version's Einddatum is accepted: a toewijzing shortened later still covers what was delivered.
    ends = {v.einddatum for v in ctx.history.toewijzing_versions(t.nummer, gemeente=t.afzender)}
    if p.einddatum not in ends:
        yield ctx.finding(find(prestatie, "ProductPeriode/Einddatum"), end=p.einddatum, nummer=t.nummer)
