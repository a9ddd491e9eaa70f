from iwmo_ijw.xpath import find
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule(
    "CS339",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Prestatie",
    reads=("Eenheid", "GeleverdVolume", "IngediendBedrag/Bedrag"),
)
def cs339(ctx, prestatie):
    """For a Prestatie in euro's (Eenheid 83) the declared amount equals the delivered volume."""
    if value(prestatie, "Eenheid") == "83":
        volume, bedrag = value(prestatie, "GeleverdVolume"), value(prestatie, "IngediendBedrag/Bedrag")
        if volume is not None and bedrag is not None and int(volume) != int(bedrag):
            yield ctx.finding(find(prestatie, "IngediendBedrag/Bedrag"), bedrag=bedrag, volume=volume)
