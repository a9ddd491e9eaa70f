from datetime import date

from iwmo_ijw.xpath import date_of, find, local
from validators.rules.registry import Level, rule

FIRST_DAY = date(2021, 1, 1)


@rule(
    "CS100",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target=("DeclaratiePeriode", "Prestatie"),
    reads=("ProductPeriode/Begindatum", "ProductPeriode/Einddatum", "Begindatum", "Einddatum"),
)
def cs100(ctx, node):
    """Declared periods start on or after 1 January 2021."""
    periode = find(node, "ProductPeriode") if local(node) == "Prestatie" else node
    for name in ("Begindatum", "Einddatum"):
        day = date_of(periode, name)
        if day is not None and day < FIRST_DAY:
            yield ctx.finding(
                find(periode, name), parent=local(periode), element=name, day=day, first=FIRST_DAY
            )
