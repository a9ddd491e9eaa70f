from iwmo_ijw.xpath import find, int_of, text
from validators.registry import Level, rule

EURO = "83"
MINUUT = "01"


@rule("TR346", retourcode="9346", messages=("JW323",), level=Level.EXTERNAL, target="Prestatie")
def tr346(ctx, prestatie):
    """IngediendBedrag equals GeleverdVolume times ProductTarief, unless the eenheid is euro's."""
    eenheid = text(prestatie, "Eenheid")
    volume, tarief = int_of(prestatie, "GeleverdVolume"), int_of(prestatie, "ProductTarief")
    bedrag_node = find(prestatie, "IngediendBedrag/Bedrag")
    bedrag = int_of(bedrag_node)
    if eenheid == EURO or None in (volume, tarief, bedrag):
        return
    expected = volume * tarief
    if bedrag == expected:
        return
    # An hourly tariff declared per minute: the standard computes hours x volume / 60 rounded to
    # whole cents, while ProductTarief can only carry the per-minute tariff rounded to a cent. Any
    # amount within half a cent per minute of volume x tarief is therefore what an honest
    # calculation can produce; rejecting it would be a false rejection.
    if eenheid == MINUUT and abs(bedrag - expected) * 2 <= volume:
        return
    yield ctx.finding(
        bedrag_node,
        f"IngediendBedrag {bedrag} is not GeleverdVolume {volume} × ProductTarief {tarief} = {expected}",
    )
