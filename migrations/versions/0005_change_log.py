"""the ordered change log and its counter; what exists already enters the log as created

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.core.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What was there before the log existed, as "create" changes in the order it was made, so a
# client that follows the feed from the start gets everything.
_BACKFILL = """
INSERT INTO change_log (position, occurred_at, entity_type, entity_id, park_id, action, version)
SELECT ROW_NUMBER() OVER (ORDER BY created_at, entity_type, id),
       created_at, entity_type, id, park_id, 'create', version
FROM (
  SELECT created_at, 'user' AS entity_type, id, NULL AS park_id, version FROM users
  UNION ALL SELECT created_at, 'park', id, id, version FROM parks
  UNION ALL SELECT created_at, 'stakeholder', id, park_id, version FROM stakeholders
  UNION ALL SELECT c.created_at, 'contact_moment', c.id, s.park_id, c.version
    FROM contact_moments c JOIN stakeholders s ON s.id = c.stakeholder_id
  UNION ALL SELECT created_at, 'interest', id, park_id, version FROM interests
) existing
"""


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_position", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.create_table(
        "change_log",
        sa.Column("position", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("occurred_at", backend.core.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("entity_type", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_change_log_entity_type_position", ["entity_type", "position"], unique=False
        )
        batch_op.create_index(
            "ix_change_log_park_id_position", ["park_id", "position"], unique=False
        )
    op.execute(_BACKFILL)
    op.execute(
        "INSERT INTO change_counter (id, last_position) "
        "SELECT 1, COALESCE(MAX(position), 0) FROM change_log"
    )


def downgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_park_id_position")
        batch_op.drop_index("ix_change_log_entity_type_position")
    op.drop_table("change_log")
    op.drop_table("change_counter")
