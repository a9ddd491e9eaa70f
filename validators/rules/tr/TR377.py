from validators.rules.checks import filled, value
from validators.rules.registry import Level, rule


@rule(
    "TR377",
    retourcode="0001",
    messages=("JW319",),
    level=Level.MESSAGE,
    target="Antwoord",
    standards=("iJw",),
)
def tr377(ctx, antwoord):
    """A refusal because of the woonplaatsbeginsel (reden 8) names the gemeente (Woonplaatsbeginsel)."""
    if value(antwoord, "RedenAfwijzingVerzoek") == "8" and not filled(antwoord, "Woonplaatsbeginsel"):
        yield ctx.finding(antwoord)
