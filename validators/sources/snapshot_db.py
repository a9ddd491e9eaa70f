"""Loading the RegistrySnapshot from the registry database, once per run."""

from __future__ import annotations

from sqlalchemy import Engine, select

from productcodes.protocol import FAR_PAST
from productcodes.records import GemeenteRow, MappingRow, MunicipalProductRow, NationalProductRow, TariefRow
from validators.sources.snapshot import RegistrySnapshot


def _van(value):
    return None if value == FAR_PAST else value  # "valid since always" is how an empty date is stored


def snapshot_from_engine(engine: Engine) -> RegistrySnapshot:
    """The snapshot of everything in the registry database (products, mappings, gemeenten, tariffs)."""
    from productcodes.db import session_scope
    from productcodes.models import ContractTarief, Gemeente, GemeentelijkProduct, Mapping, NationaalProduct

    with session_scope(engine) as session:
        gemeenten = [
            GemeenteRow(g.gemeentecode, g.naam, g.jeugdregio, _van(g.geldig_van), g.geldig_tot)
            for g in session.scalars(select(Gemeente))
        ]
        national = [
            (
                n.lijst,
                NationalProductRow(
                    n.code,
                    n.naam,
                    n.productcategorie,
                    n.uitvoeringsvariant,
                    tuple(e for e in n.eenheden.split("|") if e),
                    n.hulpvorm,
                    tuple(b.term for b in n.begrippen),
                    n.nza_declaratiecode,
                    _van(n.geldig_van),
                    n.geldig_tot,
                ),
            )
            for n in session.scalars(select(NationaalProduct))
        ]
        municipal = [
            MunicipalProductRow(
                p.gemeentecode,
                p.productcategorie,
                p.productcode,
                p.omschrijving,
                p.uitvoeringsvariant,
                p.eenheid,
                p.geldig_van,
                p.geldig_tot,
            )
            for p in session.scalars(select(GemeentelijkProduct))
        ]
        mappings = [
            MappingRow(
                m.gemeentelijk_product.gemeentecode,
                m.gemeentelijk_product.productcategorie,
                m.gemeentelijk_product.productcode,
                m.nationaal_product.code,
                m.geldig_van,
                m.geldig_tot,
                m.factor,
                "approved" if m.status != "proposed" else "proposed",
                m.toelichting,
            )
            for m in session.scalars(select(Mapping).where(Mapping.status != "proposed"))
        ]
        tarieven = [
            TariefRow(
                t.aanbieder,
                t.gemeentecode,
                t.productcategorie,
                t.productcode,
                t.tarief,
                t.eenheid,
                t.geldig_van,
                t.geldig_tot,
            )
            for t in session.scalars(select(ContractTarief))
        ]
    return RegistrySnapshot.from_rows(
        gemeenten=gemeenten, national=national, municipal=municipal, mappings=mappings, tarieven=tarieven
    )


def load_snapshot(app) -> RegistrySnapshot:
    """The snapshot of the database given by --db / PRODUCTCODES_DB (checked to be migrated)."""
    from productcodes.commands import engine_for

    return snapshot_from_engine(engine_for(app))
