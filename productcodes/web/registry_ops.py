"""Registry reads and writes of the web layer, as small functions over productcodes.protocol.

Kept in one module so they can later point at the registry's review/audit modules without the
routes changing. Every write runs in one transaction with the signed-in user as `door`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, or_, select

from productcodes.db import ConflictError, session_scope
from productcodes.models import AuditLog, GemeentelijkProduct, Mapping, NationaalProduct
from productcodes.protocol import ProtocolError, Registry, _jsonable

SORTS = {
    "confidence": (Mapping.confidence.desc(), Mapping.id),
    "gemeente": (GemeentelijkProduct.gemeentecode, GemeentelijkProduct.productcode),
    "code": (GemeentelijkProduct.productcode, GemeentelijkProduct.gemeentecode),
    "nieuwste": (Mapping.op.desc(), Mapping.id.desc()),
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
) -> list[dict]:
    """Proposals (or mappings of another status), filtered by gemeente and a text in code or description."""
    query = (
        select(Mapping)
        .join(Mapping.gemeentelijk_product)
        .join(Mapping.nationaal_product)
        .where(Mapping.status == status)
    )
    if gemeente:
        query = query.where(GemeentelijkProduct.gemeentecode == gemeente.strip())
    if zoek:
        like = f"%{zoek.strip()}%"
        query = query.where(
            or_(
                GemeentelijkProduct.productcode.ilike(like),
                GemeentelijkProduct.omschrijving.ilike(like),
                NationaalProduct.code.ilike(like),
            )
        )
    query = query.order_by(*SORTS.get(sort, SORTS["confidence"])).limit(limit)
    with _session(engine) as session:
        return [proposal_dict(m) for m in session.scalars(query).unique()]


def count_proposals(engine: Engine) -> int:
    with _session(engine) as session:
        return (
            session.scalar(select(func.count()).select_from(Mapping).where(Mapping.status == "proposed")) or 0
        )


def _current(session, mapping_id: int, version: int) -> Mapping:
    mapping = session.get(Mapping, mapping_id)
    if mapping is None:
        raise ProtocolError(f"er is geen voorstel {mapping_id}")
    if mapping.version != version:
        raise Stale(mapping_id, version, proposal_dict(mapping))
    return mapping


def approve(engine: Engine, door: str, mapping_id: int, version: int) -> dict:
    """Approve one proposal at the version the user saw; Stale when it moved on."""
    try:
        with _session(engine) as session:
            _current(session, mapping_id, version)
            mapping = Registry(session, door=door).approve(mapping_id, expected_version=version)
            return proposal_dict(mapping)
    except ConflictError:
        raise _stale_now(engine, mapping_id, version) from None


def reject(engine: Engine, door: str, mapping_id: int, version: int, reden: str) -> dict:
    """Reject one proposal with a reason: it is retired (kept, never valid) and the reason is audited."""
    reden = (reden or "").strip()
    if not reden:
        raise ProtocolError("een afwijzing heeft een reden nodig")
    try:
        with _session(engine) as session:
            mapping = _current(session, mapping_id, version)
            if mapping.status != "proposed":
                raise ProtocolError(
                    f"voorstel {mapping_id} is {mapping.status}; alleen een voorstel kan worden afgewezen"
                )
            registry = Registry(session, door=door)
            old = registry._state(mapping)
            mapping.status, mapping.door, mapping.op = "retired", door, registry.now
            session.flush()
            registry._audit(
                "mapping", registry._key(mapping), "reject", old, {**registry._state(mapping), "reden": reden}
            )
            return proposal_dict(mapping)
    except ConflictError:
        raise _stale_now(engine, mapping_id, version) from None


def _stale_now(engine: Engine, mapping_id: int, version: int) -> Stale:
    with _session(engine) as session:
        mapping = session.get(Mapping, mapping_id)
        return Stale(mapping_id, version, proposal_dict(mapping) if mapping else {})


def audit_log(engine: Engine, limit: int = 200, sleutel: str | None = None) -> list[dict]:
    """The newest audit entries first."""
    query = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if sleutel:
        query = query.where(AuditLog.sleutel.ilike(f"%{sleutel.strip()}%"))
    with _session(engine) as session:
        return [
            {
                "id": a.id,
                "op": a.op.isoformat(timespec="seconds") if a.op else None,
                "door": a.door,
                "entiteit": a.entiteit,
                "sleutel": a.sleutel,
                "actie": a.actie,
                "oud": a.oud,
                "nieuw": a.nieuw,
            }
            for a in session.scalars(query)
        ]


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
