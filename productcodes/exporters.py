"""Exporting the registry as CSV (the import formats, so export -> import round-trips) or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from productcodes.codelists import format_number
from productcodes.models import (
    Begrip,
    ContractTarief,
    Gemeente,
    GemeentelijkProduct,
    Mapping,
    NationaalProduct,
)
from productcodes.protocol import FAR_PAST


def _d(value) -> str:
    # "Valid since always" is an empty cell, as it was imported.
    return "" if value is None or value == FAR_PAST else str(value)


def tables(
    session: Session, national_list: str | None = None
) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Every exportable table as (header, rows), in the CSV import formats."""
    national = select(NationaalProduct).order_by(NationaalProduct.lijst, NationaalProduct.code)
    if national_list:
        national = national.where(NationaalProduct.lijst == national_list)
    return {
        "gemeenten": (
            ["gemeentecode", "gemeentenaam", "jeugdregio", "geldig_van", "geldig_tot"],
            [
                [g.gemeentecode, g.naam, g.jeugdregio or "", _d(g.geldig_van), _d(g.geldig_tot)]
                for g in session.scalars(
                    select(Gemeente).order_by(Gemeente.gemeentecode, Gemeente.geldig_van)
                )
            ],
        ),
        "begrippen": (
            ["term", "definitie", "bron", "geldig_van", "geldig_tot"],
            [
                [b.term, b.definitie, b.bron or "", _d(b.geldig_van), _d(b.geldig_tot)]
                for b in session.scalars(select(Begrip).order_by(Begrip.term))
            ],
        ),
        "national": (
            [
                "lijst",
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
            ],
            [
                [
                    p.lijst,
                    p.code,
                    p.naam,
                    p.productcategorie,
                    p.uitvoeringsvariant or "",
                    p.eenheden,
                    p.hulpvorm or "",
                    "|".join(sorted(b.term for b in p.begrippen)),
                    p.nza_declaratiecode or "",
                    _d(p.geldig_van),
                    _d(p.geldig_tot),
                ]
                for p in session.scalars(national)
            ],
        ),
        "municipal": (
            [
                "gemeentecode",
                "productcategorie",
                "productcode",
                "omschrijving",
                "uitvoeringsvariant",
                "eenheid",
                "geldig_van",
                "geldig_tot",
            ],
            [
                [
                    p.gemeentecode,
                    p.productcategorie,
                    p.productcode,
                    p.omschrijving,
                    p.uitvoeringsvariant or "",
                    p.eenheid or "",
                    _d(p.geldig_van),
                    _d(p.geldig_tot),
                ]
                for p in session.scalars(
                    select(GemeentelijkProduct).order_by(
                        GemeentelijkProduct.gemeentecode,
                        GemeentelijkProduct.productcode,
                        GemeentelijkProduct.geldig_van,
                    )
                )
            ],
        ),
        "mappings": (
            [
                "gemeentecode",
                "productcategorie",
                "productcode",
                "nationale_code",
                "geldig_van",
                "geldig_tot",
                "factor",
                "status",
                "toelichting",
                "id",
                "version",
            ],
            [
                [
                    m.gemeentelijk_product.gemeentecode,
                    m.gemeentelijk_product.productcategorie,
                    m.gemeentelijk_product.productcode,
                    m.nationaal_product.code,
                    _d(m.geldig_van),
                    _d(m.geldig_tot),
                    "" if m.factor is None else format_number(m.factor),
                    m.status,
                    m.toelichting or "",
                    str(m.id),
                    str(m.version),
                ]
                for m in session.scalars(select(Mapping).order_by(Mapping.id))
            ],
        ),
        "tarieven": (
            [
                "aanbieder",
                "gemeentecode",
                "productcategorie",
                "productcode",
                "tarief",
                "eenheid",
                "geldig_van",
                "geldig_tot",
            ],
            [
                [
                    t.aanbieder,
                    t.gemeentecode,
                    t.productcategorie,
                    t.productcode,
                    str(t.tarief),
                    t.eenheid,
                    _d(t.geldig_van),
                    _d(t.geldig_tot),
                ]
                for t in session.scalars(select(ContractTarief).order_by(ContractTarief.id))
            ],
        ),
    }


def export(
    session: Session, out_dir: str | Path, fmt: str = "csv", national_list: str | None = None
) -> list[Path]:
    """Write every table as CSV (the import formats) or JSON into `out_dir`; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(session, national_list).items():
        if fmt == "json":
            path = out / f"{name}.json"
            path.write_text(
                json.dumps(
                    [dict(zip(header, row, strict=True)) for row in rows], ensure_ascii=False, indent=1
                ),
                encoding="utf-8",
            )
        else:
            path = out / f"{name}.csv"
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(rows)
        written.append(path)
    return written
