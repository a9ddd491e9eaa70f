from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, line_of
from validators.rules.cross._volume import allowed_volume


@rule("TR321", retourcode="9321", messages=("JW323",), level=Level.CROSS, target="Prestatie",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr321(ctx, prestatie):
    """A Prestatie's GeleverdVolume may not exceed what its toewijzing allows for the declared period."""
    p, t = line_of(ctx, prestatie)
    if (t is None or t.volume is None or not t.eenheid or not t.frequentie or p.volume is None
            or not p.eenheid or p.begindatum is None or p.einddatum is None):
        return
    allowed = allowed_volume(t.volume, t.eenheid, t.frequentie, p.begindatum, p.einddatum,
                             t.ingangsdatum, t.einddatum, p.eenheid)
    if allowed is not None and p.volume > allowed:
        yield ctx.finding(find(prestatie, "GeleverdVolume"),
                          volume=p.volume, allowed=float(allowed), nummer=t.nummer, toegewezen=t.volume,
                          eenheid=t.eenheid, frequentie=t.frequentie, begin=p.begindatum, end=p.einddatum)
