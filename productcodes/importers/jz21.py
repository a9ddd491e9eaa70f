"""The Standaardproductcodelijst Jeugdwet (JZ21), from the published workbook or a JSON export.

The workbook's layout changes between publications (title rows, extra columns, sheet
order), so the list is found by its header: the first row, on any sheet, that names
productcode, omschrijving and productcategorie. Columns are taken by name, never position.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from zipfile import BadZipFile

from productcodes.codelists import PRODUCTCATEGORIE
from productcodes.importers import ImportFailed, RowError
from productcodes.records import UITVOERINGSVARIANTEN, NationalProductRow

LIST_NAME = "JZ21"
HEADERS = {
    "productcode": "productcode",
    "omschrijving": "omschrijving",
    "productcategorie": "productcategorie",
    "uitvoeringsvariant": "uitvoeringsvariant",
    "dimensiehulpvorm": "hulpvorm",
    "nzadeclaratiecode": "nza_declaratiecode",
}
REQUIRED = ("productcode", "omschrijving", "productcategorie")


def _norm(value) -> str:
    return re.sub(r"[^a-z]", "", str(value or "").lower())


def _header_key(cell) -> str | None:
    name = _norm(cell)
    for key in HEADERS:
        if name == key or name.startswith(key):
            return key
    return None


def _cell(value) -> str | None:
    text = str(value).strip() if value is not None else ""
    return None if text in ("", "-") else text


def _row(
    values: dict[str, str | None], file: str, line: int, errors: list[RowError]
) -> NationalProductRow | None:
    code = values.get("productcode")
    if code is None:
        return None  # blank line or a note under the list
    if len(code) > 5 or not code.isalnum():
        errors.append(RowError(file, line, "productcode", f"{code!r} is geen productcode"))
        return None
    categorie = values.get("productcategorie")
    categorie = categorie.split()[0] if categorie else None
    if categorie is None and code[:2].isdigit():
        categorie = code[:2]  # the list's group rows (40A00 …) leave the categorie empty
    if categorie not in PRODUCTCATEGORIE:
        errors.append(
            RowError(file, line, "productcategorie", f"{categorie!r} is geen JZ020-productcategorie")
        )
        return None
    variant = (values.get("uitvoeringsvariant") or "").lower() or None
    if variant is not None and variant not in UITVOERINGSVARIANTEN:
        errors.append(RowError(file, line, "uitvoeringsvariant", f"{variant!r} is geen uitvoeringsvariant"))
        return None
    return NationalProductRow(
        code=code,
        naam=values.get("omschrijving") or code,
        productcategorie=categorie,
        uitvoeringsvariant=variant,
        hulpvorm=values.get("dimensiehulpvorm"),
        nza_declaratiecode=values.get("nzadeclaratiecode"),
    )


def read_xlsx(path: str | Path) -> list[NationalProductRow]:
    """The national products of a JZ21 xlsx workbook; an unreadable workbook is an ImportFailed."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = str(path)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFailed([RowError(file, 0, None, f"geen leesbare xlsx-werkmap ({exc})")]) from None
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            for line, cells in enumerate(rows, 1):
                columns = {i: _header_key(c) for i, c in enumerate(cells)}
                if all(key in columns.values() for key in REQUIRED):
                    return _read_rows(rows, columns, file, line)
    finally:
        workbook.close()
    raise ImportFailed(
        [
            RowError(
                file,
                0,
                None,
                "geen werkblad heeft een kopregel met productcode, omschrijving en productcategorie",
            )
        ]
    )


def _read_rows(rows, columns: dict[int, str | None], file: str, header_line: int) -> list[NationalProductRow]:
    products, errors = [], []
    for line, cells in enumerate(rows, header_line + 1):
        values = {key: _cell(cells[i]) for i, key in columns.items() if key and i < len(cells)}
        row = _row(values, file, line, errors)
        if row:
            products.append(row)
    if errors:
        raise ImportFailed(errors)
    return products


def read_json(path: str | Path) -> list[NationalProductRow]:
    """A JSON export of the list: {"products": [{productcode, omschrijving, productcategorie_code, …}]}."""
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportFailed([RowError(file, 0, None, f"geen leesbare JSON ({exc})")]) from None
    products, errors = [], []
    for line, item in enumerate(data.get("products", []) if isinstance(data, dict) else [], 1):
        values = {
            "productcode": _cell(item.get("productcode")),
            "omschrijving": _cell(item.get("omschrijving")),
            "productcategorie": _cell(item.get("productcategorie_code")),
            "uitvoeringsvariant": _cell(item.get("uitvoeringsvariant")),
            "dimensiehulpvorm": _cell(item.get("dimensie_hulpvorm_omschrijving")),
            "nzadeclaratiecode": _cell(item.get("nza_declaratiecode")),
        }
        row = _row(values, file, line, errors)
        if row:
            products.append(row)
    if errors:
        raise ImportFailed(errors)
    return products
