"""Seed the code lists; make the audit log append-only on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The values as of this revision, written out so the migration never changes with the code.
PRODUCTCATEGORIE = {
    "31": "(2015) zonder verblijf: wijk- of buurtteam",
    "32": "(2015) zonder verblijf: ambulant op locatie van de aanbieder",
    "33": "(2015) zonder verblijf: daghulp op locatie van de aanbieder",
    "34": "(2015) zonder verblijf: in het netwerk van de jeugdige",
    "35": "(2015) met verblijf: pleegzorg",
    "36": "(2015) met verblijf: gezinsgericht",
    "37": "(2015) met verblijf: gesloten plaatsing",
    "38": "(2015) met verblijf: overig residentieel",
    "40": "Persoonlijke verzorging",
    "41": "Dagbehandeling",
    "42": "Vervoerdiensten",
    "43": "Jeugdhulp verblijf (inclusief behandeling)",
    "44": "Jeugdhulp verblijf (exclusief behandeling)",
    "45": "Jeugdhulp ambulant",
    "46": "Jeugdhulp crisis",
    "47": "Jeugdreclassering",
    "48": "Jeugdbescherming",
    "49": "Activiteiten in preventief justitieel kader",
    "50": "Maatwerkarrangementen jeugd",
    "51": "Generalistische basis-ggz",
    "52": "Specialistische ggz",
    "53": "Kindergeneeskunde",
    "54": "Jeugd-ggz",
    "55": "Landelijk ingekochte zorg",
}
EENHEID = {
    "01": ("minuut", 1),
    "04": ("uur", 60),
    "14": ("etmaal", 1440),
    "16": ("dagdeel (4 uur)", 240),
    "82": ("stuks (output)", None),
    "83": ("euro's", None),
    "84": ("stuks (inspanning)", None),
}
FREQUENTIE = {
    "1": "per dag",
    "2": "per week",
    "4": "per maand",
    "6": "totaal binnen de geldigheidsduur van de toewijzing",
}
UITVOERINGSVARIANT = {
    "inspanningsgericht": "volume in tijd of stuks per periode; wat geleverd is, wordt gedeclareerd",
    "outputgericht": "een resultaat of traject per periode, zonder urenverantwoording",
    "taakgericht": "een budget of lump sum voor een taak; geen volume per cliënt",
}

REFERENCED_BY = {
    "uitvoeringsvariant": [
        ("nationaal_product", "uitvoeringsvariant"),
        ("gemeentelijk_product", "uitvoeringsvariant"),
    ],
    "frequentie": [],
    "eenheid": [("gemeentelijk_product", "eenheid"), ("contract_tarief", "eenheid")],
    "productcategorie": [
        ("nationaal_product", "productcategorie"),
        ("gemeentelijk_product", "productcategorie"),
    ],
}

GUARD = """
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
"""


def _table(name, *columns):
    return sa.table(name, *(sa.column(c) for c in columns))


def upgrade() -> None:
    op.bulk_insert(
        _table("productcategorie", "code", "omschrijving", "historisch"),
        [{"code": k, "omschrijving": v, "historisch": k < "40"} for k, v in PRODUCTCATEGORIE.items()],
    )
    op.bulk_insert(
        _table("eenheid", "code", "omschrijving", "minuten"),
        [{"code": k, "omschrijving": v, "minuten": m} for k, (v, m) in EENHEID.items()],
    )
    op.bulk_insert(
        _table("frequentie", "code", "omschrijving"),
        [{"code": k, "omschrijving": v} for k, v in FREQUENTIE.items()],
    )
    op.bulk_insert(
        _table("uitvoeringsvariant", "code", "omschrijving"),
        [{"code": k, "omschrijving": v} for k, v in UITVOERINGSVARIANT.items()],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    # Rows still in use stay: downgrading further (0001) drops the tables with their data.
    for table, users in REFERENCED_BY.items():
        in_use = " UNION ".join(
            f"SELECT {column} FROM {user} WHERE {column} IS NOT NULL" for user, column in users
        )
        op.execute(f"DELETE FROM {table} WHERE code NOT IN ({in_use})" if users else f"DELETE FROM {table}")
