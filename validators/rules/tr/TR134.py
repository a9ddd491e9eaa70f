from iwmo_ijw.xpath import date_of, find, local
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule

DATES = {
    "Geboortedatum": "Datum",
    "ToegewezenProduct": "Toewijzingsdatum",
    "StartProduct": "Begindatum",
    "StopProduct": "Einddatum",
    "DeclaratiePeriode": "Begindatum",
    "ProductPeriode": "Begindatum",
}


@rule(
    "TR134",
    retourcode="0001",
    messages=("JW301", "JW305", "JW307", "JW315", "JW323", "JW325"),
    level=Level.MESSAGE,
    target=(
        "Geboortedatum",
        "ToegewezenProduct",
        "StartProduct",
        "StopProduct",
        "DeclaratiePeriode",
        "ProductPeriode",
    ),
    reads=("Datum", "Toewijzingsdatum", "Begindatum", "Einddatum"),
)
def tr134(ctx, node):
    """A date that states what happened lies on or before the message's Dagtekening."""
    sent = dagtekening(ctx)
    if sent is None:
        return
    path = DATES.get(local(node))
    day = date_of(node, path) if path else None
    if day is not None and day > sent:
        yield ctx.finding(find(node, path), element=f"{local(node)}/{path}", day=day, sent=sent)
