from validators.columns import comparable_together, stripped
from validators.registry import Level, rule
from validators.rules.tr._keys import in_declaratie

REFERENTIE = ("ReferentieNummer", "VorigReferentieNummer")


@rule(
    "TR316",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
    columns={"ProductReferentie": REFERENTIE},
)
def tr316(ctx, declaratie):
    """A Prestatie is not credited in the same message that declares it."""
    columns, kept = in_declaratie(ctx, declaratie, "ProductReferentie", REFERENTIE)
    raw_referenties, raw_vorige = columns["ReferentieNummer"], columns["VorigReferentieNummer"]
    referenties, vorige = comparable_together(raw_referenties, raw_vorige)
    declared = {referenties[i] for i in kept if raw_referenties[i]}  # "" in a column: absent
    for i in kept:
        if raw_vorige[i] and vorige[i] in declared:
            node = columns.node(i).find("{*}VorigReferentieNummer")
            nummer = stripped(columns["VorigReferentieNummer"][i])
            yield ctx.finding(node, nummer=nummer)
