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
    """How many municipal codes there are in a group and how many of them are mapped."""

    codes: int = 0
    mapped: int = 0

    @property
    def percent(self) -> float:
        """Share mapped, in percent with one decimal; 0 for an empty group."""
        return round(100 * self.mapped / self.codes, 1) if self.codes else 0.0


@dataclass
class Reduction:
    """The reduction report on a date: municipal codes, national products, and how far the mapping is."""

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
        """Share of the municipal codes mapped, in percent with one decimal."""
        return round(100 * self.mapped / self.municipal_codes, 1) if self.municipal_codes else 0.0

    def as_dict(self) -> dict:
        """The report as JSON-ready values, percentages included."""
        data = asdict(self)
        data["on"] = self.on.isoformat()
        data["percent_mapped"] = self.percent_mapped
        for part in ("per_jeugdregio", "per_categorie"):
            data[part] = {k: {**asdict(v), "percent": v.percent} for k, v in getattr(self, part).items()}
        return data


def _valid(column_van, column_tot, on: date):
    return [column_van <= on, or_(column_tot.is_(None), column_tot >= on)]


def reduction(session: Session, on: date | None = None, national_list: str | None = None) -> Reduction:
    """The reduction report of the codes valid on `on` (default today), optionally for one national list."""
    on = on or date.today()
    products = session.scalars(
        select(GemeentelijkProduct).where(
            *_valid(GemeentelijkProduct.geldig_van, GemeentelijkProduct.geldig_tot, on)
        )
    ).all()
    regio = {g.gemeentecode: g.jeugdregio or "(geen jeugdregio)" for g in session.scalars(select(Gemeente))}
    mappings = session.scalars(
        select(Mapping).where(Mapping.status.in_(("approved", "retired", "proposed")))
    ).all()
    by_product: dict[int, list[Mapping]] = defaultdict(list)
    for m in mappings:
        by_product[m.gemeentelijk_product_id].append(m)
    national_query = select(NationaalProduct).where(
        *_valid(NationaalProduct.geldig_van, NationaalProduct.geldig_tot, on)
    )
    if national_list:
        national_query = national_query.where(NationaalProduct.lijst == national_list)
    national = session.scalars(national_query).all()

    per_regio: dict[str, Coverage] = defaultdict(Coverage)
    per_cat: dict[str, Coverage] = defaultdict(Coverage)
    codes_per_national: Counter[str] = Counter()
    unmapped, proposed, mapped = [], 0, 0
    for product in products:
        effective = [
            m
            for m in by_product.get(product.id, ())
            if m.status != "proposed" and m.geldig_van <= on and (m.geldig_tot is None or on <= m.geldig_tot)
        ]
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
            unmapped.append(
                {
                    "gemeentecode": product.gemeentecode,
                    "productcategorie": product.productcategorie,
                    "productcode": product.productcode,
                    "omschrijving": product.omschrijving,
                    "voorstel": waiting is not None,
                    "voorstel_id": waiting and waiting.id,
                    "voorstel_versie": waiting and waiting.version,
                }
            )
    return Reduction(
        on=on,
        municipal_codes=len(products),
        gemeenten=len({p.gemeentecode for p in products}),
        national_products=len(national),
        national_in_use=len(codes_per_national),
        mapped=mapped,
        proposed=proposed,
        per_jeugdregio=dict(sorted(per_regio.items())),
        per_categorie=dict(sorted(per_cat.items())),
        codes_per_national=dict(codes_per_national.most_common()),
        unmapped=unmapped,
        conflicts=conflicts(mappings),
    )


def conflicts(mappings: list[Mapping]) -> list[dict]:
    """Live mappings whose municipal and national product disagree on categorie or unit."""
    out = []
    live = [m for m in mappings if m.status in ("approved", "retired")]
    for m in live:
        municipal, national = m.gemeentelijk_product, m.nationaal_product
        where = {
            "mapping": m.id,
            "versie": m.version,
            "gemeentecode": municipal.gemeentecode,
            "productcode": municipal.productcode,
            "nationale_code": national.code,
        }
        if municipal.productcategorie != national.productcategorie:
            out.append(
                {
                    **where,
                    "conflict": "categorie mismatch",
                    "detail": f"{municipal.productcategorie} -> {national.productcategorie}",
                }
            )
        units = [u for u in national.eenheden.split("|") if u]
        if municipal.eenheid and units and municipal.eenheid not in units and m.factor is None:
            out.append(
                {
                    **where,
                    "conflict": "unit mismatch without factor",
                    "detail": f"{municipal.eenheid} -> {'|'.join(units)}",
                }
            )
    by_product: dict[int, list[Mapping]] = defaultdict(list)
    for m in live:
        by_product[m.gemeentelijk_product_id].append(m)
    for group in by_product.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if overlaps(a.geldig_van, a.geldig_tot, b.geldig_van, b.geldig_tot):
                    out.append(
                        {
                            "mapping": a.id,
                            "versie": a.version,
                            "gemeentecode": a.gemeentelijk_product.gemeentecode,
                            "productcode": a.gemeentelijk_product.productcode,
                            "nationale_code": a.nationaal_product.code,
                            "conflict": "overlapping periods",
                            "detail": f"with mapping {b.id}",
                        }
                    )
    return out


