from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of


@rule(
    "TR339",
    retourcode="9339",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr339(ctx, prestatie):
    """A Prestatie's ProductCategorie must be the one in its toewijzing, when the toewijzing names one."""
    p, t = line_of(ctx, prestatie)
    if t is None or not t.categorie or p.categorie == t.categorie:
        return
    yield ctx.finding(
        find(prestatie, "ProductCategorie"), categorie=p.categorie, expected=t.categorie, nummer=t.nummer
    )
