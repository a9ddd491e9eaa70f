from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of


@rule(
    "TR307",
    retourcode="9307",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr307(ctx, prestatie):
    """A Prestatie may not start before the Ingangsdatum of its toewijzing."""
    p, t = line_of(ctx, prestatie)
    if t is None or t.ingangsdatum is None or p.begindatum is None or p.begindatum >= t.ingangsdatum:
        return
    yield ctx.finding(
        find(prestatie, "ProductPeriode/Begindatum"),
        begin=p.begindatum,
        ingang=t.ingangsdatum,
        nummer=t.nummer,
    )
