from iwmo_ijw.xpath import find
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule(
    "CS058",
    retourcode="0001",
    messages=("JW305", "JW307"),
    level=Level.MESSAGE,
    target=("StartProduct", "StopProduct"),
)
def cs058(ctx, product):
    """StatusAanlevering of a start or stop is 1 (eerste aanlevering) or 3 (verwijderen)."""
    status = value(product, "StatusAanlevering")
    if status not in ("1", "3"):
        yield ctx.finding(find(product, "StatusAanlevering"), status=status)
