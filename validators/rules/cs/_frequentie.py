"""The shared check of CS338 and CS343: which Frequentie an Omvang in these units may have."""

from __future__ import annotations

from iwmo_ijw.xpath import find
from validators.rules.checks import open_after_2020, value

# Etmaal, dagdeel, euro's and stuks (inspanning) are not counted per day after 2020.
UNITS = frozenset({"14", "16", "83", "84"})
ALLOWED = ("2", "4", "6")


def frequentie_check(ctx, product, end_path: str):
    omvang = find(product, "Omvang")
    eenheid = value(omvang, "Eenheid")
    if omvang is None or eenheid not in UNITS or not open_after_2020(product, end_path):
        return
    frequentie = value(omvang, "Frequentie")
    if frequentie not in ALLOWED:
        yield ctx.finding(find(omvang, "Frequentie"), frequentie=frequentie, eenheid=eenheid)
