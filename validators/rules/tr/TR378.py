from dataclasses import dataclass, field
from datetime import date

from iwmo_ijw.xpath import as_date, date_of, find, iter_local, text
from validators.findings import Finding
from validators.rules.context import said
from validators.rules.registry import Level, rule

# Which header element names a gemeente depends on who sends the message.
_GEMEENTE_IN_HEADER = {"301": "Afzender", "319": "Afzender", "325": "Afzender"}
# The dates the rule names: a gemeente that ceased by herindeling is still accepted on the CBS
# list current on the toewijzing's Ingangsdatum (ToegewezenProduct/Ingangsdatum in a JW301,
# ToewijzingIngangsdatum where a message repeats it, or the Ingangsdatum in the history of a
# toewijzing the message names by number). Other dates (a Contact's Periode, a ProductPeriode)
# say nothing about the toewijzing and never rescue a gemeente.
_INGANGSDATUM = ("ToegewezenProduct", "Ingangsdatum")
_TOEWIJZING_INGANGSDATUM = "ToewijzingIngangsdatum"


@dataclass
class _Gemeenten:
    """The gemeentecodes not valid on the Dagtekening (by where they stand), and the distinct
    dates and toewijzing numbers of the message: together they decide, once the message has ended."""

    dagtekening: date | None = None
    doubtful: dict[str | None, tuple[str, Finding]] = field(default_factory=dict)
    texts: set[str | None] = field(default_factory=set)
    nummers: set[str] = field(default_factory=set)
    started: bool = False


def _finish(ctx, gemeenten: _Gemeenten):
    if not gemeenten.doubtful:
        return
    for code, place in gemeenten.doubtful.values():
        dates = _relevant_dates(ctx, gemeenten, code)
        if not any(ctx.registry.gemeente(code, day) for day in dates):
            yield said(place, **_explain(ctx.registry, code, dates))


@rule(
    "TR378",
    retourcode="S300",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    level=Level.EXTERNAL,
    target="Bericht",
    needs=("registry:gemeenten",),
    state=_Gemeenten,
    finish=_finish,
)
def tr378(ctx, bericht):
    """A gemeentecode must be in the CBS gemeente list valid on the message's relevant dates."""
    registry = ctx.registry
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
            continue  # valid on the Dagtekening: the other dates cannot change the verdict
        place = ctx.placed(node)
        gemeenten.doubtful.setdefault(place.xpath, (code, place))
    if gemeenten.doubtful or number == "319":
        # 100,000 Prestaties share a handful of dates and toewijzingen: each distinct text is kept once.
        gemeenten.texts.update(el.text for el in bericht.iter(f"{{*}}{_TOEWIJZING_INGANGSDATUM}"))
        gemeenten.texts.update(
            el.text
            for product in bericht.iter(f"{{*}}{_INGANGSDATUM[0]}")
            for el in product.iterchildren(f"{{*}}{_INGANGSDATUM[1]}")
        )
        gemeenten.nummers.update((el.text or "").strip() for el in bericht.iter("{*}ToewijzingNummer"))


def _relevant_dates(ctx, gemeenten: _Gemeenten, gemeente: str) -> list[date]:
    dates = [gemeenten.dagtekening, *(as_date((t or "").strip()) for t in gemeenten.texts)]
    if ctx.history is not None:
        found = (ctx.history.toewijzing(n, gemeente=gemeente) for n in gemeenten.nummers if n)
        dates.extend(t.ingangsdatum for t in found if t is not None)
    return sorted({d for d in dates if d is not None})


def _explain(registry, code: str, dates: list) -> dict:
    """The catalogue key and values of the finding (validators.reporting.texts)."""
    if not registry.gemeente_known(code):
        return {"key": "unknown", "gemeentecode": code}
    return {"key": "ended", "gemeentecode": code, "first": dates[0], "last": dates[-1]}
