from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, prestatie_of


@rule("TR314", retourcode="8021", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      columns=PRESTATIE_COLUMNS, state=set)  # the repeat within one message needs no history
def tr314(ctx, prestatie):
    """A Prestatie's ReferentieNummer is used only once by an aanbieder, in this and earlier declarations."""
    p = prestatie_of(ctx, prestatie)
    if not p.referentie:
        return
    seen = ctx.state  # the ReferentieNummers of this message so far, in every chunk
    if p.referentie in seen:
        yield ctx.finding(_node(prestatie), key="in_message", referentie=p.referentie)
    seen.add(p.referentie)
    # The history of one standard is one legal domain; same aanbieder = same Afzender.
    if ctx.history is not None and ctx.history.prestaties_by_referentie(p.referentie, aanbieder=p.afzender):
        yield ctx.finding(_node(prestatie), key="earlier", referentie=p.referentie, aanbieder=p.afzender)


def _node(prestatie):
    # Looked up only for a finding: most lines have none.
    return find(prestatie, "ProductReferentie/ReferentieNummer")
