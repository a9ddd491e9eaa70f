"""Registry metadata (who made this database) and the review statuses rejected and withdrawn.

Revision ID: 0003_registry_meta_review
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_registry_meta_review"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW = "status IN ('proposed', 'approved', 'retired', 'rejected', 'withdrawn')"
OLD = "status IN ('proposed', 'approved', 'retired')"


def _status_check(condition: str) -> None:
    # SQLite copies the table (batch mode); the other constraints are reflected and kept.
    with op.batch_alter_table("mapping", recreate="auto") as batch_op:
        batch_op.drop_constraint(op.f("ck_mapping_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_mapping_status"), condition)


def upgrade() -> None:
    op.create_table(
        "registry_meta",
        sa.Column("sleutel", sa.String(length=60), nullable=False),
        sa.Column("waarde", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("sleutel", name=op.f("pk_registry_meta")),
    )
    _status_check(NEW)


def downgrade() -> None:
    # Rows in the new statuses have no place in the old schema: they go back to 'retired' with their
    # period untouched, which the old code never resolves for dates outside it.
    op.execute("UPDATE mapping SET status = 'retired' WHERE status IN ('rejected', 'withdrawn')")
    _status_check(OLD)
    op.drop_table("registry_meta")
