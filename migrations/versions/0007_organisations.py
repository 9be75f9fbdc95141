"""organisations on a park and the saved answers of the organisation-form advice

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("form", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.Column("has_board", sa.Boolean(), nullable=False),
        sa.Column("has_core_team", sa.Boolean(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=True),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"],
            ["parks.id"],
            name=op.f("fk_organisations_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_organisations_park_id_created_at_id", ["park_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_organisations_park_id_updated_at_id", ["park_id", "updated_at", "id"], unique=False
        )
    op.create_table(
        "organisation_advice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("saved_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"],
            ["parks.id"],
            name=op.f("fk_organisation_advice_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_advice")),
        sa.UniqueConstraint("park_id", name=op.f("uq_organisation_advice_park_id")),
    )


def downgrade() -> None:
    op.drop_table("organisation_advice")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index("ix_organisations_park_id_updated_at_id")
        batch_op.drop_index("ix_organisations_park_id_created_at_id")
    op.drop_table("organisations")
