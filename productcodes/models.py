"""The registry's tables (SQLAlchemy 2, typed). Alembic migrations in `migrations/` follow these.

Validity is inclusive on both ends (`geldig_tot` is the last valid day, NULL = open), the
convention of the iJw messages themselves. Code lists (productcategorie, eenheid,
frequentie, uitvoeringsvariant) are seeded by the initial migration.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# rejected: a proposal turned down in review; withdrawn: retired before it started, so it never applies.
MAPPING_STATUSES = ("proposed", "approved", "retired", "rejected", "withdrawn")


class FractionType(TypeDecorator):
    """An exact ratio stored as text ("1/60"): a decimal column would turn minutes into
    0.016667 hours and make 60 minutes 1.00002 hours."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """A ratio as its exact text."""
        return None if value is None else str(Fraction(value))

    def process_result_value(self, value, dialect):
        """The stored text as an exact Fraction."""
        return None if value is None else Fraction(value)


class Base(DeclarativeBase):
    """The registry's tables, with constraint names that stay the same on SQLite and PostgreSQL."""

    metadata = MetaData(naming_convention=NAMING)


def _valid_period() -> CheckConstraint:
    return CheckConstraint("geldig_tot IS NULL OR geldig_tot >= geldig_van", name="periode")


# --- code lists ----------------------------------------------------------------------------


class Productcategorie(Base):
    """A ProductCategorie of the code list (WJ747), current or historical."""

    __tablename__ = "productcategorie"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(200))
    historisch: Mapped[bool] = mapped_column(default=False)  # the 2015 categories 31–38


class Eenheid(Base):
    """A unit of volume (WJ756), with its length in minutes where it is a time."""

    __tablename__ = "eenheid"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(100))
    minuten: Mapped[int | None] = mapped_column(Integer)  # length in minutes for time units


class Frequentie(Base):
    """How often a volume applies (code list WJ757)."""

    __tablename__ = "frequentie"
    code: Mapped[str] = mapped_column(String(1), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(100))


class Uitvoeringsvariant(Base):
    """A way a toewijzing is carried out (inspanning, output, taak), by the standard's variants."""

    __tablename__ = "uitvoeringsvariant"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(300))


# --- geography -----------------------------------------------------------------------------


class Jeugdregio(Base):
    """A region in which gemeenten buy youth care together (CBS)."""

    __tablename__ = "jeugdregio"
    naam: Mapped[str] = mapped_column(String(120), primary_key=True)


class Gemeente(Base):
    """A gemeente as it existed over a period: codes change with mergers, so each version is dated."""

    __tablename__ = "gemeente"
    __table_args__ = (UniqueConstraint("gemeentecode", "geldig_van"), _valid_period())
    id: Mapped[int] = mapped_column(primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(4), index=True)
    naam: Mapped[str] = mapped_column(String(120))
    jeugdregio: Mapped[str | None] = mapped_column(ForeignKey("jeugdregio.naam"))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)


# --- national products and begrippen ---------------------------------------------------------


class Productlijst(Base):
    """A named list of national products (for example the JZ21 list)."""

    __tablename__ = "productlijst"
    naam: Mapped[str] = mapped_column(String(40), primary_key=True)
    omschrijving: Mapped[str | None] = mapped_column(String(300))


product_begrip = Table(
    "product_begrip",
    Base.metadata,
    Column("product_id", ForeignKey("nationaal_product.id", ondelete="CASCADE"), primary_key=True),
    Column("begrip_id", ForeignKey("begrip.id", ondelete="CASCADE"), primary_key=True),
)


class Begrip(Base):
    """A concept (begrip) of the reduced national set, which products are defined by."""

    __tablename__ = "begrip"
    __table_args__ = (UniqueConstraint("term", "geldig_van"), _valid_period())
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(120), index=True)
    definitie: Mapped[str] = mapped_column(Text)
    bron: Mapped[str | None] = mapped_column(String(200))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)


