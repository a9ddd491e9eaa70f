from iwmo_ijw.xpath import find, findall, text
from validators.findings import Severity
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.sources.history import Verzoek

PRODUCTEN = "ToegewezenProducten/ToegewezenProduct"


# iJw only: the iWmo catalogue at hand has no OP348 (a test keeps iWmo claims to its catalogue).
@rule(
    "OP348",
    retourcode=None,
    messages=("JW301",),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
    severity=Severity.WARNING,
    standards=("iJw",),
)
def op348(ctx, client):
    """A toewijzing that honours a change request (JW317) holds everything the request asked for.

    A toewijzing answers a request when its ToegewezenProducten carry the request's
    ReferentieAanbieder (IV093). Then each toewijzing the request names (OngewijzigdProduct,
    TeWijzigenProduct) is in the message with that ReferentieAanbieder, and each NieuwProduct
    is there as a toewijzing of that product under another ToewijzingNummer. As the rule
    allows, the dates may differ from the requested ones and a change may come as a new
    ToewijzingNummer (the old one is then ended, so it is still present). Only requests the
    history holds are judged. A warning: the rule has no retourcode and the national
    validation does not reject on it.
    """
    bsn = text(client, "Bsn")
    by_referentie: dict[str, list] = {}
    for product in findall(client, PRODUCTEN):
        referentie = text(product, "ReferentieAanbieder")
        if referentie:
            by_referentie.setdefault(referentie, []).append(product)
    for referentie, producten in by_referentie.items():
        verzoek = _verzoek(ctx, referentie, bsn)
        if verzoek is not None:
            yield from _compare(ctx, verzoek, producten)


def _verzoek(ctx, referentie: str, bsn: str | None) -> Verzoek | None:
    """The latest change request of this aanbieder to this gemeente with this reference, sent before."""
    gemeente, aanbieder = header(ctx)
    sent = dagtekening(ctx)
    found = [
        v
        for v in ctx.history.verzoeken_for(referentie, aanbieder=aanbieder)
        if v.berichtcode.endswith("317")
        and v.ontvanger == gemeente
        and not v.sent_after(sent)
        and (not v.bsn or v.bsn == bsn)
    ]
    return found[-1] if found else None


def _compare(ctx, verzoek: Verzoek, producten: list):
    node = find(producten[0], "ReferentieAanbieder")
    nummers = {text(p, "ToewijzingNummer") for p in producten}
    for nummer in verzoek.toewijzing_nummers:
        if nummer not in nummers:
            yield ctx.finding(node, key="toewijzing", nummer=nummer, referentie=verzoek.referentie_aanbieder)
    nieuw = {
        (text(p, "Product/Categorie"), text(p, "Product/Code"))
        for p in producten
        if text(p, "ToewijzingNummer") not in verzoek.toewijzing_nummers
    }
    for categorie, code in verzoek.nieuwe_producten:
        if not any(c == categorie and (code is None or k == code) for c, k in nieuw):
            # `code` names the rule in ctx.finding: the product goes in as one value
            yield ctx.finding(
                node,
                key="nieuw",
                product=f"{categorie or ''}/{code or '-'}",
                referentie=verzoek.referentie_aanbieder,
            )
