from validators.accumulate import Seen, line_keys
from validators.columns import stripped
from validators.registry import Level, rule
from validators.rules.tr._keys import inside

KEY = ("ToewijzingNummer", "ProductCategorie", "ProductCode", "ProductPeriode/Begindatum", "ProductPeriode/Einddatum")
# The client is part of the key: the same ToewijzingNummer and product under two different
# Clients (the official JW323 example has this) are two deliveries, and rejecting them would
# cost the provider money.
CLIENT = "^Client/Bsn"
DEBET_CREDIT = "IngediendBedrag/DebetCredit"
PATHS = (*KEY, CLIENT, DEBET_CREDIT)


@rule(
    "TR416",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    columns={"Prestatie": PATHS},
    state=dict,  # per Declaratie (by its DeclaratieNummer): the debit keys met so far, a Seen
)
def tr416(ctx, declaratie):
    """A declaration holds at most one debit Prestatie per ToewijzingNummer, product and ProductPeriode."""
    start = ctx.first_new("Prestatie")
    columns = ctx.columns.columns("Prestatie", PATHS)
    keep = inside(ctx, declaratie, "Prestatie")
    debits = [(start + i, key[:-1]) for i, key in enumerate(line_keys(ctx, "Prestatie", PATHS))
              if key[-1] == "=D" and (keep is None or keep(columns.node(start + i)))]
    seen = ctx.state.setdefault(declaratie.findtext("{*}DeclaratieNummer"), Seen())
    for j in seen.repeated([key for _, key in debits], ctx.whole):
        i, key = debits[j][0], [stripped(v) for v in debits[j][1]]
        yield ctx.finding(columns.node(i), f"a second debit Prestatie for ToewijzingNummer {key[0]}, "
                                    f"product {key[1]}/{key[2]} and ProductPeriode {key[3]}..{key[4]}")
