"""projects, their participants, business cases and phase history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("theme_codes", sa.JSON(), nullable=False),
        sa.Column("phase", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("organisation_form", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.Column("owner_stakeholder_id", sa.Uuid(), nullable=True),
        sa.Column(
            "phase_changed_at", backend.core.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_projects_owner_stakeholder_id_stakeholders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_projects_park_id_parks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(
            "ix_projects_park_id_created_at_id", ["park_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_projects_park_id_updated_at_id", ["park_id", "updated_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_projects_owner_stakeholder_id", ["owner_stakeholder_id"], unique=False
        )

    op.create_table(
        "project_business_cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("capex_eur", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("opex_eur_per_year", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("benefits_eur_per_year", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("subsidy_eur", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("lifetime_years", sa.Integer(), nullable=False),
        sa.Column("discount_rate", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("cost_split", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("custom_shares", sa.JSON(), nullable=True),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"],
            ["parks.id"],
            name=op.f("fk_project_business_cases_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_business_cases_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_business_cases")),
        sa.UniqueConstraint("project_id", name=op.f("uq_project_business_cases_project_id")),
    )
    op.create_table(
        "project_participants",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("commitment", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("contribution_eur", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"],
            ["parks.id"],
            name=op.f("fk_project_participants_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_participants_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_project_participants_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_participants")),
        sa.UniqueConstraint(
            "project_id", "stakeholder_id", name=op.f("uq_project_participants_project_id")
        ),
    )
    with op.batch_alter_table("project_participants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_project_participants_project_id_created_at_id",
            ["project_id", "created_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_project_participants_stakeholder_id", ["stakeholder_id"], unique=False
        )

    op.create_table(
        "project_phase_changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("from_phase", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("to_phase", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor_kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_label", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("occurred_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_phase_changes_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_phase_changes")),
    )
    with op.batch_alter_table("project_phase_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_project_phase_changes_project_id_occurred_at",
            ["project_id", "occurred_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("project_phase_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_project_phase_changes_project_id_occurred_at")

    op.drop_table("project_phase_changes")
    with op.batch_alter_table("project_participants", schema=None) as batch_op:
        batch_op.drop_index("ix_project_participants_stakeholder_id")
        batch_op.drop_index("ix_project_participants_project_id_created_at_id")

    op.drop_table("project_participants")
    op.drop_table("project_business_cases")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index("ix_projects_park_id_updated_at_id")
        batch_op.drop_index("ix_projects_owner_stakeholder_id")
        batch_op.drop_index("ix_projects_park_id_created_at_id")

    op.drop_table("projects")
