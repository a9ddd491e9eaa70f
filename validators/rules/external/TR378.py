from dataclasses import dataclass, field, replace
from datetime import date

from iwmo_ijw.xpath import as_date, date_of, find, iter_local, text
from validators.findings import Finding
from validators.registry import Level, rule

# Which header element names a gemeente depends on who sends the message.
_GEMEENTE_IN_HEADER = {"301": "Afzender", "319": "Afzender", "325": "Afzender"}
# Product dates in the message: a gemeente that ceased by herindeling is still accepted on
# messages about products that started while it existed (the standard allows the CBS list
# current on the toewijzing's ingangsdatum).
_PRODUCT_DATES = ("Ingangsdatum", "ToewijzingIngangsdatum", "Begindatum", "GewensteIngangsdatum")


@dataclass
class _Gemeenten:
    """The gemeentecodes not valid on the Dagtekening (by where they stand), and the distinct
    product dates of the message: together they decide, once the message has ended."""

    dagtekening: date | None = None
    doubtful: dict[str | None, tuple[str, Finding]] = field(default_factory=dict)
    texts: set[str | None] = field(default_factory=set)
    started: bool = False


def _finish(ctx, gemeenten: _Gemeenten):
    if not gemeenten.doubtful:
        return
    dates = _relevant_dates(gemeenten.texts, gemeenten.dagtekening)
    for code, place in gemeenten.doubtful.values():
        if not any(ctx.registry.gemeente(code, day) for day in dates):
            yield replace(place, message=_explain(ctx.registry, code, dates))


@rule(
    "TR378",
    retourcode="S300",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    level=Level.EXTERNAL,
    target="Bericht",
    needs=("registry",),
    state=_Gemeenten,
    finish=_finish,
)
def tr378(ctx, bericht):
    """A gemeentecode must be in the CBS gemeente list valid on the message's relevant dates."""
    registry = ctx.registry
    if not registry.provides("gemeenten"):
        return
    gemeenten = ctx.state
    number = ctx.message.message_type.number
    nodes = []
    if not gemeenten.started:  # the Header: met in the first chunk of a streamed message
        gemeenten.started = True
        gemeenten.dagtekening = date_of(bericht, "Header/BerichtIdentificatie/Dagtekening")
        nodes.append(find(bericht, f"Header/{_GEMEENTE_IN_HEADER.get(number, 'Ontvanger')}"))
    if number == "319":
        nodes.extend(find(w, "Gemeente") for w in iter_local(bericht, "Woonplaatsbeginsel"))
    for node in nodes:
        code = text(node)
        if not code or (gemeenten.dagtekening is not None and registry.gemeente(code, gemeenten.dagtekening)):
            continue  # valid on the Dagtekening: the product dates cannot change the verdict
        place = ctx.placed(node)
        gemeenten.doubtful.setdefault(place.xpath, (code, place))
    if gemeenten.doubtful or number == "319":
        # 100,000 Prestaties share a handful of dates: each distinct text is kept once.
        gemeenten.texts.update(el.text for el in bericht.iter(*(f"{{*}}{name}" for name in _PRODUCT_DATES)))


def _relevant_dates(texts: set[str | None], dagtekening: date | None) -> list[date]:
    dates = [dagtekening, *(as_date((t or "").strip()) for t in texts)]
    return sorted({d for d in dates if d is not None})


def _explain(registry, code: str, dates: list) -> str:
    shown = dates[0].isoformat() if len(dates) == 1 else f"{dates[0]} … {dates[-1]}"
    if not registry.gemeente_known(code):
        return f"gemeentecode {code} is not in the CBS gemeente list"
    return f"gemeentecode {code} is not a valid gemeente on the dates of this message ({shown})"
