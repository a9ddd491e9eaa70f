from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._antwoord import IN_ONDERZOEK, earlier_answers


@rule(
    "TR365", retourcode="9365", messages=("JW319",), level=Level.CROSS, target="Antwoord", needs=("history",)
)
def tr365(ctx, antwoord):
    """A request may be answered again only when every earlier answer said 'in onderzoek' (VerzoekAntwoord
    2)."""
    referentie, answers = earlier_answers(ctx, antwoord)
    final = [a for a in answers if a.antwoord != IN_ONDERZOEK]
    if final:
        yield ctx.finding(
            find(antwoord, "ReferentieAanbieder"), referentie=referentie, antwoord=final[0].antwoord
        )
