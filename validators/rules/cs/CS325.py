from iwmo_ijw.xpath import find, local
from validators.rules.checks import value
from validators.rules.registry import Level, rule


@rule(
    "CS325",
    retourcode="0001",
    messages=("JW323", "JW325"),
    level=Level.MESSAGE,
    target=("TotaalIngediendBedrag", "TotaalToegekendBedrag", "IngediendBedrag"),
    reads=("TotaalBedrag", "Bedrag", "DebetCredit"),
)
def cs325(ctx, node):
    """An amount of zero is written as debit (D)."""
    amount = value(node, "TotaalBedrag") if local(node).startswith("Totaal") else value(node, "Bedrag")
    if amount is not None and amount.lstrip("0") == "" and value(node, "DebetCredit") != "D":
        yield ctx.finding(
            find(node, "DebetCredit"), element=local(node), debet_credit=value(node, "DebetCredit")
        )
