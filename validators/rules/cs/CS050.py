from iwmo_ijw.xpath import find
from validators.rules.checks import filled, value
from validators.rules.registry import Level, rule


@rule("CS050", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Naam")
def cs050(ctx, naam):
    """With a Partnernaam, NaamGebruik is 1-4; without one it is 1 or 6."""
    if find(naam, "NaamGebruik") is None:
        return  # a Naam class of another message shape; the XSD governs it
    gebruik = value(naam, "NaamGebruik")
    partner = filled(naam, "Partnernaam")
    allowed = ("1", "2", "3", "4") if partner else ("1", "6")
    if gebruik not in allowed:
        yield ctx.finding(
            find(naam, "NaamGebruik"),
            key="partner" if partner else "no_partner",
            gebruik=gebruik,
            allowed=allowed,
        )
