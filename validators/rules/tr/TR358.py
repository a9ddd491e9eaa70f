from iwmo_ijw.xpath import find
from validators.rules.checks import signed, signed_sum
from validators.rules.context import said
from validators.rules.registry import Level, rule
from validators.rules.tr._keys import inside

AMOUNT = ("Bedrag", "DebetCredit")


def _finish(ctx, totals: dict):
    for place, total, som in totals.values():
        if som != total:
            yield said(place, total=_dc(total), som=_dc(som))


@rule(
    "TR358",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    columns={"IngediendBedrag": AMOUNT},
    state=dict,  # per TotaalIngediendBedrag: [where, its value, the IngediendBedrag values so far]
    finish=_finish,
)
def tr358(ctx, declaratie):
    """TotaalIngediendBedrag equals the sum of the Prestaties' IngediendBedrag, credit subtracted."""
    total_node = find(declaratie, "TotaalIngediendBedrag")
    total = signed(total_node, "TotaalBedrag")
    if total is None:
        return
    # The Declaratie stands around the Clients: a streamed message shows it with every chunk.
    totals = ctx.state
    place = ctx.placed(total_node)
    known = totals.setdefault(place.xpath, [place, total, 0])
    known[2] += _sum(ctx, declaratie)


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
