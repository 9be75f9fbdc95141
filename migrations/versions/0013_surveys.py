"""Surveys: links stakeholders answer without an account, reviewed before they count; and where
an interest came from (interview, survey, import)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = sqlmodel.sql.sqltypes.AutoString
T = backend.core.types.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("interests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source", S(length=20), nullable=False, server_default="interview")
        )

    op.create_table(
        "surveys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("title", S(length=200), nullable=False),
        sa.Column("intro", sa.Text(), nullable=True),
        sa.Column("theme_codes", sa.JSON(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("open_link", sa.Boolean(), nullable=False),
        sa.Column("open_token_nonce", S(length=32), nullable=True),
        sa.Column("open_token_hash", S(length=64), nullable=True),
        sa.Column("status", S(length=10), nullable=False),
        sa.Column("created_at", T(timezone=True), nullable=False),
        sa.Column("updated_at", T(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_surveys_park_id_parks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("open_token_hash", name=op.f("uq_surveys_open_token_hash")),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.create_index(
            "ix_surveys_park_id_created_at_id", ["park_id", "created_at", "id"], unique=False
        )

    op.create_table(
        "survey_invitations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("token_nonce", S(length=32), nullable=False),
        sa.Column("token_hash", S(length=64), nullable=False),
        sa.Column("created_at", T(timezone=True), nullable=False),
        sa.Column("revoked_at", T(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_survey_invitations_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"], ["stakeholders.id"],
            name=op.f("fk_survey_invitations_stakeholder_id_stakeholders"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_survey_invitations_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_invitations")),
        sa.UniqueConstraint(
            "survey_id", "stakeholder_id", name=op.f("uq_survey_invitations_survey_id")
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_survey_invitations_token_hash")),
    )  # fmt: skip

    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("invitation_id", sa.Uuid(), nullable=True),
        sa.Column("edit_token_hash", S(length=64), nullable=True),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.Column("status", S(length=10), nullable=False),
        sa.Column("company_name", S(length=200), nullable=True),
        sa.Column("kvk_number", S(length=8), nullable=True),
        sa.Column("contact_name", S(length=200), nullable=True),
        sa.Column("contact_email", S(length=254), nullable=True),
        sa.Column("contact_phone", S(length=40), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("language", S(length=5), nullable=False),
        sa.Column("consent_at", T(timezone=True), nullable=False),
        sa.Column("submitted_at", T(timezone=True), nullable=False),
        sa.Column("updated_at", T(timezone=True), nullable=False),
        sa.Column("reviewed_at", T(timezone=True), nullable=True),
        sa.Column("reviewed_by", S(length=200), nullable=True),
        sa.Column("reject_reason", S(length=1000), nullable=True),
        sa.Column("personal_data_erased_at", T(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitation_id"], ["survey_invitations.id"],
            name=op.f("fk_survey_responses_invitation_id_survey_invitations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_survey_responses_park_id_parks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"], ["stakeholders.id"],
            name=op.f("fk_survey_responses_stakeholder_id_stakeholders"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_survey_responses_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
        sa.UniqueConstraint("edit_token_hash", name=op.f("uq_survey_responses_edit_token_hash")),
        sa.UniqueConstraint("invitation_id", name=op.f("uq_survey_responses_invitation_id")),
    )  # fmt: skip
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_survey_responses_survey_id_submitted_at_id",
            ["survey_id", "submitted_at", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_responses_survey_id_submitted_at_id")
    op.drop_table("survey_responses")
    op.drop_table("survey_invitations")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_index("ix_surveys_park_id_created_at_id")
    op.drop_table("surveys")
    with op.batch_alter_table("interests", schema=None) as batch_op:
        batch_op.drop_column("source")
