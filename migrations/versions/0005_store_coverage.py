"""The message store's coverage: from which Dagtekening it holds every message.

Rules that conclude from an absence (a deletion of a start never delivered, a credit of a
debit never declared) may only do so for the period the store is complete. An existing store
is taken to be complete from the Dagtekening of its first message, as a new one is.

Revision ID: 0005_store_coverage
Revises: 0004_web_users
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_store_coverage"
down_revision = "0004_web_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "opslag_dekking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volledig_vanaf", sa.Date(), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opslag_dekking")),
    )
    op.execute(
        "INSERT INTO opslag_dekking (id, volledig_vanaf, bron) "
        "SELECT 1, dagtekening, 'eerste bericht' FROM ontvangen_bericht "
        "WHERE dagtekening IS NOT NULL ORDER BY id LIMIT 1"
    )


def downgrade() -> None:
    op.drop_table("opslag_dekking")
