from iwmo_ijw.xpath import findall
from validators.registry import Level, rule


@rule("TR383", retourcode="0001", messages=("JW315",), level=Level.MESSAGE, target="Client")
def tr383(ctx, client):
    """Each AangevraagdProduct of a request has its own ReferentieAanbieder."""
    seen = set()
    for node in findall(client, "AangevraagdeProducten/AangevraagdProduct/ReferentieAanbieder"):
        referentie = (node.text or "").strip()
        if referentie in seen:
            yield ctx.finding(node, f"ReferentieAanbieder {referentie!r} is used for more than one AangevraagdProduct")
        seen.add(referentie)