class NationaalProduct(Base):
    """A product of the reduced national set, with the units it may be delivered in."""

    __tablename__ = "nationaal_product"
    __table_args__ = (UniqueConstraint("lijst", "code", "geldig_van"), _valid_period())
    id: Mapped[int] = mapped_column(primary_key=True)
    lijst: Mapped[str] = mapped_column(ForeignKey("productlijst.naam"), index=True)
    code: Mapped[str] = mapped_column(String(5), index=True)
    naam: Mapped[str] = mapped_column(String(300))
    productcategorie: Mapped[str] = mapped_column(ForeignKey("productcategorie.code"))
    uitvoeringsvariant: Mapped[str | None] = mapped_column(ForeignKey("uitvoeringsvariant.code"))
    eenheden: Mapped[str] = mapped_column(String(60), default="")  # "|"-joined WJ756 codes
    hulpvorm: Mapped[str | None] = mapped_column(String(200))
    nza_declaratiecode: Mapped[str | None] = mapped_column(String(20))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    begrippen: Mapped[list[Begrip]] = relationship(secondary=product_begrip, lazy="selectin")


# --- municipal products, mappings, tariffs -------------------------------------------------


class GemeentelijkProduct(Base):
    """A product code one gemeente uses, as it was valid over a period."""

    __tablename__ = "gemeentelijk_product"
    __table_args__ = (
        UniqueConstraint("gemeentecode", "productcategorie", "productcode", "geldig_van"),
        _valid_period(),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(4), index=True)
    productcategorie: Mapped[str] = mapped_column(ForeignKey("productcategorie.code"))
    productcode: Mapped[str] = mapped_column(String(5))
    omschrijving: Mapped[str] = mapped_column(String(300))
    uitvoeringsvariant: Mapped[str | None] = mapped_column(ForeignKey("uitvoeringsvariant.code"))
    eenheid: Mapped[str | None] = mapped_column(ForeignKey("eenheid.code"))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Mapping(Base):
    """A municipal product mapped to a national one, with its conversion, status and review."""

    __tablename__ = "mapping"
    __table_args__ = (
        CheckConstraint(
            "status IN ('proposed', 'approved', 'retired', 'rejected', 'withdrawn')", name="status"
        ),
        _valid_period(),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    gemeentelijk_product_id: Mapped[int] = mapped_column(ForeignKey("gemeentelijk_product.id"), index=True)
    nationaal_product_id: Mapped[int] = mapped_column(ForeignKey("nationaal_product.id"), index=True)
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    factor: Mapped[Fraction | None] = mapped_column(FractionType)
    toelichting: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[Decimal | None] = mapped_column(Numeric(4, 3))  # of a suggestion, when it was one
    door: Mapped[str] = mapped_column(String(120))
    op: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    gemeentelijk_product: Mapped[GemeentelijkProduct] = relationship(lazy="joined")
    nationaal_product: Mapped[NationaalProduct] = relationship(lazy="joined")
    __mapper_args__ = {"version_id_col": version}


class ContractTarief(Base):
    """A contracted tariff (cents per eenheid) of a municipal product over a period."""

    __tablename__ = "contract_tarief"
    __table_args__ = (
        UniqueConstraint("aanbieder", "gemeentecode", "productcategorie", "productcode", "geldig_van"),
        _valid_period(),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    aanbieder: Mapped[str] = mapped_column(String(8), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(4))
    productcategorie: Mapped[str] = mapped_column(String(2))
    productcode: Mapped[str] = mapped_column(String(5))
    tarief: Mapped[int] = mapped_column(Integer)  # cents per eenheid
    eenheid: Mapped[str] = mapped_column(ForeignKey("eenheid.code"))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)


class AuditLog(Base):
    """Append-only: the API only inserts; on PostgreSQL a trigger refuses UPDATE and DELETE."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    op: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    door: Mapped[str] = mapped_column(String(120))
    entiteit: Mapped[str] = mapped_column(String(40))
    sleutel: Mapped[str] = mapped_column(String(200), index=True)
    actie: Mapped[str] = mapped_column(String(20))
    oud: Mapped[dict | None] = mapped_column(JSON)
    nieuw: Mapped[dict | None] = mapped_column(JSON)


class User(Base):
    """A person of the web service: maintainers change the registry, viewers only read it."""

    __tablename__ = "web_user"
    __table_args__ = (CheckConstraint("role IN ('maintainer', 'viewer')", name="role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id, never the password
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegistryMeta(Base):
    """Facts about the database itself, e.g. that `productcodes demo` made it (and may refill it)."""

    __tablename__ = "registry_meta"
    sleutel: Mapped[str] = mapped_column(String(60), primary_key=True)
    waarde: Mapped[str] = mapped_column(String(300))


# The message store's tables share this metadata (migrations, create_all); their own module keeps them apart.
import productcodes.store_models  # noqa: E402,F401
