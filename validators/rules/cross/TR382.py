from iwmo_ijw.xpath import find
from validators.registry import Level, rule
from validators.rules.cross._startstop import VERWIJDEREN, notice_of, sent_any, standing


@rule("TR382", retourcode="9069", messages=("JW307",), level=Level.CROSS, target="StopProduct", needs=("history",))
def tr382(ctx, product):
    """A stop must repeat unchanged the key of a start that stands (Bsn, ToewijzingNummer, Product, Begindatum)."""
    notice = notice_of(ctx, product)
    # A deletion is judged by TR063; a history without this aanbieder's starts proves nothing.
    if notice.status == VERWIJDEREN or not sent_any(ctx, notice.afzender, "305"):
        return
    if not any(start.start_key == notice.start_key for start in standing(ctx, notice, "305")):
        yield ctx.finding(find(product, "Begindatum"),
                          nummer=notice.toewijzing_nummer, begin=notice.begindatum)
