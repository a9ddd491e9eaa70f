from datetime import date

from iwmo_ijw.xpath import date_of, find
from validators.rules.checks import value
from validators.rules.registry import Level, rule

UNKNOWN = date(1900, 1, 1)


@rule(
    "CS139",
    retourcode="0001",
    messages=("JW301", "JW305", "JW307", "JW315"),
    level=Level.MESSAGE,
    target="Geboortedatum",
)
def cs139(ctx, geboortedatum):
    """A partly unknown birth date is written as the standard prescribes for its DatumGebruik."""
    gebruik, day = value(geboortedatum, "DatumGebruik"), date_of(geboortedatum, "Datum")
    if day is None or gebruik is None:
        return
    fits = {"1": day.day == 1, "2": (day.day, day.month) == (1, 1), "3": day == UNKNOWN}
    expected = fits.get(gebruik, True)
    if not expected:
        yield ctx.finding(find(geboortedatum, "Datum"), key=f"gebruik{gebruik}", day=day, gebruik=gebruik)
