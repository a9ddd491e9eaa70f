from iwmo_ijw.xpath import date_of, findall, text
from validators.rules.checks import periods_overlap, same_product
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced


@rule(
    "TR361", retourcode="9361", messages=("JW317",), level=Level.CROSS, target="Verzoek", needs=("history",)
)
def tr361(ctx, verzoek):
    """A product occurs more than once in a change request only for periods that do not overlap.

    Unchanged and to-be-changed products take their product (and, where not given, their
    period) from the toewijzing they name; without a productcode the categorie decides, and
    without a categorie a product may overlap with no other.
    """
    items = []
    for node in findall(verzoek, "OngewijzigdeProducten/OngewijzigdProduct"):
        t = referenced(ctx, node)
        if t is not None and t.ingangsdatum is not None:
            items.append((node, t.categorie, t.code, (t.ingangsdatum, t.einddatum)))
    for node in findall(verzoek, "TeWijzigenProducten/TeWijzigenProduct"):
        t = referenced(ctx, node)
        if t is not None and t.ingangsdatum is not None:
            items.append((node, t.categorie, t.code, (t.ingangsdatum, date_of(node, "Einddatum"))))
    for node in findall(verzoek, "NieuweProducten/NieuwProduct"):
        start = date_of(node, "GewensteIngangsdatum")
        if start is not None:
            items.append(
                (
                    node,
                    text(node, "Product/Categorie"),
                    text(node, "Product/Code"),
                    (start, date_of(node, "Einddatum")),
                )
            )
    for i, (node, categorie, code, period) in enumerate(items):
        for _, other_cat, other_code, other_period in items[:i]:
            if not periods_overlap(period, other_period):
                continue
            if same_product(
                categorie, code, other_cat, other_code, iwmo=ctx.message.message_type.standard.name == "iWmo"
            ):
                yield ctx.finding(
                    node,
                    product=f"{categorie or '-'}/{code or '-'}",
                    begin=period[0],
                    other_begin=other_period[0],
                    other_end=other_period[1],
                )
                break
