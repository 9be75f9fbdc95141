"""themes and interests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 21:14:40.689458
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The 17 themes of the guidance (backend/data/themes.csv), in two tracks.
THEMES = [
    (
        "security",
        "schoon_heel_veilig",
        "Beveiliging en cameratoezicht",
        "Security and camera surveillance",
    ),
    (
        "kvo",
        "schoon_heel_veilig",
        "Keurmerk Veilig Ondernemen",
        "Safe Business Quality Mark (KVO-B)",
    ),
    (
        "public_space",
        "schoon_heel_veilig",
        "Onderhoud openbare ruimte en groen",
        "Maintenance of public space and greenery",
    ),
    ("waste", "schoon_heel_veilig", "Afvalinzameling en zwerfafval", "Waste collection and litter"),
    ("signage", "schoon_heel_veilig", "Bewegwijzering", "Signage and wayfinding"),
    (
        "parking",
        "schoon_heel_veilig",
        "Parkeren en vrachtwagenparkeren",
        "Parking and truck parking",
    ),
    (
        "road_safety",
        "schoon_heel_veilig",
        "Verkeersveiligheid en fietspaden",
        "Road safety and bike paths",
    ),
    ("fibre", "schoon_heel_veilig", "Glasvezel", "Fibre connectivity"),
    (
        "energy_generation",
        "toekomstbestendig",
        "Duurzame opwek (zon en wind)",
        "Renewable generation (solar and wind)",
    ),
    (
        "energy_hub",
        "toekomstbestendig",
        "Energiehub en netcongestie",
        "Energy hub and grid congestion",
    ),
    ("energy_saving", "toekomstbestendig", "Energiebesparing", "Energy saving"),
    ("ev_charging", "toekomstbestendig", "Laadpalen", "EV charging points"),
    (
        "water",
        "toekomstbestendig",
        "Wateroverlast en klimaatadaptatie",
        "Water nuisance and climate adaptation",
    ),
    ("greening", "toekomstbestendig", "Vergroening en biodiversiteit", "Greening and biodiversity"),
    (
        "circularity",
        "toekomstbestendig",
        "Reststromen en circulariteit",
        "Residual streams and circularity",
    ),
    ("heat", "toekomstbestendig", "Restwarmte en warmtenet", "Residual heat and heat network"),
    (
        "mobility",
        "toekomstbestendig",
        "Mobiliteit (gedeelde bus en fiets)",
        "Mobility (shared bus and bicycle)",
    ),
]


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("track", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name_nl", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_themes")),
        info={"reference_data": True},
    )
    themes = sa.table(
        "themes",
        sa.column("code", sa.String),
        sa.column("track", sa.String),
        sa.column("name_nl", sa.String),
        sa.column("name_en", sa.String),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(
        themes,
        [
            {"code": c, "track": t, "name_nl": nl, "name_en": en, "position": i}
            for i, (c, t, nl, en) in enumerate(THEMES)
        ],
    )
    op.create_table(
        "interests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("theme_code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("current_situation", sa.Text(), nullable=True),
        sa.Column("challenge", sa.Text(), nullable=True),
        sa.Column("vision", sa.Text(), nullable=True),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column(
            "investment_willingness", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("budget_eur", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("obstacle_flags", sa.Integer(), nullable=False),
        sa.Column("created_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name=op.f("fk_interests_park_id_parks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_interests_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_code"], ["themes.code"], name=op.f("fk_interests_theme_code_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interests")),
        sa.UniqueConstraint(
            "stakeholder_id", "theme_code", name=op.f("uq_interests_stakeholder_id")
        ),
    )
    with op.batch_alter_table("interests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interests_park_id_updated_at_id", ["park_id", "updated_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_interests_park_id_stakeholder_id", ["park_id", "stakeholder_id"], unique=False
        )
        batch_op.create_index(
            "ix_interests_aggregate",
            [
                "park_id",
                "theme_code",
                "stakeholder_kind",
                "investment_willingness",
                "obstacle_flags",
                "urgency",
                "budget_eur",
            ],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("interests", schema=None) as batch_op:
        batch_op.drop_index("ix_interests_aggregate")
        batch_op.drop_index("ix_interests_park_id_stakeholder_id")
        batch_op.drop_index("ix_interests_park_id_updated_at_id")

    op.drop_table("interests")
    op.drop_table("themes")
