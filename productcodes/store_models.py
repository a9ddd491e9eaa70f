"""The message store's tables: each received message, kept whole, and the records cross-message rules look up.

The message itself (`ontvangen_bericht.inhoud`, compressed) is the source of truth; its records
(`opslag_record`) are what validators.sources.history.loaders reads from it, kept so that a
validation loads only the records its message's keys reach (`opslag_sleutel`) instead of parsing
every stored message again. Messages stored before the records existed have `uitgepakt` NULL
until `productcodes store reindex` extracts them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from productcodes.models import Base

# What a record is of: one code per record class of validators.sources.history.records, and
# "LV" for a fact of the message's lifecycle (validators.sources.lifecycle.LifecycleFact).
SLEUTEL_LENGTE = 64  # longer key texts are cut: a lookup cuts the same way, so it finds a superset


class OntvangenBericht(Base):
    """One received message. `inhoud` is the message itself, zlib-compressed; `uitgepakt` the version
    of the extraction its records come from (NULL: not extracted yet)."""

    __tablename__ = "ontvangen_bericht"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    berichttype: Mapped[str] = mapped_column(String(8), index=True)
    afzender: Mapped[str] = mapped_column(String(8), index=True)
    ontvanger: Mapped[str] = mapped_column(String(8))
    identificatie: Mapped[str] = mapped_column(String(12), index=True)
    dagtekening: Mapped[date | None] = mapped_column(Date)
    bestand: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    ontvangen_op: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)
    # CRC-32 of the message's bytes: a re-validated message finds itself (History.before_message).
    controlegetal: Mapped[int | None] = mapped_column(BigInteger)
    basisschema_xsd_versie: Mapped[str | None] = mapped_column(String(20))
    bericht_xsd_versie: Mapped[str | None] = mapped_column(String(20))
    retour: Mapped[int | None] = mapped_column(Integer)  # 1: a retour message the history lists as such
    uitgepakt: Mapped[int | None] = mapped_column(Integer, index=True)


class OpslagDekking(Base):
    """From which Dagtekening the store holds every message of its parties (one row).

    Set when the store receives its first message (that message's Dagtekening) or by
    `store ingest --complete-from`; rules that conclude from an absence read it."""

    __tablename__ = "opslag_dekking"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volledig_vanaf: Mapped[date] = mapped_column(Date)
    bron: Mapped[str] = mapped_column(String(40))


class OpslagRecord(Base):
    """One record of a stored message, in the order its loader made them; `inhoud` is the
    record's fields as JSON (validators.sources.store.codec)."""

    __tablename__ = "opslag_record"

    bericht_id: Mapped[int] = mapped_column(
        ForeignKey("ontvangen_bericht.id", ondelete="CASCADE"), primary_key=True
    )
    volgnummer: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(2))
    inhoud: Mapped[str] = mapped_column(Text)


class OpslagSleutel(Base):
    """A key a record is found by (a ToewijzingNummer, ReferentieNummer, Bsn, Identificatie, ...)."""

    __tablename__ = "opslag_sleutel"

    waarde: Mapped[str] = mapped_column(String(SLEUTEL_LENGTE), primary_key=True)
    bericht_id: Mapped[int] = mapped_column(
        ForeignKey("ontvangen_bericht.id", ondelete="CASCADE"), primary_key=True
    )
    volgnummer: Mapped[int] = mapped_column(Integer, primary_key=True)


class OpslagPartij(Base):
    """That the store holds records of a party (or pair of parties) from message `eerste` on: what
    rules ask without a key ("has this aanbieder ever sent a request?")."""

    __tablename__ = "opslag_partij"

    soort: Mapped[str] = mapped_column(String(12), primary_key=True)
    afzender: Mapped[str] = mapped_column(String(20), primary_key=True)
    ontvanger: Mapped[str] = mapped_column(String(20), primary_key=True)
    eerste: Mapped[int] = mapped_column(BigInteger)
