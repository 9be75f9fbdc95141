"""Themes, the interests stakeholders have in them, and the shared-interest views."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic import Field as PField
from sqlalchemy import Column, ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.core.inputs import WholeNumber
from backend.core.money import MoneyIn, MoneyOut
from backend.core.types import UTCDateTime, new_id, utcnow, version_column
from backend.stakeholders.service import StakeholderKind


class Track(StrEnum):
    schoon_heel_veilig = "schoon_heel_veilig"
    toekomstbestendig = "toekomstbestendig"


class Willingness(StrEnum):
    none = "none"
    time = "time"
    money = "money"
    time_and_money = "time_and_money"


class Source(StrEnum):
    """How an interest was recorded: in an interview, from an accepted survey answer, or by an
    import through the API."""

    interview = "interview"
    survey = "survey"
    import_ = "import"


class Obstacle(StrEnum):
    knowledge = "knowledge"
    grid_congestion = "grid_congestion"
    money = "money"
    time = "time"
    regulation = "regulation"
    other = "other"


# Obstacles are stored as bit flags, so SQL can count them per theme on both databases.
OBSTACLE_BITS: dict[Obstacle, int] = {o: 1 << i for i, o in enumerate(Obstacle)}


def obstacles_to_flags(obstacles: list[Obstacle]) -> int:
    flags = 0
    for o in obstacles:
        flags |= OBSTACLE_BITS[o]
    return flags


def flags_to_obstacles(flags: int) -> list[Obstacle]:
    return [o for o, bit in OBSTACLE_BITS.items() if flags & bit]


class Theme(SQLModel, table=True):
    __tablename__ = "themes"
    __table_args__ = {"info": {"reference_data": True}}

    code: str = Field(primary_key=True, max_length=40)
    track: str = Field(max_length=30)
    name_nl: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    position: int = 0


_interest_version = version_column()


class Interest(SQLModel, table=True):
    __tablename__ = "interests"
    __mapper_args__ = {"version_id_col": _interest_version}
    __table_args__ = (
        UniqueConstraint("stakeholder_id", "theme_code"),
        Index("ix_interests_park_id_updated_at_id", "park_id", "updated_at", "id"),
        Index("ix_interests_park_id_stakeholder_id", "park_id", "stakeholder_id"),
        # Covers the shared-interest aggregation, so it reads the index and not the table.
        Index(
            "ix_interests_aggregate",
            "park_id",
            "theme_code",
            "stakeholder_kind",
            "investment_willingness",
            "obstacle_flags",
            "urgency",
            "budget_eur",
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    stakeholder_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("stakeholders.id", ondelete="CASCADE"), nullable=False)
    )
    # The stakeholder's park, kept on the interest so a park's interests aggregate without a join.
    park_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    # The stakeholder's kind, kept on the interest for the same reason (the stakeholder service
    # updates it when a stakeholder's kind changes).
    stakeholder_kind: str = Field(max_length=20)
    theme_code: str = Field(foreign_key="themes.code", max_length=40)
    current_situation: str | None = Field(default=None, sa_type=Text)
    challenge: str | None = Field(default=None, sa_type=Text)
    vision: str | None = Field(default=None, sa_type=Text)
    urgency: int
    investment_willingness: str = Field(max_length=20)
    budget_eur: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    obstacle_flags: int = 0
    source: str = Field(default=Source.interview.value, max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_interest_version)


class ThemeSkip(SQLModel, table=True):
    """A theme an interview went past without recording an interest: the stakeholder was asked
    and has nothing to say on it (yet). Kept with the stakeholder, so every colleague sees the
    same interview state; it goes when an interest in the theme is recorded."""

    __tablename__ = "theme_skips"
    __table_args__ = (
        UniqueConstraint("stakeholder_id", "theme_code"),
        Index("ix_theme_skips_park_id", "park_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    stakeholder_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("stakeholders.id", ondelete="CASCADE"), nullable=False)
    )
    park_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    theme_code: str = Field(foreign_key="themes.code", max_length=40)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # A skip is created or deleted, never changed: its version stays 1 (the change feed needs one).
    version: int = 1


# --- schemas -----------------------------------------------------------------------------------


class ThemePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    track: Track
    name_nl: str
    name_en: str


class _InterestFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    current_situation: str | None = PField(default=None, max_length=5000)
    challenge: str | None = PField(default=None, max_length=5000)
    vision: str | None = PField(default=None, max_length=5000)
    budget_eur: MoneyIn | None = None
    obstacles: list[Obstacle] | None = None

    @field_validator("current_situation", "challenge", "vision")
    @classmethod
    def _empty_is_null(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("obstacles")
    @classmethod
    def _unique(cls, value: list[Obstacle] | None) -> list[Obstacle] | None:
        return None if value is None else sorted(set(value), key=list(Obstacle).index)


class InterestCreate(_InterestFields):
    theme_code: str = PField(min_length=1, max_length=40)
    urgency: WholeNumber = PField(ge=1, le=5, description="1 (not urgent) to 5 (very urgent)")
    investment_willingness: Willingness = Willingness.none
    source: Source = PField(
        default=Source.interview,
        description="interview or import; survey answers become interests when accepted",
    )

    @field_validator("source")
    @classmethod
    def _not_survey(cls, value: Source) -> Source:
        if value is Source.survey:
            raise ValueError("survey interests come from accepted survey responses")
        return value


class InterestUpdate(_InterestFields):
    theme_code: str | None = PField(default=None, min_length=1, max_length=40)
    urgency: WholeNumber | None = PField(default=None, ge=1, le=5)
    investment_willingness: Willingness | None = None


class InterestPublic(BaseModel):
    id: uuid.UUID
    stakeholder_id: uuid.UUID
    park_id: uuid.UUID
    theme_code: str
    current_situation: str | None
    challenge: str | None
    vision: str | None
    urgency: int
    investment_willingness: Willingness
    budget_eur: MoneyOut | None
    obstacles: list[Obstacle]
    source: Source = PField(description="interview, survey (an accepted answer) or import")
    created_at: datetime
    updated_at: datetime
    version: int


class ThemeSkipPublic(BaseModel):
    stakeholder_id: uuid.UUID
    park_id: uuid.UUID
    theme_code: str
    created_at: datetime


class CoveringProject(BaseModel):
    id: uuid.UUID
    title: str
    phase: str = PField(description="The project's phase (see the projects API)")


class SharedInterest(BaseModel):
    theme_code: str
    theme_name: str = PField(description="In the requested language")
    track: Track
    rank: int
    stakeholder_count: int
    share_of_stakeholders: float = PField(description="Of the park's interviewed stakeholders")
    kinds: dict[StakeholderKind, int] = PField(description="Stakeholders per kind")
    mean_urgency: float
    willing_to_invest_count: int = PField(description="Would invest money, or time and money")
    willing_time_only_count: int
    pledged_budget_eur: MoneyOut
    obstacles: dict[Obstacle, int] = PField(description="How many stakeholders name each obstacle")
    covered_by_project: bool = PField(description="A project that is not stopped works on it")
    covering_projects: list[CoveringProject] = PField(
        description="The projects (not stopped) that work on this theme"
    )
    score: float = PField(description="0–100; see the scoring explanation in the API docs")
    explanation: str


class SharedInterests(BaseModel):
    park_id: uuid.UUID
    interviewed_stakeholders: int
    answered_by_interview: int = PField(
        description="Stakeholders with an interest recorded in an interview (or imported)"
    )
    answered_by_survey: int = PField(
        description="Stakeholders with an interest from an accepted survey answer"
    )
    stakeholder_count: int
    min_stakeholders: int
    language: str
    items: list[SharedInterest]


class MatrixStakeholder(BaseModel):
    id: uuid.UUID
    name: str
    kind: StakeholderKind


class MatrixCell(BaseModel):
    stakeholder_id: uuid.UUID
    theme_code: str
    urgency: int
    investment_willingness: Willingness


class InterestMatrix(BaseModel):
    park_id: uuid.UUID
    stakeholders: list[MatrixStakeholder]
    themes: list[ThemePublic]
    cells: list[MatrixCell]
