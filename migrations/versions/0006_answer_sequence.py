"""The last identification number given to an answer message per day (respond --store).

Revision ID: 0006_answer_sequence
Revises: 0005_store_coverage
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_answer_sequence"
down_revision = "0005_store_coverage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "antwoord_volgnummer",
        sa.Column("dag", sa.Date(), nullable=False),
        sa.Column("laatste", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dag", name=op.f("pk_antwoord_volgnummer")),
    )


def downgrade() -> None:
    op.drop_table("antwoord_volgnummer")
