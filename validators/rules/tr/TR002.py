from datetime import date

from iwmo_ijw.xpath import date_of, find
from validators.rules.checks import dagtekening, value
from validators.rules.registry import Level, rule

UNKNOWN = date(1900, 1, 1)


@rule(
    "TR002",
    retourcode="0001",
    messages=("JW301", "JW305", "JW307", "JW315"),
    level=Level.MESSAGE,
    target="Geboortedatum",
)
def tr002(ctx, geboortedatum):
    """A birth date lies at most 120 years before the Dagtekening, unless it is marked unknown."""
    day, sent = date_of(geboortedatum, "Datum"), dagtekening(ctx)
    if day is None or sent is None:
        return
    if value(geboortedatum, "DatumGebruik") == "3" and day == UNKNOWN:
        return
    limit = _years_before(sent, 120)
    if day < limit:
        yield ctx.finding(find(geboortedatum, "Datum"), day=day, sent=sent)


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
