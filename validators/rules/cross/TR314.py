from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, prestatie_of


@rule("TR314", retourcode="8021", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS, state=set)
def tr314(ctx, prestatie):
    """A Prestatie's ReferentieNummer is used only once by an aanbieder, in this and earlier declarations."""
    p = prestatie_of(ctx, prestatie)
    if not p.referentie:
        return
    seen = ctx.state  # the ReferentieNummers of this message so far, in every chunk
    if p.referentie in seen:
        yield ctx.finding(_node(prestatie), f"ReferentieNummer {p.referentie!r} occurs more than once in this message")
    seen.add(p.referentie)
    # The history of one standard is one legal domain; same aanbieder = same Afzender.
    if any(old.afzender == p.afzender for old in ctx.history.prestaties_by_referentie(p.referentie)):
        yield ctx.finding(_node(prestatie), f"ReferentieNummer {p.referentie!r} was already used in an earlier "
                                            f"declaration of aanbieder {p.afzender}")


def _node(prestatie):
    # Looked up only for a finding: most lines have none.
    return find(prestatie, "ProductReferentie/ReferentieNummer")
