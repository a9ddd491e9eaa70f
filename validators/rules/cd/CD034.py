from iwmo_ijw.xpath import find
from validators.rules.checks import required, value
from validators.rules.registry import Level, rule


@rule("CD034", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cd034(ctx, contact):
    """A BRP address (Soort 01) or verblijfadres (03) has a Postcode."""
    soort = value(contact, "Soort")
    if soort in ("01", "03"):
        adres = find(contact, "Adres")
        if adres is None:
            yield ctx.finding(contact, key="no_adres", soort=soort)
        else:
            yield from required(ctx, adres, "Postcode", f"Soort is {soort}", soort=soort)
