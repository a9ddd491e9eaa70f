from iwmo_ijw.xpath import find, text
from validators.findings import Severity
from validators.registry import Level, rule
from validators.rules.registry._products import MESSAGES, product_uses
from validators.variants import ALLOWED, eenheid_naam, frequentie_naam


@rule("PC002", retourcode=None, messages=MESSAGES, level=Level.REGISTRY, severity=Severity.WARNING,
      needs=("registry",))
def pc002(ctx, bericht):
    """The Frequentie of an Omvang must be allowed for its Eenheid in the product's uitvoeringsvariant.

    Harmonisation rule of the national set (warning): e.g. a dagdeel cannot be assigned per dag.
    """
    if not ctx.registry.provides("products"):
        return
    for use in product_uses(ctx):
        if use.frequentie_path is None:
            continue
        node = find(use.node, use.frequentie_path)
        frequentie, eenheid = text(node), text(use.node, use.eenheid_path)
        product = ctx.registry.product(use.gemeente, use.categorie, use.code, use.on)
        if not frequentie or not eenheid or product is None:
            continue
        allowed = ALLOWED.get(product.uitvoeringsvariant or "", {}).get(eenheid)
        if allowed is not None and frequentie not in allowed:
            yield ctx.finding(
                node,
                f"Frequentie {frequentie_naam(frequentie)} is not allowed with Eenheid {eenheid_naam(eenheid)} "
                f"for {product.uitvoeringsvariant} product {use.code}",
            )
