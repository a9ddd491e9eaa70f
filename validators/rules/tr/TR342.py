from dataclasses import dataclass

from iwmo_ijw.xpath import find, findall, iter_local
from validators.rules.checks import signed
from validators.rules.context import said
from validators.rules.registry import Level, rule

NOT_REJECTING = ("0200", "8001")


@dataclass
class _Antwoord:
    """What one DeclaratieAntwoord says of its totals, and the rejected amounts seen so far."""

    place: object  # where a finding on TotaalToegekendBedrag stands
    ingediend: int | None
    toegekend: int | None
    afgewezen_geheel: bool  # rejected as a whole (a RetourCode of its own other than 0200 or 8001)
    afgewezen: int = 0


def _finish(ctx, antwoorden: dict):
    for a in antwoorden.values():
        if a.ingediend is None or a.toegekend is None:
            continue
        if a.afgewezen_geheel:
            # The declaration as a whole is rejected: nothing is judged per Prestatie, nothing granted.
            if a.toegekend != 0:
                yield said(a.place, key="rejected", toegekend=a.toegekend)
        elif a.afgewezen != a.ingediend - a.toegekend:
            yield said(
                a.place,
                key="difference",
                afgewezen=a.afgewezen,
                ingediend=a.ingediend,
                toegekend=a.toegekend,
                verschil=a.ingediend - a.toegekend,
            )


@rule(
    "TR342",
    retourcode="0001",
    messages=("JW325",),
    level=Level.MESSAGE,
    target="DeclaratieAntwoord",
    state=dict,  # per DeclaratieAntwoord (by path): _Antwoord
    finish=_finish,
)
def tr342(ctx, declaratieantwoord):
    """A declaratie-antwoord holds only rejected Prestaties, and they explain the difference between
    submitted and granted."""
    prestaties = list(iter_local(declaratieantwoord, "Prestatie"))
    for prestatie in prestaties:
        codes = [(c.text or "").strip() for c in findall(prestatie, "RetourCodes/RetourCode")]
        if codes and all(c == "0200" for c in codes):
            yield ctx.finding(prestatie, key="accepted")
    # The DeclaratieAntwoord stands around the Clients: a streamed message shows it with every chunk.
    place = ctx.placed(find(declaratieantwoord, "TotaalToegekendBedrag"))
    antwoord = ctx.state.get(place.xpath)
    if antwoord is None:
        own = [(c.text or "").strip() for c in findall(declaratieantwoord, "RetourCodes/RetourCode")]
        # 8001 (granted in full, IV087) rejects nothing: granted equals submitted, no Prestaties listed.
        antwoord = ctx.state[place.xpath] = _Antwoord(
            place,
            signed(find(declaratieantwoord, "TotaalIngediendBedrag"), "TotaalBedrag"),
            signed(find(declaratieantwoord, "TotaalToegekendBedrag"), "TotaalBedrag"),
            any(c not in NOT_REJECTING for c in own),
        )
    antwoord.afgewezen += sum(signed(find(p, "IngediendBedrag")) or 0 for p in prestaties)
