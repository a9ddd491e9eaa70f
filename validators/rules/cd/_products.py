"""The end-date element of each product class (the standard names it differently per class)."""

END = {
    "ToegewezenProduct": "Einddatum",
    "AangevraagdProduct": "ToewijzingEinddatum",
    "NieuwProduct": "Einddatum",
    "TeWijzigenProduct": "Einddatum",
}
START = {
    "ToegewezenProduct": "Ingangsdatum",
    "AangevraagdProduct": "ToewijzingIngangsdatum",
    "NieuwProduct": "GewensteIngangsdatum",
    "TeWijzigenProduct": "GewensteIngangsdatum",
}
