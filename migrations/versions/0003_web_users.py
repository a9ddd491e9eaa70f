"""Users of the web service (sign-in for registry maintainers).

Revision ID: 0003_web_users
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_web_users"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('maintainer', 'viewer')", name=op.f("ck_web_user_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_user")),
        sa.UniqueConstraint("naam", name=op.f("uq_web_user_naam")),
    )


def downgrade() -> None:
    op.drop_table("web_user")
