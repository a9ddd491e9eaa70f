from iwmo_ijw.xpath import find
from validators.rules.checks import required, value
from validators.rules.registry import Level, rule


@rule("CD025", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cd025(ctx, contact):
    """An address in the Netherlands (LandCode NL) has its Huis part."""
    adres = find(contact, "Adres")
    if adres is not None and value(adres, "LandCode") == "NL":
        yield from required(ctx, adres, "Huis", "LandCode is NL")
