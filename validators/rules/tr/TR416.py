from validators.checks import value
from validators.registry import Level, rule
from validators.rules.tr._keys import repeated

KEY = ("ToewijzingNummer", "ProductCategorie", "ProductCode", "ProductPeriode/Begindatum", "ProductPeriode/Einddatum")
# The client is part of the key: the same ToewijzingNummer and product under two different
# Clients (the official JW323 example has this) are two deliveries, and rejecting them would
# cost the provider money.
CLIENT = "^Client/Bsn"
DEBET_CREDIT = "IngediendBedrag/DebetCredit"


@rule(
    "TR416",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
    columns={"Prestatie": (*KEY, CLIENT, DEBET_CREDIT)},
)
def tr416(ctx, declaratie):
    """A declaration holds at most one debit Prestatie per ToewijzingNummer, product and ProductPeriode."""
    seen = set()
    for prestatie in repeated(ctx, declaratie, "Prestatie", (*KEY, CLIENT, DEBET_CREDIT)):
        if value(prestatie, DEBET_CREDIT) != "D":
            continue
        key = tuple(value(prestatie, p) for p in KEY) + (_bsn(prestatie),)
        if key in seen:
            yield ctx.finding(prestatie, nummer=key[0], product=f"{key[1]}/{key[2]}", begin=key[3],
                              end=key[4])
        seen.add(key)


def _bsn(prestatie):
    prestaties = prestatie.getparent()
    client = prestaties.getparent() if prestaties is not None else None
    return value(client, "Bsn")
