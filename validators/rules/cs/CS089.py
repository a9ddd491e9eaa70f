import re

from iwmo_ijw.xpath import find
from validators.rules.checks import value
from validators.rules.registry import Level, rule

# The catalogue's pattern takes the letters in either case.
DUTCH_POSTCODE = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")


@rule("CS089", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cs089(ctx, contact):
    """A Dutch address (LandCode NL) has a Dutch postcode (1234AB)."""
    adres = find(contact, "Adres")
    postcode = value(adres, "Postcode")
    if value(adres, "LandCode") == "NL" and postcode and not DUTCH_POSTCODE.fullmatch(postcode):
        yield ctx.finding(find(adres, "Postcode"), postcode=postcode)
