"""Registry reads and writes of the web layer: thin adapters over the registry's own modules.

Listing proposals is productcodes.review, the audit log productcodes.audit, decisions go through
productcodes.protocol's Registry; this module adds only what the web needs on top (a text search,
newest-first order, plain dicts). Every write runs in one transaction with the signed-in user as `door`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from productcodes.db import ConflictError, session_scope
from productcodes.models import Mapping
from productcodes.protocol import ProtocolError, Registry, _jsonable

# The web's sort names -> the review's sort key and direction (reviewers want the surest first).
SORTS = {
    "confidence": ("confidence", True),
    "gemeente": ("gemeente", False),
    "jeugdregio": ("jeugdregio", False),
    "code": ("code", False),
    "nationale_code": ("nationale_code", False),
    "nieuwste": ("id", True),
}


class Stale(Exception):
    """The proposal changed since the client read it: its version and state now."""

    def __init__(self, mapping_id: int, expected: int, current: dict) -> None:
        super().__init__(mapping_id, expected, current)
        self.mapping_id, self.expected, self.current = mapping_id, expected, current

    def __str__(self) -> str:
        return (
            f"voorstel {self.mapping_id} is gewijzigd sinds u het las (versie {self.expected}, nu "
            f"{self.current.get('version')}, status {self.current.get('status')}); er is niets opgeslagen"
        )


_migrated: set[int] = set()


def _session(engine: Engine):
    """A transaction, after checking once per engine that the database is at the migration head."""
    if id(engine) not in _migrated:
        from productcodes.migrate import require_current

        require_current(engine)
        _migrated.add(id(engine))
    return session_scope(engine)


def proposal_dict(m: Mapping) -> dict:
    """One proposal as the API and the pages show it."""
    p, n = m.gemeentelijk_product, m.nationaal_product
    return {
        "id": m.id,
        "version": m.version,
        "status": m.status,
        "gemeentecode": p.gemeentecode,
        "productcategorie": p.productcategorie,
        "productcode": p.productcode,
        "omschrijving": p.omschrijving,
        "nationale_code": n.code,
        "nationale_naam": n.naam,
        "geldig_van": str(m.geldig_van),
        "geldig_tot": str(m.geldig_tot) if m.geldig_tot else None,
        "confidence": float(m.confidence) if m.confidence is not None else None,
        "toelichting": m.toelichting,
        "door": m.door,
    }


def proposals(
    engine: Engine,
    *,
    gemeente: str | None = None,
    zoek: str | None = None,
    sort: str = "confidence",
    limit: int = 200,
    status: str = "proposed",
    jeugdregio: str | None = None,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
) -> list[dict]:
    """Proposals (or mappings of another status) as productcodes.review lists them, plus a text search in
    the municipal code, its description and the national code; `toelichting` is the review's `reden`."""
    from productcodes.review import list_proposals

    key, descending = SORTS.get(sort, SORTS["confidence"])
    with _session(engine) as session:
        found = list_proposals(
            session,
            status=status,
            gemeente=gemeente or None,
            jeugdregio=jeugdregio or None,
            min_confidence=min_confidence,
            max_confidence=max_confidence,
            sort=key,
            descending=descending,
        )
    needle = (zoek or "").strip().lower()
    if needle:
        found = [
            p
            for p in found
            if needle in p.productcode.lower()
            or needle in p.omschrijving.lower()
            or needle in p.nationale_code.lower()
        ]
    return [{**p.as_dict(), "toelichting": p.reden} for p in found[:limit]]


def jeugdregios(engine: Engine) -> list[str]:
    """The jeugdregio names the registry knows, for the proposals filter."""
    from sqlalchemy import select

    from productcodes.models import Gemeente

    with _session(engine) as session:
        query = select(Gemeente.jeugdregio).where(Gemeente.jeugdregio.is_not(None)).distinct()
        return sorted(name for name in session.scalars(query) if name)


def _current(session, mapping_id: int, version: int) -> Mapping:
    mapping = session.get(Mapping, mapping_id)
    if mapping is None:
        raise ProtocolError(f"er is geen voorstel {mapping_id}")
    if mapping.version != version:
        raise Stale(mapping_id, version, proposal_dict(mapping))
    return mapping


