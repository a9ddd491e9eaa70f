from iwmo_ijw.xpath import find, findall, text
from validators.rules.registry import Level, rule
from validators.rules.tr._verzoek import current, relation


@rule("TR349", retourcode="9349", messages=("JW317",), level=Level.CROSS, target="Client", needs=("history",))
def tr349(ctx, client):
    """A change request lists every current toewijzing of the client, unchanged or to be changed."""
    if not relation(ctx)[2]:
        return
    verzoek = find(client, "Verzoek")
    named = {text(n) for n in findall(verzoek, "OngewijzigdeProducten/OngewijzigdProduct/ToewijzingNummer")}
    named |= {text(n) for n in findall(verzoek, "TeWijzigenProducten/TeWijzigenProduct/ToewijzingNummer")}
    for toewijzing in current(ctx, text(client, "Bsn") or ""):
        if toewijzing.nummer not in named:
            yield ctx.finding(
                verzoek, nummer=toewijzing.nummer, product=f"{toewijzing.categorie}/{toewijzing.code or '-'}"
            )
