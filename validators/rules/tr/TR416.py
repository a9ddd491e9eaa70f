from validators.engine.accumulate import Seen, line_keys
from validators.rules.registry import Level, rule
from validators.rules.tr._keys import inside
from validators.rules.values import holding, text

KEY = (
    "ToewijzingNummer",
    "ProductCategorie",
    "ProductCode",
    "ProductPeriode/Begindatum",
    "ProductPeriode/Einddatum",
)
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
    keys = line_keys(ctx, "Prestatie", PATHS)  # the sign is part of the key: the same D for all
    chosen = _debits(keys)
    if keep is not None:
        chosen = [i for i in chosen if keep(columns.node(start + i))]
    seen = ctx.state.setdefault(declaratie.findtext("{*}DeclaratieNummer"), Seen())
    for j in seen.repeated(keys if len(chosen) == len(keys) else [keys[i] for i in chosen], ctx.whole):
        i = chosen[j]
        key = [text(v) for v in keys[i]]
        yield ctx.finding(
            columns.node(start + i), nummer=key[0], product=f"{key[1]}/{key[2]}", begin=key[3], end=key[4]
        )


def _debits(keys: list[tuple]) -> list[int]:
    # Counted in C (list.count): most declarations hold debits only.
    signs, debit = [key[-1] for key in keys], holding("D")
    if signs.count(debit) == len(signs):
        return list(range(len(signs)))
    return [i for i, sign in enumerate(signs) if sign == debit]
