from iwmo_ijw.xpath import find, findall, text
from validators.registry import Level, rule
from validators.rules.cross._common import header

VERWIJDERD = "13"


@rule("TR385", retourcode="9385", messages=("JW301",), level=Level.CROSS, target="ToegewezenProduct",
      needs=("history",))
def tr385(ctx, product):
    """A toewijzing may not be withdrawn (RedenWijziging 13) while approved, uncredited Prestaties rest on it."""
    if text(product, "RedenWijziging") != VERWIJDERD:
        return
    _, aanbieder = header(ctx)
    nummer = text(product, "ToewijzingNummer") or ""
    for p in ctx.history.prestaties_for_toewijzing(nummer):
        if p.afzender != aanbieder or p.debet_credit != "D":
            continue
        # Approved means answered without rejection; an unanswered line may still be refused.
        answered = ctx.history.antwoorden.get(p.declaratie_nummer or "")
        credited = any(c.debet_credit == "C" for c in ctx.history.prestaties_by_vorig_referentie(p.referentie or ""))
        if answered and not ctx.history.is_afgewezen(p) and not credited:
            yield ctx.finding(find(product, "RedenWijziging"),
                              nummer=nummer, referentie=p.referentie)
            return
