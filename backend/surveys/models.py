"""Surveys: a link entrepreneurs fill in on their phone, collecting what an interview collects,
reviewed by the expert before it counts in the shared interests."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr, field_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.core.inputs import MultiLine, SingleLine, WholeNumber
from backend.core.money import MoneyIn, MoneyOut
from backend.core.types import UTCDateTime, new_id, utcnow, version_column
from backend.interests.service import Obstacle, Willingness
from backend.stakeholders.service import KvkNumber, Phone, StakeholderKind


class SurveyStatus(StrEnum):
    draft = "draft"
    open = "open"
    closed = "closed"


class ResponseStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


_survey_version = version_column()


class Survey(SQLModel, table=True):
    __tablename__ = "surveys"
    __mapper_args__ = {"version_id_col": _survey_version}
    __table_args__ = (Index("ix_surveys_park_id_created_at_id", "park_id", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    title: str = Field(max_length=200)
    intro: str | None = Field(default=None, sa_type=Text)
    theme_codes: list[str] = Field(default_factory=list, sa_type=JSON)
    closes_on: date | None = None
    open_link: bool = False
    # The open link's token is derived from this nonce and the server's secret (see tokens.py);
    # only its hash is looked up.
    open_token_nonce: str | None = Field(default=None, max_length=32)
    open_token_hash: str | None = Field(default=None, max_length=64, unique=True)
    status: str = Field(default=SurveyStatus.draft.value, max_length=10)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_survey_version)


class Invitation(SQLModel, table=True):
    """A personal link: one stakeholder, one survey."""

    __tablename__ = "survey_invitations"
    __table_args__ = (UniqueConstraint("survey_id", "stakeholder_id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    survey_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False)
    )
    park_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    stakeholder_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("stakeholders.id", ondelete="CASCADE"), nullable=False)
    )
    token_nonce: str = Field(max_length=32)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = 1  # created and revoked, never edited: the change feed's version


_response_version = version_column()


class SurveyResponse(SQLModel, table=True):
    __tablename__ = "survey_responses"
    __mapper_args__ = {"version_id_col": _response_version}
    __table_args__ = (
        Index("ix_survey_responses_survey_id_submitted_at_id", "survey_id", "submitted_at", "id"),
        UniqueConstraint("invitation_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    survey_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False)
    )
    park_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    # A personal link's response; an open link's has none (and an edit token of its own).
    invitation_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("survey_invitations.id", ondelete="SET NULL"), nullable=True),
    )
    edit_token_hash: str | None = Field(default=None, max_length=64, unique=True)
    # The stakeholder it is about: the invited one, or the one the expert linked it to.
    stakeholder_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("stakeholders.id", ondelete="SET NULL"), nullable=True),
    )
    status: str = Field(default=ResponseStatus.pending.value, max_length=10)
    company_name: str | None = Field(default=None, max_length=200)
    kvk_number: str | None = Field(default=None, max_length=8)
    # Personal data: shown only to who may see contact persons, never in the audit values.
    contact_name: str | None = Field(default=None, max_length=200)
    contact_email: str | None = Field(default=None, max_length=254)
    contact_phone: str | None = Field(default=None, max_length=40)
    answers: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    language: str = Field(default="nl", max_length=5)
    consent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    submitted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reviewed_by: str | None = Field(default=None, max_length=200)
    reject_reason: str | None = Field(default=None, max_length=1000)
    personal_data_erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_response_version)


# --- schemas -----------------------------------------------------------------------------------


Title = SingleLine


class _SurveyFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    intro: MultiLine | None = PField(
        default=None, max_length=5000, description="Shown to respondents above the questions"
    )
    closes_on: date | None = PField(
        default=None, description="The last day answers are taken (inclusive)"
    )

    @field_validator("intro")
    @classmethod
    def _empty_is_null(cls, value: str | None) -> str | None:
        return value or None


class SurveyCreate(_SurveyFields):
    title: Title = PField(min_length=1, max_length=200)
    theme_codes: list[str] | None = PField(
        default=None, max_length=50, description="A subset of the themes; all when left out"
    )
    open_link: bool = PField(
        default=False,
        description="Also one link for the whole park (respondents name their company)",
    )


class SurveyUpdate(_SurveyFields):
    title: Title | None = PField(default=None, min_length=1, max_length=200)
    theme_codes: list[str] | None = PField(default=None, min_length=1, max_length=50)
    open_link: bool | None = None


class SurveyTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: SurveyStatus


class KindRate(BaseModel):
    kind: StakeholderKind
    invited: int
    responded: int
    accepted: int
    response_rate: float = PField(description="responded / invited (0 when none invited)")


class ResponseCounts(BaseModel):
    pending: int
    accepted: int
    rejected: int
    total: int


class SurveyPublic(BaseModel):
    id: uuid.UUID
    park_id: uuid.UUID
    title: str
    intro: str | None
    theme_codes: list[str]
    closes_on: date | None
    open_link: bool
    open_link_url: str | None = PField(
        description="The park's open link (while the survey has one)"
    )
    status: SurveyStatus
    accepts_answers: bool = PField(description="Open, and not past closes_on")
    invitations: int
    responses: ResponseCounts
    rates: list[KindRate] = PField(description="Per stakeholder kind: invited, responded, accepted")
    created_at: datetime
    updated_at: datetime
    version: int


class InvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stakeholder_ids: list[uuid.UUID] | None = PField(default=None, max_length=5000)
    kinds: list[StakeholderKind] | None = PField(
        default=None, description="Every stakeholder of these kinds in the park"
    )


class InvitationPublic(BaseModel):
    id: uuid.UUID
    survey_id: uuid.UUID
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    stakeholder_kind: StakeholderKind
    email: str | None = PField(description="Null unless the caller may see contact persons")
    url: str | None = PField(description="The personal link; null once revoked")
    responded: bool
    revoked_at: datetime | None
    created_at: datetime


class InvitationsCreated(BaseModel):
    created: int
    already_invited: int
    items: list[InvitationPublic]


# --- answering ---------------------------------------------------------------------------------


class Answer(BaseModel):
    """What the interview records for one theme; urgency is required, the rest may be left
    open ("weet ik niet")."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    theme_code: str = PField(min_length=1, max_length=40)
    current_situation: str | None = PField(default=None, max_length=5000)
    challenge: str | None = PField(default=None, max_length=5000)
    vision: str | None = PField(default=None, max_length=5000)
    urgency: WholeNumber = PField(ge=1, le=5, description="1 (not urgent) to 5 (very urgent)")
    investment_willingness: Willingness = Willingness.none
    budget_eur: MoneyIn | None = None
    obstacles: list[Obstacle] | None = None

    @field_validator("current_situation", "challenge", "vision")
    @classmethod
    def _empty_is_null(cls, value: str | None) -> str | None:
        return value or None


