from iwmo_ijw.xpath import find, int_of, text
from validators.rules.registry import Level, rule
from validators.rules.tr._tarief import MINUUT, hourly_amounts

EURO = "83"


@rule(
    "TR346",
    retourcode="9346",
    messages=("JW323",),
    level=Level.EXTERNAL,
    target="Prestatie",
    reads=("Eenheid", "GeleverdVolume", "ProductTarief", "IngediendBedrag/Bedrag"),
)
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
    # minutes under an hourly contract: the amount comes from the (unknown) hourly tariff
    if eenheid == MINUUT and bedrag in hourly_amounts(tarief, volume):
        return
    yield ctx.finding(bedrag_node, bedrag=bedrag, volume=volume, tarief=tarief, expected=expected)
