"""The code-change protocol: every change to the registry goes through here.

- A change takes effect on a date; by default the next 1 January, the day product lists
  change in practice.
- An approved mapping, or a product, that is already in effect cannot be changed
  retroactively: its end can only be set to today or later.
- Validity periods of the same key may not overlap (a municipal code means one thing on a
  given day, and maps to one national product on a given day).
- Ending something never deletes it: a code stays resolvable for dates inside its validity,
  so running toewijzingen keep working.
- Every change is written to the append-only audit log (who, when, what, old and new).
"""

from __future__ import annotations

import getpass
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from productcodes.errors import UserError
from productcodes.models import (
    AuditLog,
    Begrip,
    ContractTarief,
    Gemeente,
    GemeentelijkProduct,
    Jeugdregio,
    Mapping,
    NationaalProduct,
    Productlijst,
    product_begrip,
)
from productcodes.records import (
    BegripRow,
    GemeenteRow,
    MappingRow,
    MunicipalProductRow,
    NationalProductRow,
    TariefRow,
)

FAR_PAST = date(1900, 1, 1)


class ProtocolError(UserError):
    """A change the code-change protocol does not allow; the message names the rule."""


def next_first_of_january(today: date) -> date:
    return date(today.year + 1, 1, 1)


def overlaps(a_van: date, a_tot: date | None, b_van: date, b_tot: date | None) -> bool:
    """Inclusive periods; None = open end."""
    return (b_tot is None or a_van <= b_tot) and (a_tot is None or b_van <= a_tot)


def covers(van: date, tot: date | None, on: date) -> bool:
    return van <= on and (tot is None or on <= tot)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers; the audit log still needs a name
        return "unknown"


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime, Decimal, Fraction)):
        return str(value)
    return value


@dataclass(frozen=True)
class Lookup:
    """What a code of a gemeente means on a date."""

    on: date
    municipal: GemeentelijkProduct | None
    mapping: Mapping | None
    national: NationaalProduct | None


