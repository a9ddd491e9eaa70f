"""The message store as a database of records: what cross-message rules look up, indexed by key.

Each stored message keeps its records (toewijzingen, start/stop notices, requests and their
answers, declaration lines, declarations, declaration answers, lifecycle facts) in
`opslag_record`, found through `opslag_sleutel`, and the parties it concerns in `opslag_partij`.
Messages stored before this revision keep their bytes and get `uitgepakt` NULL: `productcodes
store reindex` (run by `store` and `validate --store` when needed) extracts their records from
the kept message. Nothing stored is changed or removed.

Revision ID: 0007_store_records
Revises: 0006_answer_sequence
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_store_records"
down_revision = "0006_answer_sequence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ontvangen_bericht") as batch:
        batch.add_column(sa.Column("controlegetal", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("basisschema_xsd_versie", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("bericht_xsd_versie", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("retour", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("uitgepakt", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_ontvangen_bericht_identificatie"), ["identificatie"])
        batch.create_index(batch.f("ix_ontvangen_bericht_uitgepakt"), ["uitgepakt"])
    op.create_table(
        "opslag_record",
        sa.Column("bericht_id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=2), nullable=False),
        sa.Column("inhoud", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bericht_id"],
            ["ontvangen_bericht.id"],
            name=op.f("fk_opslag_record_bericht_id_ontvangen_bericht"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("bericht_id", "volgnummer", name=op.f("pk_opslag_record")),
    )
    op.create_table(
        "opslag_sleutel",
        sa.Column("waarde", sa.String(length=64), nullable=False),
        sa.Column("bericht_id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bericht_id"],
            ["ontvangen_bericht.id"],
            name=op.f("fk_opslag_sleutel_bericht_id_ontvangen_bericht"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("waarde", "bericht_id", "volgnummer", name=op.f("pk_opslag_sleutel")),
    )
    op.create_table(
        "opslag_partij",
        sa.Column("soort", sa.String(length=12), nullable=False),
        sa.Column("afzender", sa.String(length=20), nullable=False),
        sa.Column("ontvanger", sa.String(length=20), nullable=False),
        sa.Column("eerste", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("soort", "afzender", "ontvanger", name=op.f("pk_opslag_partij")),
    )


def downgrade() -> None:
    # The records can always be extracted again from the kept messages; the messages stay.
    op.drop_table("opslag_partij")
    op.drop_table("opslag_sleutel")
    op.drop_table("opslag_record")
    with op.batch_alter_table("ontvangen_bericht") as batch:
        batch.drop_index(batch.f("ix_ontvangen_bericht_uitgepakt"))
        batch.drop_index(batch.f("ix_ontvangen_bericht_identificatie"))
        batch.drop_column("uitgepakt")
        batch.drop_column("retour")
        batch.drop_column("bericht_xsd_versie")
        batch.drop_column("basisschema_xsd_versie")
        batch.drop_column("controlegetal")
