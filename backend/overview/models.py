"""The park overview: one answer with the numbers of every step of the guidance."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel
from pydantic import Field as PField


class Todo(BaseModel):
    code: str
    text: str = PField(description="In the requested language")


class RegisterData(BaseModel):
    id: uuid.UUID
    name: str
    municipality: str
    province: str
    ibis_id: str | None
    area_ha: float | None
    company_count: int | None
    latitude: float | None
    longitude: float | None


class InventoryBlock(BaseModel):
    stakeholders: int
    by_kind: dict[str, int]
    entrepreneurs: int
    interviewed: int = PField(description="Stakeholders with at least one recorded interest")
    entrepreneurs_interviewed: int
    spoken_to_last_12_months: int = PField(description="Entrepreneurs and owners")
    reachable: int = PField(description="Entrepreneurs and property owners")
    last_contact: date | None
    open_follow_ups: int
    todo: Todo | None


class TopInterest(BaseModel):
    theme_code: str
    theme_name: str
    score: float
    stakeholder_count: int
    covered_by_project: bool


class SharedInterestsBlock(BaseModel):
    count: int
    top: list[TopInterest]
    todo: Todo | None


class ProjectRef(BaseModel):
    id: uuid.UUID
    title: str
    phase: str


class ProjectsBlock(BaseModel):
    total: int
    by_phase: dict[str, int]
    furthest: ProjectRef | None = PField(description="The project furthest along (not stopped)")
    todo: Todo | None


class OrganisationRef(BaseModel):
    id: uuid.UUID
    form: str
    name: str


class OrganisationBlock(BaseModel):
    organisations: list[OrganisationRef]
    advice_first_form: str | None = PField(
        description="The first fitting form of the advice saved for the park"
    )
    advice_saved_at: datetime | None
    todo: Todo | None


class HistoryPoint(BaseModel):
    assessed_at: datetime
    score: float
    level: int


class OrganisatiegraadBlock(BaseModel):
    score: float | None
    level: int | None
    level_name: str | None
    assessed_at: datetime | None
    history: list[HistoryPoint]
    todo: Todo | None


class ParkOverview(BaseModel):
    park_id: uuid.UUID
    language: str
    next_step: Todo = PField(description="The one thing to do next for this park (README rules)")
    park: RegisterData
    inventory: InventoryBlock
    shared_interests: SharedInterestsBlock
    projects: ProjectsBlock
    organisation: OrganisationBlock
    organisatiegraad: OrganisatiegraadBlock
