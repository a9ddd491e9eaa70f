"""Importers: every bad row reported with file, row and column, nothing half-imported; real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from productcodes.db import session_scope
from productcodes.importers import ImportFailed, read_csv
from productcodes.importers.jz21 import read_json, read_xlsx
from productcodes.models import Gemeente, GemeentelijkProduct
from productcodes.protocol import ProtocolError, Registry
from tests.conftest import reference_path


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_municipal_csv_with_bom_and_semicolons(tmp_path):
    path = _write(
        tmp_path / "m.csv",
        "\ufeffGemeentecode;ProductCategorie;Productcode;Omschrijving;Uitvoeringsvariant;"
        "Eenheid;Geldig_van;Geldig_tot\n384;45;45C01;Begeleiding;Inspanningsgericht;4;01-01-2026;\n",
    )
    [row] = read_csv(path, "municipal")
    assert (row.gemeentecode, row.eenheid, row.uitvoeringsvariant) == ("0384", "04", "inspanningsgericht")
    assert row.geldig_van.isoformat() == "2026-01-01" and row.geldig_tot is None


def test_every_bad_row_is_reported_and_nothing_is_imported(tmp_path, engine):
    path = _write(
        tmp_path / "m.csv",
        "gemeentecode,productcategorie,productcode,omschrijving,uitvoeringsvariant,"
        "eenheid,geldig_van,geldig_tot\n"
        "7001,45,45C01,Goed,inspanningsgericht,04,2026-01-01,\n"
        "70011,45,45C02,Gemeente te lang,,04,2026-01-01,\n"
        "7001,99,45C03,Categorie onbekend,,04,2026-01-01,\n"
        "7001,45,45C04-TOOLONG,Code te lang,,04,2026-01-01,\n"
        "7001,45,45C05,Datum fout,,04,2026-13-01,\n"
        "7001,45,45C06,Eind voor begin,,04,2026-02-01,2026-01-01\n"
        "7001,45,45C07,Variant fout,resultaat,04,2026-01-01,\n",
    )
    with pytest.raises(ImportFailed) as failed:
        read_csv(path, "municipal")
    where = [(e.row, e.column) for e in failed.value.errors]
    assert where == [
        (3, "gemeentecode"),
        (4, "productcategorie"),
        (5, "productcode"),
        (6, "geldig_van"),
        (7, "geldig_tot"),
        (8, "uitvoeringsvariant"),
    ]
    assert "m.csv:3 [gemeentecode]" in str(failed.value)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(GemeentelijkProduct)) == 0


def test_missing_column_and_wrong_encoding(tmp_path):
    with pytest.raises(ImportFailed, match="gemeentenaam"):
        read_csv(_write(tmp_path / "g.csv", "gemeentecode,jeugdregio\n0384,X\n"), "gemeenten")
    with pytest.raises(ImportFailed, match="geen UTF-8"):
        read_csv(
            _write(tmp_path / "g2.csv", "gemeentecode,gemeentenaam\n0384,Ĳsselstein\n", "utf-16"), "gemeenten"
        )


def test_a_failing_protocol_check_rolls_back_the_whole_file(tmp_path, engine):
    path = _write(tmp_path / "g.csv", "gemeentecode,gemeentenaam,jeugdregio\n7001,Een,R\n7001,Dubbel,R\n")
    rows = read_csv(path, "gemeenten")
    with pytest.raises(ProtocolError, match=r"g.csv:3: gemeente 7001: staat al in dit bestand op regel 2"):
        with session_scope(engine) as session:
            Registry(session, door="t").add_gemeenten(rows)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Gemeente)) == 0


def _official_layout(path: Path) -> Path:
    """A workbook laid out like the published list: another sheet first, title rows, extra columns."""
    book = Workbook()
    book.active.title = "Toelichting"
    book.active["A1"] = "Over deze lijst"
    sheet = book.create_sheet("Productcodes")
    sheet.append(["Standaardproductcodelijst Jeugdwet (testkopie)"])
    sheet.append([])
    sheet.append(
        [
            "Versie",
            "Productcode",
            "Omschrijving",
            "Productcategorie",
            "Uitvoeringsvariant",
            "Dimensie hulpvorm",
            "NZa-declaratiecode",
            "Opmerking",
        ]
    )
    sheet.append(
        [1, "45Z01", "Testproduct ambulant", "45", "Inspanningsgericht", "Zonder verblijf", "-", "x"]
    )
    sheet.append(
        [1, "44Z02", "Testproduct verblijf", "44 Jeugdhulp verblijf", "Outputgericht", None, None, None]
    )
    sheet.append([1, "43Z00", "Groepsregel", "-", None, None, None, None])
    sheet.append([None, None, None, None, None, None, None, "voetnoot"])
    book.save(path)
    return path


def test_xlsx_in_the_official_layout(tmp_path):
    rows = read_xlsx(_official_layout(tmp_path / "lijst.xlsx"))
    assert [(r.code, r.productcategorie, r.uitvoeringsvariant) for r in rows] == [
        ("45Z01", "45", "inspanningsgericht"),
        ("44Z02", "44", "outputgericht"),
        ("43Z00", "43", None),
    ]


def test_xlsx_without_the_list_says_so(tmp_path):
    book = Workbook()
    book.active.append(["iets", "anders"])
    book.save(tmp_path / "leeg.xlsx")
    with pytest.raises(ImportFailed, match="geen werkblad heeft een kopregel"):
        read_xlsx(tmp_path / "leeg.xlsx")
    (tmp_path / "kapot.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ImportFailed, match="geen leesbare xlsx"):
        read_xlsx(tmp_path / "kapot.xlsx")


def test_the_published_jz21_list_imports(engine):
    path = reference_path("data", "jz21", "jeugdwet_jz21_productcodes.json")
    rows = read_json(path)
    assert len(rows) == 450 and len({r.code for r in rows}) == 450
    with session_scope(engine) as session:
        assert Registry(session, door="t").add_national("JZ21", rows) == 450


def test_the_cbs_2026_list_imports_through_the_csv_importer(tmp_path, engine):
    source = reference_path("data", "regio", "cbs_gemeenten_2026_met_jeugdzorgregio.md")
    lines = [
        line for line in source.read_text(encoding="utf-8").splitlines() if re.match(r"\|\s*\d{4}\s*\|", line)
    ]
    csv_lines = ["gemeentecode;gemeentenaam;jeugdregio"]
    for line in lines:
        code, naam, _provincie, regio = [c.strip() for c in line.strip("|").split("|")]
        csv_lines.append(f"{code};{naam};{regio}")
    rows = read_csv(_write(tmp_path / "cbs.csv", "\n".join(csv_lines) + "\n"), "gemeenten")
    assert len(rows) == 342
    with session_scope(engine) as session:
        assert Registry(session, door="t").add_gemeenten(rows) == 342
        assert session.scalar(select(func.count(func.distinct(Gemeente.jeugdregio)))) > 30
