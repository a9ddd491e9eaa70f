from iwmo_ijw.xpath import date_of
from validators.rules.checks import after_2020, forbidden
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced


@rule(
    "TR375",
    retourcode="9375",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
def tr375(ctx, product):
    """Changing a toewijzing without a Product (a budget) that runs after 2020 asks for no Omvang."""
    t = referenced(ctx, product)
    if t is not None and t.categorie is None and after_2020(date_of(product, "Einddatum")):
        yield from forbidden(
            ctx, product, "Omvang", f"toewijzing {t.nummer} has no Product and runs after 2020"
        )
