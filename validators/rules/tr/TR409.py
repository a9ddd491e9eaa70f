from iwmo_ijw.xpath import find
from validators.rules.checks import filled, value
from validators.rules.registry import Level, rule


@rule(
    "TR409",
    retourcode="0001",
    messages=("JW319",),
    level=Level.MESSAGE,
    target="Antwoord",
    standards=("iJw",),
)
def tr409(ctx, antwoord):
    """Only a refusal because of the woonplaatsbeginsel (reden 8) has a Woonplaatsbeginsel."""
    reden = value(antwoord, "RedenAfwijzingVerzoek")
    if reden != "8" and filled(antwoord, "Woonplaatsbeginsel"):
        yield ctx.finding(find(antwoord, "Woonplaatsbeginsel"), reden=reden)
