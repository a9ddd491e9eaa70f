from dataclasses import dataclass, replace

from iwmo_ijw.xpath import find, findall, iter_local
from validators.checks import signed
from validators.registry import Level, rule


@dataclass
class _Antwoord:
    """What one DeclaratieAntwoord says of its totals, and the rejected amounts seen so far."""

    place: object  # where a finding on TotaalToegekendBedrag stands
    ingediend: int | None
    toegekend: int | None
    afgewezen_geheel: bool  # rejected as a whole (a RetourCode of its own other than 0200)
    afgewezen: int = 0


def _finish(ctx, antwoorden: dict):
    for a in antwoorden.values():
        if a.ingediend is None or a.toegekend is None:
            continue
        if a.afgewezen_geheel:
            # The declaration as a whole is rejected: nothing is judged per Prestatie, nothing granted.
            if a.toegekend != 0:
                yield replace(a.place, message=f"TotaalToegekendBedrag is {a.toegekend} although the "
                                               "DeclaratieAntwoord is rejected; it must be 0")
        elif a.afgewezen != a.ingediend - a.toegekend:
            yield replace(a.place, message=f"the rejected Prestaties add up to {a.afgewezen}, but TotaalIngediendBedrag "
                                           f"{a.ingediend} minus TotaalToegekendBedrag {a.toegekend} is "
                                           f"{a.ingediend - a.toegekend}")


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
    """A declaratie-antwoord holds only rejected Prestaties, and they explain the difference between submitted and granted."""
    prestaties = list(iter_local(declaratieantwoord, "Prestatie"))
    for prestatie in prestaties:
        codes = [(c.text or "").strip() for c in findall(prestatie, "RetourCodes/RetourCode")]
        if codes and all(c == "0200" for c in codes):
            yield ctx.finding(prestatie, "a Prestatie that was accepted (only RetourCode 0200) does not belong in the answer")
    # The DeclaratieAntwoord stands around the Clients: a streamed message shows it with every chunk.
    place = ctx.placed(find(declaratieantwoord, "TotaalToegekendBedrag"))
    antwoord = ctx.state.get(place.xpath)
    if antwoord is None:
        own = [(c.text or "").strip() for c in findall(declaratieantwoord, "RetourCodes/RetourCode")]
        antwoord = ctx.state[place.xpath] = _Antwoord(
            place, signed(find(declaratieantwoord, "TotaalIngediendBedrag"), "TotaalBedrag"),
            signed(find(declaratieantwoord, "TotaalToegekendBedrag"), "TotaalBedrag"), any(c != "0200" for c in own))
    antwoord.afgewezen += sum(signed(find(p, "IngediendBedrag")) or 0 for p in prestaties)
