from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, knows_relation, line_of
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR338",
    retourcode="9338",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr338(ctx, prestatie):
    """Each Prestatie must name, by ToewijzingNummer, a toewijzing sent by the gemeente to this aanbieder."""
    p, t = line_of(ctx, prestatie)
    if not p.toewijzing_nummer or t is not None:
        return
    # A toewijzing may be dated after the period it covers: only a history that holds the
    # relation at all proves one missing.
    if absence_proves(
        ctx,
        None,
        fallback=knows_relation(ctx, p.ontvanger, p.afzender),
        what=f"toewijzing {p.toewijzing_nummer!r}",
    ):
        yield ctx.finding(
            find(prestatie, "ToewijzingNummer"),
            nummer=p.toewijzing_nummer,
            gemeente=p.ontvanger,
            aanbieder=p.afzender,
        )
