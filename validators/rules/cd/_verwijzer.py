"""Referrer types that are professionals with an AGB code: 02 huisarts, 03 jeugdarts,
04 gecertificeerde instelling, 05 medisch specialist (COD327)."""

REFERRING_PROFESSIONALS = frozenset({"02", "03", "04", "05"})
