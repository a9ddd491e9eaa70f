from iwmo_ijw.xpath import date_of, find
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule


@rule("TR380", retourcode="0001", messages=("JW317",), level=Level.MESSAGE, target="NieuwProduct")
def tr380(ctx, product):
    """A new product is asked for from a date after the message's Dagtekening."""
    day, sent = date_of(product, "GewensteIngangsdatum"), dagtekening(ctx)
    if day is not None and sent is not None and day <= sent:
        yield ctx.finding(find(product, "GewensteIngangsdatum"), day=day, sent=sent)
