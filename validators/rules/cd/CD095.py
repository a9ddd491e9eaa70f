from validators.rules.checks import filled, forbidden, open_after_2020
from validators.rules.registry import Level, rule


@rule("CD095", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cd095(ctx, product):
    """A request on categorie level (no productcode) running after 2020 has no Omvang."""
    if not filled(product, "Product/Code") and open_after_2020(product, "ToewijzingEinddatum"):
        yield from forbidden(
            ctx, product, "Omvang", "Product/Code is empty and ToewijzingEinddatum is after 2020 or empty"
        )
