from iwmo_ijw.xpath import find
from validators.rules.checks import exactly_when, value
from validators.rules.registry import Level, rule


@rule(
    "CD060",
    retourcode="0001",
    messages=("JW323", "JW325"),
    level=Level.MESSAGE,
    target="Prestatie",
    reads=("IngediendBedrag/DebetCredit", "ProductReferentie/VorigReferentieNummer"),
)
def cd060(ctx, prestatie):
    """A credit Prestatie names the Prestatie it corrects (VorigReferentieNummer); a debit one does not."""
    debet_credit = value(prestatie, "IngediendBedrag/DebetCredit")
    referentie = find(prestatie, "ProductReferentie")
    if referentie is not None:
        yield from exactly_when(
            ctx,
            referentie,
            "VorigReferentieNummer",
            debet_credit == "C",
            "IngediendBedrag is credit (C)",
            "IngediendBedrag is debit (D)",
        )
