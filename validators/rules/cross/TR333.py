from iwmo_ijw.xpath import find, text
from validators.registry import ONCE, Level, rule
from validators.rules.cross._common import header


@rule("TR333", retourcode="9333", messages=("JW323",), level=Level.CROSS, target="Bericht", needs=("history",),
      streaming=ONCE)
def tr333(ctx, bericht):
    """An aanbieder uses each DeclaratieNummer only once."""
    afzender, _ = header(ctx)
    node = find(bericht, "Declaratie/DeclaratieNummer")
    nummer = text(node)
    earlier = ctx.history.declaratie(nummer) if nummer else None
    if earlier is not None and earlier.afzender == afzender:
        yield ctx.finding(node, f"DeclaratieNummer {nummer!r} was already used by aanbieder {afzender}")
