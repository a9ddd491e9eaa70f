from validators.rules.checks import forbidden, value
from validators.rules.registry import Level, rule


@rule("CD086", retourcode="0001", messages=("JW319",), level=Level.MESSAGE, target="Antwoord")
def cd086(ctx, antwoord):
    """A request under investigation (VerzoekAntwoord 2) has no RedenAfwijzingVerzoek."""
    if value(antwoord, "VerzoekAntwoord") == "2":
        yield from forbidden(
            ctx, antwoord, "RedenAfwijzingVerzoek", "VerzoekAntwoord is 2 (aanvraag in onderzoek)"
        )
