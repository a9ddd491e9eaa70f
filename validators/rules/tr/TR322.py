from validators.rules.context import said
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, Tally, earlier_lines, tally_lines
from validators.rules.tr._volume import TOTAAL, allowed_volume, convert


def _counts(t) -> bool:
    if t.volume is None or not t.eenheid or not t.frequentie or t.ingangsdatum is None:
        return False
    return t.einddatum is not None or t.frequentie == TOTAAL  # an open-ended repeating allowance has no total


def _add(tally: Tally, p) -> None:
    in_eenheid = convert(p.volume or 0, p.eenheid or "", tally.toewijzing.eenheid)
    if in_eenheid is None:
        tally.broken = True  # incomparable eenheid: TR341 reports it; no sum can be judged
    else:
        tally.total += in_eenheid if p.debet_credit != "C" else -in_eenheid


def _finish(ctx, tallies: dict[str, Tally | None]):
    for nummer, tally in tallies.items():
        if tally is None:
            continue
        t = tally.toewijzing
        allowed = allowed_volume(
            t.volume,
            t.eenheid,
            t.frequentie,
            t.ingangsdatum,
            t.einddatum or t.ingangsdatum,
            t.ingangsdatum,
            t.einddatum,
            t.eenheid,
        )
        for p in earlier_lines(ctx, nummer, tally):
            _add(tally, p)
        if not tally.broken and allowed is not None and tally.total > allowed:
            yield said(
                tally.place,
                nummer=nummer,
                total=float(tally.total),
                eenheid=t.eenheid,
                allowed=float(allowed),
            )


@rule(
    "TR322",
    retourcode="9322",
    messages=("JW323",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
    state=dict,
    finish=_finish,
)
def tr322(ctx, bericht):
    """All volume declared on a toewijzing (debits minus credits) must fit its Omvang over its whole
    duration."""
    # Per ToewijzingNummer a Tally: this message's volume on it, chunk by chunk; the earlier lines
    # (those that still stand) are added when the message has ended.
    tally_lines(ctx, ctx.state, _counts, _add)
    return ()
