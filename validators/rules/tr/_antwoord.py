"""What the JW319 rules share: the answer's ReferentieAanbieder and earlier answers to it."""

from __future__ import annotations

from iwmo_ijw.xpath import find, text
from validators.rules.context import RuleContext
from validators.rules.tr._common import header
from validators.sources.history import VerzoekAntwoord

IN_ONDERZOEK = "2"


def earlier_answers(ctx: RuleContext, antwoord) -> tuple[str | None, list[VerzoekAntwoord]]:
    gemeente, aanbieder = header(ctx)
    referentie = text(antwoord, "ReferentieAanbieder")
    if not referentie:
        return None, []
    ident = text(find(ctx.root, "Header/BerichtIdentificatie/Identificatie"))
    # The message itself may be in the history (re-validation): it is not its own predecessor.
    answers = [
        a
        for a in ctx.history.verzoek_antwoorden_for(referentie, aanbieder=aanbieder)
        if a.afzender == gemeente and a.ontvanger == aanbieder and a.identificatie != ident
    ]
    return referentie, answers
