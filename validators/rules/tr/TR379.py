from datetime import date

from iwmo_ijw.xpath import date_of, find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.rules.tr._coverage import absence_proves
from validators.sources.lifecycle import toewijzing_stands


@rule(
    "TR379",
    retourcode="9379",
    messages=("JW301",),
    level=Level.CROSS,
    target="ToegewezenProduct",
    needs=("history",),
)
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
    bsn = text(product.getparent().getparent(), "Bsn")
    requests = ctx.history.verzoeken_for(referentie, aanbieder=aanbieder)
    if not requests:
        if not absence_proves(
            ctx,
            None,
            fallback=ctx.history.has_verzoeken_from(aanbieder),
            what=f"a request with ReferentieAanbieder {referentie!r}",
        ):
            return
        yield ctx.finding(node, key="unknown", referentie=referentie, aanbieder=aanbieder)
    elif not any(v.bsn in (None, bsn) for v in requests):
        yield ctx.finding(node, key="other_client", referentie=referentie)
    else:
        honoured = _honoured_before(ctx, product, referentie, gemeente, aanbieder)
        if honoured is not None:
            yield ctx.finding(
                node,
                key="honoured",
                referentie=referentie,
                nummer=honoured.nummer,
                datum=honoured.toewijzingsdatum,
            )


def _honoured_before(ctx, product, referentie, gemeente, aanbieder):
    """An earlier toewijzing of this gemeente that already carried the ReferentieAanbieder.

    The rule holds "only the first time" a toewijzing is sent after a request is honoured; the
    products of the one honouring message share its Toewijzingsdatum and Toewijzingstijd.
    """
    moment = (date_of(product, "Toewijzingsdatum") or date.min, text(product, "Toewijzingstijd") or "")
    for t in ctx.history.toewijzingen_by_referentie_aanbieder(referentie, aanbieder=aanbieder):
        # A toewijzing the aanbieder's JW302 rejected was not received: the resent one is the first.
        if (
            t.afzender == gemeente
            and t.ontvanger == aanbieder
            and t.order_key < moment
            and toewijzing_stands(ctx.history, t)
        ):
            return t
    return None
