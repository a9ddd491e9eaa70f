"""Impact of the reduction on what is bought and paid: declarations translated by the mappings on their dates.

Every Prestatie of a declaration (JW323, or its iWmo twin) is translated with the mapping that was in
force on the first day of its ProductPeriode, for the gemeente that received it. Per national
product (and unit) the analysis keeps the municipal codes behind it, the volume and the amount
declared, and a running tariff per unit per gemeente; what cannot be translated is counted per
reason. Memory depends on the registry and on the number of distinct codes, never on the number
of Prestaties: files are read a few Clients at a time (`iwmo_ijw.streaming.iter_chunks`), and the
message store one message at a time.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from productcodes.errors import UserError

CLIENTS_PER_CHUNK = 256
LINES_PER_CHUNK = 25_000


@dataclass(frozen=True, slots=True)
class Prestatie:
    """The fields of one declared Prestatie the analysis needs (amounts in cents, signed by DebetCredit)."""

    gemeentecode: str
    productcategorie: str
    productcode: str
    begindatum: date | None
    volume: int | Fraction
    eenheid: str
    tarief: int | None
    bedrag: int


# --- reading declarations ---------------------------------------------------------------------


def _number(value: str | None) -> int | Fraction | None:
    # Volumes and cents are whole numbers in practice; plain ints keep the sums fast and exact.
    if not value:
        return None
    if value.isdigit():
        return int(value)
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        return None


def _prestaties_of(root, clients) -> Iterator[Prestatie]:
    from iwmo_ijw.xpath import date_of, find, text

    ontvanger = (text(find(root, "Header"), "Ontvanger") or "").zfill(4)
    for client in clients:
        for p in client.iterfind("{*}Prestaties/{*}Prestatie"):
            bedrag = _number(text(p, "IngediendBedrag/Bedrag")) or 0
            sign = -1 if text(p, "IngediendBedrag/DebetCredit") == "C" else 1
            tarief = _number(text(p, "ProductTarief"))
            yield Prestatie(
                ontvanger,
                text(p, "ProductCategorie") or "",
                text(p, "ProductCode") or "",
                date_of(p, "ProductPeriode/Begindatum"),
                _number(text(p, "GeleverdVolume")) or 0,
                text(p, "Eenheid") or "",
                None if tarief is None else int(tarief),
                sign * int(bedrag),
            )


def declaration_files(paths: Iterable[str | Path]) -> list[Path]:
    """The XML files named, and those in the folders named (recursively, in name order)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".xml"))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError(f"{path} bestaat niet (geef declaratiebestanden of een map)")
    return found


def prestaties_from_files(files: Iterable[Path], skipped: list[tuple[str, str]]) -> Iterator[Prestatie]:
    """Prestaties of every declaration file, streamed; files that are not declarations go to `skipped`."""
    from iwmo_ijw.parsing import MessageError
    from iwmo_ijw.streaming import iter_chunks

    for path in files:
        try:
            for chunk in iter_chunks(path, validate=False, clients=CLIENTS_PER_CHUNK, lines=LINES_PER_CHUNK):
                if not _is_declaration(chunk.message_type):
                    skipped.append((str(path), f"geen declaratie maar {chunk.message_type.code}"))
                    break
                yield from _prestaties_of(chunk.root, chunk.clients)
        except MessageError as exc:
            skipped.append((str(path), f"onleesbaar: {exc}"))


def prestaties_from_store(session: Session, skipped: list[tuple[str, str]]) -> Iterator[Prestatie]:
    """Prestaties of the declarations in the message store (one message in memory at a time)."""
    from validators.sources.store import stored_messages

    for message in stored_messages(session):
        if _is_declaration(message.message_type):
            root = message.tree.getroot()
            yield from _prestaties_of(root, root.iterfind("{*}Declaratie/{*}Clienten/{*}Client"))


def _is_declaration(message_type) -> bool:
    return message_type.code.endswith("323")


# --- the registry, loaded once ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    van: date
    tot: date | None
    code: str
    naam: str
    factor: Fraction | None
    eenheden: tuple[str, ...]


