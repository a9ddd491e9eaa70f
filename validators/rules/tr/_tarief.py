"""Tariff arithmetic shared by TR346 and TR418: an hourly tariff declared per minute."""

from __future__ import annotations

MINUUT = "01"
UUR = "04"
MINUTES_PER_HOUR = 60


def round_half_up(numerator: int, denominator: int) -> int:
    """Arithmetic rounding of a non-negative fraction to a whole number (x.5 goes up)."""
    return (2 * numerator + denominator) // (2 * denominator)


def per_minuut(uurtarief: int) -> int:
    """The ProductTarief for minutes under an hourly contract: the hourly tariff / 60, to the cent."""
    return round_half_up(uurtarief, MINUTES_PER_HOUR)


def hourly_amounts(tarief_per_minuut: int, minuten: int) -> set[int]:
    """Every IngediendBedrag an hourly contract tariff can yield for this per-minute ProductTarief.

    With an hourly tariff declared in minutes the message carries the hourly tariff / 60 rounded
    to a cent, while the amount is computed from the hourly tariff itself: hourly × minutes / 60,
    rounded to a cent. The hourly tariff is not in the message, so every hourly tariff that
    rounds to this ProductTarief is possible; rejecting any of their amounts would reject an
    honest declaration.
    """
    if tarief_per_minuut < 0 or minuten < 0:
        return set()
    # per_minuut(h) == t  <=>  60t - 30 <= h < 60t + 30
    lowest = max(0, MINUTES_PER_HOUR * tarief_per_minuut - MINUTES_PER_HOUR // 2)
    highest = MINUTES_PER_HOUR * tarief_per_minuut + MINUTES_PER_HOUR // 2
    return {round_half_up(uur * minuten, MINUTES_PER_HOUR) for uur in range(lowest, highest)}
