"""The park status: a compact answer for integrations that poll."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel
from pydantic import Field as PField


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
