from iwmo_ijw.xpath import text
from validators.rules.registry import Level, rule
from validators.rules.tr._keys import in_declaratie
from validators.rules.values import text as column_text

REFERENTIE = ("ReferentieNummer",)


@rule(
    "TR314",
    retourcode="8021",
    messages=("JW323",),
    level=Level.CROSS,
    target="Declaratie",
    columns={"ProductReferentie": REFERENTIE},
    state=set,
)  # the repeat within one message needs no history
def tr314(ctx, declaratie):
    """A Prestatie's ReferentieNummer is used only once by an aanbieder, in this and earlier declarations."""
    # One column, not the Prestatie records: without history this rule is all the cross level runs,
    # and 100,000 records would cost more than the whole XSD.
    columns, kept = in_declaratie(ctx, declaratie, "ProductReferentie", REFERENTIE)
    seen = ctx.state  # the ReferentieNummers of this message so far, in every chunk
    aanbieder = text(ctx.root, "Header/Afzender") or ""  # one standard's history is one legal domain
    referenties = columns["ReferentieNummer"]
    for i in kept:
        nummer = column_text(referenties[i])
        if nummer is None:
            continue
        if nummer in seen:
            yield ctx.finding(_node(columns, i), key="in_message", referentie=nummer)
        seen.add(nummer)
        if ctx.history is not None and ctx.history.prestaties_by_referentie(nummer, aanbieder=aanbieder):
            yield ctx.finding(_node(columns, i), key="earlier", referentie=nummer, aanbieder=aanbieder)


def _node(columns, i):
    # Looked up only for a finding: most lines have none.
    return columns.node(i).find("{*}ReferentieNummer")
