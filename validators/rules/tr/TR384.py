from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, line_of

VERWIJDERD = "13"  # RedenWijziging: the toewijzing was withdrawn as if never given


@rule(
    "TR384",
    retourcode="9384",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
)
def tr384(ctx, prestatie):
    """No Prestatie may be declared on a toewijzing that the gemeente withdrew (RedenWijziging 13)."""
    p, t = line_of(ctx, prestatie)
    # A credit undoing an earlier debit on a withdrawn toewijzing is exactly what must happen, so only debits.
    if t is None or t.reden_wijziging != VERWIJDERD or p.debet_credit == "C":
        return
    yield ctx.finding(find(prestatie, "ToewijzingNummer"), nummer=t.nummer, reden=VERWIJDERD)
