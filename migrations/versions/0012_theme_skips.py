"""Themes skipped in an interview, kept with the stakeholder instead of on one device

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "theme_skips",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("theme_code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_theme_skips_park_id_parks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_theme_skips_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_code"], ["themes.code"], name=op.f("fk_theme_skips_theme_code_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_skips")),
        sa.UniqueConstraint(
            "stakeholder_id", "theme_code", name=op.f("uq_theme_skips_stakeholder_id")
        ),
    )
    with op.batch_alter_table("theme_skips", schema=None) as batch_op:
        batch_op.create_index("ix_theme_skips_park_id", ["park_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("theme_skips", schema=None) as batch_op:
        batch_op.drop_index("ix_theme_skips_park_id")
    op.drop_table("theme_skips")
