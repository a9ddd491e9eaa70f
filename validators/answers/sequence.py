"""Identifications of answer messages that never repeat, across runs and within one.

An identification is "A", the Dagtekening as yymmdd and a five-character sequence number in
base 36 (0-9, A-Z): twelve characters, the most LDT_IdentificatieBericht allows, and about
60 million answers a day before the day's numbers run out (then respond stops with an error
instead of starting again at 1, which TR056 would reject at the receiver).

The last number used per day is kept where the answers are kept: in the message store
(table `antwoord_volgnummer`) when respond works with one, otherwise in a state file in the
output folder. A run holds a lock on that file for as long as it hands out numbers, and the
store hands each number out in its own transaction, so two runs cannot use the same number.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from pathlib import Path
from typing import IO

from sqlalchemy import Date, Engine, Integer, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from productcodes.db import DatabaseError, describe
from productcodes.errors import UserError
from productcodes.models import Base

STATE_FILE = ".productcodes-antwoorden.json"
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WIDTH = 5
LIMIT = len(_DIGITS) ** _WIDTH - 1


def base36(number: int, width: int = _WIDTH) -> str:
    """`number` in base 36, zero-padded to `width` characters."""
    out = ""
    while number:
        number, digit = divmod(number, len(_DIGITS))
        out = _DIGITS[digit] + out
    return out.rjust(width, "0")


def identificatie(day: dt.date, number: int) -> str:
    """The identification of the `number`-th answer dated `day` (1-based)."""
    if not 1 <= number <= LIMIT:
        raise UserError(
            f"antwoordnummer {number} van {day} valt buiten 1..{LIMIT}; er is geen identificatie meer vrij"
        )
    return f"A{day:%y%m%d}{base36(number)}"


class Sequence:
    """Hands out identifications for answers dated `day`, remembering the last one in `folder`.

    Use as a context manager: the state file stays locked while the run lasts.
    """

    def __init__(self, folder: str | os.PathLike, day: dt.date) -> None:
        self.path = Path(folder) / STATE_FILE
        self.day = day
        self._file: IO[str] | None = None
        self._state: dict[str, int] = {}

    def __enter__(self) -> Sequence:
        self._file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
        fcntl.flock(self._file, fcntl.LOCK_EX)
        self._file.seek(0)
        self._state = _read_state(self._file.read(), self.path)
        return self

    def __exit__(self, *exc) -> None:
        assert self._file is not None
        os.fsync(self._file.fileno())
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
        self._file = None

    def next(self) -> str:
        """The next unused identification; the state file says so before it is returned."""
        assert self._file is not None, "use Sequence as a context manager"
        key = f"{self.day:%Y-%m-%d}"
        number = self._state.get(key, 0) + 1
        ident = identificatie(self.day, number)
        self._state[key] = number
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps(self._state, sort_keys=True))
        self._file.flush()  # a crash of this process cannot lose it; fsync waits until the run ends
        return ident


def _read_state(text: str, path: Path) -> dict[str, int]:
    if not text.strip():
        return {}
    try:
        state = json.loads(text)
    except json.JSONDecodeError:
        state = None
    if not isinstance(state, dict) or not all(isinstance(v, int) and v >= 0 for v in state.values()):
        raise UserError(
            f"{path} is geen toestandsbestand van respond; zet het ergens anders neer "
            "(daarin houden de antwoorden hun nummers bij)"
        )
    return state


class AntwoordVolgnummer(Base):
    """The last sequence number given to an answer message dated `dag`."""

    __tablename__ = "antwoord_volgnummer"

    dag: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    laatste: Mapped[int] = mapped_column(Integer)


class StoreSequence:
    """Like Sequence, with the numbers kept in the message store's database."""

    def __init__(self, engine: Engine, day: dt.date) -> None:
        self.engine = engine
        self.day = day

    def __enter__(self) -> StoreSequence:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def next(self) -> str:
        """The next unused identification, committed before it is returned."""
        for _attempt in range(3):
            try:
                return identificatie(self.day, self._reserve())
            except IntegrityError:
                continue  # another run created the day's row at the same moment: count again
            except DBAPIError as exc:
                raise DatabaseError(describe(exc, self.engine.url.render_as_string())) from None
        raise UserError(
            f"kon geen antwoordnummer voor {self.day} vastleggen in de berichtenopslag; probeer het opnieuw"
        )

    def _reserve(self) -> int:
        table = AntwoordVolgnummer
        with Session(self.engine) as session, session.begin():
            # The increment comes first: it locks the row (PostgreSQL) or the file (SQLite), so two
            # runs never read the same last number.
            bump = update(table).where(table.dag == self.day).values(laatste=table.laatste + 1)
            bumped = session.execute(bump)
            if bumped.rowcount == 0:
                session.add(table(dag=self.day, laatste=1))
                session.flush()
            return session.scalar(select(table.laatste).where(table.dag == self.day))
