"""TR350/TR351: a listed product must be a current toewijzing of this client."""

from __future__ import annotations

from iwmo_ijw.xpath import find, local, text
from validators.rules.tr._verzoek import current, relation


def not_current(ctx, product):
    if not relation(ctx)[2]:
        return
    client = product.getparent().getparent().getparent()  # product -> list -> Verzoek -> Client
    nummer = text(product, "ToewijzingNummer")
    if nummer not in {t.nummer for t in current(ctx, text(client, "Bsn") or "")}:
        yield ctx.finding(find(product, "ToewijzingNummer"), item=local(product), nummer=nummer)
