from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, knows_relation, line_of


@rule("TR338", retourcode="9338", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr338(ctx, prestatie):
    """Each Prestatie must name, by ToewijzingNummer, a toewijzing sent by the gemeente to this aanbieder."""
    p, t = line_of(ctx, prestatie)
    if not p.toewijzing_nummer or not knows_relation(ctx, p.ontvanger, p.afzender):
        return
    if t is None:
        yield ctx.finding(find(prestatie, "ToewijzingNummer"),
                          nummer=p.toewijzing_nummer, gemeente=p.ontvanger, aanbieder=p.afzender)
