"""Assessments of a park's organisatiegraad: the table and the API schemas."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, Numeric, Uuid
from sqlmodel import Field, SQLModel

from backend.core.inputs import MultiLine, WholeNumber
from backend.core.types import UTCDateTime, new_id, utcnow


class Assessment(SQLModel, table=True):
    """One assessment; never changed afterwards (a new one is made instead)."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_park_id_created_at_id", "park_id", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    rubric_version: int
    # point of attention -> {"score": 0..4, "note": str | None}
    answers: dict[str, Any] = Field(sa_type=JSON)
    score: Decimal = Field(sa_type=Numeric(5, 1))
    level: int
    # [{"code", "points" (text, one decimal), "max_points", "facts"}], as computed then
    components: list[dict[str, Any]] = Field(sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_by: str = Field(max_length=200)
    version: int = 1


Mark = Annotated[WholeNumber, PField(ge=0, le=4, description="0 (absent) to 4 (fully in place)")]
Note = Annotated[MultiLine, PField(max_length=2000)]


class PointAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    score: Mark
    note: Note | None = None


class AssessmentAnswers(BaseModel):
    """The expert's mark on each of the seven points of attention of the guidance."""

    model_config = ConfigDict(extra="forbid")

    continuity: PointAnswer
    personal_contact: PointAnswer
    shared_ambition: PointAnswer
    integrality: PointAnswer
    respect_interests: PointAnswer
    realisation: PointAnswer
    transparent_process: PointAnswer


class AssessmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: AssessmentAnswers


class ComponentPublic(BaseModel):
    code: str
    name: str = PField(description="In the requested language")
    points: float = PField(description="One decimal")
    max_points: int
    explanation: str = PField(description="Why, from the facts kept with the assessment")
    facts: dict[str, Any]


class AssessmentPublic(BaseModel):
    id: uuid.UUID
    park_id: uuid.UUID
    rubric_version: int
    answers: AssessmentAnswers
    score: float = PField(description="0–100, one decimal")
    level: int = PField(description="0–4")
    level_name: str
    level_meaning: str
    components: list[ComponentPublic]
    created_at: datetime
    created_by: str


class RubricScore(BaseModel):
    score: int
    text: str


class RubricPoint(BaseModel):
    code: str
    title: str
    question: str
    examples: list[RubricScore] = PField(description="What 0, 2 and 4 look like")


class RubricLevel(BaseModel):
    level: int
    from_score: int
    name: str
    meaning: str


class RubricComponent(BaseModel):
    code: str
    name: str
    max_points: int


class Rubric(BaseModel):
    version: int
    language: str
    points: list[RubricPoint]
    expert_points: int
    components: list[RubricComponent]
    levels: list[RubricLevel]
    description: str
