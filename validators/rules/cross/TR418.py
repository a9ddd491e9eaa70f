from iwmo_ijw.xpath import date_of, find, int_of, text
from validators.registry import Level, rule
from validators.rules.cross._common import header


@rule("TR418", retourcode="0611", messages=("JW323",), level=Level.CROSS, target="Prestatie", needs=("registry",))
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
    if contract is not None and contract.tarief != tarief:
        yield ctx.finding(tarief_node, f"ProductTarief {tarief} differs from the contracted tariff {contract.tarief} "
                                       f"for {categorie}/{code} of gemeente {gemeente} on {on}")
