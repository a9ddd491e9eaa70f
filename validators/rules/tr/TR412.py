from iwmo_ijw.xpath import date_of
from validators.rules.checks import after_2020, forbidden
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced


@rule(
    "TR412",
    retourcode="9412",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
def tr412(ctx, product):
    """Changing a toewijzing on categorie level (no productcode) that runs after 2020 asks for no Omvang."""
    t = referenced(ctx, product)
    if t is not None and t.categorie and not t.code and after_2020(date_of(product, "Einddatum")):
        yield from forbidden(
            ctx,
            product,
            "Omvang",
            f"toewijzing {t.nummer} has no productcode (categorie {t.categorie}) and runs after 2020",
        )
