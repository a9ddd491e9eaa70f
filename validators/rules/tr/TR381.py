from iwmo_ijw.xpath import date_of, find, local, text
from validators.rules.registry import Level, rule

# Per message: the product classes, where their categorie/code/date live, and which header
# element names the gemeente whose product list is in use.
_CLASSES = {
    "301": ("Afzender", (("ToegewezenProduct", "Product/Categorie", "Product/Code", "Ingangsdatum"),)),
    "305": ("Ontvanger", (("StartProduct", "Product/Categorie", "Product/Code", "Begindatum"),)),
    "307": ("Ontvanger", (("StopProduct", "Product/Categorie", "Product/Code", "Begindatum"),)),
    "315": (
        "Ontvanger",
        (("AangevraagdProduct", "Product/Categorie", "Product/Code", "ToewijzingIngangsdatum"),),
    ),
    "317": ("Ontvanger", (("NieuwProduct", "Product/Categorie", "Product/Code", "GewensteIngangsdatum"),)),
    "323": ("Ontvanger", (("Prestatie", "ProductCategorie", "ProductCode", "ProductPeriode/Begindatum"),)),
}


_TARGETS = tuple(dict.fromkeys(c[0] for _, classes in _CLASSES.values() for c in classes))
_READS = tuple(dict.fromkeys(p for _, classes in _CLASSES.values() for c in classes for p in c[1:]))


@rule(
    "TR381",
    retourcode="S329",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW323"),
    level=Level.EXTERNAL,
    target=_TARGETS,
    needs=("registry:producten",),
    reads=_READS,
)
def tr381(ctx, product):
    """A ProductCode must exist, under that ProductCategorie, in the product list the gemeente uses on that
    date."""
    registry = ctx.registry
    header_element, classes = _CLASSES[ctx.message.message_type.number]
    name = local(product)
    for class_name, categorie_path, code_path, date_path in classes:
        if class_name != name:
            continue
        code_node = find(product, code_path)
        code, categorie = text(code_node), text(product, categorie_path)
        on = date_of(product, date_path)
        if not code or not categorie or on is None:
            continue  # an aspecifieke toewijzing has no code; a missing date is the XSD's concern
        gemeente = text(ctx.root, f"Header/{header_element}")
        if registry.product(gemeente, categorie, code, on) is None:
            yield ctx.finding(code_node, **_explain(registry, gemeente, categorie, code, on))


def _explain(registry, gemeente, categorie, code, on) -> dict:
    """The catalogue key and values of the finding (validators.reporting.texts)."""
    elsewhere = sorted({p.productcategorie for p in registry.products(gemeente, code, on)})
    values = {"productcode": code, "categorie": categorie, "gemeente": gemeente, "on": on}
    if elsewhere:
        return {"key": "other_categorie", **values, "elsewhere": tuple(elsewhere)}
    return {"key": "unknown", **values}
