from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._startstop import notice_of, standing

NIEUW = "1"


@rule(
    "TR326",
    retourcode="9326",
    messages=("JW305",),
    level=Level.CROSS,
    target="StartProduct",
    needs=("history",),
)
def tr326(ctx, product):
    """A new start for a toewijzing is allowed only when every earlier start for it was stopped."""
    notice = notice_of(ctx, product)
    if notice.status != NIEUW:
        return
    stopped = {stop.start_key for stop in standing(ctx, notice, "307")}
    # IV008: a start whose Begindatum (part of its key) is corrected is deleted and sent anew in
    # one message, so this message's own deletions apply before its new starts are judged.
    for start in standing(ctx, notice, "305", after_own_deletions=True):
        # Repeating the very same start is TR074's finding, not a second current start.
        if (
            start.key != notice.key
            and (start.categorie, start.code) == (notice.categorie, notice.code)
            and start.start_key not in stopped
        ):
            yield ctx.finding(
                find(product, "ToewijzingNummer"), nummer=notice.toewijzing_nummer, begin=start.begindatum
            )
            return
