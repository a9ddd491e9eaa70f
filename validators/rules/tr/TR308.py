from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, judged_by


@rule(
    "TR308",
    retourcode="9308",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr308(ctx, prestatie):
    """A Prestatie may not end after the Einddatum of its toewijzing, when it has one."""
    p, t = judged_by(ctx, prestatie)
    if t is None or t.einddatum is None or p.einddatum is None or p.einddatum <= t.einddatum:
        return
    yield ctx.finding(
        find(prestatie, "ProductPeriode/Einddatum"),
        end=p.einddatum,
        toewijzing_end=t.einddatum,
        nummer=t.nummer,
    )
