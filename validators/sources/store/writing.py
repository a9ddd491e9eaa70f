"""Putting messages in the store: the message itself, and its records with their keys.

Written a batch at a time (one round trip per table, not per message): a jeugdregio's year
is hundreds of thousands of messages. A batch is one transaction with the messages' rows, so
an interrupted ingest or reindex leaves no message half extracted.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from iwmo_ijw.parsing import MessageError, ParsedMessage, detect, parse_xml
from productcodes.errors import UserError
from productcodes.store_models import OntvangenBericht, OpslagPartij, OpslagRecord, OpslagSleutel
from validators.sources.store.codec import encode, keys_of, scopes_of
from validators.sources.store.extract import Extract, extract

# The version of what is extracted from a message. A store whose rows carry another (older) one
# is extracted again by `store reindex`: raise it when the loaders start keeping something new.
EXTRACTION = 1


class StoredMessageError(UserError):
    """A stored message that cannot be read back: its bytes were damaged outside this program."""


def write_records(session: Session, extracts: Iterable[tuple[int, Extract]]) -> None:
    """The records, keys and party scopes of messages already stored, by their row id."""
    records: list[dict] = []
    keys: list[dict] = []
    scopes: dict[tuple[str, str, str], int] = {}
    for bericht_id, found in extracts:
        for volgnummer, record in enumerate(found.records):
            soort, inhoud = encode(record)
            records.append(
                {"bericht_id": bericht_id, "volgnummer": volgnummer, "soort": soort, "inhoud": inhoud}
            )
            keys.extend(
                {"waarde": k, "bericht_id": bericht_id, "volgnummer": volgnummer} for k in keys_of(record)
            )
            for scope in scopes_of(record):
                if scope not in scopes:  # ids rise through a batch: the first is the smallest
                    scopes[scope] = bericht_id
    # Core inserts on the session's connection: a plain executemany, without the ORM's bookkeeping per row.
    connection = session.connection()
    if records:
        connection.execute(OpslagRecord.__table__.insert(), records)
    if keys:
        connection.execute(OpslagSleutel.__table__.insert(), keys)
    _note_scopes(session, scopes)


def _note_scopes(session: Session, scopes: dict[tuple[str, str, str], int]) -> None:
    if not scopes:
        return
    known = {
        (soort, afzender, ontvanger): eerste
        for soort, afzender, ontvanger, eerste in session.execute(
            select(OpslagPartij.soort, OpslagPartij.afzender, OpslagPartij.ontvanger, OpslagPartij.eerste)
        )
    }
    new = []
    for scope, first in scopes.items():
        was = known.get(scope)
        if was is None:
            new.append(dict(zip(("soort", "afzender", "ontvanger"), scope, strict=True), eerste=first))
        elif first < was:  # a reindex may meet an earlier message after a later one was extracted
            soort, afzender, ontvanger = scope
            session.execute(
                update(OpslagPartij)
                .where(
                    OpslagPartij.soort == soort,
                    OpslagPartij.afzender == afzender,
                    OpslagPartij.ontvanger == ontvanger,
                )
                .values(eerste=first)
            )
    if new:
        session.execute(insert(OpslagPartij), new)


def header_columns(found: Extract, digest: int) -> dict:
    """What the message row says of the message besides its bytes, for a History (add_bericht)."""
    return {
        "controlegetal": digest,
        "basisschema_xsd_versie": _short(found.xsd[0]),
        "bericht_xsd_versie": _short(found.xsd[1]),
        "retour": int(found.retour),
        "uitgepakt": EXTRACTION,
    }


def _short(value: str | None) -> str | None:
    return value[:20] if value is not None else None


def read_stored(bericht_id: int, bestand: str, inhoud: bytes) -> tuple[ParsedMessage, bytes]:
    """A stored message parsed again, with its bytes; a damaged one is a clear error, and stays stored."""
    try:
        data = zlib.decompress(inhoud)
        tree = parse_xml(data, bestand)
        message_type = detect(tree.getroot(), bestand)
    except (zlib.error, MessageError) as exc:
        raise StoredMessageError(
            f"bericht {bericht_id} in de berichtenopslag ({bestand}) is beschadigd en kan niet gelezen "
            f"worden: {exc}. Het blijft bewaard; herstel of verwijder het met de databasebeheerder."
        ) from None
    # The checksum of the bytes as received, as `load` takes it: re-validating the file finds itself.
    message = ParsedMessage(
        tree=tree, message_type=message_type, source=bestand, _extra={"digest": zlib.crc32(data)}
    )
    return message, data


def pending(session: Session) -> int:
    """How many stored messages have no (current) records yet."""
    from sqlalchemy import func, or_

    return session.scalar(
        select(func.count())
        .select_from(OntvangenBericht)
        .where(or_(OntvangenBericht.uitgepakt.is_(None), OntvangenBericht.uitgepakt != EXTRACTION))
    )


def reset_extraction(session: Session) -> None:
    """Mark every stored message as not extracted, so a reindex extracts all records again. The
    messages stay; their old records make way batch by batch, the party table at once (it is rebuilt
    as the batches go)."""
    session.execute(update(OntvangenBericht).values(uitgepakt=None))
    session.execute(delete(OpslagPartij))


def reindex_batch(session: Session, size: int = 200) -> int:
    """Extract the records of the next `size` messages that have none; gives how many it did.

    Each batch is committed by the caller before the next: an interrupted reindex goes on where
    it stopped. The messages themselves are only read."""
    from sqlalchemy import or_

    rows = session.execute(
        select(OntvangenBericht.id, OntvangenBericht.bestand, OntvangenBericht.inhoud)
        .where(or_(OntvangenBericht.uitgepakt.is_(None), OntvangenBericht.uitgepakt != EXTRACTION))
        .order_by(OntvangenBericht.id)
        .limit(size)
        .with_for_update(skip_locked=True)  # PostgreSQL: two reindexing processes take turns, not rows
    ).all()
    if not rows:
        return 0
    ids = [row.id for row in rows]
    # Records of an older extraction make way for the new ones.
    session.execute(delete(OpslagSleutel).where(OpslagSleutel.bericht_id.in_(ids)))
    session.execute(delete(OpslagRecord).where(OpslagRecord.bericht_id.in_(ids)))
    done = []
    for row in rows:
        message, data = read_stored(row.id, row.bestand, row.inhoud)
        found = extract(message)
        session.execute(
            update(OntvangenBericht)
            .where(OntvangenBericht.id == row.id)
            .values(**header_columns(found, zlib.crc32(data)))
        )
        done.append((row.id, found))
    write_records(session, done)
    return len(rows)


def first_dated(rows: Iterable[OntvangenBericht]) -> date | None:
    """The Dagtekening of the first of these messages that has one."""
    return next((row.dagtekening for row in rows if row.dagtekening is not None), None)
