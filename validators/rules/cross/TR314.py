from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, prestatie_of


@rule("TR314", retourcode="8021", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr314(ctx, prestatie):
    """A Prestatie's ReferentieNummer is used only once by an aanbieder, in this and earlier declarations."""
    p = prestatie_of(ctx, prestatie)
    if not p.referentie:
        return
    seen = ctx.cache.get("TR314:seen")
    if seen is None:
        seen = ctx.cache["TR314:seen"] = set()
    if p.referentie in seen:
        yield ctx.finding(_node(prestatie), key="in_message", referentie=p.referentie)
    seen.add(p.referentie)
    # The history of one standard is one legal domain; same aanbieder = same Afzender.
    if any(old.afzender == p.afzender for old in ctx.history.prestaties_by_referentie(p.referentie)):
        yield ctx.finding(_node(prestatie), key="earlier", referentie=p.referentie, aanbieder=p.afzender)


def _node(prestatie):
    # Looked up only for a finding: most lines have none.
    return find(prestatie, "ProductReferentie/ReferentieNummer")
