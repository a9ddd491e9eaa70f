from iwmo_ijw.xpath import date_of, find, int_of, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.rules.tr._tarief import MINUUT, UUR, per_minuut


@rule(
    "TR418",
    retourcode="0611",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("registry:tarieven",),
    reads=("ProductTarief", "ProductPeriode/Begindatum", "ProductCategorie", "ProductCode", "Eenheid"),
)
def tr418(ctx, prestatie):
    """ProductTarief is the tariff contracted for this aanbieder, gemeente and product on that date.

    Only a known contract can be contradicted: without a tariff in the registry for the
    combination nothing is said (absence is no evidence).
    """
    aanbieder, gemeente = header(ctx)
    tarief_node = find(prestatie, "ProductTarief")
    tarief, on = int_of(tarief_node), date_of(prestatie, "ProductPeriode/Begindatum")
    if tarief is None or on is None:
        return
    categorie, code = text(prestatie, "ProductCategorie"), text(prestatie, "ProductCode")
    contract = ctx.registry.tarief(aanbieder, gemeente, categorie or "", code or "", on)
    if contract is None:
        return
    expected = contracted(contract.tarief, contract.eenheid, text(prestatie, "Eenheid"))
    if expected is not None and expected != tarief:
        yield ctx.finding(
            tarief_node,
            tarief=tarief,
            expected=expected,
            product=f"{categorie}/{code}",
            gemeente=gemeente,
            on=on,
        )


def contracted(tarief: int, contract_eenheid: str | None, eenheid: str | None) -> int | None:
    """The ProductTarief the contract prescribes for the declared eenheid; None when it says nothing.

    An hourly contract may be declared in minutes (the tariff is then converted); any other
    mismatch of eenheden is the eenheid rules' concern, not a tariff we can compare.
    """
    if not contract_eenheid or contract_eenheid == eenheid:
        return tarief
    if contract_eenheid == UUR and eenheid == MINUUT:
        return per_minuut(tarief)
    return None
