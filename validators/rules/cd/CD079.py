from validators.rules.checks import filled, required
from validators.rules.registry import Level, rule


@rule(
    "CD079",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"),
)
def cd079(ctx, product):
    """A product without a Budget names its Product."""
    if not filled(product, "Budget"):
        yield from required(ctx, product, "Product", "Budget is empty")
