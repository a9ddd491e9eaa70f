from iwmo_ijw.xpath import find
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule("CS318", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Client")
def cs318(ctx, client):
    """A client is a natural person: NaamGebruik is never 6."""
    naam = find(client, "Naam")
    if value(naam, "NaamGebruik") == "6":
        yield ctx.finding(find(naam, "NaamGebruik"))
