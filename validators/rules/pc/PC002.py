from iwmo_ijw.xpath import find, text
from validators.findings import Severity
from validators.rules.pc._products import CLASSES, MESSAGES, READS, product_use
from validators.rules.registry import Level, rule
from validators.variants import ALLOWED, eenheid_naam, frequentie_naam


@rule(
    "PC002",
    retourcode=None,
    messages=MESSAGES,
    level=Level.REGISTRY,
    severity=Severity.WARNING,
    needs=("registry:producten",),
    target=CLASSES,
    reads=READS,
)
def pc002(ctx, node):
    """The Frequentie of an Omvang must be allowed for its Eenheid in the product's uitvoeringsvariant.

    Harmonisation rule of the national set (warning): e.g. a dagdeel cannot be assigned per dag.
    """
    use = product_use(ctx, node)
    if use is None or use.frequentie_path is None:
        return
    frequentie_node = find(use.node, use.frequentie_path)
    frequentie, eenheid = text(frequentie_node), text(use.node, use.eenheid_path)
    product = ctx.registry.product(use.gemeente, use.categorie, use.code, use.on)
    if not frequentie or not eenheid or product is None:
        return
    allowed = ALLOWED.get(product.uitvoeringsvariant or "", {}).get(eenheid)
    if allowed is not None and frequentie not in allowed:
        yield ctx.finding(
            frequentie_node,
            frequentie=frequentie_naam(frequentie),
            eenheid=eenheid_naam(eenheid),
            variant=product.uitvoeringsvariant,
            productcode=use.code,
        )
