from iwmo_ijw.xpath import find
from validators.rules.registry import Level, rule
from validators.rules.tr._coverage import absence_proves
from validators.rules.tr._startstop import VERWIJDEREN, notice_of, sent_any, standing


@rule(
    "TR382",
    retourcode="9069",
    messages=("JW307",),
    level=Level.CROSS,
    target="StopProduct",
    needs=("history",),
)
def tr382(ctx, product):
    """A stop must repeat unchanged the key of a start that stands (Bsn, ToewijzingNummer, Product,
    Begindatum)."""
    notice = notice_of(ctx, product)
    # A deletion is judged by TR063.
    if notice.status == VERWIJDEREN:
        return
    if any(start.start_key == notice.start_key for start in standing(ctx, notice, "305")):
        return
    # The start would be dated on or after its Begindatum; without coverage, only a history with
    # this aanbieder's starts proves one missing.
    if absence_proves(
        ctx,
        notice.begindatum,
        fallback=sent_any(ctx, notice.afzender, "305"),
        what=f"a start for ToewijzingNummer {notice.toewijzing_nummer!r}",
    ):
        yield ctx.finding(
            find(product, "Begindatum"), nummer=notice.toewijzing_nummer, begin=notice.begindatum
        )
