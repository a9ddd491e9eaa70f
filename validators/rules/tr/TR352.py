from validators.rules.checks import filled
from validators.rules.registry import Level, rule


@rule("TR352", retourcode="0001", messages=("JW317",), level=Level.MESSAGE, target="Verzoek")
def tr352(ctx, verzoek):
    """A change request names at least one OngewijzigdProduct or TeWijzigenProduct."""
    if not (filled(verzoek, "OngewijzigdeProducten") or filled(verzoek, "TeWijzigenProducten")):
        yield ctx.finding(verzoek)
