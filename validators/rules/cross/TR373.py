from iwmo_ijw.xpath import date_of, find, int_of, text
from validators.registry import Level, rule
from validators.rules.cross._verzoek import referenced

TOTAAL = "6"  # frequentie: in total over the toewijzing's period


@rule("TR373", retourcode="9373", messages=("JW317",), level=Level.CROSS, target="TeWijzigenProduct",
      needs=("history",))
def tr373(ctx, product):
    """Changing a Budget or a total volume applies to the whole toewijzing: it starts on its Ingangsdatum."""
    t = referenced(ctx, product)
    gewenst = date_of(product, "GewensteIngangsdatum")
    if t is None or gewenst is None or t.ingangsdatum is None or gewenst == t.ingangsdatum:
        return
    budget = int_of(product, "Budget")
    changed = None
    if budget is not None and budget != t.budget:
        changed = ("budget", t.budget, budget)
    elif text(product, "Omvang/Frequentie") == TOTAAL and (
            int_of(product, "Omvang/Volume"), text(product, "Omvang/Eenheid")) != (t.volume, t.eenheid):
        changed = ("volume", t.volume, int_of(product, 'Omvang/Volume'))
    if changed:
        yield ctx.finding(find(product, "GewensteIngangsdatum"),
                          key=changed[0], old=changed[1], new=changed[2], nummer=t.nummer,
                          ingang=t.ingangsdatum,
                          gewenst=gewenst)
