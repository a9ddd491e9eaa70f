from iwmo_ijw.xpath import find, findall, iter_local
from validators.checks import signed
from validators.registry import Level, rule


@rule(
    "TR342",
    retourcode="0001",
    messages=("JW325",),
    level=Level.MESSAGE,
    target="DeclaratieAntwoord",
    streaming=False,
)
def tr342(ctx, declaratieantwoord):
    """A declaratie-antwoord holds only rejected Prestaties, and they explain the difference between submitted and granted."""
    prestaties = list(iter_local(declaratieantwoord, "Prestatie"))
    for prestatie in prestaties:
        codes = [(c.text or "").strip() for c in findall(prestatie, "RetourCodes/RetourCode")]
        if codes and all(c == "0200" for c in codes):
            yield ctx.finding(prestatie, key="accepted")
    ingediend = signed(find(declaratieantwoord, "TotaalIngediendBedrag"), "TotaalBedrag")
    toegekend = signed(find(declaratieantwoord, "TotaalToegekendBedrag"), "TotaalBedrag")
    if ingediend is None or toegekend is None:
        return
    own = [(c.text or "").strip() for c in findall(declaratieantwoord, "RetourCodes/RetourCode")]
    if any(c != "0200" for c in own):
        # The declaration as a whole is rejected: nothing is judged per Prestatie, nothing granted.
        if toegekend != 0:
            yield ctx.finding(find(declaratieantwoord, "TotaalToegekendBedrag"),
                              key="rejected", toegekend=toegekend)
        return
    afgewezen = sum(signed(find(p, "IngediendBedrag")) or 0 for p in prestaties)
    if afgewezen != ingediend - toegekend:
        yield ctx.finding(find(declaratieantwoord, "TotaalToegekendBedrag"),
                          key="difference", afgewezen=afgewezen, ingediend=ingediend, toegekend=toegekend,
                          verschil=ingediend - toegekend)
