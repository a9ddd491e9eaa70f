from iwmo_ijw.xpath import find, text
from validators.registry import ONCE, Level, rule
from validators.rules.cross._common import header


@rule("TR376", retourcode=None, messages=("JW325",), level=Level.CROSS, target="Bericht", needs=("history",),
      streaming=ONCE)
def tr376(ctx, bericht):
    """A declaration answer must name, by DeclaratieNummer, a declaration received from that aanbieder."""
    _, aanbieder = header(ctx)
    node = find(bericht, "DeclaratieAntwoord/DeclaratieNummer")
    nummer = text(node)
    # Only a history that holds this aanbieder's declarations can prove one missing.
    if not nummer or not ctx.history.has_declaraties_from(aanbieder):
        return
    declaratie = ctx.history.declaratie(nummer)
    if declaratie is None or declaratie.afzender != aanbieder:
        yield ctx.finding(node, f"DeclaratieNummer {nummer!r} names no declaration received from aanbieder {aanbieder}")
