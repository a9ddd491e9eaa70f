from validators.rules.checks import filled, forbidden
from validators.rules.registry import Level, rule


@rule(
    "CD077",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cd077(ctx, product):
    """A product with a Budget has no Omvang."""
    if filled(product, "Budget"):
        yield from forbidden(ctx, product, "Omvang", "Budget is filled")
