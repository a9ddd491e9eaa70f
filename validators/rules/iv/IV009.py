from iwmo_ijw.xpath import date_of, find
from validators.findings import Severity
from validators.rules.checks import value
from validators.rules.registry import Level, rule

ONBEKEND_JAAR = 1900  # the year written when the year of birth is unknown
GEHEEL_ONBEKEND = "3"  # DatumGebruik: day, month and year unknown


@rule(
    "IV009",
    retourcode=None,
    messages=("JW301", "JW305", "JW307", "JW315"),
    level=Level.MESSAGE,
    target="Geboortedatum",
    severity=Severity.WARNING,
)
def iv009(ctx, geboortedatum):
    """A birth date in the placeholder year 1900 is marked unknown with DatumGebruik 3.

    The instruction fills the unknown parts of a birth date with 01 (day, month) and 1900
    (year) and lets DatumGebruik say which part counts. CS139 checks the date against a
    DatumGebruik that is given; this rule catches the reverse: a date in 1900 whose
    DatumGebruik is absent or says the year is known, which almost always is an unknown date
    that was not marked. A warning, not an error: the instruction has no retourcode, the
    national validation does not reject on it, and a real birth date in 1900 is possible.
    """
    day = date_of(geboortedatum, "Datum")
    if day is None or day.year != ONBEKEND_JAAR:
        return
    gebruik = value(geboortedatum, "DatumGebruik")
    if gebruik == GEHEEL_ONBEKEND:
        return
    if gebruik is None:
        yield ctx.finding(find(geboortedatum, "Datum"), key="zonder_gebruik", day=day)
    else:
        yield ctx.finding(find(geboortedatum, "DatumGebruik"), key="gebruik", day=day, gebruik=gebruik)
