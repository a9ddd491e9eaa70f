"""The message store of a back office: every message received, for cross-message rules.

`productcodes store ingest` keeps each schema-valid message (compressed, with its sender,
type and BerichtIdentificatie) in the registry database, and with it the records a History
keeps of it (validators.sources.store.writing), each under the keys rules look it up by.
`validate --store` loads only the records its message's keys reach (validators.sources.store.keyed),
in arrival order, so a new message is judged against everything before it without reading
the whole store. The same message ingested twice is kept once (by content hash), so re-running
an ingest after an interruption is safe. The tables are in productcodes.store_models.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from iwmo_ijw.parsing import MessageError, ParsedMessage, load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import date_of, text
from productcodes.store_models import OntvangenBericht, OpslagDekking
from validators.sources.store.extract import extract
from validators.sources.store.writing import (
    StoredMessageError,
    header_columns,
    pending,
    read_stored,
    reindex_batch,
    reset_extraction,
    write_records,
)

__all__ = [
    "IngestResult",
    "OntvangenBericht",
    "OpslagDekking",
    "StoredMessageError",
    "build_history",
    "complete_from",
    "ensure_indexed",
    "ingest",
    "reindex",
    "set_complete_from",
    "stored_messages",
    "summary",
]


def complete_from(session: Session) -> date | None:
    """The Dagtekening from which the store is complete; None for an empty store."""
    return session.scalar(select(OpslagDekking.volledig_vanaf).where(OpslagDekking.id == 1))


def set_complete_from(session: Session, day: date, bron: str = "opgegeven") -> None:
    """Vouch that the store holds every message dated `day` or later."""
    row = session.get(OpslagDekking, 1)
    if row is None:
        session.add(OpslagDekking(id=1, volledig_vanaf=day, bron=bron))
    else:
        row.volledig_vanaf, row.bron = day, bron
    session.flush()


@dataclass
class IngestResult:
    """What an ingest did with each file: stored, already there, or refused with the reason."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def _schema_problem(message: ParsedMessage) -> str | None:
    schema = load_schema(message.message_type)
    if schema.validate(message.tree):
        return None
    error = schema.error_log.last_error
    return f"the XSD rejects it (line {error.line}: {error.message})"


def ingest(
    session: Session, files: Iterable[str], *, now: datetime | None = None, batch: int = 500
) -> IngestResult:
    """Store each readable, schema-valid message once, with its records; goes on past bad files.

    Written `batch` messages at a time; the caller's transaction commits them."""
    result = IngestResult()
    now = now or datetime.now(UTC)
    waiting: list[tuple[str, ParsedMessage, bytes, str]] = []
    for name in files:
        try:
            with open(name, "rb") as handle:
                data = handle.read()
            message = load(data, name=name)
        except (MessageError, OSError) as exc:
            result.refused.append((name, str(exc)))
            continue
        problem = _schema_problem(message)
        if problem:
            result.refused.append((name, problem))
            continue
        waiting.append((name, message, data, hashlib.sha256(data).hexdigest()))
        if len(waiting) >= batch:
            _store(session, waiting, now, result)
            waiting = []
    _store(session, waiting, now, result)
    return result


def _store(
    session: Session,
    waiting: list[tuple[str, ParsedMessage, bytes, str]],
    now: datetime,
    result: IngestResult,
) -> None:
    if not waiting:
        return
    digests = [digest for *_, digest in waiting]
    seen = set(session.scalars(select(OntvangenBericht.sha256).where(OntvangenBericht.sha256.in_(digests))))
    rows, extracts = [], []
    for name, message, data, digest in waiting:
        if digest in seen:
            result.duplicates.append(name)
            continue
        seen.add(digest)
        found = extract(message)
        rows.append(_row(message, name, data, digest, now, header_columns(found, zlib.crc32(data))))
        extracts.append(found)
        result.stored.append(name)
    if not rows:
        return
    # One statement for the batch; the ids come back in the rows' order, which is arrival order.
    table = OntvangenBericht.__table__
    ids = session.connection().execute(
        table.insert().returning(table.c.id, sort_by_parameter_order=True), rows
    )
    ids = ids.scalars().all()
    write_records(session, zip(ids, extracts, strict=True))
    first = next((row["dagtekening"] for row in rows if row["dagtekening"] is not None), None)
    if first is not None and complete_from(session) is None:
        set_complete_from(session, first, "eerste bericht")  # its traffic starts here


