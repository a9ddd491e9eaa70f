from iwmo_ijw.xpath import find
from validators.rules.cd._verwijzer import REFERRING_PROFESSIONALS
from validators.rules.checks import forbidden, value
from validators.rules.registry import Level, rule


@rule("CD068", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cd068(ctx, product):
    """Only a referrer of Type 02-05 has a ZorgverlenerCode."""
    verwijzer = find(product, "Verwijzer")
    soort = value(verwijzer, "Type")
    if verwijzer is not None and soort not in REFERRING_PROFESSIONALS:
        yield from forbidden(
            ctx, verwijzer, "ZorgverlenerCode", f"Type is {soort}, not 02, 03, 04 or 05", type=soort
        )
