"""The reduction report: how far the municipal codes have been brought onto the national set.

Counted on one date (default today): municipal codes valid that day, the national products
they map to through approved mappings, coverage per jeugdregio and per categorie, the
codes still unmapped, and conflicts a reviewer must look at (categorie mismatch, a unit
mismatch without a conversion factor, overlapping mapping periods).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from productcodes.models import Gemeente, GemeentelijkProduct, Mapping, NationaalProduct
from productcodes.protocol import overlaps


@dataclass
class Coverage:
    codes: int = 0
    mapped: int = 0

    @property
    def percent(self) -> float:
        return round(100 * self.mapped / self.codes, 1) if self.codes else 0.0


@dataclass
class Reduction:
    on: date
    municipal_codes: int
    gemeenten: int
    national_products: int
    national_in_use: int
    mapped: int
    proposed: int
    per_jeugdregio: dict[str, Coverage]
    per_categorie: dict[str, Coverage]
    codes_per_national: dict[str, int]
    unmapped: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)

    @property
    def percent_mapped(self) -> float:
        return round(100 * self.mapped / self.municipal_codes, 1) if self.municipal_codes else 0.0

    def as_dict(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        data["percent_mapped"] = self.percent_mapped
        for part in ("per_jeugdregio", "per_categorie"):
            data[part] = {k: {**asdict(v), "percent": v.percent} for k, v in getattr(self, part).items()}
        return data


def _valid(column_van, column_tot, on: date):
    return [column_van <= on, or_(column_tot.is_(None), column_tot >= on)]


def reduction(session: Session, on: date | None = None, national_list: str | None = None) -> Reduction:
    on = on or date.today()
    products = session.scalars(select(GemeentelijkProduct).where(
        *_valid(GemeentelijkProduct.geldig_van, GemeentelijkProduct.geldig_tot, on))).all()
    regio = {g.gemeentecode: g.jeugdregio or "(geen jeugdregio)" for g in session.scalars(select(Gemeente))}
    mappings = session.scalars(select(Mapping).where(Mapping.status.in_(("approved", "retired", "proposed")))).all()
    by_product: dict[int, list[Mapping]] = defaultdict(list)
    for m in mappings:
        by_product[m.gemeentelijk_product_id].append(m)
    national_query = select(NationaalProduct).where(*_valid(NationaalProduct.geldig_van, NationaalProduct.geldig_tot, on))
    if national_list:
        national_query = national_query.where(NationaalProduct.lijst == national_list)
    national = session.scalars(national_query).all()

    per_regio: dict[str, Coverage] = defaultdict(Coverage)
    per_cat: dict[str, Coverage] = defaultdict(Coverage)
    codes_per_national: Counter[str] = Counter()
    unmapped, proposed, mapped = [], 0, 0
    for product in products:
        effective = [m for m in by_product.get(product.id, ()) if m.status != "proposed"
                     and m.geldig_van <= on and (m.geldig_tot is None or on <= m.geldig_tot)]
        region = regio.get(product.gemeentecode, "(onbekende gemeente)")
        for bucket in (per_regio[region], per_cat[product.productcategorie]):
            bucket.codes += 1
            bucket.mapped += bool(effective)
        if effective:
            mapped += 1
            codes_per_national[effective[0].nationaal_product.code] += 1
        else:
            waiting = next((m for m in by_product.get(product.id, ()) if m.status == "proposed"), None)
            proposed += waiting is not None
            unmapped.append({"gemeentecode": product.gemeentecode, "productcategorie": product.productcategorie,
                             "productcode": product.productcode, "omschrijving": product.omschrijving,
                             "voorstel": waiting is not None, "voorstel_id": waiting and waiting.id,
                             "voorstel_versie": waiting and waiting.version})
    return Reduction(
        on=on, municipal_codes=len(products), gemeenten=len({p.gemeentecode for p in products}),
        national_products=len(national), national_in_use=len(codes_per_national), mapped=mapped, proposed=proposed,
        per_jeugdregio=dict(sorted(per_regio.items())), per_categorie=dict(sorted(per_cat.items())),
        codes_per_national=dict(codes_per_national.most_common()), unmapped=unmapped,
        conflicts=conflicts(mappings),
    )


def conflicts(mappings: list[Mapping]) -> list[dict]:
    out = []
    live = [m for m in mappings if m.status in ("approved", "retired")]
    for m in live:
        municipal, national = m.gemeentelijk_product, m.nationaal_product
        where = {"mapping": m.id, "versie": m.version,
                 "gemeentecode": municipal.gemeentecode, "productcode": municipal.productcode,
                 "nationale_code": national.code}
        if municipal.productcategorie != national.productcategorie:
            out.append({**where, "conflict": "categorie mismatch",
                        "detail": f"{municipal.productcategorie} -> {national.productcategorie}"})
        units = [u for u in national.eenheden.split("|") if u]
        if municipal.eenheid and units and municipal.eenheid not in units and m.factor is None:
            out.append({**where, "conflict": "unit mismatch without factor",
                        "detail": f"{municipal.eenheid} -> {'|'.join(units)}"})
    by_product: dict[int, list[Mapping]] = defaultdict(list)
    for m in live:
        by_product[m.gemeentelijk_product_id].append(m)
    for group in by_product.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if overlaps(a.geldig_van, a.geldig_tot, b.geldig_van, b.geldig_tot):
                    out.append({"mapping": a.id, "versie": a.version, "gemeentecode": a.gemeentelijk_product.gemeentecode,
                                "productcode": a.gemeentelijk_product.productcode, "nationale_code":
                                a.nationaal_product.code, "conflict": "overlapping periods",
                                "detail": f"with mapping {b.id}"})
    return out


def render_text(r: Reduction, unmapped_limit: int = 15) -> str:
    lines = [
        f"Reduction on {r.on}",
        f"  municipal codes        {r.municipal_codes:>6}  in {r.gemeenten} gemeenten",
        f"  national products      {r.national_products:>6}  ({r.national_in_use} in use by a mapping)",
        f"  mapped (approved)      {r.mapped:>6}  {r.percent_mapped:5.1f}%",
        f"  proposed, not approved {r.proposed:>6}",
        f"  unmapped               {len(r.unmapped):>6}",
        f"  conflicts              {len(r.conflicts):>6}",
    ]
    if r.mapped:
        lines.append(f"  reduction              {r.mapped} codes onto {r.national_in_use} national products "
                     f"({r.mapped / max(1, r.national_in_use):.0f} : 1)")
    lines.append("\nPer jeugdregio                    codes  mapped")
    lines += [f"  {name[:30]:<30} {c.codes:>6} {c.percent:6.1f}%" for name, c in r.per_jeugdregio.items()]
    lines.append("\nPer productcategorie   codes  mapped")
    lines += [f"  {cat:<18} {c.codes:>6} {c.percent:6.1f}%" for cat, c in r.per_categorie.items()]
    if r.conflicts:
        lines.append("\nConflicts")
        lines += [f"  mapping {c['mapping']} (versie {c['versie']}): "
                  f"{c['gemeentecode']}/{c['productcode']} -> {c['nationale_code']}: "
                  f"{c['conflict']} ({c['detail']})" for c in r.conflicts[:50]]
    if r.unmapped:
        lines.append(f"\nUnmapped codes (first {min(unmapped_limit, len(r.unmapped))} of {len(r.unmapped)})")
        lines += [f"  {u['gemeentecode']} {u['productcategorie']} {u['productcode']:<6} {u['omschrijving']}"
                  + (f"  [proposal {u['voorstel_id']} v{u['voorstel_versie']} waiting]" if u["voorstel"] else "")
                  for u in r.unmapped[:unmapped_limit]]
    return "\n".join(lines) + "\n"
