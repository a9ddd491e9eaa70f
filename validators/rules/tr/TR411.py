from validators.rules.checks import required
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced


@rule(
    "TR411",
    retourcode="9411",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
def tr411(ctx, product):
    """Changing a toewijzing of a specific product (with a productcode) states the Omvang."""
    t = referenced(ctx, product)
    if t is not None and t.code:
        yield from required(
            ctx, product, "Omvang", f"toewijzing {t.nummer} is for product {t.categorie}/{t.code}"
        )