class AnswerPublic(BaseModel):
    theme_code: str
    current_situation: str | None
    challenge: str | None
    vision: str | None
    urgency: int
    investment_willingness: Willingness
    budget_eur: MoneyOut | None
    obstacles: list[Obstacle]


class Respondent(BaseModel):
    """Who answers an open link (a personal link knows its stakeholder)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    company_name: SingleLine = PField(min_length=1, max_length=200)
    kvk_number: KvkNumber | None = None
    contact_name: SingleLine | None = PField(default=None, max_length=200)
    email: EmailStr | None = PField(default=None, max_length=254)
    phone: Phone | None = None


class ResponseSubmit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    consent: bool = PField(description="Agreement with the privacy statement; must be true")
    respondent: Respondent | None = PField(
        default=None, description="Required on an open link, not allowed on a personal one"
    )
    answers: list[Answer] = PField(max_length=50)


class PublicTheme(BaseModel):
    code: str
    track: str
    name_nl: str
    name_en: str


class PublicSurvey(BaseModel):
    """What a respondent sees: the survey and their own answers, nothing of others."""

    title: str
    intro: str | None
    park_name: str
    closes_on: date | None
    themes: list[PublicTheme]
    personal: bool = PField(description="A personal link (no company details asked)")
    stakeholder_name: str | None = PField(description="Who the personal link is for")
    answers: list[AnswerPublic]
    respondent: Respondent | None = PField(description="An open link's respondent, when resuming")
    submitted_at: datetime | None


class ResponseSaved(BaseModel):
    submitted_at: datetime
    answers: int
    edit_token: str | None = PField(
        description="An open link's first answer: the token to come back with (only now shown)"
    )


# --- review ------------------------------------------------------------------------------------


class ProposedStakeholder(BaseModel):
    id: uuid.UUID
    name: str
    reason: str = PField(description="invited, kvk_number or name")


class SurveyResponsePublic(BaseModel):
    id: uuid.UUID
    survey_id: uuid.UUID
    park_id: uuid.UUID
    status: ResponseStatus
    personal_link: bool
    stakeholder_id: uuid.UUID | None
    proposed: ProposedStakeholder | None = PField(
        description="For a pending response: who it is most likely about"
    )
    company_name: str | None
    kvk_number: str | None
    contact_name: str | None = PField(description="Personal data: null unless the caller may")
    contact_email: str | None
    contact_phone: str | None
    personal_data_erased_at: datetime | None
    answers: list[AnswerPublic]
    submitted_at: datetime
    reviewed_at: datetime | None
    reviewed_by: str | None
    reject_reason: str | None
    version: int


class AcceptRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stakeholder_id: uuid.UUID | None = PField(
        default=None, description="Link to this stakeholder of the park"
    )
    create_stakeholder: bool = PField(
        default=False, description="Create a stakeholder from the respondent's company"
    )
    kind: StakeholderKind = PField(
        default=StakeholderKind.entrepreneur, description="The new stakeholder's kind"
    )
    overwrite: list[str] = PField(
        default_factory=list,
        max_length=50,
        description="Themes where the survey answer replaces an interest recorded otherwise",
    )
    keep: list[str] = PField(
        default_factory=list,
        max_length=50,
        description="Themes where the interest recorded otherwise stays and the answer is left out",
    )


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: SingleLine = PField(min_length=1, max_length=1000)
