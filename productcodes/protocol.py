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
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from productcodes.errors import ProtocolError, UserError  # noqa: F401  (ProtocolError lives here too)
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
)
from productcodes.records import (
    BegripRow,
    GemeenteRow,
    MappingRow,
    MunicipalProductRow,
    NationalProductRow,
    TariefRow,
)
from productcodes.versions import (
    FAR_PAST,
    Conflict,
    ImportResult,
    Outcome,
    Plan,
    Version,
    plan,
    where,
)

# Mappings that resolve (for their period) and so may not overlap another of the same code.
ACTIVE = ("approved", "retired")


def next_first_of_january(today: date) -> date:
    """1 January of the year after `today`."""
    return date(today.year + 1, 1, 1)


def next_change_date(today: date) -> date:
    """The next day product lists change: 1 January (a change never takes effect today or earlier)."""
    return next_first_of_january(today)


def unit_or_category_problem(
    product: GemeentelijkProduct, national: NationaalProduct, factor: Fraction | None
) -> str | None:
    """Why a mapping may not be approved as it is: another categorie, or an eenheid the national product
    does not use, without a conversion factor to say how the volumes relate; None when it may."""
    if factor is not None:
        return None
    problems = []
    if product.productcategorie != national.productcategorie:
        problems.append(f"categorie {product.productcategorie} is niet {national.productcategorie}")
    units = [u for u in national.eenheden.split("|") if u]
    if product.eenheid and units and product.eenheid not in units:
        problems.append(f"eenheid {product.eenheid} is niet {' of '.join(units)}")
    if not problems:
        return None
    return (
        f"{' en '.join(problems)} van {national.code}; zonder omrekenfactor kan dit niet worden goedgekeurd "
        "(stel opnieuw voor met --factor, bijv. 1/60)"
    )


def _gemeente_fields(g: Gemeente) -> dict:
    return {"naam": g.naam, "jeugdregio": g.jeugdregio}


def _municipal_fields(p: GemeentelijkProduct) -> dict:
    return {"omschrijving": p.omschrijving, "uitvoeringsvariant": p.uitvoeringsvariant, "eenheid": p.eenheid}


def _national_fields(n: NationaalProduct) -> dict:
    return {
        "naam": n.naam,
        "productcategorie": n.productcategorie,
        "uitvoeringsvariant": n.uitvoeringsvariant,
        "eenheden": n.eenheden,
        "hulpvorm": n.hulpvorm,
        "nza_declaratiecode": n.nza_declaratiecode,
        "begrippen": tuple(sorted(b.term.lower() for b in n.begrippen)),
    }


def _national_row_fields(r: NationalProductRow) -> dict:
    return {
        "naam": r.naam,
        "productcategorie": r.productcategorie,
        "uitvoeringsvariant": r.uitvoeringsvariant,
        "eenheden": "|".join(r.eenheden),
        "hulpvorm": r.hulpvorm,
        "nza_declaratiecode": r.nza_declaratiecode,
        "begrippen": tuple(sorted(t.lower() for t in r.begrippen)),
    }


def _line(rows, index: int) -> int | None:
    lines = getattr(rows, "lines", None)
    return lines[index] if lines is not None and index < len(lines) else None


def overlaps(a_van: date, a_tot: date | None, b_van: date, b_tot: date | None) -> bool:
    """Inclusive periods; None = open end."""
    return (b_tot is None or a_van <= b_tot) and (a_tot is None or b_van <= a_tot)


def covers(van: date, tot: date | None, on: date) -> bool:
    """True when the period van..tot (open-ended when tot is None) includes `on`."""
    return van <= on and (tot is None or on <= tot)