class Registry:
    """Reads and changes the registry in one session; the caller commits (session_scope)."""

    def __init__(self, session: Session, *, door: str | None = None, today: date | None = None) -> None:
        self.session = session
        self.door = door or current_user()
        self.today = today or date.today()
        self.now = datetime.now(timezone.utc)

    # -- audit --------------------------------------------------------------------------

    def _audit(self, entiteit: str, sleutel: str, actie: str, oud: dict | None, nieuw: dict | None) -> None:
        self.session.add(AuditLog(op=self.now, door=self.door, entiteit=entiteit, sleutel=sleutel, actie=actie,
                                  oud=_jsonable(oud), nieuw=_jsonable(nieuw)))

    def _audit_many(self, entiteit: str, actie: str, rows: Sequence[tuple[str, dict]]) -> None:
        if rows:
            self.session.execute(insert(AuditLog.__table__), [
                {"op": self.now, "door": self.door, "entiteit": entiteit, "sleutel": key, "actie": actie,
                 "oud": None, "nieuw": _jsonable(new)} for key, new in rows])

    # -- loading whole lists (importers, demo) ---------------------------------------------

    def add_gemeenten(self, rows: Iterable[GemeenteRow]) -> int:
        rows = list(rows)
        known_regios = set(self.session.scalars(select(Jeugdregio.naam)))
        for regio in sorted({r.jeugdregio for r in rows if r.jeugdregio} - known_regios):
            self.session.add(Jeugdregio(naam=regio))
        existing = defaultdict(list)
        for g in self.session.scalars(select(Gemeente)):
            existing[g.gemeentecode].append((g.geldig_van, g.geldig_tot))
        values = []
        for r in rows:
            van = r.geldig_van or FAR_PAST
            self._no_overlap(existing[r.gemeentecode], van, r.geldig_tot, f"gemeente {r.gemeentecode}")
            existing[r.gemeentecode].append((van, r.geldig_tot))
            values.append({"gemeentecode": r.gemeentecode, "naam": r.naam, "jeugdregio": r.jeugdregio,
                           "geldig_van": van, "geldig_tot": r.geldig_tot})
        self.session.flush()
        if values:
            self.session.execute(insert(Gemeente.__table__), values)
        self._audit_many("gemeente", "import", [(v["gemeentecode"], v) for v in values])
        return len(values)

    def add_begrippen(self, rows: Iterable[BegripRow]) -> int:
        values = [{"term": r.term, "definitie": r.definitie, "bron": r.bron,
                   "geldig_van": r.geldig_van or FAR_PAST, "geldig_tot": r.geldig_tot} for r in rows]
        if values:
            self.session.execute(insert(Begrip.__table__), values)
        self._audit_many("begrip", "import", [(v["term"], v) for v in values])
        return len(values)

    def add_national(self, lijst: str, rows: Iterable[NationalProductRow], omschrijving: str | None = None) -> int:
        if self.session.get(Productlijst, lijst) is None:
            self.session.add(Productlijst(naam=lijst, omschrijving=omschrijving))
            self.session.flush()
        begrippen = {b.term.lower(): b for b in self.session.scalars(select(Begrip))}
        count = 0
        for r in rows:
            missing = [t for t in r.begrippen if t.lower() not in begrippen]
            if missing:
                raise ProtocolError(f"national product {r.code} links to unknown begrip(pen): {', '.join(missing)}; "
                                    "import the begrippen first")
            product = NationaalProduct(
                lijst=lijst, code=r.code, naam=r.naam, productcategorie=r.productcategorie,
                uitvoeringsvariant=r.uitvoeringsvariant, eenheden="|".join(r.eenheden), hulpvorm=r.hulpvorm,
                nza_declaratiecode=r.nza_declaratiecode, geldig_van=r.geldig_van or FAR_PAST,
                geldig_tot=r.geldig_tot, begrippen=[begrippen[t.lower()] for t in r.begrippen],
            )
            self.session.add(product)
            count += 1
        self.session.flush()
        self._audit("productlijst", lijst, "import", None, {"producten": count})
        return count

    def national_codes(self) -> set[str]:
        return set(self.session.scalars(select(NationaalProduct.code)))

    def add_municipal(self, rows: Iterable[MunicipalProductRow]) -> int:
        national = self.national_codes()
        existing = defaultdict(list)
        for p in self.session.execute(select(GemeentelijkProduct.gemeentecode, GemeentelijkProduct.productcategorie,
                                             GemeentelijkProduct.productcode, GemeentelijkProduct.geldig_van,
                                             GemeentelijkProduct.geldig_tot)):
            existing[p[:3]].append((p[3], p[4]))
        values = []
        for r in rows:
            if r.productcode in national:
                raise ProtocolError(f"gemeente {r.gemeentecode}: productcode {r.productcode} is a code of a national "
                                    "product list; a municipal code may not redefine it")
            key = (r.gemeentecode, r.productcategorie, r.productcode)
            self._no_overlap(existing[key], r.geldig_van, r.geldig_tot,
                             f"municipal product {r.gemeentecode}/{r.productcategorie}/{r.productcode}")
            existing[key].append((r.geldig_van, r.geldig_tot))
            values.append({**asdict(r), "version": 1})
        if values:
            self.session.execute(insert(GemeentelijkProduct.__table__), values)
        self._audit_many("gemeentelijk_product", "import",
                         [(f"{v['gemeentecode']}/{v['productcategorie']}/{v['productcode']}", v) for v in values])
        return len(values)

    def add_tarieven(self, rows: Iterable[TariefRow]) -> int:
        values = [asdict(r) for r in rows]
        if values:
            self.session.execute(insert(ContractTarief.__table__), values)
        self._audit_many("contract_tarief", "import",
                         [(f"{v['aanbieder']}/{v['gemeentecode']}/{v['productcode']}", v) for v in values])
        return len(values)

    def add_mappings(self, rows: Iterable[MappingRow], *, lijst: str | None = None) -> int:
        """Mappings as a list (import), with the checks of `map` done against indexes loaded
        once: the municipal product valid on the start date, the national product, and no
        overlap with other approved or retired mappings of the same code."""
        products: dict[tuple[str, str, str], list[GemeentelijkProduct]] = defaultdict(list)
        for p in self.session.scalars(select(GemeentelijkProduct)):
            products[(p.gemeentecode, p.productcategorie, p.productcode)].append(p)
        query = select(NationaalProduct) if lijst is None else select(NationaalProduct).where(
            NationaalProduct.lijst == lijst)
        national: dict[str, list[NationaalProduct]] = defaultdict(list)
        for n in self.session.scalars(query):
            national[n.code].append(n)
        periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
        for m in self.session.scalars(select(Mapping).where(Mapping.status != "proposed")):
            periods[m.gemeentelijk_product_id].append((m.geldig_van, m.geldig_tot))
        values, audit = [], []
        for r in rows:
            key = f"{r.gemeentecode}/{r.productcategorie}/{r.productcode}"
            product = next((p for p in products.get((r.gemeentecode, r.productcategorie, r.productcode), ())
                            if covers(p.geldig_van, p.geldig_tot, r.geldig_van)), None)
            if product is None:
                raise ProtocolError(f"mapping of {key}: no such municipal product valid on {r.geldig_van}")
            target = [n for n in national.get(r.nationale_code, ()) if covers(n.geldig_van, n.geldig_tot, r.geldig_van)]
            if len(target) != 1:
                problem = "no" if not target else "more than one"
                raise ProtocolError(f"mapping of {key}: {problem} national product {r.nationale_code} valid on "
                                    f"{r.geldig_van}" + ("; give --list" if target else ""))
            if r.geldig_tot is not None and r.geldig_tot < r.geldig_van:
                raise ProtocolError(f"mapping of {key}: ends {r.geldig_tot} before it starts {r.geldig_van}")
            if r.status != "proposed":
                self._no_overlap(periods[product.id], r.geldig_van, r.geldig_tot, f"mapping of {key}")
                periods[product.id].append((r.geldig_van, r.geldig_tot))
            values.append({"gemeentelijk_product_id": product.id, "nationaal_product_id": target[0].id,
                           "geldig_van": r.geldig_van, "geldig_tot": r.geldig_tot, "status": r.status,
                           "factor": r.factor, "toelichting": r.toelichting, "door": self.door, "op": self.now,
                           "version": 1})
            audit.append((f"{key}->{r.nationale_code}", {"status": r.status, "geldig_van": r.geldig_van,
                                                          "factor": r.factor}))
        if values:
            self.session.execute(insert(Mapping.__table__), values)
        self._audit_many("mapping", "import", audit)
        return len(values)

    # -- single changes ----------------------------------------------------------------------

    @staticmethod
    def _no_overlap(periods: Iterable[tuple[date, date | None]], van: date, tot: date | None, what: str) -> None:
        for other_van, other_tot in periods:
            if overlaps(van, tot, other_van, other_tot):
                raise ProtocolError(f"{what}: period {van}..{tot or 'open'} overlaps {other_van}.."
                                    f"{other_tot or 'open'}; validity of one key may not overlap")

    def municipal_product(self, gemeente: str, code: str, on: date, categorie: str | None = None) -> GemeentelijkProduct:
        query = select(GemeentelijkProduct).where(
            GemeentelijkProduct.gemeentecode == gemeente, GemeentelijkProduct.productcode == code,
            GemeentelijkProduct.geldig_van <= on,
            or_(GemeentelijkProduct.geldig_tot.is_(None), GemeentelijkProduct.geldig_tot >= on))
        if categorie:
            query = query.where(GemeentelijkProduct.productcategorie == categorie)
        found = self.session.scalars(query).all()
        if not found:
            raise ProtocolError(f"gemeente {gemeente} has no product {code}"
                                f"{' in categorie ' + categorie if categorie else ''} valid on {on}")
        if len(found) > 1:
            raise ProtocolError(f"gemeente {gemeente} has product {code} in several categorieën on {on}; "
                                "give --categorie")
        return found[0]

    def national_product(self, code: str, on: date, lijst: str | None = None) -> NationaalProduct:
        query = select(NationaalProduct).where(
            NationaalProduct.code == code, NationaalProduct.geldig_van <= on,
            or_(NationaalProduct.geldig_tot.is_(None), NationaalProduct.geldig_tot >= on))
        if lijst:
            query = query.where(NationaalProduct.lijst == lijst)
        found = self.session.scalars(query).all()
        if len(found) != 1:
            where = f" in list {lijst}" if lijst else ""
            problem = "no" if not found else "more than one"
            raise ProtocolError(f"{problem} national product {code}{where} valid on {on}")
        return found[0]

    def _mappings_of(self, product: GemeentelijkProduct) -> list[Mapping]:
        return list(self.session.scalars(select(Mapping).where(
            Mapping.gemeentelijk_product_id == product.id, Mapping.status != "proposed")))

    def map(self, gemeente: str, categorie: str | None, code: str, nationale_code: str, *,
            effective: date | None = None, until: date | None = None, factor: Fraction | None = None,
            toelichting: str | None = None, lijst: str | None = None, confidence: float | None = None,
            audit: bool = True) -> Mapping:
        """Propose a mapping (status proposed) from `effective` (default next 1 January)."""
        van = effective or next_first_of_january(self.today)
        product = self.municipal_product(gemeente, code, van, categorie)
        national = self.national_product(nationale_code, van, lijst)
        if until is not None and until < van:
            raise ProtocolError(f"mapping of {gemeente}/{code}: ends {until} before it starts {van}")
        self._no_overlap([(m.geldig_van, m.geldig_tot) for m in self._mappings_of(product)], van, until,
                         f"mapping of {gemeente}/{product.productcategorie}/{code}")
        mapping = Mapping(gemeentelijk_product=product, nationaal_product=national, geldig_van=van, geldig_tot=until,
                          status="proposed", factor=factor, toelichting=toelichting, door=self.door, op=self.now,
                          confidence=Decimal(str(round(confidence, 3))) if confidence is not None else None)
        self.session.add(mapping)
        self.session.flush()
        if audit:
            self._audit("mapping", self._key(mapping), "propose", None, self._state(mapping))
        return mapping

    def get_mapping(self, mapping_id: int, expected_version: int | None = None) -> Mapping:
        mapping = self.session.get(Mapping, mapping_id)
        if mapping is None:
            raise ProtocolError(f"no mapping with id {mapping_id}")
        if expected_version is not None and mapping.version != expected_version:
            from productcodes.db import ConflictError

            raise ConflictError(f"mapping {mapping_id} is at version {mapping.version}, not {expected_version}: "
                                "someone changed it since you read it; nothing was saved")
        return mapping

    def approve(self, mapping_id: int, *, expected_version: int | None = None) -> Mapping:
        mapping = self.get_mapping(mapping_id, expected_version)
        if mapping.status != "proposed":
            raise ProtocolError(f"mapping {mapping_id} is {mapping.status}; only a proposed mapping can be approved")
        self._no_overlap([(m.geldig_van, m.geldig_tot) for m in self._mappings_of(mapping.gemeentelijk_product)],
                         mapping.geldig_van, mapping.geldig_tot, f"mapping {mapping_id}")
        old = self._state(mapping)
        mapping.status, mapping.door, mapping.op = "approved", self.door, self.now
        self.session.flush()
        self._audit("mapping", self._key(mapping), "approve", old, self._state(mapping))
        return mapping

    def retire(self, mapping_id: int, *, effective: date | None = None, expected_version: int | None = None) -> Mapping:
        """End a mapping: it stays valid until the day before `effective` (default next 1 January)."""
        mapping = self.get_mapping(mapping_id, expected_version)
        effective = effective or next_first_of_january(self.today)
        if mapping.status == "retired":
            raise ProtocolError(f"mapping {mapping_id} is already retired")
        in_effect = mapping.status == "approved" and mapping.geldig_van <= self.today
        if in_effect and effective <= self.today:
            raise ProtocolError(f"mapping {mapping_id} is approved and in effect since {mapping.geldig_van}; "
                                f"it cannot be ended retroactively on {effective} (earliest: {self.today + timedelta(1)})")
        if mapping.geldig_tot is not None and effective > mapping.geldig_tot:
            raise ProtocolError(f"mapping {mapping_id} already ends on {mapping.geldig_tot}")
        old = self._state(mapping)
        mapping.geldig_tot = max(mapping.geldig_van, effective - timedelta(days=1))
        mapping.status, mapping.door, mapping.op = "retired", self.door, self.now
        self.session.flush()
        self._audit("mapping", self._key(mapping), "retire", old, self._state(mapping))
        return mapping

    def end_product(self, gemeente: str, code: str, *, effective: date | None = None,
                    categorie: str | None = None) -> GemeentelijkProduct:
        """Stop a municipal code from `effective` on; it keeps resolving for earlier dates."""
        effective = effective or next_first_of_january(self.today)
        product = self.municipal_product(gemeente, code, effective - timedelta(days=1), categorie)
        if product.geldig_van <= self.today and effective <= self.today:
            raise ProtocolError(f"product {gemeente}/{code} is in effect since {product.geldig_van}; it cannot be "
                                f"ended retroactively on {effective}")
        old = asdict_product(product)
        product.geldig_tot = effective - timedelta(days=1)
        self.session.flush()
        self._audit("gemeentelijk_product", f"{gemeente}/{product.productcategorie}/{code}", "end", old,
                    asdict_product(product))
        return product

    def propose_many(self, suggestions: Iterable, *, approve_above: float | None = None,
                     lijst: str | None = None) -> tuple[int, int]:
        """Store suggestions as proposed mappings (one query per table, not per code);
        those at or above `approve_above` are approved at once, in the user's name.

        A mapping runs from the day both products exist until the municipal code ends.
        Returns (proposed, approved)."""
        products = {(p.gemeentecode, p.productcategorie, p.productcode, p.geldig_van): p
                    for p in self.session.scalars(select(GemeentelijkProduct))}
        query = select(NationaalProduct)
        if lijst:
            query = query.where(NationaalProduct.lijst == lijst)
        national = defaultdict(list)
        for n in self.session.scalars(query):
            national[n.code].append(n)
        taken = {m.gemeentelijk_product_id for m in self.session.scalars(select(Mapping))}
        rows, audit = [], []
        for s in suggestions:
            m = s.municipal
            product = products.get((m.gemeentecode, m.productcategorie, m.productcode, m.geldig_van))
            if product is None or product.id in taken:
                continue
            target = next((n for n in national.get(s.nationale_code, ())
                           if n.geldig_tot is None or n.geldig_tot >= m.geldig_van), None)
            if target is None:
                continue
            status = "approved" if approve_above is not None and s.confidence >= approve_above else "proposed"
            van = max(m.geldig_van, target.geldig_van)
            if m.geldig_tot is not None and m.geldig_tot < van:
                continue
            taken.add(product.id)
            rows.append({"gemeentelijk_product_id": product.id, "nationaal_product_id": target.id, "geldig_van": van,
                         "geldig_tot": m.geldig_tot, "status": status, "factor": s.factor,
                         "toelichting": f"suggested: {s.reason}"[:2000],
                         "confidence": Decimal(str(s.confidence)), "door": self.door, "op": self.now, "version": 1})
            audit.append((f"{m.gemeentecode}/{m.productcategorie}/{m.productcode}->{s.nationale_code}",
                          {"status": status, "confidence": s.confidence, "geldig_van": van}))
        if rows:
            self.session.execute(insert(Mapping.__table__), rows)
        self._audit_many("mapping", "suggest", audit)
        return len(rows), sum(r["status"] == "approved" for r in rows)

    # -- reading ------------------------------------------------------------------------------

    def lookup(self, gemeente: str, code: str, on: date, categorie: str | None = None) -> Lookup:
        try:
            product = self.municipal_product(gemeente, code, on, categorie)
        except ProtocolError:
            # A code of a national list is valid for every gemeente as it is.
            try:
                return Lookup(on, None, None, self.national_product(code, on))
            except ProtocolError:
                raise ProtocolError(f"code {code} means nothing for gemeente {gemeente} on {on}: no municipal "
                                    "product and no national product with that code") from None
        mapping = self.session.scalars(select(Mapping).where(
            Mapping.gemeentelijk_product_id == product.id, Mapping.status.in_(("approved", "retired")),
            Mapping.geldig_van <= on, or_(Mapping.geldig_tot.is_(None), Mapping.geldig_tot >= on))).first()
        return Lookup(on, product, mapping, mapping.nationaal_product if mapping else None)

    @staticmethod
    def _key(mapping: Mapping) -> str:
        p = mapping.gemeentelijk_product
        return f"{p.gemeentecode}/{p.productcategorie}/{p.productcode}->{mapping.nationaal_product.code}"

    @staticmethod
    def _state(mapping: Mapping) -> dict:
        return {"id": mapping.id, "status": mapping.status, "nationale_code": mapping.nationaal_product.code,
                "geldig_van": mapping.geldig_van, "geldig_tot": mapping.geldig_tot, "factor": mapping.factor,
                "toelichting": mapping.toelichting}


def asdict_product(product: GemeentelijkProduct) -> dict:
    return {"omschrijving": product.omschrijving, "eenheid": product.eenheid,
            "geldig_van": product.geldig_van, "geldig_tot": product.geldig_tot}
