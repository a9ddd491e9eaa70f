"""How much volume a toewijzing allows over a declared period.

Per dag/week/maand the allowance repeats for every calendar day, ISO week (Monday to
Sunday) or calendar month that the declared period shares with the toewijzing. A week or
month only partly inside counts in full: the standard leaves pro-rating open, and the
reading that allows more never rejects a valid declaration.

Output-gericht toewijzingen (Eenheid 82, 83) per week count weeks as IV077 does: the Sundays
in the period, plus one when the toewijzing's last Sunday lies in it and the toewijzing does
not end on a Sunday.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

PER_DAG, PER_WEEK, PER_MAAND, TOTAAL = "1", "2", "4", "6"

# Eenheden convertible into minutes; other eenheden are only comparable with themselves.
_MINUTES = {"01": 1, "04": 60, "16": 240}
OUTPUT_EENHEDEN = frozenset({"82", "83"})  # stuks (output), euro's: the output-gerichte variant
ZONDAG = 6


def overlap(begin: date, end: date, start: date | None, stop: date | None) -> tuple[date, date] | None:
    first = max(begin, start) if start else begin
    last = min(end, stop) if stop else end
    return (first, last) if first <= last else None


def periods_touched(first: date, last: date, frequentie: str) -> int:
    """Days, ISO weeks or calendar months in [first, last] (inclusive); 1 for TOTAAL."""
    if frequentie == PER_DAG:
        return (last - first).days + 1
    if frequentie == PER_WEEK:
        monday = lambda d: d - timedelta(days=d.weekday())  # noqa: E731
        return (monday(last) - monday(first)).days // 7 + 1
    if frequentie == PER_MAAND:
        return (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
    if frequentie == TOTAAL:
        return 1
    raise ValueError(f"unknown Frequentie {frequentie!r}")


def convert(volume: int, from_eenheid: str, to_eenheid: str) -> float | None:
    """volume in to_eenheid, or None when the eenheden are not comparable."""
    if from_eenheid == to_eenheid:
        return volume
    if from_eenheid in _MINUTES and to_eenheid in _MINUTES:
        return volume * _MINUTES[from_eenheid] / _MINUTES[to_eenheid]
    return None


@lru_cache(maxsize=4096)  # a month's lines share a few periods and toewijzing sizes
def allowed_volume(
    volume: int,
    eenheid: str,
    frequentie: str,
    begin: date,
    end: date,
    start: date | None,
    stop: date | None,
    in_eenheid: str,
) -> float | None:
    """Maximum declarable volume (in in_eenheid) for [begin, end]; None when it cannot be judged."""
    if frequentie not in (PER_DAG, PER_WEEK, PER_MAAND, TOTAAL):
        return None
    span = overlap(begin, end, start, stop)
    if span is None:
        return 0
    if frequentie == PER_WEEK and eenheid in OUTPUT_EENHEDEN:
        return convert(volume * output_weeks(*span, stop), eenheid, in_eenheid)
    return convert(volume * periods_touched(*span, frequentie), eenheid, in_eenheid)


def output_weeks(first: date, last: date, stop: date | None) -> int:
    """IV077's week count for an output-gerichte toewijzing ending on `stop` (None: open), over
    [first, last] inside it: its Sundays, plus the week that ends after the toewijzing's last
    Sunday when that Sunday lies in [first, last] and the toewijzing does not end on a Sunday."""
    weeks = sundays(first, last)
    if stop is not None and stop.weekday() != ZONDAG:
        last_sunday = stop - timedelta(days=stop.weekday() + 1)
        if first <= last_sunday <= last:
            weeks += 1
    return weeks


def sundays(first: date, last: date) -> int:
    """The Sundays in [first, last]."""
    sunday = first + timedelta(days=(ZONDAG - first.weekday()) % 7)
    return 0 if sunday > last else (last - sunday).days // 7 + 1