def current_user() -> str:
    """The login name for the audit log; unknown where the system has none."""
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
        self.now = datetime.now(UTC)

    @property
    def change_date(self) -> date:
        """The default effective date of every change: the next change date after today."""
        return next_change_date(self.today)

    # -- audit --------------------------------------------------------------------------

    def _audit(self, entiteit: str, sleutel: str, actie: str, oud: dict | None, nieuw: dict | None) -> None:
        self.session.add(
            AuditLog(
                op=self.now,
                door=self.door,
                entiteit=entiteit,
                sleutel=sleutel,
                actie=actie,
                oud=_jsonable(oud),
                nieuw=_jsonable(nieuw),
            )
        )

    def _audit_many(self, entiteit: str, actie: str, rows: Sequence[tuple[str, dict]]) -> None:
        if rows:
            self.session.execute(
                insert(AuditLog.__table__),
                [
                    {
                        "op": self.now,
                        "door": self.door,
                        "entiteit": entiteit,
                        "sleutel": key,
                        "actie": actie,
                        "oud": None,
                        "nieuw": _jsonable(new),
                    }
                    for key, new in rows
                ],
            )

    # -- loading whole lists (importers, demo) ---------------------------------------------

    def add_gemeenten(self, rows: Iterable[GemeenteRow]) -> ImportResult:
        """Gemeenten with their jeugdregio.

        The same list again changes nothing; a changed row becomes a new version.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        known_regios = set(self.session.scalars(select(Jeugdregio.naam)))
        for regio in sorted({r.jeugdregio for r in rows if r.jeugdregio} - known_regios):
            self.session.add(Jeugdregio(naam=regio))
        existing: dict[str, list[Version]] = defaultdict(list)
        for g in self.session.scalars(select(Gemeente)):
            existing[g.gemeentecode].append(Version(g.geldig_van, g.geldig_tot, _gemeente_fields(g), g))
        outcome, values = Outcome("de gemeentelijst"), []
        for i, r in enumerate(rows):
            fields = {"naam": r.naam, "jeugdregio": r.jeugdregio}
            try:
                step = plan(
                    existing[r.gemeentecode],
                    r.geldig_van,
                    r.geldig_tot,
                    fields,
                    today=self.today,
                    change=self.change_date,
                )
            except Conflict as exc:
                outcome.conflict(where(rows, i), f"gemeente {r.gemeentecode}: {exc}")
                continue
            new = self._apply_gemeente(step, r, fields, outcome)
            if new is not None:
                values.append(new)
                existing[r.gemeentecode].append(
                    Version(new["geldig_van"], r.geldig_tot, fields, None, _line(rows, i))
                )
        outcome.check()
        self.session.flush()
        if values:
            self.session.execute(insert(Gemeente.__table__), values)
        self._audit_many("gemeente", "import", [(v["gemeentecode"], v) for v in values])
        return outcome.result()

    def _apply_gemeente(self, step: Plan, r: GemeenteRow, fields: dict, outcome: Outcome) -> dict | None:
        if step.action == "unchanged":
            outcome.unchanged += 1
            return None
        if step.action == "update":
            g = step.version.ref
            old = {"naam": g.naam, "jeugdregio": g.jeugdregio, "geldig_tot": g.geldig_tot}
            g.naam, g.jeugdregio, g.geldig_tot = r.naam, r.jeugdregio, r.geldig_tot
            self._audit("gemeente", r.gemeentecode, "update", old, {**fields, "geldig_tot": r.geldig_tot})
            outcome.versions += 1
            return None
        if step.action == "split":
            g = step.version.ref
            old_tot, g.geldig_tot = g.geldig_tot, step.van - timedelta(days=1)
            self._audit(
                "gemeente", r.gemeentecode, "end", {"geldig_tot": old_tot}, {"geldig_tot": g.geldig_tot}
            )
            outcome.versions += 1
        else:
            outcome.added += 1
        return {
            "gemeentecode": r.gemeentecode,
            "naam": r.naam,
            "jeugdregio": r.jeugdregio,
            "geldig_van": step.van,
            "geldig_tot": r.geldig_tot,
        }

    def add_begrippen(self, rows: Iterable[BegripRow]) -> ImportResult:
        """Begrippen; a term already stored with the same start is left as it is."""
        known = {(b.term, b.geldig_van) for b in self.session.scalars(select(Begrip))}
        values = [
            {
                "term": r.term,
                "definitie": r.definitie,
                "bron": r.bron,
                "geldig_van": r.geldig_van or FAR_PAST,
                "geldig_tot": r.geldig_tot,
            }
            for r in rows
        ]
        new = [v for v in values if (v["term"], v["geldig_van"]) not in known]
        if new:
            self.session.execute(insert(Begrip.__table__), new)
        self._audit_many("begrip", "import", [(v["term"], v) for v in new])
        return ImportResult(len(new), 0, len(values) - len(new))

    def add_national(
        self, lijst: str, rows: Iterable[NationalProductRow], omschrijving: str | None = None
    ) -> ImportResult:
        """A national list.

        Importing it again changes nothing; a changed product becomes a new dated version.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        if self.session.get(Productlijst, lijst) is None:
            self.session.add(Productlijst(naam=lijst, omschrijving=omschrijving))
            self.session.flush()
        begrippen = {b.term.lower(): b for b in self.session.scalars(select(Begrip))}
        existing: dict[str, list[Version]] = defaultdict(list)
        for n in self.session.scalars(select(NationaalProduct).where(NationaalProduct.lijst == lijst)):
            existing[n.code].append(Version(n.geldig_van, n.geldig_tot, _national_fields(n), n))
        outcome = Outcome(f"lijst {lijst}")
        for i, r in enumerate(rows):
            missing = [t for t in r.begrippen if t.lower() not in begrippen]
            if missing:
                outcome.conflict(
                    where(rows, i),
                    f"product {r.code} verwijst naar onbekende begrip(pen) "
                    f"{', '.join(missing)}; importeer eerst de begrippen",
                )
                continue
            fields = _national_row_fields(r)
            try:
                step = plan(
                    existing[r.code],
                    r.geldig_van,
                    r.geldig_tot,
                    fields,
                    today=self.today,
                    change=self.change_date,
                )
            except Conflict as exc:
                outcome.conflict(where(rows, i), f"product {r.code}: {exc}")
                continue
            product = self._apply_national(lijst, step, r, begrippen, outcome)
            if product is not None:
                existing[r.code].append(Version(step.van, r.geldig_tot, fields, None, _line(rows, i)))
        outcome.check()
        self.session.flush()
        result = outcome.result()
        self._audit(
            "productlijst",
            lijst,
            "import",
            None,
            {"nieuw": result.added, "nieuwe_versies": result.versions, "ongewijzigd": result.unchanged},
        )
        return result

    def _apply_national(
        self, lijst: str, step: Plan, r: NationalProductRow, begrippen: dict, outcome: Outcome
    ) -> NationaalProduct | None:
        if step.action == "unchanged":
            outcome.unchanged += 1
            return None
        values = dict(
            naam=r.naam,
            productcategorie=r.productcategorie,
            uitvoeringsvariant=r.uitvoeringsvariant,
            eenheden="|".join(r.eenheden),
            hulpvorm=r.hulpvorm,
            nza_declaratiecode=r.nza_declaratiecode,
            geldig_tot=r.geldig_tot,
            begrippen=[begrippen[t.lower()] for t in r.begrippen],
        )
        if step.action == "update":
            product = step.version.ref
            old = _national_fields(product)
            for name, value in values.items():
                setattr(product, name, value)
            self._audit("nationaal_product", f"{lijst}/{r.code}", "update", old, _national_row_fields(r))
            outcome.versions += 1
            return product
        if step.action == "split":
            previous = step.version.ref
            previous.geldig_tot = step.van - timedelta(days=1)
            self._audit(
                "nationaal_product",
                f"{lijst}/{r.code}",
                "new-version",
                {"geldig_tot": step.version.tot},
                {"geldig_van": step.van, **_national_row_fields(r)},
            )
            outcome.versions += 1
        else:
            outcome.added += 1
        product = NationaalProduct(lijst=lijst, code=r.code, geldig_van=step.van, **values)
        self.session.add(product)
        return product

    def national_codes(self) -> set[str]:
        """Codes of every national product, of any list and period."""
        return set(self.session.scalars(select(NationaalProduct.code)))

    def known_gemeenten(self) -> set[str]:
        """Codes of every gemeente in the registry."""
        return set(self.session.scalars(select(Gemeente.gemeentecode)))

    def add_municipal(self, rows: Iterable[MunicipalProductRow]) -> ImportResult:
        """A gemeente's (full) product list.

        The same list again changes nothing; a changed row becomes a new version.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        national, gemeenten = self.national_codes(), self.known_gemeenten()
        existing: dict[tuple, list[Version]] = defaultdict(list)
        # Plain rows, not objects: a list of thousands of codes is read on every import; the few rows that
        # change are loaded as objects when they do.
        t = GemeentelijkProduct
        for p in self.session.execute(
            select(
                t.id,
                t.gemeentecode,
                t.productcategorie,
                t.productcode,
                t.omschrijving,
                t.uitvoeringsvariant,
                t.eenheid,
                t.geldig_van,
                t.geldig_tot,
            )
        ):
            existing[(p.gemeentecode, p.productcategorie, p.productcode)].append(
                Version(p.geldig_van, p.geldig_tot, _municipal_fields(p), p.id)
            )
        outcome, values = Outcome("de gemeentelijke producten"), []
        for i, r in enumerate(rows):
            key = (r.gemeentecode, r.productcategorie, r.productcode)
            problem = self._municipal_problem(r, national, gemeenten)
            fields = {
                "omschrijving": r.omschrijving,
                "uitvoeringsvariant": r.uitvoeringsvariant,
                "eenheid": r.eenheid,
            }
            try:
                if problem:
                    raise Conflict(problem)
                step = plan(
                    existing[key],
                    r.geldig_van,
                    r.geldig_tot,
                    fields,
                    today=self.today,
                    change=self.change_date,
                )
            except Conflict as exc:
                outcome.conflict(where(rows, i), f"{'/'.join(key)}: {exc}")
                continue
            new = self._apply_municipal(step, r, outcome)
            if new is not None:
                values.append(new)
                existing[key].append(Version(r.geldig_van, r.geldig_tot, fields, None, _line(rows, i)))
        outcome.check()
        self.session.flush()
        if values:
            self.session.execute(insert(GemeentelijkProduct.__table__), values)
        self._audit_many(
            "gemeentelijk_product",
            "import",
            [(f"{v['gemeentecode']}/{v['productcategorie']}/{v['productcode']}", v) for v in values],
        )
        return outcome.result()

    @staticmethod
    def _municipal_problem(r: MunicipalProductRow, national: set[str], gemeenten: set[str]) -> str | None:
        if r.gemeentecode not in gemeenten:
            return (
                f"gemeente {r.gemeentecode} is onbekend in het register; importeer eerst de gemeente "
                "(import-gemeenten)"
            )
        if r.productcode in national:
            return (
                f"productcode {r.productcode} is a code of a national product list; a municipal code may not "
                "redefine it"
            )
        return None

    def _apply_municipal(self, step: Plan, r: MunicipalProductRow, outcome: Outcome) -> dict | None:
        key = f"{r.gemeentecode}/{r.productcategorie}/{r.productcode}"
        if step.action == "unchanged":
            outcome.unchanged += 1
            return None
        if step.action == "update":
            product = self.session.get(GemeentelijkProduct, step.version.ref)
            old = asdict_product(product)
            product.omschrijving, product.uitvoeringsvariant = r.omschrijving, r.uitvoeringsvariant
            product.eenheid, product.geldig_tot = r.eenheid, r.geldig_tot
            self._audit("gemeentelijk_product", key, "update", old, asdict_product(product))
            outcome.versions += 1
            return None
        if step.action == "split":
            product = self.session.get(GemeentelijkProduct, step.version.ref)
            old = asdict_product(product)
            product.geldig_tot = step.van - timedelta(days=1)
            self._audit("gemeentelijk_product", key, "end", old, asdict_product(product))
            outcome.versions += 1
        else:
            outcome.added += 1
        return {**asdict(r), "geldig_van": step.van, "version": 1}

    def add_tarieven(self, rows: Iterable[TariefRow]) -> ImportResult:
        """Contract tariffs; a row already stored exactly so is left as it is."""
        known = {
            (
                t.aanbieder,
                t.gemeentecode,
                t.productcategorie,
                t.productcode,
                t.geldig_van,
                t.tarief,
                t.eenheid,
                t.geldig_tot,
            )
            for t in self.session.scalars(select(ContractTarief))
        }
        values = [asdict(r) for r in rows]
        new = [
            v
            for v in values
            if (
                v["aanbieder"],
                v["gemeentecode"],
                v["productcategorie"],
                v["productcode"],
                v["geldig_van"],
                v["tarief"],
                v["eenheid"],
                v["geldig_tot"],
            )
            not in known
        ]
        if new:
            self.session.execute(insert(ContractTarief.__table__), new)
        self._audit_many(
            "contract_tarief",
            "import",
            [(f"{v['aanbieder']}/{v['gemeentecode']}/{v['productcode']}", v) for v in new],
        )
        return ImportResult(len(new), 0, len(values) - len(new))

    def add_mappings(
        self, rows: Iterable[MappingRow], *, lijst: str | None = None, history: bool = False
    ) -> ImportResult:
        """Mappings as a list (import), with the checks of `map` done against indexes loaded
        once: the municipal product valid on the start date, the national product, and no
        overlap with other approved or retired mappings of the same code. Approved rows that
        would take effect before today are refused unless `history` (recording what was already in force)."""
        rows = rows if isinstance(rows, list) else list(rows)
        products: dict[tuple[str, str, str], list[GemeentelijkProduct]] = defaultdict(list)
        for p in self.session.scalars(select(GemeentelijkProduct)):
            products[(p.gemeentecode, p.productcategorie, p.productcode)].append(p)
        query = (
            select(NationaalProduct)
            if lijst is None
            else select(NationaalProduct).where(NationaalProduct.lijst == lijst)
        )
        national: dict[str, list[NationaalProduct]] = defaultdict(list)
        for n in self.session.scalars(query):
            national[n.code].append(n)
        periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
        stored = set()
        for m in self.session.execute(
            select(
                Mapping.gemeentelijk_product_id,
                Mapping.nationaal_product_id,
                Mapping.geldig_van,
                Mapping.geldig_tot,
                Mapping.status,
                Mapping.factor,
            )
        ):
            stored.add((m.gemeentelijk_product_id, m.nationaal_product_id, m.geldig_van, m.status, m.factor))
            if m.status in ACTIVE:
                periods[m.gemeentelijk_product_id].append((m.geldig_van, m.geldig_tot))
        outcome, values, audit = Outcome("de mappings"), [], []
        for i, r in enumerate(rows):
            key = f"{r.gemeentecode}/{r.productcategorie}/{r.productcode}"
            try:
                product, target = self._mapping_targets(r, key, products, national, history)
            except ProtocolError as exc:
                outcome.conflict(where(rows, i), str(exc))
                continue
            if (product.id, target.id, r.geldig_van, r.status, r.factor) in stored:
                outcome.unchanged += 1
                continue
            if r.status != "proposed":
                try:
                    self._no_overlap(periods[product.id], r.geldig_van, r.geldig_tot, f"mapping of {key}")
                except ProtocolError as exc:
                    outcome.conflict(where(rows, i), str(exc))
                    continue
                periods[product.id].append((r.geldig_van, r.geldig_tot))
            outcome.added += 1
            values.append(
                {
                    "gemeentelijk_product_id": product.id,
                    "nationaal_product_id": target.id,
                    "geldig_van": r.geldig_van,
                    "geldig_tot": r.geldig_tot,
                    "status": r.status,
                    "factor": r.factor,
                    "toelichting": r.toelichting,
                    "door": self.door,
                    "op": self.now,
                    "version": 1,
                }
            )
            audit.append(
                (
                    f"{key}->{r.nationale_code}",
                    {"status": r.status, "geldig_van": r.geldig_van, "factor": r.factor},
                )
            )
        outcome.check()
        if values:
            self.session.execute(insert(Mapping.__table__), values)
        self._audit_many("mapping", "import-history" if history else "import", audit)
        return outcome.result()

    def _mapping_targets(self, r: MappingRow, key: str, products, national, history: bool):
        product = next(
            (
                p
                for p in products.get((r.gemeentecode, r.productcategorie, r.productcode), ())
                if covers(p.geldig_van, p.geldig_tot, r.geldig_van)
            ),
            None,
        )
        if product is None:
            raise ProtocolError(f"mapping of {key}: no such municipal product valid on {r.geldig_van}")
        target = [
            n for n in national.get(r.nationale_code, ()) if covers(n.geldig_van, n.geldig_tot, r.geldig_van)
        ]
        if len(target) != 1:
            problem = "no" if not target else "more than one"
            raise ProtocolError(
                f"mapping of {key}: {problem} national product {r.nationale_code} valid on "
                f"{r.geldig_van}" + ("; give --list" if target else "")
            )
        if r.status != "proposed" and not history and r.geldig_van < self.today:
            raise ProtocolError(
                f"mapping of {key}: {r.status} vanaf {r.geldig_van} zou met terugwerkende kracht "
                f"gelden (vandaag is {self.today}); dateer de rij op {self.change_date} of later, "
                "of importeer de geschiedenis bewust met --history"
            )
        if r.status == "approved":
            problem = unit_or_category_problem(product, target[0], r.factor)
            if problem:
                raise ProtocolError(f"mapping of {key}: {problem}")
        return product, target[0]

    # -- single changes ----------------------------------------------------------------------

    @staticmethod
    def _no_overlap(
        periods: Iterable[tuple[date, date | None]], van: date, tot: date | None, what: str
    ) -> None:
        for other_van, other_tot in periods:
            if overlaps(van, tot, other_van, other_tot):
                raise ProtocolError(
                    f"{what}: period {van}..{tot or 'open'} overlaps {other_van}.."
                    f"{other_tot or 'open'}; validity of one key may not overlap"
                )

    def municipal_product(
        self, gemeente: str, code: str, on: date, categorie: str | None = None
    ) -> GemeentelijkProduct:
        """The gemeente's product with that code valid on `on`; ProtocolError for none or several."""
        query = select(GemeentelijkProduct).where(
            GemeentelijkProduct.gemeentecode == gemeente,
            GemeentelijkProduct.productcode == code,
            GemeentelijkProduct.geldig_van <= on,
            or_(GemeentelijkProduct.geldig_tot.is_(None), GemeentelijkProduct.geldig_tot >= on),
        )
        if categorie:
            query = query.where(GemeentelijkProduct.productcategorie == categorie)
        found = self.session.scalars(query).all()
        if not found:
            raise ProtocolError(
                f"gemeente {gemeente} has no product {code}"
                f"{' in categorie ' + categorie if categorie else ''} valid on {on}"
            )
        if len(found) > 1:
            raise ProtocolError(
                f"gemeente {gemeente} has product {code} in several categorieën on {on}; give --categorie"
            )
        return found[0]

    def national_product(self, code: str, on: date, lijst: str | None = None) -> NationaalProduct:
        """The national product with that code valid on `on`; ProtocolError for none or several."""
        query = select(NationaalProduct).where(
            NationaalProduct.code == code,
            NationaalProduct.geldig_van <= on,
            or_(NationaalProduct.geldig_tot.is_(None), NationaalProduct.geldig_tot >= on),
        )
        if lijst:
            query = query.where(NationaalProduct.lijst == lijst)
        found = self.session.scalars(query).all()
        if len(found) != 1:
            where = f" in list {lijst}" if lijst else ""
            problem = "no" if not found else "more than one"
            raise ProtocolError(f"{problem} national product {code}{where} valid on {on}")
        return found[0]

    def _mappings_of(self, product: GemeentelijkProduct) -> list[Mapping]:
        return list(
            self.session.scalars(
                select(Mapping).where(
                    Mapping.gemeentelijk_product_id == product.id, Mapping.status.in_(ACTIVE)
                )
            )
        )

    def _require_gemeente(self, gemeente: str) -> None:
        if gemeente not in self.known_gemeenten():
            raise ProtocolError(
                f"gemeente {gemeente} is onbekend in het register; importeer eerst de gemeente "
                "(import-gemeenten)"
            )

    def map(
        self,
        gemeente: str,
        categorie: str | None,
        code: str,
        nationale_code: str,
        *,
        effective: date | None = None,
        until: date | None = None,
        factor: Fraction | None = None,
        toelichting: str | None = None,
        lijst: str | None = None,
        confidence: float | None = None,
        audit: bool = True,
    ) -> Mapping:
        """Propose a mapping (status proposed) from `effective`.

        `effective` defaults to the next change date and is never in the past.
        """
        self._require_gemeente(gemeente)
        van = effective or self.change_date
        if van < self.today:
            raise ProtocolError(
                f"mapping of {gemeente}/{code}: een voorstel gaat niet in het verleden in "
                f"({van}); kies {self.change_date} (de volgende wijzigingsdatum) of later"
            )
        product = self.municipal_product(gemeente, code, van, categorie)
        national = self.national_product(nationale_code, van, lijst)
        if until is not None and until < van:
            raise ProtocolError(f"mapping of {gemeente}/{code}: ends {until} before it starts {van}")
        self._no_overlap(
            [(m.geldig_van, m.geldig_tot) for m in self._mappings_of(product)],
            van,
            until,
            f"mapping of {gemeente}/{product.productcategorie}/{code}",
        )
        mapping = Mapping(
            gemeentelijk_product=product,
            nationaal_product=national,
            geldig_van=van,
            geldig_tot=until,
            status="proposed",
            factor=factor,
            toelichting=toelichting,
            door=self.door,
            op=self.now,
            confidence=Decimal(str(round(confidence, 3))) if confidence is not None else None,
        )
        self.session.add(mapping)
        self.session.flush()
        if audit:
            self._audit("mapping", self._key(mapping), "propose", None, self._state(mapping))
        return mapping

    def get_mapping(self, mapping_id: int, expected_version: int | None = None) -> Mapping:
        """The mapping with that id; ConflictError when it is no longer at `expected_version`."""
        mapping = self.session.get(Mapping, mapping_id)
        if mapping is None:
            raise ProtocolError(f"no mapping with id {mapping_id}")
        if expected_version is not None and mapping.version != expected_version:
            from productcodes.db import ConflictError

            raise ConflictError(
                f"mapping {mapping_id} is at version {mapping.version}, not {expected_version}: "
                "someone changed it since you read it; nothing was saved"
            )
        return mapping

    def approve(self, mapping_id: int, *, expected_version: int | None = None) -> Mapping:
        """Approve a proposal.

        Not retroactively, not over another mapping, and not with an unexplained unit or categorie.
        """
        mapping = self.get_mapping(mapping_id, expected_version)
        if mapping.status != "proposed":
            raise ProtocolError(
                f"mapping {mapping_id} is {mapping.status}; only a proposed mapping can be approved"
            )
        if mapping.geldig_van < self.today:
            raise ProtocolError(
                f"mapping {mapping_id} zou met terugwerkende kracht gelden vanaf {mapping.geldig_van}; "
                f"wijs het af en stel het opnieuw voor per {self.change_date}"
            )
        problem = unit_or_category_problem(
            mapping.gemeentelijk_product, mapping.nationaal_product, mapping.factor
        )
        if problem:
            raise ProtocolError(f"mapping {mapping_id}: {problem}")
        self._no_overlap(
            [(m.geldig_van, m.geldig_tot) for m in self._mappings_of(mapping.gemeentelijk_product)],
            mapping.geldig_van,
            mapping.geldig_tot,
            f"mapping {mapping_id}",
        )
        old = self._state(mapping)
        mapping.status, mapping.door, mapping.op = "approved", self.door, self.now
        self.session.flush()
        self._audit("mapping", self._key(mapping), "approve", old, self._state(mapping))
        return mapping

    def approve_many(self, ids: Sequence[tuple[int, int | None]]) -> list[Mapping]:
        """Approve several proposals (id, expected version or None) in one transaction: all or nothing."""
        return [self.approve(mapping_id, expected_version=version) for mapping_id, version in ids]

    def reject(self, mapping_id: int, *, reason: str, expected_version: int | None = None) -> Mapping:
        """Turn a proposal down with a reason.

        It stays in the registry (and the audit log) and never resolves a code.
        """
        if not reason or not reason.strip():
            raise ProtocolError("een afwijzing heeft een reden nodig (--reason)")
        mapping = self.get_mapping(mapping_id, expected_version)
        if mapping.status != "proposed":
            raise ProtocolError(
                f"mapping {mapping_id} is {mapping.status}; alleen een voorstel kan worden afgewezen"
            )
        old = self._state(mapping)
        mapping.status, mapping.door, mapping.op = "rejected", self.door, self.now
        mapping.toelichting = f"afgewezen: {reason.strip()}" + (
            f" (was: {old['toelichting']})" if old["toelichting"] else ""
        )
        self.session.flush()
        self._audit(
            "mapping", self._key(mapping), "reject", old, {**self._state(mapping), "reden": reason.strip()}
        )
        return mapping

    def retire(
        self, mapping_id: int, *, effective: date | None = None, expected_version: int | None = None
    ) -> Mapping:
        """End a mapping: it stays valid until the day before `effective` (default the next change date).

        A mapping that would only start on or after `effective` never applies: it is withdrawn."""
        mapping = self.get_mapping(mapping_id, expected_version)
        effective = effective or self.change_date
        if mapping.status not in ("approved", "proposed"):
            raise ProtocolError(f"mapping {mapping_id} is already {mapping.status}")
        in_effect = mapping.status == "approved" and mapping.geldig_van <= self.today
        if in_effect and effective <= self.today:
            raise ProtocolError(
                f"mapping {mapping_id} is approved and in effect since {mapping.geldig_van}; "
                f"it cannot be ended retroactively on {effective} (earliest: {self.today + timedelta(1)})"
            )
        if mapping.geldig_tot is not None and effective > mapping.geldig_tot:
            raise ProtocolError(f"mapping {mapping_id} already ends on {mapping.geldig_tot}")
        old = self._state(mapping)
        if effective <= mapping.geldig_van:
            mapping.status = "withdrawn"
        else:
            mapping.geldig_tot, mapping.status = effective - timedelta(days=1), "retired"
        mapping.door, mapping.op = self.door, self.now
        self.session.flush()
        self._audit("mapping", self._key(mapping), "retire", old, self._state(mapping))
        return mapping

    def end_product(
        self, gemeente: str, code: str, *, effective: date | None = None, categorie: str | None = None
    ) -> GemeentelijkProduct:
        """Stop a municipal code from `effective` on; it keeps resolving for earlier dates."""
        effective = effective or self.change_date
        try:
            product = self.municipal_product(gemeente, code, effective - timedelta(days=1), categorie)
        except ProtocolError:
            raise ProtocolError(
                f"gemeente {gemeente} heeft geen product {code}"
                f"{' in categorie ' + categorie if categorie else ''} dat loopt tot {effective} "
                f"(de dag voor de opgegeven ingangsdatum {effective} moet binnen de geldigheid "
                "vallen)"
            ) from None
        if product.geldig_van <= self.today and effective <= self.today:
            raise ProtocolError(
                f"product {gemeente}/{code} is in effect since {product.geldig_van}; it cannot be "
                f"ended retroactively on {effective}"
            )
        old = asdict_product(product)
        product.geldig_tot = effective - timedelta(days=1)
        self.session.flush()
        self._audit(
            "gemeentelijk_product",
            f"{gemeente}/{product.productcategorie}/{code}",
            "end",
            old,
            asdict_product(product),
        )
        return product

    def propose_many(
        self, suggestions: Iterable, *, approve_above: float | None = None, lijst: str | None = None
    ) -> tuple[int, int]:
        """Store suggestions as proposed mappings (one query per table, not per code);
        those at or above `approve_above` are approved at once, in the user's name, when the
        protocol allows it (no unit or categorie mismatch without a factor).

        A proposal is dated at the next change date (or later, when a product starts later) and
        runs until the municipal code ends. Returns (proposed, approved)."""
        products = {
            (p.gemeentecode, p.productcategorie, p.productcode, p.geldig_van): p
            for p in self.session.scalars(select(GemeentelijkProduct))
        }
        query = select(NationaalProduct)
        if lijst:
            query = query.where(NationaalProduct.lijst == lijst)
        national = defaultdict(list)
        for n in self.session.scalars(query):
            national[n.code].append(n)
        taken = {
            m.gemeentelijk_product_id
            for m in self.session.scalars(select(Mapping).where(Mapping.status != "rejected"))
        }
        rows, audit = [], []
        for s in suggestions:
            m = s.municipal
            product = products.get((m.gemeentecode, m.productcategorie, m.productcode, m.geldig_van))
            if product is None or product.id in taken:
                continue
            van = max(m.geldig_van, self.change_date)
            target = next(
                (
                    n
                    for n in national.get(s.nationale_code, ())
                    if covers(n.geldig_van, n.geldig_tot, van) or n.geldig_van > van
                ),
                None,
            )
            if target is None:
                continue
            van = max(van, target.geldig_van)
            if m.geldig_tot is not None and m.geldig_tot < van:
                continue
            confident = approve_above is not None and s.confidence >= approve_above
            status = (
                "approved"
                if confident and not unit_or_category_problem(product, target, s.factor)
                else "proposed"
            )
            taken.add(product.id)
            rows.append(
                {
                    "gemeentelijk_product_id": product.id,
                    "nationaal_product_id": target.id,
                    "geldig_van": van,
                    "geldig_tot": m.geldig_tot,
                    "status": status,
                    "factor": s.factor,
                    "toelichting": f"suggested: {s.reason}"[:2000],
                    "confidence": Decimal(str(s.confidence)),
                    "door": self.door,
                    "op": self.now,
                    "version": 1,
                }
            )
            audit.append(
                (
                    f"{m.gemeentecode}/{m.productcategorie}/{m.productcode}->{s.nationale_code}",
                    {"status": status, "confidence": s.confidence, "geldig_van": van},
                )
            )
        if rows:
            self.session.execute(insert(Mapping.__table__), rows)
        self._audit_many("mapping", "suggest", audit)
        return len(rows), sum(r["status"] == "approved" for r in rows)

    # -- reading ------------------------------------------------------------------------------

    def lookup(self, gemeente: str, code: str, on: date, categorie: str | None = None) -> Lookup:
        """What a code of a gemeente means on a date: its municipal product, mapping and national product."""
        try:
            product = self.municipal_product(gemeente, code, on, categorie)
        except ProtocolError:
            # A code of a national list is valid for every gemeente as it is.
            try:
                return Lookup(on, None, None, self.national_product(code, on))
            except ProtocolError:
                raise ProtocolError(
                    f"code {code} means nothing for gemeente {gemeente} on {on}: no municipal "
                    "product and no national product with that code"
                ) from None
        mapping = self.session.scalars(
            select(Mapping).where(
                Mapping.gemeentelijk_product_id == product.id,
                Mapping.status.in_(ACTIVE),
                Mapping.geldig_van <= on,
                or_(Mapping.geldig_tot.is_(None), Mapping.geldig_tot >= on),
            )
        ).first()
        return Lookup(on, product, mapping, mapping.nationaal_product if mapping else None)

    @staticmethod
    def _key(mapping: Mapping) -> str:
        p = mapping.gemeentelijk_product
        return f"{p.gemeentecode}/{p.productcategorie}/{p.productcode}->{mapping.nationaal_product.code}"

    @staticmethod
    def _state(mapping: Mapping) -> dict:
        return {
            "id": mapping.id,
            "version": mapping.version,
            "status": mapping.status,
            "nationale_code": mapping.nationaal_product.code,
            "geldig_van": mapping.geldig_van,
            "geldig_tot": mapping.geldig_tot,
            "factor": mapping.factor,
            "toelichting": mapping.toelichting,
        }


def asdict_product(product: GemeentelijkProduct) -> dict:
    """The fields of a municipal product the audit log records."""
    return {
        "omschrijving": product.omschrijving,
        "eenheid": product.eenheid,
        "geldig_van": product.geldig_van,
        "geldig_tot": product.geldig_tot,
    }
