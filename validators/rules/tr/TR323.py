from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, prestatie_of
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR323",
    retourcode="8017",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr323(ctx, prestatie):
    """A credit Prestatie must point, via VorigReferentieNummer, at an earlier debit that was not rejected."""
    p = prestatie_of(ctx, prestatie)
    if p.debet_credit != "C":
        return
    node = find(prestatie, "ProductReferentie/VorigReferentieNummer")
    if not p.vorig_referentie:
        yield ctx.finding(find(prestatie, "ProductReferentie"), key="missing", referentie=p.referentie)
        return
    debets = [
        old
        for old in ctx.history.prestaties_by_referentie(p.vorig_referentie, aanbieder=p.afzender)
        if old.debet_credit == "D"
    ]
    # A debit is declared after its period began; a history of toewijzingen only (no declarations
    # of this aanbieder) proves nothing about it.
    if not debets and absence_proves(
        ctx,
        p.begindatum,
        fallback=ctx.history.has_declaraties_from(p.afzender),
        what=f"the debit {p.vorig_referentie!r}",
    ):
        yield ctx.finding(node, key="unknown", vorig=p.vorig_referentie, aanbieder=p.afzender)
    if not debets:
        return
    # Only an explicit rejection in a known JW325 counts: an unanswered debit may still be approved.
    for debet in debets:
        answers = ctx.history.antwoorden_op(debet.declaratie_nummer or "", aanbieder=p.afzender)
        if debet.declaratie_nummer and any(p.vorig_referentie in a.afgewezen for a in answers):
            yield ctx.finding(node, key="rejected", vorig=p.vorig_referentie, nummer=debet.declaratie_nummer)
            return
