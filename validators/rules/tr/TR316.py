from iwmo_ijw.xpath import iter_local
from validators.registry import Level, rule


@rule(
    "TR316",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
)
def tr316(ctx, declaratie):
    """A Prestatie is not credited in the same message that declares it."""
    referenties = {(n.text or "").strip() for n in iter_local(declaratie, "ReferentieNummer")}
    for node in iter_local(declaratie, "VorigReferentieNummer"):
        nummer = (node.text or "").strip()
        if nummer in referenties:
            yield ctx.finding(node, f"VorigReferentieNummer {nummer!r} credits a Prestatie declared in this same message")
