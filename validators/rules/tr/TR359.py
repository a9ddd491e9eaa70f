from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header


@rule(
    "TR359", retourcode="9359", messages=("JW319",), level=Level.CROSS, target="Antwoord", needs=("history",)
)
def tr359(ctx, antwoord):
    """No answer may follow once the request was honoured with a toewijzing carrying its
    ReferentieAanbieder."""
    gemeente, aanbieder = header(ctx)
    node = find(antwoord, "ReferentieAanbieder")
    referentie = text(node)
    if not referentie:
        return
    for t in ctx.history.toewijzingen_by_referentie_aanbieder(referentie, aanbieder=aanbieder):
        if t.afzender == gemeente and t.ontvanger == aanbieder:
            yield ctx.finding(node, referentie=referentie, nummer=t.nummer)
            return
