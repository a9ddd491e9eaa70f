from validators.rules.checks import filled, forbidden, open_after_2020
from validators.rules.registry import Level, rule


@rule("CD096", retourcode="0001", messages=("JW317",), level=Level.MESSAGE, target="NieuwProduct")
def cd096(ctx, product):
    """A new product on categorie level (no productcode) running after 2020 has no Omvang."""
    if not filled(product, "Product/Code") and open_after_2020(product, "Einddatum"):
        yield from forbidden(
            ctx, product, "Omvang", "Product/Code is empty and Einddatum is after 2020 or empty"
        )
