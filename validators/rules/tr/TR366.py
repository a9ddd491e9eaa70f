from iwmo_ijw.xpath import find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header


@rule(
    "TR366", retourcode="9366", messages=("JW325",), level=Level.CROSS, target="Prestatie", needs=("history",)
)
def tr366(ctx, prestatie):
    """Every answered Prestatie must be a Prestatie of the declaration being answered."""
    _, aanbieder = header(ctx)
    nummer = text(ctx.root, "DeclaratieAntwoord/DeclaratieNummer")
    declaratie = ctx.history.declaratie(nummer, aanbieder=aanbieder) if nummer else None
    if declaratie is None or declaratie.afzender != aanbieder:
        return  # TR376 reports an unknown declaration; nothing to compare against here
    node = find(prestatie, "ProductReferentie/ReferentieNummer")
    referentie = text(node)
    if referentie not in declaratie.referenties:
        yield ctx.finding(node, referentie=referentie, nummer=nummer)
