from iwmo_ijw.xpath import find, findall, iter_local, text
from validators.rules.registry import EACH_CHUNK, Level, rule
from validators.rules.tr._common import header


@rule(
    "TR332",
    retourcode="9332",
    messages=("JW301",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=EACH_CHUNK,
)
def tr332(ctx, bericht):
    """A gemeente gives each ToewijzingNummer to one toegewezen product only."""
    gemeente, _ = header(ctx)
    for client in iter_local(bericht, "Client"):
        bsn = text(client, "Bsn")
        for tp in findall(client, "ToegewezenProducten/ToegewezenProduct"):
            node = find(tp, "ToewijzingNummer")
            nummer = text(node)
            # Sending the same number again is how a toewijzing is changed; only reuse for
            # another client or another product is a second toewijzing under one number.
            for old in ctx.history.toewijzing_versions(nummer, gemeente=gemeente) if nummer else ():
                if old.afzender == gemeente and (
                    old.bsn != bsn
                    or (old.code, old.categorie) != (text(tp, "Product/Code"), text(tp, "Product/Categorie"))
                ):
                    yield ctx.finding(node, nummer=nummer, gemeente=gemeente)
                    break
