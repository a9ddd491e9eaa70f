from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, judged_by
from validators.rules.tr._volume import PER_WEEK, allowed_volume, convert, overlap

HUISHOUDELIJKE_HULP = "01"  # iWmo ProductCategorie
WMO_WEKEN = 6  # IV077: per week, categorie 01 may be declared up to 6 times the weekly volume


@rule(
    "TR321",
    retourcode="9321",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr321(ctx, prestatie):
    """A Prestatie's GeleverdVolume may not exceed what its toewijzing allows for the declared period."""
    p, t = judged_by(ctx, prestatie)
    if (
        t is None
        or t.volume is None
        or not t.eenheid
        or not t.frequentie
        or p.volume is None
        or not p.eenheid
        or p.begindatum is None
        or p.einddatum is None
    ):
        return
    if _huishoudelijke_hulp(ctx, t):
        inside = overlap(p.begindatum, p.einddatum, t.ingangsdatum, t.einddatum)
        allowed = convert(WMO_WEKEN * t.volume, t.eenheid, p.eenheid) if inside else 0
    else:
        allowed = allowed_volume(
            t.volume,
            t.eenheid,
            t.frequentie,
            p.begindatum,
            p.einddatum,
            t.ingangsdatum,
            t.einddatum,
            p.eenheid,
        )
    if allowed is not None and p.volume > allowed:
        yield ctx.finding(
            find(prestatie, "GeleverdVolume"),
            volume=p.volume,
            allowed=float(allowed),
            nummer=t.nummer,
            toegewezen=t.volume,
            eenheid=t.eenheid,
            frequentie=t.frequentie,
            begin=p.begindatum,
            end=p.einddatum,
        )


def _huishoudelijke_hulp(ctx, t) -> bool:
    """iWmo's exception (TR321, IV077): huishoudelijke hulp per week is judged against 6 weeks."""
    return (
        ctx.message.message_type.standard.name == "iWmo"
        and t.categorie == HUISHOUDELIJKE_HULP
        and t.frequentie == PER_WEEK
    )
