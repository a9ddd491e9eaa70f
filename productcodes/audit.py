"""Reading the append-only audit log: who changed what, when, and how it was before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from productcodes.errors import UserError
from productcodes.models import AuditLog, Mapping


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: who did what to which entity when, with the values before and after."""

    id: int
    op: datetime
    door: str
    entiteit: str
    sleutel: str
    actie: str
    oud: dict | None
    nieuw: dict | None

    def as_dict(self) -> dict:
        """The entry as JSON-ready values (the time as ISO text)."""
        return {
            "id": self.id,
            "op": self.op.isoformat(),
            "door": self.door,
            "entiteit": self.entiteit,
            "sleutel": self.sleutel,
            "actie": self.actie,
            "oud": self.oud,
            "nieuw": self.nieuw,
        }


def _mapping_key(session: Session, mapping_id: int) -> str:
    mapping = session.get(Mapping, mapping_id)
    if mapping is None:
        raise UserError(f"er is geen mapping met id {mapping_id}")
    p = mapping.gemeentelijk_product
    return f"{p.gemeentecode}/{p.productcategorie}/{p.productcode}->{mapping.nationaal_product.code}"


def _about(entry: AuditLog, mapping_id: int) -> bool:
    # One key can have mappings of several periods; entries of single changes name their id.
    ids = {(state or {}).get("id") for state in (entry.oud, entry.nieuw)} - {None}
    return not ids or mapping_id in ids


def read_audit(
    session: Session,
    *,
    mapping_id: int | None = None,
    gemeente: str | None = None,
    van: date | None = None,
    tot: date | None = None,
    door: str | None = None,
    actie: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Audit entries, oldest first.

    Filtered by mapping id, gemeente (CBS code), days (inclusive), who and action, each when given.
    """
    query = select(AuditLog).order_by(AuditLog.id)
    if mapping_id is not None:
        query = query.where(
            AuditLog.entiteit == "mapping", AuditLog.sleutel == _mapping_key(session, mapping_id)
        )
    if gemeente:
        code = gemeente.strip().zfill(4)
        query = query.where(
            or_(
                AuditLog.sleutel == code,
                AuditLog.sleutel.like(f"{code}/%"),
                AuditLog.sleutel.like(f"%/{code}/%"),
            )
        )
    if van is not None:
        query = query.where(AuditLog.op >= datetime.combine(van, time(), UTC))
    if tot is not None:
        query = query.where(AuditLog.op < datetime.combine(tot + timedelta(days=1), time(), UTC))
    if door:
        query = query.where(AuditLog.door == door)
    if actie:
        query = query.where(AuditLog.actie == actie)
    entries = [e for e in session.scalars(query) if mapping_id is None or _about(e, mapping_id)]
    if limit:
        entries = entries[-limit:]
    return [AuditEntry(e.id, e.op, e.door, e.entiteit, e.sleutel, e.actie, e.oud, e.nieuw) for e in entries]
