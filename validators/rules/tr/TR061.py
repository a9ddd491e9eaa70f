from iwmo_ijw.xpath import find, findall
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule("TR061", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Client")
def tr061(ctx, client):
    """A client has at least one address of Soort 01 (BRP), 02 (correspondentie) or 03 (verblijf)."""
    # The standard says "Adres" for what the 3.2 schema calls Contact; a Contact of the right Soort
    # counts even if it only carries a Telefoon, because demanding more would reject messages that
    # the XSD and TR006 already accept (the cheaper error for a provider is a missed warning).
    soorten = [value(c, "Soort") for c in findall(client, "Contactgegevens/Contact")]
    if not any(s in ("01", "02", "03") for s in soorten):
        yield ctx.finding(
            find(client, "Contactgegevens") if find(client, "Contactgegevens") is not None else client,
            found=tuple(s or "-" for s in soorten),
        )