class Translator:
    """Municipal codes, mappings and national products in memory.

    Translates Prestaties without a query for each one.
    """

    def __init__(self, session: Session, lijst: str | None = None) -> None:
        from productcodes.models import Gemeente, GemeentelijkProduct, Mapping, NationaalProduct

        self.regio = {
            g.gemeentecode: g.jeugdregio or "(geen jeugdregio)" for g in session.scalars(select(Gemeente))
        }
        national_query = select(NationaalProduct)
        if lijst:
            national_query = national_query.where(NationaalProduct.lijst == lijst)
        self.national: dict[str, list[_Target]] = defaultdict(list)
        by_id = {}
        for n in session.scalars(national_query):
            units = tuple(u for u in n.eenheden.split("|") if u)
            by_id[n.id] = n
            self.national[n.code].append(_Target(n.geldig_van, n.geldig_tot, n.code, n.naam, None, units))
        self.products: dict[tuple[str, str, str], list[tuple[date, date | None, int]]] = defaultdict(list)
        for p in session.scalars(select(GemeentelijkProduct)):
            self.products[(p.gemeentecode, p.productcategorie, p.productcode)].append(
                (p.geldig_van, p.geldig_tot, p.id)
            )
        self.mappings: dict[int, list[_Target]] = defaultdict(list)
        for m in session.scalars(select(Mapping).where(Mapping.status.in_(("approved", "retired")))):
            n = by_id.get(m.nationaal_product_id)
            if n is not None:
                units = tuple(u for u in n.eenheden.split("|") if u)
                self.mappings[m.gemeentelijk_product_id].append(
                    _Target(m.geldig_van, m.geldig_tot, n.code, n.naam, m.factor, units)
                )

    def translate(self, p: Prestatie) -> tuple[_Target | None, str | None]:
        """(national target, None) or (None, the reason it cannot be translated)."""
        if p.begindatum is None:
            return None, "geen (geldige) begindatum"
        if p.gemeentecode not in self.regio:
            return None, f"gemeente {p.gemeentecode} onbekend in het register"
        periods = self.products.get((p.gemeentecode, p.productcategorie, p.productcode))
        if not periods:
            own = _on(self.national.get(p.productcode, ()), p.begindatum)
            if own is not None:
                return own, None
            return None, "code onbekend bij deze gemeente"
        product = next(
            (
                pid
                for van, tot, pid in periods
                if van <= p.begindatum and (tot is None or p.begindatum <= tot)
            ),
            None,
        )
        if product is None:
            return None, "code niet geldig op de datum van de prestatie"
        target = _on(self.mappings.get(product, ()), p.begindatum)
        if target is None:
            return None, "niet gemapt (geen goedgekeurde mapping op die datum)"
        return target, None


def _on(targets: Iterable[_Target], day: date) -> _Target | None:
    return next((t for t in targets if t.van <= day and (t.tot is None or day <= t.tot)), None)


# --- aggregation -------------------------------------------------------------------------------


@dataclass
class _Running:
    """Volume and amount, and the volume-weighted tariff sum, of one group."""

    volume: int | Fraction = 0
    bedrag: int = 0
    regels: int = 0
    tarief_x_volume: int | Fraction = 0
    tarief_volume: int | Fraction = 0

    def add(self, volume: int | Fraction, bedrag: int, tarief: int | Fraction | None) -> None:
        self.volume += volume
        self.bedrag += bedrag
        self.regels += 1
        if tarief is not None and volume > 0:
            self.tarief_x_volume += tarief * volume
            self.tarief_volume += volume

    @property
    def tarief(self) -> float | None:
        """Mean tariff per unit in cents, weighted by volume."""
        return float(Fraction(self.tarief_x_volume) / self.tarief_volume) if self.tarief_volume else None


@dataclass
class Spread:
    """Tariffs per unit (cents) across groups: min, median, max, and the groups far outside (1.5 IQR)."""

    minimum: float
    mediaan: float
    maximum: float
    groepen: int
    uitschieters: list[tuple[str, float]]

    def as_dict(self) -> dict:
        """The spread as JSON-ready values (tariffs in cents, two decimals)."""
        return {
            "min": round(self.minimum, 2),
            "mediaan": round(self.mediaan, 2),
            "max": round(self.maximum, 2),
            "groepen": self.groepen,
            "uitschieters": [{"naam": n, "tarief": round(t, 2)} for n, t in self.uitschieters],
        }


def spread(values: dict[str, float]) -> Spread | None:
    """The spread of tariffs per group; outliers need at least four groups to say what is usual."""
    if not values:
        return None
    ordered = sorted(values.values())
    outliers: list[tuple[str, float]] = []
    if len(ordered) >= 4:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        outliers = sorted(
            ((name, t) for name, t in values.items() if t < low or t > high), key=lambda x: x[1]
        )
    return Spread(ordered[0], statistics.median(ordered), ordered[-1], len(ordered), outliers)


