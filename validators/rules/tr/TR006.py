from iwmo_ijw.xpath import find
from validators.rules.checks import filled
from validators.rules.registry import Level, rule


@rule("TR006", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def tr006(ctx, contact):
    """A Contact has a Telefoon, or an address with Huis and Postcode, or both."""
    if filled(contact, "Telefoon"):
        return
    adres = find(contact, "Adres")
    if not (filled(adres, "Huis") and filled(adres, "Postcode")):
        yield ctx.finding(contact)
