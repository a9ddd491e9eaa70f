"""Reading registry data from files into row records, with every bad row reported.

Readers never touch the database: they turn a file into records and a list of row errors
(file, row, column, reason). The command imports only when the whole file is clean, in
one transaction, so a file is never half-imported. CSV: UTF-8 with or without BOM,
delimiter `,` or `;`, header names case-insensitive, dates ISO (or DD-MM-YYYY).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from productcodes.codelists import EENHEID, PRODUCTCATEGORIE, parse_factor
from productcodes.errors import UserError
from productcodes.records import (
    UITVOERINGSVARIANTEN,
    BegripRow,
    GemeenteRow,
    MappingRow,
    MunicipalProductRow,
    NationalProductRow,
    TariefRow,
)

SHOWN_ERRORS = 20


@dataclass(frozen=True)
class RowError:
    """One problem in an import file: file, row, column when known, and what is wrong."""

    file: str
    row: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" + (f" [{self.column}]" if self.column else "")
        return f"{where}: {self.reason}"


class ImportFailed(UserError):
    """A file with bad rows; nothing of it was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:SHOWN_ERRORS])
        more = f"\n  … en nog {len(errors) - SHOWN_ERRORS}" if len(errors) > SHOWN_ERRORS else ""
        super().__init__(f"{len(errors)} foute rij(en), er is niets geïmporteerd:\n{shown}{more}")


@dataclass
class Parsed:
    """The rows read from a file and the problems found on the way."""

    rows: list[Any] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def result(self) -> list[Any]:
        """The rows; ImportFailed with every problem when there was any."""
        if self.errors:
            raise ImportFailed(self.errors)
        return self.rows


class _BadValue(ValueError):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


# --- cells ---------------------------------------------------------------------------------


def _date(row: dict, column: str, required: bool = False) -> date | None:
    raw = (row.get(column) or "").strip()
    if not raw:
        if required:
            raise _BadValue(column, "een datum is verplicht")
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise _BadValue(column, f"{raw!r} is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)")


def _text(row: dict, column: str, required: bool = True, max_length: int | None = None) -> str | None:
    raw = (row.get(column) or "").strip()
    if not raw:
        if required:
            raise _BadValue(column, "een waarde is verplicht")
        return None
    if max_length and len(raw) > max_length:
        raise _BadValue(column, f"{raw!r} is langer dan {max_length} tekens")
    return raw


def _code(row: dict, column: str, allowed, what: str, required: bool = True) -> str | None:
    raw = _text(row, column, required)
    if raw is None:
        return None
    if len(raw) == 1 and "0" + raw in allowed:
        raw = "0" + raw  # spreadsheets drop the leading zero of "04"
    if raw not in allowed:
        raise _BadValue(column, f"{raw!r} is geen bekende {what}")
    return raw


def _gemeentecode(row: dict, column: str = "gemeentecode") -> str:
    raw = _text(row, column)
    if raw.isdigit() and len(raw) <= 4:
        return raw.zfill(4)
    raw = raw.upper().removeprefix("GM")
    if raw.isdigit() and len(raw) == 4:
        return raw
    raise _BadValue(column, f"{raw!r} is geen CBS-gemeentecode van 4 cijfers")


def _productcode(row: dict, column: str) -> str:
    raw = _text(row, column)
    if len(raw) > 5 or not raw.isalnum():
        raise _BadValue(column, f"{raw!r} is geen productcode (hoogstens 5 letters of cijfers)")
    return raw


def _variant(row: dict, column: str = "uitvoeringsvariant") -> str | None:
    raw = _text(row, column, required=False)
    if raw is None or raw == "-":
        return None
    value = raw.lower()
    if value not in UITVOERINGSVARIANTEN:
        raise _BadValue(column, f"{raw!r} is geen uitvoeringsvariant ({', '.join(UITVOERINGSVARIANTEN)})")
    return value


def _period(row: dict, required_van: bool) -> tuple[date | None, date | None]:
    van, tot = _date(row, "geldig_van", required_van), _date(row, "geldig_tot")
    if van and tot and tot < van:
        raise _BadValue("geldig_tot", f"{tot} ligt voor geldig_van {van}")
    return van, tot


