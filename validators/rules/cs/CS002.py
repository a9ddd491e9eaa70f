from iwmo_ijw.xpath import find
from validators.reporting.texts import Bsn
from validators.rules.checks import elfproef
from validators.rules.registry import Level, rule


@rule(
    "CS002",
    retourcode="0001",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW323", "JW325"),
    level=Level.MESSAGE,
    target="Client",
)
def cs002(ctx, client):
    """A Bsn passes the eleven-test (elfproef)."""
    bsn = find(client, "Bsn")
    if bsn is not None and not elfproef((bsn.text or "").strip()):
        yield ctx.finding(bsn, bsn=Bsn((bsn.text or "").strip()))
