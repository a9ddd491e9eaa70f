from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule


@rule(
    "CS337",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Prestatie",
    reads=("ProductPeriode/Begindatum", "ProductPeriode/Einddatum"),
)
def cs337(ctx, prestatie):
    """A ProductPeriode ends in the calendar month it begins."""
    periode = find(prestatie, "ProductPeriode")
    start, end = date_of(periode, "Begindatum"), date_of(periode, "Einddatum")
    if start and end and (start.year, start.month) != (end.year, end.month):
        yield ctx.finding(find(periode, "Einddatum"), end=end, start=start)
