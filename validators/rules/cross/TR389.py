from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, credited_in_message, prestatie_of


@rule("TR389", retourcode="9389", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr389(ctx, prestatie):
    """A second debit for the same ProductPeriode, product and toewijzing needs the first one credited."""
    p = prestatie_of(ctx, prestatie)
    if p.debet_credit != "D" or not p.toewijzing_nummer:
        return
    credited = credited_in_message(ctx)
    for old in ctx.history.prestaties_for_toewijzing(p.toewijzing_nummer):
        if (old.afzender != p.afzender or old.debet_credit != "D" or old.referentie == p.referentie
                or (old.begindatum, old.einddatum, old.categorie, old.code)
                != (p.begindatum, p.einddatum, p.categorie, p.code)):
            continue
        # A rejected debit never stood, so declaring it again is the normal correction.
        if ctx.history.is_afgewezen(old) or old.referentie in credited or any(
                c.debet_credit == "C" and c.afzender == p.afzender
                for c in ctx.history.prestaties_by_vorig_referentie(old.referentie or "")):
            continue
        yield ctx.finding(find(prestatie, "IngediendBedrag/DebetCredit"),
                          referentie=p.referentie, begin=p.begindatum, end=p.einddatum,
                          nummer=p.toewijzing_nummer,
                          old=old.referentie)
        return
