from iwmo_ijw.xpath import date_of, find, int_of, text
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import referenced

TOTAAL = "6"  # frequentie: in total over the toewijzing's period


@rule(
    "TR373",
    retourcode="9373",
    messages=("JW317",),
    level=Level.CROSS,
    target="TeWijzigenProduct",
    needs=("history",),
)
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
        int_of(product, "Omvang/Volume"),
        text(product, "Omvang/Eenheid"),
    ) != (t.volume, t.eenheid):
        changed = ("volume", t.volume, int_of(product, "Omvang/Volume"))
    elif t.frequentie == TOTAAL and _omvang_changed(product, t):
        # IV092: any change to a toewijzing of frequentie totaal, also one away from totaal,
        # applies to its whole period.
        changed = ("totaal", t.volume, int_of(product, "Omvang/Volume"))
    if changed:
        yield ctx.finding(
            find(product, "GewensteIngangsdatum"),
            key=changed[0],
            old=changed[1],
            new=changed[2],
            nummer=t.nummer,
            ingang=t.ingangsdatum,
            gewenst=gewenst,
        )


def _omvang_changed(product, t) -> bool:
    """Whether the requested Omvang differs from the toewijzing's in volume, eenheid or frequentie."""
    if find(product, "Omvang") is None:
        return False
    return (
        int_of(product, "Omvang/Volume"),
        text(product, "Omvang/Eenheid"),
        text(product, "Omvang/Frequentie"),
    ) != (t.volume, t.eenheid, t.frequentie)
