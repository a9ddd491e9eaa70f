from iwmo_ijw.xpath import date_of, find, text
from validators.rules.registry import ONCE, Level, rule
from validators.rules.tr._common import header
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR337",
    retourcode=None,
    messages=("JW325",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=ONCE,
)
def tr337(ctx, bericht):
    """DeclaratieIdentificatie must repeat the BerichtIdentificatie of a declaration received from the
    aanbieder."""
    _, aanbieder = header(ctx)
    node = find(bericht, "Header/DeclaratieIdentificatie")
    identificatie = text(node, "Identificatie")
    if node is None or not identificatie:
        return
    dagtekening = date_of(node, "Dagtekening")
    if ctx.history.seen_bericht(aanbieder, identificatie, dagtekening, berichtcode="JW323"):
        return
    if absence_proves(
        ctx,
        dagtekening,
        fallback=ctx.history.has_declaraties_from(aanbieder),
        what=f"declaration message {identificatie!r} of aanbieder {aanbieder}",
    ):
        yield ctx.finding(node, identificatie=identificatie, dagtekening=dagtekening, aanbieder=aanbieder)
