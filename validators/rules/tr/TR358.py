from iwmo_ijw.xpath import find, iter_local
from validators.checks import signed
from validators.registry import Level, rule


@rule(
    "TR358",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
)
def tr358(ctx, declaratie):
    """TotaalIngediendBedrag equals the sum of the Prestaties' IngediendBedrag, credit subtracted."""
    total_node = find(declaratie, "TotaalIngediendBedrag")
    total = signed(total_node, "TotaalBedrag")
    if total is None:
        return
    som = sum(signed(node) or 0 for node in iter_local(declaratie, "IngediendBedrag"))
    if som != total:
        yield ctx.finding(total_node, f"TotaalIngediendBedrag {_dc(total)} is not the sum of the IngediendBedrag "
                                      f"values ({_dc(som)})")


def _dc(cents):
    return f"{abs(cents)} {'C' if cents < 0 else 'D'}"
