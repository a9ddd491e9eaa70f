from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import prestatie_of


@rule("TR314", retourcode="8021", messages=("JW323",), level=Level.CROSS, target="Prestatie", needs=("history",))
def tr314(ctx, prestatie):
    """A Prestatie's ReferentieNummer is used only once by an aanbieder, in this and earlier declarations."""
    p = prestatie_of(ctx, prestatie)
    if not p.referentie:
        return
    node = find(prestatie, "ProductReferentie/ReferentieNummer")
    seen = ctx.cache.setdefault("TR314:seen", set())
    if p.referentie in seen:
        yield ctx.finding(node, f"ReferentieNummer {p.referentie!r} occurs more than once in this message")
    seen.add(p.referentie)
    # The history of one standard is one legal domain; same aanbieder = same Afzender.
    if any(old.afzender == p.afzender for old in ctx.history.prestaties_by_referentie(p.referentie)):
        yield ctx.finding(node, f"ReferentieNummer {p.referentie!r} was already used in an earlier declaration "
                                f"of aanbieder {p.afzender}")
