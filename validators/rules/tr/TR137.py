from iwmo_ijw.xpath import date_of, find, local
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule


@rule(
    "TR137",
    retourcode="0001",
    messages=("JW323", "JW325"),
    level=Level.MESSAGE,
    target=("DeclaratiePeriode", "ProductPeriode"),
    reads=("Begindatum", "Einddatum"),
)
def tr137(ctx, node):
    """A period's Einddatum is not before its Begindatum and not after the message's Dagtekening."""
    start, end, sent = date_of(node, "Begindatum"), date_of(node, "Einddatum"), dagtekening(ctx)
    if end is None:
        return
    if start is not None and end < start:
        yield ctx.finding(
            find(node, "Einddatum"), key="before_begin", parent=local(node), end=end, start=start
        )
    elif sent is not None and end > sent:
        yield ctx.finding(find(node, "Einddatum"), key="after_sent", parent=local(node), end=end, sent=sent)
