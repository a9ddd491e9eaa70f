"""TR375/TR412: the 2020 boundary on the Einddatum of a change."""

from validators.checks import CUTOFF_2020


def open_after_2020(day) -> bool:
    return day is None or day > CUTOFF_2020
