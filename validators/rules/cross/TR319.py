from iwmo_ijw.xpath import date_of, find
from validators.registry import Level, rule
from validators.rules.cross._common import prestatie_of


@rule("TR319", retourcode="9319", messages=("JW323",), level=Level.CROSS, target="Prestatie", needs=("history",))
def tr319(ctx, prestatie):
    """A declaration may hold Prestaties of its own DeclaratiePeriode or earlier ones, never of a later period."""
    p = prestatie_of(ctx, prestatie)
    einde = date_of(ctx.root, "Declaratie/DeclaratiePeriode/Einddatum")
    if einde is not None and p.einddatum is not None and p.einddatum > einde:
        yield ctx.finding(find(prestatie, "ProductPeriode/Einddatum"),
                          f"ProductPeriode Einddatum {p.einddatum} lies after DeclaratiePeriode Einddatum {einde}")
