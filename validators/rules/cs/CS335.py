from iwmo_ijw.xpath import date_of, find
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule("CS335", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="ToegewezenProduct")
def cs335(ctx, product):
    """RedenWijziging 13 (verwijderd) only on a toewijzing that ends on its Ingangsdatum."""
    if value(product, "RedenWijziging") == "13":
        start, end = date_of(product, "Ingangsdatum"), date_of(product, "Einddatum")
        if start != end:
            yield ctx.finding(find(product, "RedenWijziging"), start=start, end=end)
