from validators.rules.checks import filled, required, value
from validators.rules.registry import Level, rule


@rule(
    "CD041",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"),
)
def cd041(ctx, product):
    """A product with a productcode has an Omvang."""
    if filled(product, "Product/Code"):
        code = value(product, "Product/Code")
        yield from required(ctx, product, "Omvang", f"Product/Code {code} is filled", productcode=code)
