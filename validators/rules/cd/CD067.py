from iwmo_ijw.xpath import find
from validators.rules.cd._verwijzer import REFERRING_PROFESSIONALS
from validators.rules.checks import filled, required, value
from validators.rules.registry import Level, rule


@rule("CD067", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cd067(ctx, product):
    """A referrer of Type 02-05 without a ZorgverlenerCode has a Naam."""
    verwijzer = find(product, "Verwijzer")
    if value(verwijzer, "Type") in REFERRING_PROFESSIONALS and not filled(verwijzer, "ZorgverlenerCode"):
        because = f"Type is {value(verwijzer, 'Type')} and ZorgverlenerCode is empty"
        yield from required(ctx, verwijzer, "Naam", because, type=value(verwijzer, "Type"))
