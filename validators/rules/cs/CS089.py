import re

from iwmo_ijw.xpath import find
from validators.checks import value
from validators.registry import Level, rule


DUTCH_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")


@rule("CS089", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cs089(ctx, contact):
    """A Dutch address (LandCode NL) has a Dutch postcode (1234AB)."""
    adres = find(contact, "Adres")
    postcode = value(adres, "Postcode")
    if value(adres, "LandCode") == "NL" and postcode and not DUTCH_POSTCODE.fullmatch(postcode):
        yield ctx.finding(find(adres, "Postcode"), postcode=postcode)
