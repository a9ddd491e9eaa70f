from iwmo_ijw.xpath import find, text
from validators.rules.registry import ONCE, Level, rule
from validators.rules.tr._common import header


@rule(
    "TR056",
    retourcode="9056",
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=ONCE,
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
)
def tr056(ctx, bericht):
    """A sender may use a message Identificatie only once per message type."""
    afzender, _ = header(ctx)
    node = find(bericht, "Header/BerichtIdentificatie/Identificatie")
    identificatie = text(node)
    if identificatie and ctx.history.seen_bericht(
        afzender, identificatie, berichtcode=ctx.message.message_type.code
    ):
        yield ctx.finding(
            node, identificatie=identificatie, afzender=afzender, berichtcode=ctx.message.message_type.code
        )
