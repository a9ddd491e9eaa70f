from validators.rules.checks import exactly_when, value
from validators.rules.registry import Level, rule


@rule(
    "CD087",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Prestatie",
    reads=("Eenheid", "ProductTarief"),
)
def cd087(ctx, prestatie):
    """ProductTarief is filled exactly when the Eenheid is not 83 (euro's)."""
    eenheid = value(prestatie, "Eenheid")
    yield from exactly_when(
        ctx,
        prestatie,
        "ProductTarief",
        eenheid != "83",
        f"Eenheid is {eenheid}",
        "Eenheid is 83 (euro's)",
        eenheid=eenheid,
    )
