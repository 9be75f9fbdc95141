"""The audit trail: who changed what, when, with old and new values."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from backend.core.types import UTCDateTime, new_id, utcnow


@dataclass(frozen=True)
class Actor:
    kind: str  # user, client or system
    id: uuid.UUID | None
    label: str


SYSTEM = Actor(kind="system", id=None, label="system")


class AuditAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"
    erase = "erase"  # personal data erased on request (AVG/GDPR); the values are not recorded


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
