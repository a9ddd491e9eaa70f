from validators.rules.registry import Level, rule
from validators.rules.tr._current_product import not_current


@rule(
    "TR351",
    retourcode="9351",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
def tr351(ctx, product):
    """A TeWijzigenProduct refers to a current toewijzing of the client."""
    yield from not_current(ctx, product)
