from iwmo_ijw.xpath import date_of, findall
from validators.rules.checks import same_product_overlaps, value
from validators.rules.registry import Level, rule


@rule("TR302", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Client")
def tr302(ctx, client):
    """A product is assigned more than once in a message only for periods that do not overlap."""
    products = findall(client, "ToegewezenProducten/ToegewezenProduct")
    yield from same_product_overlaps(
        ctx, products, "Ingangsdatum", "Einddatum", "ToegewezenProduct", skip=_deleted
    )


def _deleted(product):
    # A deleted toewijzing (13, or the old 01, with Einddatum equal to Ingangsdatum) is not current.
    return value(product, "RedenWijziging") in ("13", "01") and date_of(product, "Einddatum") == date_of(
        product, "Ingangsdatum"
    )
