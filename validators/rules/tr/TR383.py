from iwmo_ijw.xpath import iter_local
from validators.rules.registry import Level, rule


@rule("TR383", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="Bericht", state=set)
def tr383(ctx, root):
    """Each AangevraagdProduct of a request message has its own ReferentieAanbieder."""
    # Unique across the whole message, not only per Client: the provider's reference is what the
    # gemeente's answer (JW316) points back to, so a repeat under another Client is just as ambiguous.
    seen: set[str] = ctx.state  # kept from chunk to chunk of a streamed message
    for product in iter_local(root, "AangevraagdProduct"):
        for node in iter_local(product, "ReferentieAanbieder"):
            referentie = (node.text or "").strip()
            if referentie in seen:
                yield ctx.finding(node, referentie=referentie)
            seen.add(referentie)
