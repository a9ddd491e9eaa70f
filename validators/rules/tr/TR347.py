from iwmo_ijw.xpath import text
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header


@rule(
    "TR347",
    retourcode="9347",
    messages=("JW315", "JW317"),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
)
def tr347(ctx, client):
    """An aanbieder never reuses a ReferentieAanbieder for another request.

    Only requests sent before (or on the same day as) this one count: a store may hold later
    messages, and a later reuse makes that later message wrong, not this one.
    """
    aanbieder, _ = header(ctx)
    sent = dagtekening(ctx)
    identificatie = text(ctx.root, "Header/BerichtIdentificatie/Identificatie")
    for node in client.iter("{*}ReferentieAanbieder"):
        referentie = (node.text or "").strip()
        earlier = [
            v
            for v in ctx.history.verzoeken_for(referentie, aanbieder=aanbieder)
            if v.afzender == aanbieder and v.identificatie != identificatie and not v.sent_after(sent)
        ]
        if earlier:
            yield ctx.finding(node, referentie=referentie, berichtcode=earlier[0].berichtcode)