def _row(message: ParsedMessage, name: str, data: bytes, digest: str, now: datetime, extracted: dict) -> dict:
    header = message.root.find("{*}Header")
    return dict(
        berichttype=message.message_type.code,
        afzender=text(header, "Afzender") or "",
        ontvanger=text(header, "Ontvanger") or "",
        identificatie=text(header, "BerichtIdentificatie/Identificatie") or "",
        dagtekening=date_of(header, "BerichtIdentificatie/Dagtekening"),
        bestand=name[-500:],
        sha256=digest,
        ontvangen_op=now,
        inhoud=zlib.compress(data, 6),
        **extracted,
    )


def stored_messages(session: Session, batch: int = 500) -> Iterator[ParsedMessage]:
    """Every stored message in arrival order, parsed again (the store keeps the message itself)."""
    query = select(OntvangenBericht.id, OntvangenBericht.bestand, OntvangenBericht.inhoud).order_by(
        OntvangenBericht.id
    )
    for bericht_id, bestand, inhoud in session.execute(query.execution_options(yield_per=batch)):
        yield read_stored(bericht_id, bestand, inhoud)[0]


def reindex(
    engine, progress: Callable[[int, int], None] | None = None, *, batch: int = 200, again: bool = False
) -> int:
    """Extract the records of every stored message that has none (stored before they existed, or by
    an older extraction; with `again`: of every message); a batch per transaction, so an interrupted
    reindex resumes. `progress` is told (done, total) after each batch. Gives how many messages it
    extracted."""
    from productcodes.db import session_scope

    with session_scope(engine) as session:
        if again:
            reset_extraction(session)
        total = pending(session)
    done = 0
    while done < total:
        with session_scope(engine) as session:
            step = reindex_batch(session, batch)
        if not step:
            break
        done += step
        if progress is not None:
            progress(done, total)
    return done


def _tell(message: str) -> None:
    print(message, file=sys.stderr)


def _tty_progress(done: int, total: int) -> None:
    # Only on a terminal: a log file or a CI run gets the one message, not a line per batch.
    if sys.stderr.isatty():
        end = "\n" if done >= total else ""
        print(f"\ruitpakken: {done}/{total}", end=end, file=sys.stderr, flush=True)


def ensure_indexed(engine, notify: Callable[[str], None] = _tell, progress=_tty_progress) -> int:
    """Reindex a store that holds messages without records, saying so (in Dutch, on stderr)."""
    from productcodes.db import session_scope

    with session_scope(engine) as session:
        waiting = pending(session)
    if not waiting:
        return 0
    notify(
        f"De berichtenopslag bevat {waiting} bericht(en) zonder opgeslagen gegevens (opgeslagen voor "
        "versie 0007 of door een oudere versie); die worden nu eenmalig uitgepakt "
        "(`productcodes store reindex`). Onderbreken mag: een volgende keer gaat het verder."
    )
    return reindex(engine, progress)


def build_history(engine=None, paths=(), *, complete: bool = False, notify: Callable[[str], None] = _tell):
    """History of the store (when an engine is given) followed by history files, oldest first;
    None when there is neither. With a store: an object that loads, per message validated, only
    the records that message's keys reach (validators.sources.store.keyed.StoreHistory). The store
    vouches for its own coverage; the files are complete (from their earliest Dagtekening) only
    when `complete` says so."""
    paths = list(paths)
    if engine is None and not paths:
        return None
    from validators.sources.history import History

    if engine is None:
        return History.from_paths(paths, complete=complete)
    from validators.sources.store.keyed import StoreHistory

    ensure_indexed(engine, notify)
    history = StoreHistory(engine)
    earliest = history.add_paths(paths)
    if complete and earliest is not None:
        history.declare_complete("--history-complete", earliest)
    return history


def summary(session: Session) -> dict[str, int]:
    """How many messages the store holds, per message type."""
    from sqlalchemy import func

    rows = session.execute(
        select(OntvangenBericht.berichttype, func.count()).group_by(OntvangenBericht.berichttype)
    )
    return {berichttype: count for berichttype, count in rows}


# The sequence of answer identifications lives in the store too; importing it here puts its
# table in the metadata wherever the store's is (migrations, tests).
import validators.answers.sequence  # noqa: E402,F401