def _split(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    sep = "|" if "|" in raw else ";"
    return tuple(p.strip() for p in raw.split(sep) if p.strip())


# --- row parsers ---------------------------------------------------------------------------


def gemeente_row(row: dict) -> GemeenteRow:
    """One row of the gemeenten CSV as a GemeenteRow."""
    van, tot = _period(row, False)
    return GemeenteRow(
        _gemeentecode(row), _text(row, "gemeentenaam"), _text(row, "jeugdregio", False), van, tot
    )


def begrip_row(row: dict) -> BegripRow:
    """One row of the begrippen CSV as a BegripRow."""
    van, tot = _period(row, False)
    return BegripRow(_text(row, "term"), _text(row, "definitie"), _text(row, "bron", False), van, tot)


def national_row(row: dict) -> NationalProductRow:
    """One row of the national products CSV as a NationalProductRow."""
    van, tot = _period(row, False)
    eenheden = _split(row.get("eenheden"))
    for e in eenheden:
        if e not in EENHEID:
            raise _BadValue("eenheden", f"{e!r} is geen WJ756-eenheid")
    return NationalProductRow(
        code=_productcode(row, "code"),
        naam=_text(row, "naam"),
        productcategorie=_code(row, "productcategorie", PRODUCTCATEGORIE, "productcategorie (JZ020)"),
        uitvoeringsvariant=_variant(row),
        eenheden=eenheden,
        hulpvorm=_text(row, "hulpvorm", False),
        begrippen=_split(row.get("begrippen")),
        nza_declaratiecode=_text(row, "nza_declaratiecode", False),
        geldig_van=van,
        geldig_tot=tot,
    )


def municipal_row(row: dict) -> MunicipalProductRow:
    """One row of the municipal products CSV as a MunicipalProductRow."""
    van, tot = _period(row, True)
    return MunicipalProductRow(
        gemeentecode=_gemeentecode(row),
        productcategorie=_code(row, "productcategorie", PRODUCTCATEGORIE, "productcategorie (JZ020)"),
        productcode=_productcode(row, "productcode"),
        omschrijving=_text(row, "omschrijving", max_length=300),
        uitvoeringsvariant=_variant(row),
        eenheid=_code(row, "eenheid", EENHEID, "WJ756-eenheid", required=False),
        geldig_van=van,
        geldig_tot=tot,
    )


def _factor(row: dict) -> Fraction | None:
    raw = _text(row, "factor", False)
    if raw is None:
        return None
    try:
        return parse_factor(raw)
    except ValueError as exc:
        raise _BadValue("factor", str(exc)) from None


def mapping_row(row: dict) -> MappingRow:
    """One row of the mappings CSV as a MappingRow (status proposed when none is given)."""
    van, tot = _period(row, True)
    status = (_text(row, "status", False) or "proposed").lower()
    if status not in ("proposed", "approved", "retired"):
        raise _BadValue("status", f"{status!r} is geen proposed, approved of retired")
    return MappingRow(
        gemeentecode=_gemeentecode(row),
        productcategorie=_code(row, "productcategorie", PRODUCTCATEGORIE, "productcategorie (JZ020)"),
        productcode=_productcode(row, "productcode"),
        nationale_code=_productcode(row, "nationale_code"),
        geldig_van=van,
        geldig_tot=tot,
        factor=_factor(row),
        status=status,
        toelichting=_text(row, "toelichting", False),
    )


def tarief_row(row: dict) -> TariefRow:
    """One row of the tariffs CSV as a TariefRow."""
    van, tot = _period(row, True)
    aanbieder = _text(row, "aanbieder")
    if not (aanbieder.isdigit() and len(aanbieder) == 8):
        raise _BadValue("aanbieder", f"{aanbieder!r} is geen AGB-code van 8 cijfers")
    raw = _text(row, "tarief")
    if not raw.isdigit():
        raise _BadValue("tarief", f"{raw!r} is geen geheel aantal centen")
    return TariefRow(
        aanbieder=aanbieder,
        gemeentecode=_gemeentecode(row),
        productcategorie=_code(row, "productcategorie", PRODUCTCATEGORIE, "productcategorie (JZ020)"),
        productcode=_productcode(row, "productcode"),
        tarief=int(raw),
        eenheid=_code(row, "eenheid", EENHEID, "WJ756-eenheid"),
        geldig_van=van,
        geldig_tot=tot,
    )


KINDS: dict[str, tuple[Callable[[dict], Any], tuple[str, ...]]] = {
    "gemeenten": (gemeente_row, ("gemeentecode", "gemeentenaam")),
    "begrippen": (begrip_row, ("term", "definitie")),
    "national": (national_row, ("code", "naam", "productcategorie")),
    "municipal": (
        municipal_row,
        ("gemeentecode", "productcategorie", "productcode", "omschrijving", "geldig_van"),
    ),
    "mappings": (
        mapping_row,
        ("gemeentecode", "productcategorie", "productcode", "nationale_code", "geldig_van"),
    ),
    "tarieven": (
        tarief_row,
        ("aanbieder", "gemeentecode", "productcategorie", "productcode", "tarief", "eenheid", "geldig_van"),
    ),
}


# --- files ---------------------------------------------------------------------------------


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            [RowError(str(path), 0, None, f"geen UTF-8 (byte {exc.start}); sla het bestand op als UTF-8")]
        ) from exc


class Rows(list):
    """Records of a file, with the line each came from (for conflicts found later, against the database)."""

    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file
        self.lines: list[int] = []


def _unclosed_quote(text: str) -> int | None:
    """The line of a quote that is never closed (the csv module would swallow the rest of the file)."""
    inside, line, opened = False, 1, 0
    for char in text:
        if char == '"':
            inside = not inside
            if inside:
                opened = line
        elif char == "\n":
            line += 1
    return opened if inside else None


def csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, row with lower-cased header names) for each data row."""
    text = _decode(path)
    if not text.strip():
        raise ImportFailed([RowError(str(path), 1, None, "het bestand is leeg: geen kopregel en geen rijen")])
    quote = _unclosed_quote(text)
    if quote is not None:
        raise ImportFailed([RowError(str(path), quote, None, 'aanhalingsteken (") wordt niet gesloten')])
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if reader.fieldnames is None:
        return
    reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames]
    for row in reader:
        yield reader.line_num, {k: v for k, v in row.items() if k}


def read_csv(path: str | Path, kind: str) -> list[Any]:
    """Records of `kind` (see KINDS) from a CSV file; ImportFailed lists every bad row."""
    path = Path(path)
    parse, required = KINDS[kind]
    parsed = Parsed(Rows(str(path)))
    rows = list(csv_rows(path))
    if not rows:
        raise ImportFailed([RowError(str(path), 2, None, "geen rijen onder de kopregel")])
    header = set(rows[0][1]) if rows else set()
    missing = [c for c in required if rows and c not in header]
    if missing:
        raise ImportFailed([RowError(str(path), 1, c, "kolom ontbreekt in de kopregel") for c in missing])
    for line, row in rows:
        try:
            parsed.rows.append(parse(row))
            parsed.rows.lines.append(line)
        except _BadValue as exc:
            parsed.errors.append(RowError(str(path), line, exc.column, str(exc)))
    return parsed.result()
