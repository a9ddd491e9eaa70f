from iwmo_ijw.xpath import find, text
from validators.registry import Level, rule
from validators.rules.cross._common import header


@rule("TR355", retourcode="9355", messages=("JW319",), level=Level.CROSS, target="Antwoord", needs=("history",))
def tr355(ctx, antwoord):
    """An answer must repeat the ReferentieAanbieder of a request (JW315/JW317) the aanbieder sent."""
    _, aanbieder = header(ctx)
    node = find(antwoord, "ReferentieAanbieder")
    referentie = text(node)
    # Only a history holding this aanbieder's requests can prove one missing.
    if not referentie or not ctx.history.has_verzoeken_from(aanbieder):
        return
    if not any(v.afzender == aanbieder for v in ctx.history.verzoeken.get(referentie, ())):
        yield ctx.finding(node, referentie=referentie, aanbieder=aanbieder)
