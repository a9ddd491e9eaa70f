from iwmo_ijw.xpath import iter_local
from validators.registry import Level, rule


@rule(
    "TR315",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Declaratie",
    streaming=False,
)
def tr315(ctx, declaratie):
    """A VorigReferentieNummer occurs only once in a declaration."""
    seen = set()
    for node in iter_local(declaratie, "VorigReferentieNummer"):
        nummer = (node.text or "").strip()
        if nummer in seen:
            yield ctx.finding(node, f"VorigReferentieNummer {nummer!r} is credited more than once in this message")
        seen.add(nummer)
