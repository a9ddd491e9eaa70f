from iwmo_ijw.xpath import local
from validators.rules.cd._products import END
from validators.rules.cs._frequentie import frequentie_check
from validators.rules.registry import Level, rule


@rule(
    "CS338",
    retourcode="0001",
    messages=("JW301", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cs338(ctx, product):
    """After 2020, an Omvang in etmalen, dagdelen, euro's or stuks is per week, per month or in total."""
    yield from frequentie_check(ctx, product, END[local(product)])
