from iwmo_ijw.xpath import local
from validators.rules.cd._products import END
from validators.rules.checks import filled, required
from validators.rules.registry import Level, rule


@rule(
    "CD075",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cd075(ctx, product):
    """A product with a Budget has an end date."""
    if filled(product, "Budget"):
        yield from required(ctx, product, END[local(product)], "Budget is filled")
