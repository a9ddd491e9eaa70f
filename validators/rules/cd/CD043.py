from validators.rules.checks import exactly_when, filled
from validators.rules.registry import Level, rule


@rule("CD043", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cd043(ctx, product):
    """BeschikkingIngangsdatum is filled exactly when BeschikkingNummer is."""
    yield from exactly_when(
        ctx,
        product,
        "BeschikkingIngangsdatum",
        filled(product, "BeschikkingNummer"),
        "BeschikkingNummer is filled",
        "BeschikkingNummer is empty",
    )
