"""Plain row records shared by importers, exporters, the demo generator and `suggest`.

They carry no database identity, so the demo generator and the suggestion algorithm can
be tested without a database, and importers validate rows before touching a session.
Dates are inclusive on both ends (`geldig_tot` is the last valid day, None = open), the
same convention the iJw messages use for Begindatum/Einddatum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

UITVOERINGSVARIANTEN = ("inspanningsgericht", "outputgericht", "taakgericht")


@dataclass(frozen=True, slots=True)
class GemeenteRow:
    """A gemeente as imported: CBS code, name, jeugdregio and period."""

    gemeentecode: str  # CBS, 4 digits
    naam: str
    jeugdregio: str | None
    geldig_van: date | None = None
    geldig_tot: date | None = None


@dataclass(frozen=True, slots=True)
class BegripRow:
    """A term of the uniform begrippenkader with its definition and source."""

    term: str
    definitie: str
    bron: str | None = None
    geldig_van: date | None = None
    geldig_tot: date | None = None


@dataclass(frozen=True, slots=True)
class NationalProductRow:
    """A national product as imported from a national list."""

    code: str  # ProductCode as it travels in messages (max 5 characters)
    naam: str
    productcategorie: str  # JZ020
    uitvoeringsvariant: str | None  # one of UITVOERINGSVARIANTEN
    eenheden: tuple[str, ...] = ()  # WJ756 codes allowed for this product
    hulpvorm: str | None = None
    begrippen: tuple[str, ...] = ()  # terms of BegripRow
    nza_declaratiecode: str | None = None
    geldig_van: date | None = None
    geldig_tot: date | None = None


@dataclass(frozen=True, slots=True)
class MunicipalProductRow:
    """A gemeente's own product code as imported, with its period."""

    gemeentecode: str
    productcategorie: str
    productcode: str
    omschrijving: str
    uitvoeringsvariant: str | None
    eenheid: str | None  # WJ756
    geldig_van: date
    geldig_tot: date | None = None


@dataclass(frozen=True, slots=True)
class MappingRow:
    """A mapping from a municipal code to a national code from a date, with a unit factor when needed."""

    gemeentecode: str
    productcategorie: str
    productcode: str
    nationale_code: str
    geldig_van: date
    geldig_tot: date | None = None
    # municipal volume x factor = national volume, when units differ; exact (1/60 is not 0.016667)
    factor: Fraction | None = None
    status: str = "proposed"  # proposed -> approved -> retired
    toelichting: str | None = None


@dataclass(frozen=True, slots=True)
class TariefRow:
    """A contracted tariff (TR418): per aanbieder, gemeente, product and period, in cents per eenheid."""

    aanbieder: str  # AGB code, 8 digits
    gemeentecode: str
    productcategorie: str
    productcode: str
    tarief: int
    eenheid: str
    geldig_van: date
    geldig_tot: date | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed mapping for a municipal product, with how sure it is and why."""

    municipal: MunicipalProductRow
    nationale_code: str
    confidence: float  # 0..1
    reason: str
    factor: Fraction | None = None
