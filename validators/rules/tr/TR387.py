from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of


@rule(
    "TR387",
    retourcode="9387",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr387(ctx, prestatie):
    """A ProductPeriode begins on the first of its month, or on the toewijzing's later Ingangsdatum in that
    month."""
    p, t = line_of(ctx, prestatie)
    if t is None or p.begindatum is None or p.begindatum.day == 1:
        return
    # Any version's Ingangsdatum is accepted: a declaration may follow a version changed later.
    starts = {v.ingangsdatum for v in ctx.history.toewijzing_versions(t.nummer, gemeente=t.afzender)}
    if p.begindatum not in starts:
        yield ctx.finding(find(prestatie, "ProductPeriode/Begindatum"), begin=p.begindatum, nummer=t.nummer)
