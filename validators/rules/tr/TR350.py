from validators.rules.registry import Level, rule
from validators.rules.tr._current_product import not_current


@rule(
    "TR350",
    retourcode="9350",
    messages=("JW317",),
    level=Level.CROSS,
    target="OngewijzigdProduct",
    needs=("history",),
)
def tr350(ctx, product):
    """An OngewijzigdProduct refers to a current toewijzing of the client."""
    yield from not_current(ctx, product)
