from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR355", retourcode="9355", messages=("JW319",), level=Level.CROSS, target="Antwoord", needs=("history",)
)
def tr355(ctx, antwoord):
    """An answer must repeat the ReferentieAanbieder of a request (JW315/JW317) the aanbieder sent."""
    _, aanbieder = header(ctx)
    node = find(antwoord, "ReferentieAanbieder")
    referentie = text(node)
    if not referentie or ctx.history.verzoeken_for(referentie, aanbieder=aanbieder):
        return
    # The request's date is unknown: only a history holding this aanbieder's requests proves one missing.
    if absence_proves(
        ctx,
        None,
        fallback=ctx.history.has_verzoeken_from(aanbieder),
        what=f"a request with ReferentieAanbieder {referentie!r}",
    ):
        yield ctx.finding(node, referentie=referentie, aanbieder=aanbieder)