@dataclass
class ProductImpact:
    """One national product in one unit: what is behind it and what it costs where."""

    code: str
    naam: str
    eenheid: str
    gemeentelijke_codes: set[str] = field(default_factory=set)
    totaal: _Running = field(default_factory=_Running)
    per_gemeente: dict[str, _Running] = field(default_factory=lambda: defaultdict(_Running))
    per_regio: dict[str, _Running] = field(default_factory=lambda: defaultdict(_Running))

    def spread_gemeenten(self) -> Spread | None:
        """Spread of the mean tariff per gemeente; None when no gemeente has a tariff."""
        return spread({g: r.tarief for g, r in self.per_gemeente.items() if r.tarief is not None})

    def spread_regio(self) -> Spread | None:
        """Spread of the mean tariff per jeugdregio; None when no regio has a tariff."""
        return spread({g: r.tarief for g, r in self.per_regio.items() if r.tarief is not None})

    def as_dict(self) -> dict:
        """The product's figures as JSON-ready values."""
        sg, sr = self.spread_gemeenten(), self.spread_regio()
        return {
            "code": self.code,
            "naam": self.naam,
            "eenheid": self.eenheid,
            "gemeentelijke_codes": sorted(self.gemeentelijke_codes),
            "prestaties": self.totaal.regels,
            "volume": _plain(self.totaal.volume),
            "bedrag_centen": self.totaal.bedrag,
            "tarief_per_gemeente": sg.as_dict() if sg else None,
            "tarief_per_jeugdregio": sr.as_dict() if sr else None,
        }


def _plain(value: int | Fraction) -> str:
    from productcodes.codelists import format_number

    return format_number(Fraction(value))


@dataclass
class Impact:
    """The whole analysis; `producten` keyed by (national code, unit)."""

    producten: dict[tuple[str, str], ProductImpact] = field(default_factory=dict)
    niet_vertaald: Counter = field(default_factory=Counter)  # reason -> Prestaties
    niet_vertaald_bedrag: Counter = field(default_factory=Counter)  # reason -> cents
    niet_vertaald_codes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    overgeslagen: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    prestaties: int = 0

    def as_dict(self) -> dict:
        """The whole analysis as JSON-ready values, products by amount."""
        return {
            "prestaties": self.prestaties,
            "vertaald": sum(p.totaal.regels for p in self.producten.values()),
            "producten": [p.as_dict() for p in self.sorted_products()],
            "niet_vertaald": [
                {
                    "reden": reason,
                    "prestaties": n,
                    "bedrag_centen": self.niet_vertaald_bedrag[reason],
                    "codes": [
                        {"code": c, "prestaties": k}
                        for c, k in self.niet_vertaald_codes[reason].most_common(20)
                    ],
                }
                for reason, n in self.niet_vertaald.most_common()
            ],
            "overgeslagen_bestanden": [{"bestand": f, "reden": r} for f, r in self.overgeslagen],
        }

    def sorted_products(self) -> list[ProductImpact]:
        """Products by the size of their amount, largest first; then by code and unit."""
        return sorted(self.producten.values(), key=lambda p: (-abs(p.totaal.bedrag), p.code, p.eenheid))


def _unit(p: Prestatie, target: _Target) -> str:
    """The unit of the translated volume: the national unit the factor converts to, else the declared one."""
    from productcodes.codelists import conversion_factor

    if target.factor is None:
        return p.eenheid
    for unit in target.eenheden:
        if conversion_factor(p.eenheid, unit) == target.factor:
            return unit
    return target.eenheden[0] if target.eenheden else p.eenheid


def analyse(prestaties: Iterable[Prestatie], translator: Translator) -> Impact:
    """Translate and aggregate, one Prestatie at a time."""
    impact = Impact()
    for p in prestaties:
        impact.prestaties += 1
        target, reason = translator.translate(p)
        if target is None:
            impact.niet_vertaald[reason] += 1
            impact.niet_vertaald_bedrag[reason] += p.bedrag
            impact.niet_vertaald_codes[reason][f"{p.gemeentecode}/{p.productcategorie}/{p.productcode}"] += 1
            continue
        factor = target.factor
        unit = _unit(p, target)
        row = impact.producten.get((target.code, unit))
        if row is None:
            row = impact.producten[(target.code, unit)] = ProductImpact(target.code, target.naam, unit)
        if p.productcode != target.code:
            row.gemeentelijke_codes.add(f"{p.gemeentecode}/{p.productcategorie}/{p.productcode}")
        volume = p.volume if factor is None else p.volume * factor
        tarief = p.tarief if p.tarief is None or factor is None else Fraction(p.tarief) / factor
        signed = -volume if p.bedrag < 0 else volume
        row.totaal.add(signed, p.bedrag, tarief if p.bedrag >= 0 else None)
        row.per_gemeente[p.gemeentecode].add(signed, p.bedrag, tarief if p.bedrag >= 0 else None)
        row.per_regio[translator.regio.get(p.gemeentecode, "?")].add(
            signed, p.bedrag, tarief if p.bedrag >= 0 else None
        )
    return impact


