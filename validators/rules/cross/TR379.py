from iwmo_ijw.xpath import find, text
from validators.registry import Level, rule
from validators.rules.cross._common import header


@rule("TR379", retourcode="9379", messages=("JW301",), level=Level.CROSS, target="ToegewezenProduct",
      needs=("history",))
def tr379(ctx, product):
    """A ReferentieAanbieder on a toewijzing is the reference of a request this aanbieder sent for the client.

    Only the filled case can be checked: whether an empty one should have honoured a request
    is the gemeente's knowledge. And only when the history holds requests of this aanbieder
    at all, or every toewijzing honouring an older request would be rejected.
    """
    node = find(product, "ReferentieAanbieder")
    referentie = text(node)
    if not referentie:
        return
    gemeente, aanbieder = header(ctx)
    if not ctx.history.has_verzoeken_from(aanbieder):
        return
    bsn = text(product.getparent().getparent(), "Bsn")
    requests = [v for v in ctx.history.verzoeken.get(referentie, ()) if v.afzender == aanbieder]
    if not requests:
        yield ctx.finding(node, key="unknown", referentie=referentie, aanbieder=aanbieder)
    elif not any(v.bsn in (None, bsn) for v in requests):
        yield ctx.finding(node, key="other_client", referentie=referentie)
