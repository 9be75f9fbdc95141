"""Every change, twice: the audit trail (who changed what, with old and new values, personal
data never among them) and the change log (an ordered feed of create/update/delete events,
tombstones included, for incremental sync)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic import Field as PField
from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from backend.core.types import UTCDateTime, new_id, utcnow


class AuditAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"
    erase = "erase"  # personal data erased on request (AVG/GDPR); the values are not recorded


class ChangeAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity_type", "entity_id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_kind: str = Field(max_length=20)
    actor_id: uuid.UUID | None = None
    actor_label: str = Field(max_length=300)
    action: str = Field(max_length=20)
    entity_type: str = Field(max_length=50)
    entity_id: uuid.UUID
    park_id: uuid.UUID | None = Field(default=None, index=True)
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class ChangeLogEntry(SQLModel, table=True):
    """One change in commit order. ``position`` is handed out from ``change_counter`` as the
    last statement before the transaction commits (see changes/service.py), so a position is
    visible only after every lower position has been committed or rolled back."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_park_id_position", "park_id", "position"),
        Index("ix_change_log_entity_type_position", "entity_type", "position"),
    )

    position: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    occurred_at: datetime = Field(sa_type=UTCDateTime)
    entity_type: str = Field(max_length=50)
    entity_id: uuid.UUID
    park_id: uuid.UUID | None = None
    action: str = Field(max_length=10)
    version: int


class ChangeCounter(SQLModel, table=True):
    """One row: the last position handed out. Its row lock orders the writers' commits."""

    __tablename__ = "change_counter"
    __table_args__ = {"info": {"reference_data": True}}  # made by the migration, never emptied

    id: int = Field(primary_key=True)
    last_position: int = Field(sa_column=Column(BigInteger, nullable=False))


# --- schemas -------------------------------------------------------------------------------


class FieldChange(BaseModel):
    old: Any = None
    new: Any = None


class AuditEventPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    occurred_at: datetime
    actor_kind: str
    actor_id: uuid.UUID | None
    actor_label: str
    action: AuditAction
    entity_type: str
    entity_id: uuid.UUID
    park_id: uuid.UUID | None
    changes: dict[str, FieldChange]


class ChangePublic(BaseModel):
    cursor: str = PField(description="Resume the feed right after this change")
    entity_type: str = PField(
        description="park, stakeholder, contact_moment, interest, user, …", examples=["park"]
    )
    entity_id: uuid.UUID
    park_id: uuid.UUID | None = PField(description="The park it belongs to (null for users)")
    action: ChangeAction
    version: int = PField(
        description="The entity's version after the change (for a delete: its last version)"
    )
    occurred_at: datetime


class ChangeFeed(BaseModel):
    items: list[ChangePublic]
    next_cursor: str = PField(
        description="Always given: where to continue. When `items` is empty this is the "
        "present, so a client polls with it until something changes."
    )
