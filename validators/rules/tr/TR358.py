from iwmo_ijw.xpath import find
from validators.checks import signed, signed_sum
from validators.registry import Level, rule
from validators.rules.tr._keys import inside

AMOUNT = ("Bedrag", "DebetCredit")


@rule(
    "TR358",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
    columns={"IngediendBedrag": AMOUNT},
)
def tr358(ctx, declaratie):
    """TotaalIngediendBedrag equals the sum of the Prestaties' IngediendBedrag, credit subtracted."""
    total_node = find(declaratie, "TotaalIngediendBedrag")
    total = signed(total_node, "TotaalBedrag")
    if total is None:
        return
    som = _sum(ctx, declaratie)
    if som != total:
        yield ctx.finding(total_node, total=_dc(total), som=_dc(som))


def _sum(ctx, declaratie) -> int:
    columns = ctx.columns.columns("IngediendBedrag", AMOUNT)
    amounts, signs = columns[AMOUNT[0]], columns[AMOUNT[1]]
    keep = inside(ctx, declaratie, "IngediendBedrag")
    if keep is not None:
        kept = [i for i, node in enumerate(columns.nodes) if keep(node)]
        amounts, signs = [amounts[i] for i in kept], [signs[i] for i in kept]
    return signed_sum(amounts, signs)


def _dc(cents):
    return f"{abs(cents)} {'C' if cents < 0 else 'D'}"
