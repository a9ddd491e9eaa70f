from iwmo_ijw.xpath import find
from validators.rules.cd._verwijzer import REFERRING_PROFESSIONALS
from validators.rules.checks import filled, forbidden, value
from validators.rules.registry import Level, rule


@rule("CD066", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cd066(ctx, product):
    """A referrer of Type 02-05 with a ZorgverlenerCode has no Naam."""
    verwijzer = find(product, "Verwijzer")
    if value(verwijzer, "Type") in REFERRING_PROFESSIONALS and filled(verwijzer, "ZorgverlenerCode"):
        because = f"Type is {value(verwijzer, 'Type')} and ZorgverlenerCode is filled"
        yield from forbidden(ctx, verwijzer, "Naam", because, type=value(verwijzer, "Type"))
