from iwmo_ijw.xpath import find, findall, text
from validators.findings import Severity
from validators.rules.checks import dagtekening
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header


@rule(
    "OP087",
    retourcode=None,
    messages=("JW301",),
    level=Level.CROSS,
    target="Client",
    needs=("history",),
    severity=Severity.WARNING,
)
def op087(ctx, client):
    """A toewijzing message repeats every toewijzing of the client that is still current.

    For one client and one aanbieder, each toewijzingbericht holds all toewijzingen valid on
    or after its Dagtekening, not only the changed ones. A toewijzing the history knows for
    this client, gemeente and aanbieder that is still current on the Dagtekening (no
    Einddatum, or one on or after it) and that this message leaves out is reported. As the
    rule says, a deleted toewijzing (Einddatum equal to Ingangsdatum with RedenWijziging 13 or
    01) is not current. The conclusion rests on what the history holds, not on what it lacks,
    so it needs no coverage. A warning: the rule has no retourcode, the national validation
    does not reject on it, and the aanbieder can only ask the gemeente for the full picture.
    """
    bsn = text(client, "Bsn")
    sent = dagtekening(ctx)
    if not bsn or sent is None:
        return
    gemeente, aanbieder = header(ctx)
    present = {text(p, "ToewijzingNummer") for p in findall(client, "ToegewezenProducten/ToegewezenProduct")}
    missing = sorted(
        {t.nummer for t in ctx.history.current_toewijzingen(bsn, gemeente, aanbieder, sent)} - present
    )
    for nummer in missing:
        yield ctx.finding(find(client, "Bsn"), nummer=nummer, dagtekening=sent)
