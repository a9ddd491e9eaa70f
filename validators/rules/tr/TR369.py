from validators.rules.context import said
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, Tally, earlier_lines, tally_lines


def _add(tally: Tally, p) -> None:
    # Budget and IngediendBedrag are both in eurocents; the declared amount is what draws on a
    # budget whatever the Eenheid of the volume, so amounts are summed rather than volumes.
    tally.total += (p.bedrag or 0) * (-1 if p.debet_credit == "C" else 1)


def _finish(ctx, tallies: dict[str, Tally | None]):
    for nummer, tally in tallies.items():
        if tally is None:
            continue
        for p in earlier_lines(ctx, nummer, tally):
            _add(tally, p)
        if tally.total > tally.toewijzing.budget:
            yield said(tally.place, nummer=nummer, total=tally.total, budget=tally.toewijzing.budget)


@rule(
    "TR369",
    retourcode="9369",
    messages=("JW323",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
    state=dict,
    finish=_finish,
)
def tr369(ctx, bericht):
    """All that is declared on a toewijzing with a Budget (debits minus credits) must fit within that
    Budget."""
    # Per ToewijzingNummer a Tally: this message's amounts on it, chunk by chunk; the earlier lines
    # are added when the message has ended.
    tally_lines(ctx, ctx.state, lambda t: t.budget is not None, _add)
    return ()
