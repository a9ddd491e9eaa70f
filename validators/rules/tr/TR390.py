from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, prestatie_of
from validators.sources.lifecycle import prestatie_stands


@rule(
    "TR390",
    retourcode="9390",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
    state=set,
)
def tr390(ctx, prestatie):
    """A debit Prestatie may be credited only once, in this message and across messages."""
    p = prestatie_of(ctx, prestatie)
    if p.debet_credit != "C" or not p.vorig_referentie:
        return
    node = find(prestatie, "ProductReferentie/VorigReferentieNummer")
    seen = ctx.state  # credited in this message so far, in every chunk
    # A credit the gemeente rejected did not credit anything: it may be sent again (IV087).
    earlier = any(
        old.debet_credit == "C" and old.afzender == p.afzender and prestatie_stands(ctx.history, old)
        for old in ctx.history.prestaties_by_vorig_referentie(p.vorig_referentie, aanbieder=p.afzender)
    )
    if earlier or p.vorig_referentie in seen:
        yield ctx.finding(node, vorig=p.vorig_referentie)
    seen.add(p.vorig_referentie)
