from iwmo_ijw.xpath import as_date, date_of, find, iter_local, text
from validators.registry import Level, rule

# Which header element names a gemeente depends on who sends the message.
_GEMEENTE_IN_HEADER = {"301": "Afzender", "319": "Afzender", "325": "Afzender"}
# The dates the rule names: a gemeente that ceased by herindeling is still accepted on the CBS
# list current on the toewijzing's Ingangsdatum (ToegewezenProduct/Ingangsdatum in a JW301,
# ToewijzingIngangsdatum where a message repeats it). Other dates (a Contact's Periode, a
# ProductPeriode) say nothing about the toewijzing and never rescue a gemeente.
_INGANGSDATUM = ("ToegewezenProduct", "Ingangsdatum")
_TOEWIJZING_INGANGSDATUM = "ToewijzingIngangsdatum"


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
    for node in nodes:
        code = text(node)
        if not code or (dagtekening is not None and registry.gemeente(code, dagtekening)):
            continue  # valid on the Dagtekening: the product dates cannot change the verdict
        dates = _relevant_dates(ctx, bericht, dagtekening, code)
        if not any(registry.gemeente(code, day) for day in dates):
            yield ctx.finding(node, **_explain(registry, code, dates))


def _relevant_dates(ctx, bericht, dagtekening, gemeente: str) -> list:
    texts = {el.text for el in bericht.iter(f"{{*}}{_TOEWIJZING_INGANGSDATUM}")}
    texts |= {el.text for product in bericht.iter(f"{{*}}{_INGANGSDATUM[0]}")
              for el in product.iterchildren(f"{{*}}{_INGANGSDATUM[1]}")}
    dates = [dagtekening, *(as_date((t or "").strip()) for t in texts)]
    dates.extend(_ingangsdata_in_history(ctx, bericht, gemeente))
    return sorted({d for d in dates if d is not None})


def _ingangsdata_in_history(ctx, bericht, gemeente: str) -> set:
    """The Ingangsdatum of each toewijzing the message names by number, when the history has it."""
    history = ctx.history
    if history is None:
        return set()
    # 100,000 Prestaties name a handful of toewijzingen: each number is looked up once.
    nummers = {(el.text or "").strip() for el in bericht.iter("{*}ToewijzingNummer")}
    found = (history.toewijzing(n, gemeente=gemeente) for n in nummers if n)
    return {t.ingangsdatum for t in found if t is not None}


def _explain(registry, code: str, dates: list) -> dict:
    """The catalogue key and values of the finding (validators.texts)."""
    if not registry.gemeente_known(code):
        return {"key": "unknown", "gemeentecode": code}
    return {"key": "ended", "gemeentecode": code, "first": dates[0], "last": dates[-1]}
