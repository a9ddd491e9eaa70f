from iwmo_ijw.xpath import findall
from validators.rules.checks import same_product_overlaps
from validators.rules.registry import Level, rule


@rule("TR410", retourcode="0001", messages=("JW317",), level=Level.MESSAGE, target="Verzoek")
def tr410(ctx, verzoek):
    """A product is asked for more than once as NieuwProduct only for periods that do not overlap."""
    products = findall(verzoek, "NieuweProducten/NieuwProduct")
    yield from same_product_overlaps(ctx, products, "GewensteIngangsdatum", "Einddatum", "NieuwProduct")
