from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of

MINUUT, UUR = "01", "04"


@rule(
    "TR341",
    retourcode="9341",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr341(ctx, prestatie):
    """A Prestatie's Eenheid must be its toewijzing's Eenheid; minutes may be declared on an hours
    toewijzing."""
    p, t = line_of(ctx, prestatie)
    if t is None or not t.eenheid or not p.eenheid or p.eenheid == t.eenheid:
        return
    if not t.code:
        return  # an aspecifieke or generieke toewijzing: the eenheid follows the contract, not the toewijzing
    if (t.eenheid, p.eenheid) == (UUR, MINUUT):
        return
    yield ctx.finding(find(prestatie, "Eenheid"), eenheid=p.eenheid, expected=t.eenheid, nummer=t.nummer)
