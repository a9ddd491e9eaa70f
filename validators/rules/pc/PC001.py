from iwmo_ijw.xpath import find, text
from validators.findings import Severity
from validators.rules.pc._products import CLASSES, MESSAGES, READS, product_use
from validators.rules.registry import Level, rule
from validators.variants import ALLOWED, eenheid_naam


@rule(
    "PC001",
    retourcode=None,
    messages=MESSAGES,
    level=Level.REGISTRY,
    severity=Severity.WARNING,
    needs=("registry:producten",),
    target=CLASSES,
    reads=READS,
)
def pc001(ctx, node):
    """The Eenheid of a product must be one its uitvoeringsvariant and its product definition allow.

    A harmonisation rule of the national set, not (yet) of the standard: reported as a warning
    so that no message is rejected on it.
    """
    use = product_use(ctx, node)
    if use is None:
        return
    eenheid_node = find(use.node, use.eenheid_path)
    eenheid = text(eenheid_node)
    product = ctx.registry.product(use.gemeente, use.categorie, use.code, use.on)
    if not eenheid or product is None:
        return
    allowed_by_variant = ALLOWED.get(product.uitvoeringsvariant or "", None)
    if allowed_by_variant is not None and eenheid not in allowed_by_variant:
        yield ctx.finding(
            eenheid_node,
            key="variant",
            eenheid=eenheid_naam(eenheid),
            productcode=use.code,
            variant=product.uitvoeringsvariant,
        )
    elif product.eenheden and eenheid not in product.eenheden:
        allowed = ", ".join(eenheid_naam(e) for e in product.eenheden)
        yield ctx.finding(
            eenheid_node, key="product", eenheid=eenheid_naam(eenheid), productcode=use.code, allowed=allowed
        )
