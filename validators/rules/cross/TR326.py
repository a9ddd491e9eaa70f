from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._startstop import notice_of, standing

NIEUW = "1"


@rule("TR326", retourcode="9326", messages=("JW305",), level=Level.CROSS, target="StartProduct", needs=("history",))
def tr326(ctx, product):
    """A new start for a toewijzing is allowed only when every earlier start for it was stopped."""
    notice = notice_of(ctx, product)
    if notice.status != NIEUW:
        return
    stopped = {stop.start_key for stop in standing(ctx, notice, "307")}
    for start in standing(ctx, notice, "305"):
        # Repeating the very same start is TR074's finding, not a second current start.
        if start.key != notice.key and (start.categorie, start.code) == (notice.categorie, notice.code) \
                and start.start_key not in stopped:
            yield ctx.finding(find(product, "ToewijzingNummer"),
                              nummer=notice.toewijzing_nummer, begin=start.begindatum)
            return
