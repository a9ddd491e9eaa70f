from validators.rules.checks import forbidden, value
from validators.rules.registry import Level, rule


@rule("CD009", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Contact")
def cd009(ctx, contact):
    """A Contact has a Periode only when its Soort is 04 (tijdelijk adres)."""
    soort = value(contact, "Soort")
    if soort != "04":
        yield from forbidden(
            ctx, contact, "Periode", f"Soort is {soort}, not 04 (tijdelijk adres)", soort=soort
        )