def _registry(session: Session, door: str) -> Registry:
    """The registry as its commands see it: on the date it lives on (the demo's, or today)."""
    from productcodes.safety import registry_today

    return Registry(session, door=door, today=registry_today(session))


def approve(engine: Engine, door: str, mapping_id: int, version: int) -> dict:
    """Approve one proposal at the version the user saw; Stale when it moved on."""
    try:
        with _session(engine) as session:
            _current(session, mapping_id, version)
            mapping = _registry(session, door).approve(mapping_id, expected_version=version)
            return proposal_dict(mapping)
    except ConflictError:
        raise _stale_now(engine, mapping_id, version) from None


def reject(engine: Engine, door: str, mapping_id: int, version: int, reden: str) -> dict:
    """Reject one proposal with a reason (required); the registry keeps it as rejected and audits why."""
    reden = (reden or "").strip()
    if not reden:
        raise ProtocolError("een afwijzing heeft een reden nodig")
    try:
        with _session(engine) as session:
            _current(session, mapping_id, version)
            mapping = _registry(session, door).reject(mapping_id, reason=reden, expected_version=version)
            return proposal_dict(mapping)
    except ConflictError:
        raise _stale_now(engine, mapping_id, version) from None


def _stale_now(engine: Engine, mapping_id: int, version: int) -> Stale:
    with _session(engine) as session:
        mapping = session.get(Mapping, mapping_id)
        return Stale(mapping_id, version, proposal_dict(mapping) if mapping else {})


def audit_log(
    engine: Engine,
    limit: int = 200,
    sleutel: str | None = None,
    gemeente: str | None = None,
    door: str | None = None,
    actie: str | None = None,
) -> list[dict]:
    """The newest audit entries first, read by productcodes.audit; `sleutel` is a text in the key."""
    from productcodes.audit import read_audit

    needle = (sleutel or "").strip().lower()
    with _session(engine) as session:
        entries = read_audit(
            session,
            gemeente=gemeente or None,
            door=door or None,
            actie=actie or None,
            limit=None if needle else limit,  # the text search runs after reading, so read them all
        )
    if needle:
        entries = [e for e in entries if needle in e.sleutel.lower()]
    newest = list(reversed(entries))[:limit]
    return [{**e.as_dict(), "op": e.op.isoformat(timespec="seconds") if e.op else None} for e in newest]


def lookup(engine: Engine, gemeente: str, code: str, on: date) -> dict:
    """What a gemeente's code means on a date (ProtocolError when it means nothing)."""
    with _session(engine) as session:
        found = Registry(session).lookup(gemeente.strip(), code.strip(), on)
        result: dict = {
            "gemeente": gemeente,
            "code": code,
            "on": str(on),
            "gemeentelijk_product": None,
            "mapping": None,
            "nationaal_product": None,
        }
        if found.municipal is not None:
            p = found.municipal
            result["gemeentelijk_product"] = {
                "productcategorie": p.productcategorie,
                "productcode": p.productcode,
                "omschrijving": p.omschrijving,
                "eenheid": p.eenheid,
                "geldig_van": str(p.geldig_van),
                "geldig_tot": str(p.geldig_tot) if p.geldig_tot else None,
            }
        if found.mapping is not None:
            result["mapping"] = _jsonable(
                {
                    "id": found.mapping.id,
                    "status": found.mapping.status,
                    "factor": found.mapping.factor,
                    "geldig_van": found.mapping.geldig_van,
                    "geldig_tot": found.mapping.geldig_tot,
                }
            )
        if found.national is not None:
            result["nationaal_product"] = {
                "code": found.national.code,
                "naam": found.national.naam,
                "lijst": found.national.lijst,
            }
        return result


def reduction(engine: Engine, on: date):
    """The reduction report (productcodes.report.Reduction) on a date."""
    from productcodes.report import reduction as compute

    with _session(engine) as session:
        return compute(session, on)


def chart_png(engine: Engine, on: date) -> bytes:
    """The reduction chart as PNG bytes (matplotlib, drawn to a temporary file that is removed)."""
    import tempfile
    from pathlib import Path

    from productcodes.chart import draw

    with tempfile.TemporaryDirectory(prefix="productcodes-chart-") as folder:
        return draw(reduction(engine, on), Path(folder) / "reductie.png").read_bytes()
