from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.sources.lifecycle import prestatie_stands

VERWIJDERD = "13"


@rule(
    "TR385",
    retourcode="9385",
    messages=("JW301",),
    level=Level.CROSS,
    target="ToegewezenProduct",
    needs=("history",),
)
def tr385(ctx, product):
    """A toewijzing may not be withdrawn (RedenWijziging 13) while approved, uncredited Prestaties rest on
    it."""
    if text(product, "RedenWijziging") != VERWIJDERD:
        return
    gemeente, aanbieder = header(ctx)
    nummer = text(product, "ToewijzingNummer") or ""
    for p in ctx.history.prestaties_for_toewijzing(nummer, gemeente=gemeente, aanbieder=aanbieder):
        if p.afzender != aanbieder or p.debet_credit != "D":
            continue
        # Approved means answered without rejection; an unanswered line may still be refused.
        answered = ctx.history.antwoorden_op(p.declaratie_nummer or "", aanbieder=aanbieder)
        # A line rejected with its Client or its whole declaration (IV087) was never approved; a
        # rejected credit did not take an approved line back.
        credited = any(
            c.debet_credit == "C" and prestatie_stands(ctx.history, c)
            for c in ctx.history.prestaties_by_vorig_referentie(p.referentie or "", aanbieder=aanbieder)
        )
        if answered and prestatie_stands(ctx.history, p) and not credited:
            yield ctx.finding(find(product, "RedenWijziging"), nummer=nummer, referentie=p.referentie)
            return
