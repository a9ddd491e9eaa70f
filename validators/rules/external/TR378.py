from iwmo_ijw.xpath import as_date, date_of, find, iter_local, text
from validators.registry import Level, rule

# Which header element names a gemeente depends on who sends the message.
_GEMEENTE_IN_HEADER = {"301": "Afzender", "319": "Afzender", "325": "Afzender"}
# Product dates in the message: a gemeente that ceased by herindeling is still accepted on
# messages about products that started while it existed (the standard allows the CBS list
# current on the toewijzing's ingangsdatum).
_PRODUCT_DATES = ("Ingangsdatum", "ToewijzingIngangsdatum", "Begindatum", "GewensteIngangsdatum")


@rule(
    "TR378",
    retourcode="S300",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    level=Level.EXTERNAL,
    target="Bericht",
    needs=("registry",),
)
def tr378(ctx, bericht):
    """A gemeentecode must be in the CBS gemeente list valid on the message's relevant dates."""
    registry = ctx.registry
    if not registry.provides("gemeenten"):
        return
    number = ctx.message.message_type.number
    nodes = [find(bericht, f"Header/{_GEMEENTE_IN_HEADER.get(number, 'Ontvanger')}")]
    if number == "319":
        nodes.extend(find(w, "Gemeente") for w in iter_local(bericht, "Woonplaatsbeginsel"))
    dagtekening = date_of(bericht, "Header/BerichtIdentificatie/Dagtekening")
    dates = None
    for node in nodes:
        code = text(node)
        if not code or (dagtekening is not None and registry.gemeente(code, dagtekening)):
            continue  # valid on the Dagtekening: the product dates cannot change the verdict
        dates = _relevant_dates(bericht, dagtekening) if dates is None else dates
        if not any(registry.gemeente(code, day) for day in dates):
            yield ctx.finding(node, **_explain(registry, code, dates))


def _relevant_dates(bericht, dagtekening) -> list:
    dates = [dagtekening]
    # 100,000 Prestaties share a handful of dates: parse each distinct text once.
    texts = {el.text for el in bericht.iter(*(f"{{*}}{name}" for name in _PRODUCT_DATES))}
    dates.extend(as_date((t or "").strip()) for t in texts)
    return sorted({d for d in dates if d is not None})


def _explain(registry, code: str, dates: list) -> dict:
    """The catalogue key and values of the finding (validators.texts)."""
    if not registry.gemeente_known(code):
        return {"key": "unknown", "gemeentecode": code}
    return {"key": "ended", "gemeentecode": code, "first": dates[0], "last": dates[-1]}
