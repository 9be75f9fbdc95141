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


# --- the province overview and the start page -------------------------------------------------


class ParkRow(BaseModel):
    """One park in an overview over many parks: the register, and how far the collaboration
    got."""

    id: uuid.UUID
    name: str
    municipality: str
    province: str
    latitude: float | None = PField(description="Its own point, or its municipality's centre")
    longitude: float | None
    approximate_location: bool = PField(
        description="The point is the municipality's centre, not the park's own"
    )
    stakeholders: int
    interviewed: int = PField(description="Stakeholders with at least one recorded interest")
    last_contact: date | None
    open_follow_ups: int = PField(description="Follow-ups not done (any due date)")
    overdue_follow_ups: int = PField(description="Follow-ups not done, due before today")
    level: int | None = PField(description="Organisatiegraad level (0–4) of the newest assessment")
    level_name: str | None
    score: float | None
    assessed_at: datetime | None
    projects_running: int = PField(description="Projects not stopped")
    organisations: int


class ParkRowPage(BaseModel):
    items: list[ParkRow]
    next_cursor: str | None
    total: int = PField(description="Parks matching the filters, on every page")


class LevelCount(BaseModel):
    level: int | None = PField(description="0–4; null: parks never assessed")
    name: str
    parks: int


class ProvinceFigures(BaseModel):
    province: str
    province_name: str
    parks: int = PField(description="Parks in the register")
    active_parks: int = PField(description="Parks with at least one stakeholder")
    stakeholders: int
    interviewed: int
    assessed_parks: int
    by_level: list[LevelCount] = PField(
        description="Parks by the level of their newest assessment, never assessed last"
    )
    projects_by_phase: dict[str, int]
    organisations_by_form: dict[str, int]
    latitude: float | None = PField(
        description="The middle of its municipalities, for a map (null in the totals)"
    )
    longitude: float | None


class ProvinceOverview(BaseModel):
    province: str | None = PField(description="The province asked for; null: every province")
    language: str
    totals: ProvinceFigures = PField(description="Everything in the answer together")
    provinces: list[ProvinceFigures] = PField(description="Per province, by name")
    parks: list[ParkRow] | None = PField(
        description="With `province`: its parks with stakeholders or an assessment, by "
        "organisatiegraad (highest first) and name; without: null (use the export for all parks)"
    )


class ActivityItem(BaseModel):
    occurred_at: datetime
    actor: str = PField(description="Who did it (a user's name or an API client's)")
    action: str = PField(description="create, update or delete")
    entity_type: str
    entity_id: uuid.UUID
    label: str | None = PField(
        description="The stakeholder's or organisation's name, the project's title (null for "
        "other kinds and for what was deleted since)"
    )
    park_id: uuid.UUID
    park_name: str


class MyWork(BaseModel):
    """The start page of a user: the parks they work on and what is waiting."""

    scope: list[str] | None = PField(
        description="The provinces of an expert; null: every province (viewers and admins)"
    )
    active_parks: int = PField(description="Parks in scope with at least one stakeholder")
    parks: list[ParkRow] = PField(
        description="Parks in scope with stakeholders or activity, most recently changed first"
    )
    open_follow_ups: int | None = PField(description="Null for those who work on no park")
    overdue_follow_ups: int | None
    stale_assessments: int = PField(
        description="Active parks never assessed or last assessed over a year ago"
    )
    needs_assessment: list[ParkRow] = PField(
        description="The first of them: never assessed first, then the longest ago"
    )
    recent_activity: list[ActivityItem]


class StakeholderFigures(BaseModel):
    stakeholder_id: uuid.UUID
    interests: int = PField(description="Recorded interests; 0: not interviewed yet")
    last_contact: date | None
    open_follow_ups: int
    overdue_follow_ups: int


class ParkStakeholderFigures(BaseModel):
    """Per stakeholder of a park: how far the inventory got with them. Only stakeholders with
    an interest or a contact moment are listed; the others have none of either."""

    park_id: uuid.UUID
    items: list[StakeholderFigures]
