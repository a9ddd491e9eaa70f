from iwmo_ijw.xpath import text
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.sources.lifecycle import verzoek_stands

AFGEWEZEN = "1"


@rule(
    "TR374",
    retourcode="9374",
    messages=("JW315", "JW317"),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
)
def tr374(ctx, client):
    """No new request for a client while an earlier request of the same aanbieder is still being handled.

    A request is handled once the gemeente rejected it (JW319 with VerzoekAntwoord 1) or
    assigned with its ReferentieAanbieder (JW301). Requests sent after this one (a store may
    hold them) cannot make this one premature, so they are left out, and so are requests
    their retour message (JW316/JW318) rejected: OP350 counts a request as being handled
    only once its retour found no errors.
    """
    aanbieder, gemeente = header(ctx)
    sent = dagtekening(ctx)
    bsn = text(client, "Bsn")
    identificatie = text(ctx.root, "Header/BerichtIdentificatie/Identificatie")
    own = {(n.text or "").strip() for n in client.iter("{*}ReferentieAanbieder")}
    for referentie, verzoeken in ctx.history.verzoeken.items():
        if referentie in own:
            continue
        if not any(
            v.afzender == aanbieder
            and v.bsn == bsn
            and v.identificatie != identificatie
            and v.ontvanger in ("", gemeente)
            and not v.sent_after(sent)
            and verzoek_stands(ctx.history, v)
            for v in verzoeken
        ):
            continue
        answers = ctx.history.verzoek_antwoorden_for(referentie, aanbieder=aanbieder)
        answered = any(a.antwoord == AFGEWEZEN for a in answers)
        assigned = bool(ctx.history.toewijzingen_by_referentie_aanbieder(referentie, aanbieder=aanbieder))
        if not (answered or assigned):
            yield ctx.finding(client, referentie=referentie)
            return
