from validators.registry import Level, rule
from validators.rules.cross._common import PRESTATIE_COLUMNS, header, last_lines, standing_prestaties
from validators.rules.cross._volume import TOTAAL, allowed_volume, convert


@rule("TR322", retourcode="9322", messages=("JW323",), level=Level.CROSS, target="Bericht",
      needs=("history",), columns=PRESTATIE_COLUMNS)
def tr322(ctx, bericht):
    """All volume declared on a toewijzing (debits minus credits) must fit its Omvang over its whole duration."""
    aanbieder, gemeente = header(ctx)
    for nummer, node in last_lines(ctx).items():
        t = ctx.history.toewijzing(nummer)
        if (t is None or t.afzender != gemeente or t.ontvanger != aanbieder or t.volume is None
                or not t.eenheid or not t.frequentie or t.ingangsdatum is None):
            continue
        if t.einddatum is None and t.frequentie != TOTAAL:
            continue  # an open-ended repeating allowance has no total to exceed
        allowed = allowed_volume(t.volume, t.eenheid, t.frequentie, t.ingangsdatum, t.einddatum or t.ingangsdatum,
                                 t.ingangsdatum, t.einddatum, t.eenheid)
        total = 0.0
        for p in standing_prestaties(ctx, nummer, aanbieder):
            in_eenheid = convert(p.volume or 0, p.eenheid or "", t.eenheid)
            if in_eenheid is None:
                break  # incomparable eenheid: TR341 reports it; no sum can be judged
            total += in_eenheid if p.debet_credit != "C" else -in_eenheid
        else:
            if allowed is not None and total > allowed:
                yield ctx.finding(node, nummer=nummer, total=float(total), eenheid=t.eenheid,
                                  allowed=float(allowed))
