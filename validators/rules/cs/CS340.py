from calendar import monthrange
from datetime import date

from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule


@rule("CS340", retourcode="0001", messages=("JW323",), level=Level.MESSAGE, target="Declaratie")
def cs340(ctx, declaratie):
    """A DeclaratiePeriode is exactly one whole calendar month."""
    periode = find(declaratie, "DeclaratiePeriode")
    start, end = date_of(periode, "Begindatum"), date_of(periode, "Einddatum")
    if start is None or end is None:
        return
    last = date(start.year, start.month, monthrange(start.year, start.month)[1])
    if start.day != 1 or end != last:
        yield ctx.finding(periode, start=start, end=end)
