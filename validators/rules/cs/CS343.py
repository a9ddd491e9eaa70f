from validators.rules.cs._frequentie import frequentie_check
from validators.rules.registry import Level, rule


@rule("CS343", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="AangevraagdProduct")
def cs343(ctx, product):
    """After 2020, a requested Omvang in etmalen, dagdelen, euro's or stuks is weekly, monthly or in total."""
    yield from frequentie_check(ctx, product, "ToewijzingEinddatum")
