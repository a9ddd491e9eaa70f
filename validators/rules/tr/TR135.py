from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule

_PATHS = ("BerichtIdentificatie/Dagtekening", "DeclaratieIdentificatie/Dagtekening")


@rule(
    "TR135",
    retourcode="8848",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    level=Level.EXTERNAL,
    target="Header",
)
def tr135(ctx, header):
    """A Dagtekening in the header may not lie after the system date (--today)."""
    for path in _PATHS:
        node = find(header, path)
        day = date_of(node)
        if day is not None and day > ctx.today:
            yield ctx.finding(node, day=day, today=ctx.today)
