from iwmo_ijw.xpath import find
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule("CS336", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="ToegewezenProduct")
def cs336(ctx, product):
    """RedenWijziging 01 (administratieve correctie, vervallen) is no longer used."""
    if value(product, "RedenWijziging") == "01":
        yield ctx.finding(find(product, "RedenWijziging"))
