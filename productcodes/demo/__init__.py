"""The demo: the project's national set (LPJ) and a synthetic landscape, written as CSV files.

Everything here is SYNTHETIC: fictional gemeenten, regions, codes and tariffs, made by a
seeded generator so that two runs give byte-identical files.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from productcodes.demo.landscape import Landscape, factor_text, landscape
from productcodes.demo.national import LIST_DESCRIPTION, LIST_NAME, begrippen, national_products

SYNTHETIC = "synthetic demo data of the productcodes project: fictional gemeenten, codes and tariffs"

__all__ = [
    "DemoFiles",
    "Landscape",
    "LIST_NAME",
    "SYNTHETIC",
    "begrippen",
    "generate",
    "landscape",
    "national_products",
]


@dataclass(frozen=True)
class DemoFiles:
    """The CSV files of the demo landscape, written into `folder`, and the national list's name."""

    folder: Path
    gemeenten: Path
    begrippen: Path
    national: Path
    municipal: Path
    mappings: Path
    tarieven: Path
    national_list: str = LIST_NAME
    national_description: str = LIST_DESCRIPTION
    note: str = SYNTHETIC


# file name -> header; the column order is the CSV interface shared with the importers
HEADERS: dict[str, tuple[str, ...]] = {
    "gemeenten": ("gemeentecode", "gemeentenaam", "jeugdregio", "geldig_van", "geldig_tot"),
    "begrippen": ("term", "definitie", "bron", "geldig_van", "geldig_tot"),
    "national": (
        "code",
        "naam",
        "productcategorie",
        "uitvoeringsvariant",
        "eenheden",
        "hulpvorm",
        "begrippen",
        "nza_declaratiecode",
        "geldig_van",
        "geldig_tot",
    ),
    "municipal": (
        "gemeentecode",
        "productcategorie",
        "productcode",
        "omschrijving",
        "uitvoeringsvariant",
        "eenheid",
        "geldig_van",
        "geldig_tot",
    ),
    "mappings": (
        "gemeentecode",
        "productcategorie",
        "productcode",
        "nationale_code",
        "geldig_van",
        "geldig_tot",
        "factor",
        "status",
        "toelichting",
    ),
    "tarieven": (
        "aanbieder",
        "gemeentecode",
        "productcategorie",
        "productcode",
        "tarief",
        "eenheid",
        "geldig_van",
        "geldig_tot",
    ),
}


def _text(value) -> str:
    return "" if value is None else str(value)


def _write(path: Path, header: tuple[str, ...], rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_text(v) for v in row] for row in rows)
    return path


def _rows(land: Landscape) -> dict[str, list[tuple]]:
    return {
        "gemeenten": [
            (g.gemeentecode, g.naam, g.jeugdregio, g.geldig_van, g.geldig_tot) for g in land.gemeenten
        ],
        "begrippen": [(b.term, b.definitie, b.bron, b.geldig_van, b.geldig_tot) for b in begrippen()],
        "national": [
            (
                p.code,
                p.naam,
                p.productcategorie,
                p.uitvoeringsvariant,
                "|".join(p.eenheden),
                p.hulpvorm,
                "|".join(p.begrippen),
                p.nza_declaratiecode,
                p.geldig_van,
                p.geldig_tot,
            )
            for p in national_products()
        ],
        "municipal": [
            (
                m.gemeentecode,
                m.productcategorie,
                m.productcode,
                m.omschrijving,
                m.uitvoeringsvariant,
                m.eenheid,
                m.geldig_van,
                m.geldig_tot,
            )
            for m in land.municipal
        ],
        "mappings": [
            (
                m.gemeentecode,
                m.productcategorie,
                m.productcode,
                m.nationale_code,
                m.geldig_van,
                m.geldig_tot,
                factor_text(m.factor),
                m.status,
                m.toelichting,
            )
            for m in land.mappings
        ],
        "tarieven": [
            (
                t.aanbieder,
                t.gemeentecode,
                t.productcategorie,
                t.productcode,
                t.tarief,
                t.eenheid,
                t.geldig_van,
                t.geldig_tot,
            )
            for t in land.tarieven
        ],
    }


def generate(out_dir: Path, seed: int = 2026) -> DemoFiles:
    """Write the six demo CSV files into out_dir (created when missing); same seed, same bytes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        name: _write(out_dir / f"{name}.csv", HEADERS[name], rows)
        for name, rows in _rows(landscape(seed)).items()
    }
    return DemoFiles(folder=out_dir, **paths)
