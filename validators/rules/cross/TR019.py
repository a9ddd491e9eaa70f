from iwmo_ijw.xpath import find, iter_local, text
from validators.registry import EACH_CHUNK, Level, rule
from validators.rules.cross._common import header, knows_relation


@rule("TR019", retourcode="9019", messages=("JW305", "JW307"), level=Level.CROSS, target="Bericht",
      needs=("history",), streaming=EACH_CHUNK)
def tr019(ctx, bericht):
    """A start or stop notice must name, by ToewijzingNummer, a toewijzing this aanbieder received."""
    aanbieder, gemeente = header(ctx)
    if not knows_relation(ctx, gemeente, aanbieder):
        return  # the history does not cover this relation, so absence proves nothing
    item = "StartProduct" if ctx.message.message_type.number == "305" else "StopProduct"
    for product in iter_local(bericht, item):
        node = find(product, "ToewijzingNummer")
        nummer = text(node)
        t = ctx.history.toewijzing(nummer) if nummer else None
        if nummer and (t is None or t.afzender != gemeente or t.ontvanger != aanbieder):
            yield ctx.finding(node, f"ToewijzingNummer {nummer!r} in {item} is not a toewijzing of gemeente "
                                    f"{gemeente} to aanbieder {aanbieder}")
