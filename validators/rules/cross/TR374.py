from iwmo_ijw.xpath import text
from validators.checks import dagtekening
from validators.registry import Level, rule
from validators.rules.cross._common import header

AFGEWEZEN = "1"


@rule("TR374", retourcode="9374", messages=("JW315", "JW317"), level=Level.CROSS, target="Client",
      needs=("history",))
def tr374(ctx, client):
    """No new request for a client while an earlier request of the same aanbieder is still being handled.

    A request is handled once the gemeente rejected it (JW319 with VerzoekAntwoord 1) or
    assigned with its ReferentieAanbieder (JW301). Requests sent after this one (a store may
    hold them) cannot make this one premature, so they are left out.
    """
    aanbieder, gemeente = header(ctx)
    sent = dagtekening(ctx)
    bsn = text(client, "Bsn")
    identificatie = text(ctx.root, "Header/BerichtIdentificatie/Identificatie")
    own = {(n.text or "").strip() for n in client.iter("{*}ReferentieAanbieder")}
    for referentie, verzoeken in ctx.history.verzoeken.items():
        if referentie in own:
            continue
        if not any(v.afzender == aanbieder and v.bsn == bsn and v.identificatie != identificatie
                   and v.ontvanger in ("", gemeente) and not v.sent_after(sent) for v in verzoeken):
            continue
        answered = any(a.antwoord == AFGEWEZEN for a in ctx.history.verzoek_antwoorden.get(referentie, ()))
        assigned = bool(ctx.history.toewijzingen_by_referentie_aanbieder(referentie))
        if not (answered or assigned):
            yield ctx.finding(client, referentie=referentie)
            return
