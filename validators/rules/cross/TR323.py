from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, prestatie_of


@rule("TR323", retourcode="8017", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr323(ctx, prestatie):
    """A credit Prestatie must point, via VorigReferentieNummer, at an earlier debit that was not rejected."""
    p = prestatie_of(ctx, prestatie)
    if p.debet_credit != "C":
        return
    node = find(prestatie, "ProductReferentie/VorigReferentieNummer")
    if not p.vorig_referentie:
        yield ctx.finding(find(prestatie, "ProductReferentie"),
                          key="missing", referentie=p.referentie)
        return
    debets = [old for old in ctx.history.prestaties_by_referentie(p.vorig_referentie)
              if old.afzender == p.afzender and old.debet_credit == "D"]
    if not debets:
        yield ctx.finding(node, key="unknown", vorig=p.vorig_referentie, aanbieder=p.afzender)
        return
    # Only an explicit rejection in a known JW325 counts: an unanswered debit may still be approved.
    for debet in debets:
        if debet.declaratie_nummer and any(p.vorig_referentie in a.afgewezen
                                           for a in ctx.history.antwoorden.get(debet.declaratie_nummer, ())):
            yield ctx.finding(node, key="rejected", vorig=p.vorig_referentie, nummer=debet.declaratie_nummer)
            return
