from dataclasses import dataclass, field

from validators.engine.accumulate import Seen
from validators.rules.context import said
from validators.rules.registry import Level, rule
from validators.rules.tr._keys import in_declaratie
from validators.rules.values import texts

REFERENTIE = ("ReferentieNummer", "VorigReferentieNummer")


@dataclass
class _Credits:
    declared: Seen = field(default_factory=Seen)  # every ReferentieNummer of the message so far
    # Credits whose Prestatie was not declared before them (a later chunk may still declare it):
    # VorigReferentieNummer -> findings at the credits, written if it is.
    waiting: dict[str, list] = field(default_factory=dict)


def _finish(ctx, credits: _Credits):
    waiting = list(credits.waiting.items())
    met = credits.declared.met([nummer for nummer, _ in waiting], ctx.whole)
    for (nummer, places), declared in zip(waiting, met, strict=True):
        for place in places if declared else ():
            yield said(place, nummer=nummer)


@rule(
    "TR316",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    columns={"ProductReferentie": REFERENTIE},
    state=_Credits,
    finish=_finish,
)
def tr316(ctx, declaratie):
    """A Prestatie is not credited in the same message that declares it."""
    columns, kept = in_declaratie(ctx, declaratie, "ProductReferentie", REFERENTIE)
    referenties, vorige = texts(columns["ReferentieNummer"]), texts(columns["VorigReferentieNummer"])
    credits = ctx.state
    credits.declared.add([referenties[i] for i in kept if referenties[i] is not None], ctx.whole)
    credited = [(i, vorige[i]) for i in kept if vorige[i] is not None]
    declared = credits.declared.met([nummer for _, nummer in credited], ctx.whole)
    for (i, nummer), earlier in zip(credited, declared, strict=True):
        node = columns.node(i).find("{*}VorigReferentieNummer")
        if earlier:
            yield ctx.finding(node, nummer=nummer)
        elif not ctx.whole:  # a later chunk may declare it
            credits.waiting.setdefault(nummer, []).append(ctx.placed(node))
