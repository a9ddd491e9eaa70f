from iwmo_ijw.xpath import findall
from validators.rules.checks import same_product_overlaps
from validators.rules.registry import Level, rule


@rule("TR386", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="Client")
def tr386(ctx, client):
    """A product is requested more than once in a message only for periods that do not overlap."""
    products = findall(client, "AangevraagdeProducten/AangevraagdProduct")
    yield from same_product_overlaps(
        ctx, products, "ToewijzingIngangsdatum", "ToewijzingEinddatum", "AangevraagdProduct"
    )
