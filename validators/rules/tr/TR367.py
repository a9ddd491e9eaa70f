from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, header, prestatie_of

# Fields the answer repeats from the declared Prestatie: (record field, element of the answer)
FIELDS = (
    ("vorig_referentie", "ProductReferentie/VorigReferentieNummer"),
    ("toewijzing_nummer", "ToewijzingNummer"),
    ("categorie", "ProductCategorie"),
    ("code", "ProductCode"),
    ("begindatum", "ProductPeriode/Begindatum"),
    ("einddatum", "ProductPeriode/Einddatum"),
    ("volume", "GeleverdVolume"),
    ("eenheid", "Eenheid"),
    ("tarief", "ProductTarief"),
    ("bedrag", "IngediendBedrag/Bedrag"),
    ("debet_credit", "IngediendBedrag/DebetCredit"),
)


@rule(
    "TR367",
    retourcode="9367",
    messages=("JW325",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr367(ctx, prestatie):
    """An answered Prestatie must repeat the values of the declared Prestatie unchanged."""
    _, aanbieder = header(ctx)
    answered = prestatie_of(ctx, prestatie)
    nummer = text(ctx.root, "DeclaratieAntwoord/DeclaratieNummer")
    earlier = ctx.history.prestaties_by_referentie(answered.referentie or "", aanbieder=aanbieder)
    declared = [p for p in earlier if p.afzender == aanbieder and p.declaratie_nummer == nummer]
    if not declared:
        return  # TR366 reports an answered line that was never declared
    for field, path in FIELDS:
        if getattr(answered, field) != getattr(declared[-1], field):
            node = find(prestatie, path)
            yield ctx.finding(
                prestatie if node is None else node,
                element=path,
                answered=getattr(answered, field),
                declared=getattr(declared[-1], field),
                referentie=answered.referentie,
            )
