from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule


@rule("TR018", retourcode="0001", messages=("JW307",), level=Level.MESSAGE, target="StopProduct")
def tr018(ctx, product):
    """A stop's Einddatum is not before its Begindatum."""
    start, end = date_of(product, "Begindatum"), date_of(product, "Einddatum")
    if start and end and end < start:
        yield ctx.finding(find(product, "Einddatum"), end=end, start=start)
