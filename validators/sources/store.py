"""The message store of a back office: every message received, for cross-message rules.

`productcodes store ingest` keeps each schema-valid message (compressed, with its sender,
type and BerichtIdentificatie) in the registry database; `validate --store` rebuilds the
History from it in arrival order, so a new message is judged against everything before it.
The same message ingested twice is kept once (by content hash), so re-running an ingest
after an interruption is safe.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from iwmo_ijw.parsing import MessageError, ParsedMessage, detect, load, parse_xml
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import date_of, text
from productcodes.models import Base


class OntvangenBericht(Base):
    """One received message. `inhoud` is the message itself, zlib-compressed."""

    __tablename__ = "ontvangen_bericht"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    berichttype: Mapped[str] = mapped_column(String(8), index=True)
    afzender: Mapped[str] = mapped_column(String(8), index=True)
    ontvanger: Mapped[str] = mapped_column(String(8))
    identificatie: Mapped[str] = mapped_column(String(12))
    dagtekening: Mapped[date | None] = mapped_column(Date)
    bestand: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    ontvangen_op: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)


class OpslagDekking(Base):
    """From which Dagtekening the store holds every message of its parties (one row).

    Set when the store receives its first message (that message's Dagtekening) or by
    `store ingest --complete-from`; rules that conclude from an absence read it."""

    __tablename__ = "opslag_dekking"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volledig_vanaf: Mapped[date] = mapped_column(Date)
    bron: Mapped[str] = mapped_column(String(40))


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
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def _schema_problem(message: ParsedMessage) -> str | None:
    schema = load_schema(message.message_type)
    if schema.validate(message.tree):
        return None
    error = schema.error_log.last_error
    return f"the XSD rejects it (line {error.line}: {error.message})"


def ingest(session: Session, files: Iterable[str], *, now: datetime | None = None) -> IngestResult:
    """Store each readable, schema-valid message once; goes on past bad files."""
    result = IngestResult()
    now = now or datetime.now(UTC)
    dated = False  # whether the store's coverage is known to be set
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
        digest = hashlib.sha256(data).hexdigest()
        if session.scalar(select(OntvangenBericht.id).where(OntvangenBericht.sha256 == digest)) is not None:
            result.duplicates.append(name)
            continue
        row = _row(message, name, data, digest, now)
        session.add(row)
        session.flush()
        if row.dagtekening is not None and not dated:
            dated = complete_from(session) is not None
            if not dated:
                set_complete_from(session, row.dagtekening, "eerste bericht")  # its traffic starts here
                dated = True
        result.stored.append(name)
    return result


def _row(message: ParsedMessage, name: str, data: bytes, digest: str, now: datetime) -> OntvangenBericht:
    header = message.root.find("{*}Header")
    return OntvangenBericht(
        berichttype=message.message_type.code,
        afzender=text(header, "Afzender") or "",
        ontvanger=text(header, "Ontvanger") or "",
        identificatie=text(header, "BerichtIdentificatie/Identificatie") or "",
        dagtekening=date_of(header, "BerichtIdentificatie/Dagtekening"),
        bestand=name[-500:],
        sha256=digest,
        ontvangen_op=now,
        inhoud=zlib.compress(data, 6),
    )


def stored_messages(session: Session, batch: int = 500) -> Iterator[ParsedMessage]:
    """Every stored message in arrival order, parsed again (the store keeps the message itself)."""
    query = select(OntvangenBericht.bestand, OntvangenBericht.inhoud).order_by(OntvangenBericht.id)
    for bestand, inhoud in session.execute(query.execution_options(yield_per=batch)):
        data = zlib.decompress(inhoud)
        tree = parse_xml(data, bestand)
        # The checksum of the bytes as received, as `load` takes it: re-validating the file finds itself.
        yield ParsedMessage(
            tree=tree,
            message_type=detect(tree.getroot(), bestand),
            source=bestand,
            _extra={"digest": zlib.crc32(data)},
        )


def build_history(engine=None, paths=(), *, complete: bool = False):
    """History of the stored messages (when an engine is given) followed by history files,
    oldest first; None when there is neither. The store vouches for its own coverage; the
    files are complete (from their earliest Dagtekening) only when `complete` says so."""
    paths = list(paths)
    if engine is None and not paths:
        return None
    from productcodes.db import session_scope
    from validators.sources.history import History

    history = History()
    if engine is not None:
        with session_scope(engine) as session:
            history.add_messages(stored_messages(session))
            since = complete_from(session)
        if since is not None:
            history.declare_complete("store", since)
    earliest = history.add_paths(paths)
    if complete and earliest is not None:
        history.declare_complete("--history-complete", earliest)
    return history


def summary(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    rows = session.execute(
        select(OntvangenBericht.berichttype, func.count()).group_by(OntvangenBericht.berichttype)
    )
    return {berichttype: count for berichttype, count in rows}


# The sequence of answer identifications lives in the store too; importing it here puts its
# table in the metadata wherever the store's is (migrations, tests).
import validators.answers.sequence  # noqa: E402,F401
