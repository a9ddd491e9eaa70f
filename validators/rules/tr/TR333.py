from iwmo_ijw.xpath import find, text
from validators.rules.registry import ONCE, Level, rule
from validators.rules.tr._common import header
from validators.sources.lifecycle import declaratie_stands


@rule(
    "TR333",
    retourcode="9333",
    messages=("JW323",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=ONCE,
)
def tr333(ctx, bericht):
    """An aanbieder uses each DeclaratieNummer only once."""
    afzender, _ = header(ctx)
    node = find(bericht, "Declaratie/DeclaratieNummer")
    nummer = text(node)
    earlier = ctx.history.declaratie(nummer, aanbieder=afzender) if nummer else None
    # A declaration rejected as a whole counts as not sent (IV087), so its number is free again.
    if (
        earlier is not None
        and earlier.afzender == afzender
        and declaratie_stands(ctx.history, afzender, nummer)
    ):
        yield ctx.finding(node, nummer=nummer, aanbieder=afzender)
