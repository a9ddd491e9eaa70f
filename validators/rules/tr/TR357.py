from iwmo_ijw.xpath import date_of, find
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced


@rule(
    "TR357",
    retourcode="9357",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
def tr357(ctx, product):
    """A change that does not start in the future applies to the whole toewijzing: it starts on its
    Ingangsdatum."""
    gewenst, sent = date_of(product, "GewensteIngangsdatum"), dagtekening(ctx)
    toewijzing = referenced(ctx, product)
    if gewenst is None or sent is None or toewijzing is None or toewijzing.ingangsdatum is None:
        return
    if gewenst <= sent and gewenst != toewijzing.ingangsdatum:
        yield ctx.finding(
            find(product, "GewensteIngangsdatum"),
            gewenst=gewenst,
            sent=sent,
            ingang=toewijzing.ingangsdatum,
            nummer=toewijzing.nummer,
        )
