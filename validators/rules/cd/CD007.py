from iwmo_ijw.xpath import find
from validators.rules.checks import exactly_when, value
from validators.rules.registry import Level, rule


@rule("CD007", retourcode="0001", messages=("JW301",), level=Level.MESSAGE, target="Client")
def cd007(ctx, client):
    """Taal is filled exactly when Communicatie/Vorm is 1 (tolk taal)."""
    communicatie = find(client, "Communicatie")
    if communicatie is not None:
        vorm = value(communicatie, "Vorm")
        yield from exactly_when(
            ctx,
            communicatie,
            "Taal",
            vorm == "1",
            "Vorm is 1 (tolk taal)",
            f"Vorm is {vorm}, not 1 (tolk taal)",
            vorm=vorm,
        )
