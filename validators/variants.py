"""The allowed Omvang per uitvoeringsvariant: which eenheid, with which frequentie.

This is the standard's table of toewijzingsvarianten in the project's own form. The keys
are WJ756 eenheid codes, the values WMO757 frequentie codes. Taakgericht work is financed
per task or lump sum, so it carries no client-level Omvang at all.
"""

from __future__ import annotations

DAG, WEEK, MAAND, TOTAAL = "1", "2", "4", "6"
EENHEID_NAMEN = {
    "01": "minuut",
    "04": "uur",
    "14": "etmaal",
    "16": "dagdeel (4 uur)",
    "82": "stuks (output)",
    "83": "euro's",
    "84": "stuks (inspanning)",
}
FREQUENTIE_NAMEN = {
    DAG: "per dag",
    WEEK: "per week",
    MAAND: "per maand",
    TOTAAL: "totaal binnen geldigheidsduur",
}

ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "inspanningsgericht": {
        "01": frozenset({DAG, WEEK, MAAND, TOTAAL}),
        "04": frozenset({DAG, WEEK, MAAND, TOTAAL}),
        "16": frozenset({WEEK, MAAND, TOTAAL}),
        "14": frozenset({WEEK, MAAND, TOTAAL}),
        "84": frozenset({WEEK, MAAND, TOTAAL}),
    },
    "outputgericht": {
        "82": frozenset({DAG, WEEK, MAAND, TOTAAL}),
        "83": frozenset({WEEK, MAAND, TOTAAL}),
    },
    "taakgericht": {},
}


def eenheid_naam(code: str | None) -> str:
    return f"{code} ({EENHEID_NAMEN[code]})" if code in EENHEID_NAMEN else str(code)


def frequentie_naam(code: str | None) -> str:
    return f"{code} ({FREQUENTIE_NAMEN[code]})" if code in FREQUENTIE_NAMEN else str(code)
