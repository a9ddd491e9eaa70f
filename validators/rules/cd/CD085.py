from validators.rules.checks import required, value
from validators.rules.registry import Level, rule


@rule("CD085", retourcode="0001", messages=("JW319",), level=Level.MESSAGE, target="Antwoord")
def cd085(ctx, antwoord):
    """A rejected request (VerzoekAntwoord 1) says why (RedenAfwijzingVerzoek)."""
    if value(antwoord, "VerzoekAntwoord") == "1":
        yield from required(
            ctx, antwoord, "RedenAfwijzingVerzoek", "VerzoekAntwoord is 1 (verzoek afgewezen)"
        )
