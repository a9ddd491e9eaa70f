from iwmo_ijw.xpath import find, findall, text
from validators.reporting.texts import Bsn
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, header, line_of, prestatie_of


@rule(
    "TR304",
    retourcode="8187",
    messages=("JW317", "JW323", "JW325"),
    level=Level.CROSS,
    target=("Prestatie", "Verzoek"),
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr304(ctx, prestatie):
    """The client's Bsn must be the Bsn in the related earlier message (toewijzing, or the declared
    Prestatie)."""
    if prestatie.tag.rpartition("}")[2] == "Verzoek":  # the local name, without a QName per line
        yield from _verzoek(ctx, prestatie)
        return
    if ctx.message.message_type.number == "323":
        p, related = line_of(ctx, prestatie)
        what = ("toewijzing", p.toewijzing_nummer)
    else:
        p = prestatie_of(ctx, prestatie)
        _, aanbieder = header(ctx)
        nummer = text(ctx.root, "DeclaratieAntwoord/DeclaratieNummer")
        declared = [
            d
            for d in ctx.history.prestaties_by_referentie(p.referentie or "", aanbieder=aanbieder)
            if d.afzender == aanbieder and d.declaratie_nummer == nummer
        ]
        related = declared[-1] if declared else None
        what = ("prestatie", p.referentie)
    if related is not None and related.bsn and p.bsn != related.bsn:
        node = find(prestatie.getparent().getparent(), "Bsn")
        yield ctx.finding(node, key=what[0], bsn=Bsn(p.bsn or ""), related=Bsn(related.bsn), nummer=what[1])


def _verzoek(ctx, verzoek):
    """A change request names toewijzingen; they must be this client's."""
    bsn_node = find(verzoek.getparent(), "Bsn")
    bsn = text(bsn_node)
    _, gemeente = header(ctx)
    for path in ("OngewijzigdeProducten/OngewijzigdProduct", "TeWijzigenProducten/TeWijzigenProduct"):
        for product in findall(verzoek, path):
            nummer = text(product, "ToewijzingNummer")
            toewijzing = ctx.history.toewijzing(nummer, gemeente=gemeente) if nummer else None
            if toewijzing is not None and toewijzing.bsn and toewijzing.bsn != bsn:
                yield ctx.finding(
                    bsn_node, key="toewijzing", bsn=Bsn(bsn or ""), related=Bsn(toewijzing.bsn), nummer=nummer
                )
