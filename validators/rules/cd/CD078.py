from validators.rules.checks import filled, forbidden
from validators.rules.registry import Level, rule


@rule(
    "CD078",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cd078(ctx, product):
    """A product with an Omvang has no Budget."""
    if filled(product, "Omvang"):
        yield from forbidden(ctx, product, "Budget", "Omvang is filled")
