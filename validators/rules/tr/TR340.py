from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of


@rule(
    "TR340",
    retourcode="9340",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr340(ctx, prestatie):
    """A Prestatie's ProductCode must be the one in its toewijzing, when the toewijzing names one."""
    p, t = line_of(ctx, prestatie)
    if t is None or not t.code or p.code == t.code:
        return
    yield ctx.finding(find(prestatie, "ProductCode"), productcode=p.code, expected=t.code, nummer=t.nummer)
