from iwmo_ijw.xpath import local
from validators.rules.cd._products import END
from validators.rules.checks import required, value
from validators.rules.registry import Level, rule


@rule(
    "CD076",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cd076(ctx, product):
    """A product with a weekly volume (Frequentie 2) has an end date."""
    if value(product, "Omvang/Frequentie") == "2":
        yield from required(ctx, product, END[local(product)], "Omvang/Frequentie is 2 (per week)")
