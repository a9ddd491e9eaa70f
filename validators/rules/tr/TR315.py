from validators.rules.registry import Level, rule
from validators.rules.tr._keys import in_declaratie
from validators.rules.values import text

VORIG = ("VorigReferentieNummer",)


@rule(
    "TR315",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    columns={"ProductReferentie": VORIG},
    state=set,
)
def tr315(ctx, declaratie):
    """A VorigReferentieNummer occurs only once in a declaration."""
    columns, kept = in_declaratie(ctx, declaratie, "ProductReferentie", VORIG)
    seen = ctx.state  # the VorigReferentieNummers credited so far, in every chunk
    vorige = columns["VorigReferentieNummer"]
    for i in kept:
        nummer = text(vorige[i])
        if nummer is None:
            continue
        if nummer in seen:
            node = columns.node(i).find("{*}VorigReferentieNummer")
            yield ctx.finding(node, nummer=nummer)
        seen.add(nummer)
