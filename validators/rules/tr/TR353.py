from validators.rules.checks import filled
from validators.rules.registry import Level, rule


@rule("TR353", retourcode="0001", messages=("JW317",), level=Level.MESSAGE, target="Verzoek")
def tr353(ctx, verzoek):
    """A change request has at least one TeWijzigenProduct or NieuwProduct."""
    if not (filled(verzoek, "TeWijzigenProducten") or filled(verzoek, "NieuweProducten")):
        yield ctx.finding(verzoek)
