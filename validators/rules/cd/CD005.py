from iwmo_ijw.xpath import find
from validators.rules.checks import exactly_when, filled
from validators.rules.registry import Level, rule


@rule("CD005", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cd005(ctx, contact):
    """LandCode is filled exactly when the address has a Postcode."""
    adres = find(contact, "Adres")
    if adres is not None:
        yield from exactly_when(
            ctx, adres, "LandCode", filled(adres, "Postcode"), "Postcode is filled", "Postcode is empty"
        )
