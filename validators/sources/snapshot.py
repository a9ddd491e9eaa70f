"""RegistrySnapshot: the registry as rules see it — gemeenten, product lists, mappings, tariffs.

Loaded once per run (from the database or from row records) into plain dictionaries, so
a rule's lookup is a dict access plus a scan over the few dated versions of one key, and
the same snapshot can be pickled to batch workers and Dask.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Protocol

from productcodes.records import (
    GemeenteRow,
    MappingRow,
    MunicipalProductRow,
    NationalProductRow,
    TariefRow,
)


class Dated(Protocol):
    """A registry row valid over a period (either end may be open)."""

    geldig_van: date | None
    geldig_tot: date | None


def covers(row: Dated, on: date) -> bool:
    """Whether the row is valid on that day."""
    return (row.geldig_van is None or row.geldig_van <= on) and (
        row.geldig_tot is None or on <= row.geldig_tot
    )


def _first(rows: Iterable[Dated], on: date):
    return next((r for r in rows if covers(r, on)), None)


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """A product as the list in use defines it for one gemeente on one date."""

    productcategorie: str
    code: str
    uitvoeringsvariant: str | None
    eenheden: tuple[str, ...]
    source: str  # "national:<list>" or "municipal:<gemeentecode>"
    omschrijving: str


@dataclass
class RegistrySnapshot:
    """The registry as rules see it, held in dictionaries for quick lookups during a run."""

    gemeenten: dict[str, list[GemeenteRow]] = field(default_factory=dict)
    national: dict[str, list[tuple[str, NationalProductRow]]] = field(
        default_factory=dict
    )  # code -> (list, row)
    municipal: dict[tuple[str, str], list[MunicipalProductRow]] = field(
        default_factory=dict
    )  # (gemeente, code)
    mappings: dict[tuple[str, str, str], list[MappingRow]] = field(default_factory=dict)  # approved only
    tarieven: dict[tuple[str, str, str, str], list[TariefRow]] = field(default_factory=dict)
    contracts: set[tuple[str, str]] = field(default_factory=set)  # (aanbieder, gemeente) with any tariff

    @classmethod
    def from_rows(
        cls,
        *,
        gemeenten: Iterable[GemeenteRow] = (),
        national: Iterable[tuple[str, NationalProductRow]] = (),
        municipal: Iterable[MunicipalProductRow] = (),
        mappings: Iterable[MappingRow] = (),
        tarieven: Iterable[TariefRow] = (),
    ) -> RegistrySnapshot:
        """A snapshot from plain rows (the database loader, a registry.json fixture, tests)."""
        snap = cls()
        by_gemeente: dict[str, list[GemeenteRow]] = defaultdict(list)
        for g in gemeenten:
            by_gemeente[g.gemeentecode].append(g)
        by_national: dict[str, list[tuple[str, NationalProductRow]]] = defaultdict(list)
        for list_name, product in national:
            by_national[product.code].append((list_name, product))
        by_municipal: dict[tuple[str, str], list[MunicipalProductRow]] = defaultdict(list)
        for m in municipal:
            by_municipal[(m.gemeentecode, m.productcode)].append(m)
        by_mapping: dict[tuple[str, str, str], list[MappingRow]] = defaultdict(list)
        for mp in mappings:
            if mp.status == "approved":
                by_mapping[(mp.gemeentecode, mp.productcategorie, mp.productcode)].append(mp)
        by_tarief: dict[tuple[str, str, str, str], list[TariefRow]] = defaultdict(list)
        for t in tarieven:
            by_tarief[(t.aanbieder, t.gemeentecode, t.productcategorie, t.productcode)].append(t)
        snap.gemeenten, snap.national, snap.municipal = (
            dict(by_gemeente),
            dict(by_national),
            dict(by_municipal),
        )
        snap.mappings, snap.tarieven = dict(by_mapping), dict(by_tarief)
        snap.contracts = {(key[0], key[1]) for key in by_tarief}
        return snap

    @classmethod
    def from_dict(cls, data: dict) -> RegistrySnapshot:
        """From plain JSON-like data (test fixtures, exports): lists of row fields per kind."""
        return cls.from_rows(
            gemeenten=[GemeenteRow(**_dated(r)) for r in data.get("gemeenten", ())],
            national=[
                (
                    r.pop("lijst", "national"),
                    NationalProductRow(**_tuples(_dated(r), "eenheden", "begrippen")),
                )
                for r in (dict(x) for x in data.get("national", ()))
            ],
            municipal=[MunicipalProductRow(**_dated(r)) for r in data.get("municipal", ())],
            mappings=[MappingRow(**_factor(_dated(r))) for r in data.get("mappings", ())],
            tarieven=[TariefRow(**_dated(r)) for r in data.get("tarieven", ())],
        )

    # -- what is there ---------------------------------------------------------------------

    def provides(self, kind: str) -> bool:
        """Whether the snapshot holds this kind of data (validators.engine.needs.KINDS): rules that
        need a kind the snapshot lacks are skipped, not run on nothing."""
        if kind == "gemeenten":
            return bool(self.gemeenten)
        if kind == "producten":
            return bool(self.national or self.municipal)
        if kind == "tarieven":
            return bool(self.tarieven)
        return False

    # -- lookups ---------------------------------------------------------------------------

    def gemeente(self, code: str, on: date) -> GemeenteRow | None:
        """The gemeente with this code as it was on that day, or None."""
        return _first(self.gemeenten.get(code, ()), on)

    def gemeente_known(self, code: str) -> bool:
        """Whether the registry knows this gemeentecode on any day."""
        return code in self.gemeenten

    def products(self, gemeente: str | None, code: str, on: date) -> list[ProductInfo]:
        """Every product with this code in the lists in use for the gemeente on that date."""
        found = [
            ProductInfo(
                p.productcategorie, p.code, p.uitvoeringsvariant, p.eenheden, f"national:{name}", p.naam
            )
            for name, p in self.national.get(code, ())
            if covers(p, on)
        ]
        if gemeente is not None:
            found.extend(
                ProductInfo(
                    m.productcategorie,
                    m.productcode,
                    m.uitvoeringsvariant,
                    (m.eenheid,) if m.eenheid else (),
                    f"municipal:{gemeente}",
                    m.omschrijving,
                )
                for m in self.municipal.get((gemeente, code), ())
                if covers(m, on)
            )
        return found

    def product(self, gemeente: str | None, categorie: str, code: str, on: date) -> ProductInfo | None:
        """The product with this categorie and code in the gemeente's lists on that day, or None."""
        return next((p for p in self.products(gemeente, code, on) if p.productcategorie == categorie), None)

    def national_for(
        self, gemeente: str, categorie: str, code: str, on: date
    ) -> tuple[MappingRow, NationalProductRow | None] | None:
        """The approved mapping of a municipal code on a date, with its national product."""
        mapping = _first(self.mappings.get((gemeente, categorie, code), ()), on)
        if mapping is None:
            return None
        national = next((p for _, p in self.national.get(mapping.nationale_code, ()) if covers(p, on)), None)
        return mapping, national

    def tarief(self, aanbieder: str, gemeente: str, categorie: str, code: str, on: date) -> TariefRow | None:
        """The contracted tariff of this product between aanbieder and gemeente on that day, or None."""
        return _first(self.tarieven.get((aanbieder, gemeente, categorie, code), ()), on)

    def has_contract(self, aanbieder: str, gemeente: str) -> bool:
        """Whether the registry holds any contract tariff between aanbieder and gemeente."""
        return (aanbieder, gemeente) in self.contracts


def _dated(row: dict) -> dict:
    out = dict(row)
    for key in ("geldig_van", "geldig_tot"):
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    return out


def _tuples(row: dict, *keys: str) -> dict:
    for key in keys:
        if key in row:
            row[key] = tuple(row[key])
    return row


def _factor(row: dict) -> dict:
    if row.get("factor") is not None:
        row["factor"] = Fraction(str(row["factor"]))
    return row


def converted_volume(volume: int, factor: Fraction | None) -> Fraction:
    """A volume in national units: times the mapping's factor (1 when it has none)."""
    return Fraction(volume) * (factor if factor is not None else 1)
