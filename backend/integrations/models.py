"""The park status (a compact answer for integrations that poll) and webhooks with their outbox."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, field_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, Text, Uuid
from sqlmodel import Field, SQLModel

from backend.core.types import UTCDateTime, new_id, utcnow, version_column


class StatusOrganisatiegraad(BaseModel):
    score: float
    level: int
    level_name: str
    assessed_at: datetime


class StatusOrganisation(BaseModel):
    form: str
    name: str


class StatusInterest(BaseModel):
    theme_code: str
    stakeholder_count: int
    score: float


class ParkStatus(BaseModel):
    park_id: uuid.UUID
    name: str
    province: str
    organisatiegraad: StatusOrganisatiegraad | None = PField(description="null until assessed")
    organisations: list[StatusOrganisation]
    shared_interests: list[StatusInterest] = PField(description="The top three")
    projects: dict[str, int] = PField(description="Projects per phase")
    stakeholders: dict[str, int] = PField(description="Stakeholders per kind")
    updated_at: datetime = PField(
        description="The newest change to anything of the park (what the ETag follows)"
    )
    status_version: int = PField(description="The change-feed position of that change")


# --- webhooks --------------------------------------------------------------------------------


class EventType(StrEnum):
    park_status_changed = "park.status_changed"
    project_phase_changed = "project.phase_changed"
    assessment_created = "assessment.created"
    ping = "ping"


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


_webhook_version = version_column()


class Webhook(SQLModel, table=True):
    __tablename__ = "webhooks"
    __mapper_args__ = {"version_id_col": _webhook_version}

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    url: str = Field(max_length=2000)
    events: list[str] = Field(default_factory=list, sa_type=JSON)
    # The signing secret: shown once; kept, because every delivery is signed with it.
    secret: str = Field(max_length=100)
    owner_kind: str = Field(max_length=10)  # user or client
    owner_id: uuid.UUID = Field(sa_type=Uuid())
    owner_label: str = Field(max_length=254)
    provinces: list[str] = Field(default_factory=list, sa_type=JSON)  # the owner's limit
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_webhook_version)


class WebhookDelivery(SQLModel, table=True):
    """The outbox: one row per event per subscribed webhook, written in the transaction of the
    change that caused it; the worker sends it and records what happened."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_webhook_id_created_at", "webhook_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    webhook_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False)
    )
    event: str = Field(max_length=50)
    payload: dict[str, Any] = Field(sa_type=JSON)
    status: str = Field(default=DeliveryStatus.pending.value, max_length=20)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_status_code: int | None = None
    last_error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: AnyHttpUrl = PField(description="http(s); not loopback or private unless allowed")
    events: list[EventType] = PField(min_length=1)

    @field_validator("events")
    @classmethod
    def _unique(cls, value: list[EventType]) -> list[EventType]:
        return sorted(set(value))


class WebhookPublic(BaseModel):
    id: uuid.UUID
    url: str
    events: list[EventType]
    owner: str
    provinces: list[str]
    is_active: bool
    created_at: datetime
    version: int


class WebhookWithSecret(WebhookPublic):
    secret: str = PField(
        description="Verify each delivery with it: HMAC-SHA256 over `<timestamp>.<raw body>`; "
        "shown only now"
    )


class DeliveryPublic(BaseModel):
    id: uuid.UUID
    webhook_id: uuid.UUID
    event: str
    payload: dict[str, Any]
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