_WORDS = {
    "nl": {
        "title": "Reductie op {on}",
        "municipal": "gemeentelijke codes",
        "in": "in {n} gemeenten",
        "national": "landelijke producten",
        "in_use": "({n} gebruikt in een mapping)",
        "mapped": "gemapt (goedgekeurd)",
        "proposed": "voorgesteld, niet goedgekeurd",
        "unmapped": "niet gemapt",
        "conflicts": "conflicten",
        "reduction": "reductie",
        "onto": "{mapped} codes op {used} landelijke producten ({ratio} : 1)",
        "per_regio": "Per jeugdregio                    codes  gemapt",
        "per_categorie": "Per productcategorie   codes  gemapt",
        "conflicts_head": "Conflicten",
        "unmapped_head": "Niet gemapte codes (eerste {shown} van {total})",
        "waiting": "  [voorstel{id} wacht]",
    },
    "en": {
        "title": "Reduction on {on}",
        "municipal": "municipal codes",
        "in": "in {n} gemeenten",
        "national": "national products",
        "in_use": "({n} in use by a mapping)",
        "mapped": "mapped (approved)",
        "proposed": "proposed, not approved",
        "unmapped": "unmapped",
        "conflicts": "conflicts",
        "reduction": "reduction",
        "onto": "{mapped} codes onto {used} national products ({ratio} : 1)",
        "per_regio": "Per jeugdregio                    codes  mapped",
        "per_categorie": "Per productcategorie   codes  mapped",
        "conflicts_head": "Conflicts",
        "unmapped_head": "Unmapped codes (first {shown} of {total})",
        "waiting": "  [proposal{id} waiting]",
    },
}


def number(value: float, lang: str, spec: str = ".1f") -> str:
    """A number as its readers write it: a decimal comma in Dutch."""
    shown = format(value, spec)
    return shown.replace(".", ",") if lang == "nl" else shown


def day(on: date, lang: str) -> str:
    """A date as its readers write it: 01-06-2026 in Dutch, ISO in English."""
    return on.strftime("%d-%m-%Y") if lang == "nl" else on.isoformat()


def words(lang: str | None) -> tuple[str, dict[str, str]]:
    """The language (--lang / PRODUCTCODES_LANG, Dutch by default) and its words for the report."""
    from validators.reporting.texts import current_lang

    chosen = lang or current_lang()
    return chosen, _WORDS[chosen]


def _proposal_id(unmapped: dict) -> str:
    """' 3 v1' for the waiting proposal's id and version, so a reviewer can act on it; '' when not known."""
    if unmapped.get("voorstel_id") is None:
        return ""
    return f" {unmapped['voorstel_id']} v{unmapped['voorstel_versie']}"


def render_text(r: Reduction, unmapped_limit: int = 15, lang: str | None = None) -> str:
    """The reduction report as text, in Dutch unless asked otherwise."""
    lang, w = words(lang)
    label = max(
        len(w[k])
        for k in ("municipal", "national", "mapped", "proposed", "unmapped", "conflicts", "reduction")
    )
    lines = [
        w["title"].format(on=day(r.on, lang)),
        f"  {w['municipal']:<{label}} {r.municipal_codes:>6}  {w['in'].format(n=r.gemeenten)}",
        f"  {w['national']:<{label}} {r.national_products:>6}  {w['in_use'].format(n=r.national_in_use)}",
        f"  {w['mapped']:<{label}} {r.mapped:>6}  {number(r.percent_mapped, lang, '5.1f')}%",
        f"  {w['proposed']:<{label}} {r.proposed:>6}",
        f"  {w['unmapped']:<{label}} {len(r.unmapped):>6}",
        f"  {w['conflicts']:<{label}} {len(r.conflicts):>6}",
    ]
    if r.mapped:
        ratio = f"{r.mapped / max(1, r.national_in_use):.0f}"
        lines.append(
            f"  {w['reduction']:<{label}} "
            + w["onto"].format(mapped=r.mapped, used=r.national_in_use, ratio=ratio)
        )
    lines.append("\n" + w["per_regio"])
    lines += [
        f"  {name[:30]:<30} {c.codes:>6} {number(c.percent, lang, '6.1f')}%"
        for name, c in r.per_jeugdregio.items()
    ]
    lines.append("\n" + w["per_categorie"])
    lines += [
        f"  {cat:<18} {c.codes:>6} {number(c.percent, lang, '6.1f')}%" for cat, c in r.per_categorie.items()
    ]
    if r.conflicts:
        lines.append("\n" + w["conflicts_head"])
        lines += [
            f"  mapping {c['mapping']} (versie {c['versie']}): "
            f"{c['gemeentecode']}/{c['productcode']} -> {c['nationale_code']}: "
            f"{c['conflict']} ({c['detail']})"
            for c in r.conflicts[:50]
        ]
    if r.unmapped:
        shown = min(unmapped_limit, len(r.unmapped))
        lines.append("\n" + w["unmapped_head"].format(shown=shown, total=len(r.unmapped)))
        lines += [
            f"  {u['gemeentecode']} {u['productcategorie']} {u['productcode']:<6} {u['omschrijving']}"
            + (w["waiting"].format(id=_proposal_id(u)) if u["voorstel"] else "")
            for u in r.unmapped[:unmapped_limit]
        ]
    return "\n".join(lines) + "\n"
