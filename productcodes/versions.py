"""Re-imports as updates: how one row of a file relates to the dated versions already stored.

A list that is imported again changes nothing where it is the same; a changed row becomes a new
version from its own start date (or, without one, from the next change date) when that date is
still ahead; anything else is a conflict, reported with its line together with all the others of
the file so a user fixes the file once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from productcodes.errors import ProtocolError

FAR_PAST = date(1900, 1, 1)


def shown(day: date | None, open_word: str = "open") -> str:
    """A date as a user should read it: the internal 'since always' start is not a date they ever typed."""
    if day is None:
        return open_word
    return "het begin" if day <= FAR_PAST else day.isoformat()


@dataclass
class Version:
    """A stored (or, within one file, an earlier row's) version of one key."""

    van: date
    tot: date | None
    fields: dict[str, Any]
    ref: Any = None  # the database object or row id; None for a row of the same file not written yet
    line: int | None = None  # the file line that made it, when it came from this file


@dataclass(frozen=True)
class Plan:
    """What to do with one row: nothing, insert, update `version` in place, or end `version` first."""

    action: str  # "unchanged" | "insert" | "update" | "split"
    van: date
    version: Version | None = None


class Conflict(Exception):
    """A row that can be neither skipped nor stored as a new version."""


def plan(
    existing: list[Version],
    van: date | None,
    tot: date | None,
    fields: dict[str, Any],
    *,
    today: date,
    change: date,
) -> Plan:
    """Decide what a row (start `van`, None = not given) means against the versions of its key."""
    if van is None:
        return _plan_undated(existing, tot, fields, today=today, change=change)
    same = next((v for v in existing if v.van == van), None)
    if same is not None:
        if same.fields == fields and same.tot == tot:
            return Plan("unchanged", van, same)
        if van > today and same.ref is not None:
            return Plan("update", van, same)
        raise Conflict(_changed_in_effect(same, van, change))
    clashing = [v for v in existing if _overlaps(van, tot, v.van, v.tot)]
    if not clashing:
        return Plan("insert", van)
    earlier = [v for v in clashing if v.van < van]
    if len(clashing) == 1 and earlier and van > today and earlier[0].ref is not None:
        return Plan("split", van, earlier[0])
    other = clashing[0]
    if van <= today:
        raise Conflict(
            f"begint op {van}, in het verleden, en overlapt de versie {shown(other.van)}.."
            f"{shown(other.tot)}; een wijziging gaat in op een datum die nog komt (vanaf {change})"
        )
    raise Conflict(
        f"periode {van}..{shown(tot)} overlapt de versie {shown(other.van)}..{shown(other.tot)}"
        + (f" van regel {other.line}" if other.line else "")
    )


def _plan_undated(existing, tot, fields, *, today, change) -> Plan:
    if not existing:
        return Plan("insert", FAR_PAST)
    latest = max(existing, key=lambda v: v.van)
    if latest.fields == fields and latest.tot == tot:
        return Plan("unchanged", latest.van, latest)
    if latest.ref is None:
        raise Conflict(f"staat al in dit bestand op regel {latest.line}")
    if latest.van >= change:
        return Plan("update", latest.van, latest)
    return Plan("split", change, latest)


def _changed_in_effect(same: Version, van: date, change: date) -> str:
    if same.ref is None:
        return f"staat al in dit bestand op regel {same.line} met dezelfde begindatum {shown(van)}"
    return (
        f"de versie vanaf {shown(van)} is al in gebruik en mag niet met terugwerkende kracht veranderen; "
        f"geef de gewijzigde rij een nieuwe begindatum (vroegst {change})"
    )


def _overlaps(a_van, a_tot, b_van, b_tot) -> bool:
    return (b_tot is None or a_van <= b_tot) and (a_tot is None or b_van <= a_tot)


@dataclass
class Outcome:
    """Counts of one import, and the conflicts found (all of them, with their lines)."""

    what: str
    added: int = 0
    versions: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)

    def conflict(self, where: str, reason: str) -> None:
        """Note a conflict at `where`; the import goes on, to find them all."""
        self.conflicts.append(f"{where}: {reason}")

    def check(self) -> None:
        """Raise ImportConflicts with every conflict noted, if there is any; nothing is imported then."""
        if self.conflicts:
            shown_lines = "\n".join(f"  {c}" for c in self.conflicts[:50])
            more = f"\n  … en nog {len(self.conflicts) - 50}" if len(self.conflicts) > 50 else ""
            raise ImportConflicts(
                f"{len(self.conflicts)} conflict(en) in {self.what}, niets geïmporteerd:\n"
                f"{shown_lines}{more}",
                self.conflicts,
            )

    def result(self) -> ImportResult:
        """The counts as the import's result."""
        return ImportResult(self.added, self.versions, self.unchanged)


class ImportConflicts(ProtocolError):
    """Rows of a file that the protocol does not allow; nothing of the file was stored."""

    def __init__(self, message: str, conflicts: list[str]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


class ImportResult(int):
    """The number of rows written (an int, as before), with how many were new, new versions, unchanged."""

    added: int
    versions: int
    unchanged: int

    def __new__(cls, added: int, versions: int = 0, unchanged: int = 0) -> ImportResult:
        """An int equal to the rows written, carrying the counts per kind."""
        result = super().__new__(cls, added + versions)
        result.added, result.versions, result.unchanged = added, versions, unchanged
        return result

    def summary(self) -> str:
        """Dutch one-liner, e.g. '3 nieuw, 1 nieuwe versie, 40 ongewijzigd'."""
        if not self.added and not self.versions:
            return f"niets veranderd ({self.unchanged} rijen ongewijzigd)"
        return f"{self.added} nieuw, {self.versions} nieuwe versie(s), {self.unchanged} ongewijzigd"


def where(rows, index: int) -> str:
    """'file:line' of a row read from a CSV file, or its position when the rows came from elsewhere."""
    lines = getattr(rows, "lines", None)
    if lines is not None and index < len(lines):
        return f"{getattr(rows, 'file', 'bestand')}:{lines[index]}"
    return f"rij {index + 1}"
