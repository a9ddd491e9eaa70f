from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, prestatie_of


@rule(
    "TR319",
    retourcode="9319",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr319(ctx, prestatie):
    """A declaration may hold Prestaties of its own DeclaratiePeriode or earlier ones, never of a later
    period."""
    p = prestatie_of(ctx, prestatie)
    einde = _einde(ctx)
    if einde is not None and p.einddatum is not None and p.einddatum > einde:
        yield ctx.finding(find(prestatie, "ProductPeriode/Einddatum"), end=p.einddatum, einde=einde)


def _einde(ctx):
    """The DeclaratiePeriode's Einddatum, read once per message rather than once per line."""
    if "TR319:einde" not in ctx.cache:
        ctx.cache["TR319:einde"] = date_of(ctx.root, "Declaratie/DeclaratiePeriode/Einddatum")
    return ctx.cache["TR319:einde"]
