"""The review of proposals: list them with what a reviewer needs, filter and sort; approve or reject them.

Functions take a Session and return plain dataclasses, so the CLI and a web page can share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from productcodes.errors import UserError
from productcodes.models import Gemeente, Mapping

SORT_KEYS = ("id", "confidence", "gemeente", "jeugdregio", "code", "nationale_code", "geldig_van")
SUGGESTED = "suggested: "


@dataclass(frozen=True)
class Proposal:
    """One mapping as a reviewer sees it."""

    id: int
    version: int
    status: str
    confidence: float | None
    reden: str | None
    gemeentecode: str
    gemeentenaam: str | None
    jeugdregio: str | None
    productcategorie: str
    productcode: str
    omschrijving: str
    eenheid: str | None
    nationale_code: str
    nationale_naam: str
    geldig_van: date
    geldig_tot: date | None
    factor: str | None
    door: str

    def as_dict(self) -> dict:
        """The item as JSON-ready values (dates as ISO text)."""
        data = asdict(self)
        data["geldig_van"] = str(self.geldig_van)
        data["geldig_tot"] = self.geldig_tot and str(self.geldig_tot)
        return data


def _gemeenten(session: Session) -> dict[str, tuple[str, str | None]]:
    """code -> (naam, jeugdregio) of the latest version of each gemeente."""
    found: dict[str, tuple[date, str, str | None]] = {}
    for g in session.scalars(select(Gemeente)):
        if g.gemeentecode not in found or g.geldig_van > found[g.gemeentecode][0]:
            found[g.gemeentecode] = (g.geldig_van, g.naam, g.jeugdregio)
    return {code: (naam, regio) for code, (_, naam, regio) in found.items()}


def _proposal(m: Mapping, gemeenten: dict) -> Proposal:
    from productcodes.codelists import format_number

    p, n = m.gemeentelijk_product, m.nationaal_product
    naam, regio = gemeenten.get(p.gemeentecode, (None, None))
    reden = (
        m.toelichting[len(SUGGESTED) :]
        if m.toelichting and m.toelichting.startswith(SUGGESTED)
        else m.toelichting
    )
    return Proposal(
        m.id,
        m.version,
        m.status,
        None if m.confidence is None else float(m.confidence),
        reden,
        p.gemeentecode,
        naam,
        regio,
        p.productcategorie,
        p.productcode,
        p.omschrijving,
        p.eenheid,
        n.code,
        n.naam,
        m.geldig_van,
        m.geldig_tot,
        None if m.factor is None else format_number(m.factor),
        m.door,
    )


def _sort_key(name: str):
    keys = {
        "id": lambda p: p.id,
        "confidence": lambda p: (p.confidence is None, p.confidence or 0.0, p.id),
        "gemeente": lambda p: (p.gemeentecode, p.productcode, p.id),
        "jeugdregio": lambda p: (p.jeugdregio or "", p.gemeentecode, p.productcode, p.id),
        "code": lambda p: (p.productcode, p.gemeentecode, p.id),
        "nationale_code": lambda p: (p.nationale_code, p.gemeentecode, p.productcode, p.id),
        "geldig_van": lambda p: (p.geldig_van, p.id),
    }
    if name not in keys:
        raise UserError(f"kan niet sorteren op {name!r}; kies uit {', '.join(SORT_KEYS)}")
    return keys[name]


def list_proposals(
    session: Session,
    *,
    status: str = "proposed",
    gemeente: str | None = None,
    jeugdregio: str | None = None,
    nationale_code: str | None = None,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    sort: str = "confidence",
    descending: bool = False,
    limit: int | None = None,
) -> list[Proposal]:
    """Mappings in `status` (default: proposals), filtered and sorted; `gemeente` is a CBS code or a name."""
    key = _sort_key(sort)
    query = select(Mapping).where(Mapping.status == status)
    if min_confidence is not None:
        query = query.where(Mapping.confidence >= min_confidence)
    if max_confidence is not None:
        query = query.where(Mapping.confidence <= max_confidence)
    gemeenten = _gemeenten(session)
    found = [_proposal(m, gemeenten) for m in session.scalars(query)]
    if gemeente:
        wanted = gemeente.strip().lower()
        found = [
            p for p in found if p.gemeentecode == wanted.zfill(4) or (p.gemeentenaam or "").lower() == wanted
        ]
    if jeugdregio:
        found = [p for p in found if (p.jeugdregio or "").lower() == jeugdregio.strip().lower()]
    if nationale_code:
        found = [p for p in found if p.nationale_code == nationale_code]
    found.sort(key=key, reverse=descending)
    return found[:limit] if limit else found


def parse_ids(values: Sequence[str], version: int | None) -> list[tuple[int, int | None]]:
    """IDs as typed: `12`, or `12:3` for 'id 12 at version 3'; --version applies only to a single id."""
    if version is not None and len(values) != 1:
        raise UserError("--version hoort bij één id; schrijf bij meerdere ids ID:VERSIE (bijv. 12:1 13:2)")
    result = []
    for value in values:
        head, _, tail = value.partition(":")
        try:
            result.append((int(head), int(tail) if tail else version))
        except ValueError:
            raise UserError(f"{value!r} is geen mapping-id (bijv. 12 of 12:1)") from None
    return result