def run_impact(
    session: Session, paths: Iterable[str | Path] = (), *, store: bool = False, lijst: str | None = None
) -> Impact:
    """The analysis of declaration files/folders and (with `store`) the message store's declarations."""
    files = declaration_files(paths)
    if not files and not store:
        raise UserError("geen declaraties: geef bestanden of een map, of --store voor de berichtenopslag")
    translator = Translator(session, lijst)
    skipped: list[tuple[str, str]] = []

    def everything() -> Iterator[Prestatie]:
        yield from prestaties_from_files(files, skipped)
        if store:
            yield from prestaties_from_store(session, skipped)

    impact = analyse(everything(), translator)
    impact.overgeslagen = skipped
    return impact


# --- rendering ---------------------------------------------------------------------------------


def euro(cents: float | int | None) -> str:
    """Cents as euros with a comma, the Dutch way."""
    if cents is None:
        return "-"
    return f"€ {cents / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def render_text(impact: Impact) -> str:
    """The table the reform needs, in Dutch."""
    data = impact.as_dict()
    lines = [
        f"Impact: {data['prestaties']} prestaties, {data['vertaald']} vertaald naar een landelijk product",
        "",
    ]
    for p in impact.sorted_products():
        sg, sr = p.spread_gemeenten(), p.spread_regio()
        lines.append(
            f"{p.code} {p.naam} (eenheid {p.eenheid}): {len(p.gemeentelijke_codes)} gemeentelijke codes, "
            f"{p.totaal.regels} prestaties, volume {_plain(p.totaal.volume)}, bedrag {euro(p.totaal.bedrag)}"
        )
        for label, s in (("gemeenten", sg), ("jeugdregio's", sr)):
            if s is None:
                continue
            out = ", ".join(f"{n} {euro(t)}" for n, t in s.uitschieters) or "geen"
            lines.append(
                f"  tarief per eenheid over {s.groepen} {label}: min {euro(s.minimum)}, mediaan "
                f"{euro(s.mediaan)}, max {euro(s.maximum)}; uitschieters: {out}"
            )
        if p.gemeentelijke_codes:
            shown = sorted(p.gemeentelijke_codes)
            lines.append(
                f"  codes: {', '.join(shown[:8])}" + (f" … (+{len(shown) - 8})" if len(shown) > 8 else "")
            )
    if data["niet_vertaald"]:
        lines += ["", "Niet vertaald:"]
        for item in data["niet_vertaald"]:
            codes = ", ".join(f"{c['code']} ({c['prestaties']})" for c in item["codes"][:5])
            lines.append(
                f"  {item['reden']}: {item['prestaties']} prestaties, {euro(item['bedrag_centen'])}; {codes}"
            )
    if impact.overgeslagen:
        lines += ["", "Overgeslagen bestanden:"] + [f"  {f}: {r}" for f, r in impact.overgeslagen]
    return "\n".join(lines)


CSV_COLUMNS = (
    "nationale_code",
    "naam",
    "eenheid",
    "gemeentelijke_codes",
    "prestaties",
    "volume",
    "bedrag_centen",
    "tarief_min",
    "tarief_mediaan",
    "tarief_max",
    "uitschieters_gemeenten",
    "regio_min",
    "regio_mediaan",
    "regio_max",
    "uitschieters_regio",
)


def csv_rows(impact: Impact) -> Iterator[list[str]]:
    """One row per national product and unit, header first; tariffs in cents per unit."""
    yield list(CSV_COLUMNS)
    for p in impact.sorted_products():
        sg, sr = p.spread_gemeenten(), p.spread_regio()

        def parts(s: Spread | None) -> list[str]:
            if s is None:
                return ["", "", "", ""]
            return [
                f"{s.minimum:.2f}",
                f"{s.mediaan:.2f}",
                f"{s.maximum:.2f}",
                "|".join(f"{n}={t:.2f}" for n, t in s.uitschieters),
            ]

        yield [
            p.code,
            p.naam,
            p.eenheid,
            "|".join(sorted(p.gemeentelijke_codes)),
            str(p.totaal.regels),
            _plain(p.totaal.volume),
            str(p.totaal.bedrag),
            *parts(sg),
            *parts(sr),
        ]
