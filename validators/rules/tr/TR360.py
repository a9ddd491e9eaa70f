from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._antwoord import IN_ONDERZOEK, earlier_answers


@rule(
    "TR360", retourcode="9360", messages=("JW319",), level=Level.CROSS, target="Antwoord", needs=("history",)
)
def tr360(ctx, antwoord):
    """'In onderzoek' (VerzoekAntwoord 2) may be the answer to a request only the first time it is
    answered."""
    if text(antwoord, "VerzoekAntwoord") != IN_ONDERZOEK:
        return
    referentie, answers = earlier_answers(ctx, antwoord)
    if answers:
        yield ctx.finding(find(antwoord, "VerzoekAntwoord"), antwoord=IN_ONDERZOEK, referentie=referentie)
