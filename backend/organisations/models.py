"""Organisations on a park, the saved answers of its organisation-form advice, and the API
schemas of the forms catalogue, the advice and the BIZ vote simulation."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Column, Date, ForeignKey, Index, Uuid
from sqlmodel import Field, SQLModel

from backend.core.inputs import Flag, IsoDate, SingleLine, WholeNumber
from backend.core.money import MoneyIn, MoneyOut
from backend.core.types import UTCDateTime, new_id, utcnow, version_column
from backend.organisations.bizvote import Group, LevyOn, Vote
from backend.organisations.forms import Form

_organisation_version = version_column()
_advice_version = version_column()
MAX_VOTERS = 2000


class Organisation(SQLModel, table=True):
    __tablename__ = "organisations"
    __mapper_args__ = {"version_id_col": _organisation_version}
    __table_args__ = (
        Index("ix_organisations_park_id_created_at_id", "park_id", "created_at", "id"),
        Index("ix_organisations_park_id_updated_at_id", "park_id", "updated_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    form: str = Field(max_length=30)
    name: str = Field(max_length=200)
    founded_on: dt.date | None = Field(default=None, sa_type=Date)
    has_board: bool = False
    has_core_team: bool = False
    member_count: int | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_organisation_version)


class OrganisationAdvice(SQLModel, table=True):
    """A park's saved answers to the advice's questions, and the advice as it was then (so the
    page can show what changed since)."""

    __tablename__ = "organisation_advice"
    __mapper_args__ = {"version_id_col": _advice_version}

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    saved_by: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_advice_version)


# --- organisations ---------------------------------------------------------------------------


class OrganisationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    form: Form
    name: SingleLine = PField(min_length=1, max_length=200)
    founded_on: IsoDate | None = None
    has_board: Flag = False
    has_core_team: Flag = False
    member_count: WholeNumber | None = PField(default=None, ge=0, le=1_000_000)


class OrganisationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    form: Form | None = None
    name: SingleLine | None = PField(default=None, min_length=1, max_length=200)
    founded_on: IsoDate | None = None
    has_board: Flag | None = None
    has_core_team: Flag | None = None
    member_count: WholeNumber | None = PField(default=None, ge=0, le=1_000_000)


class OrganisationPublic(BaseModel):
    id: uuid.UUID
    park_id: uuid.UUID
    form: Form
    name: str
    founded_on: dt.date | None
    has_board: bool
    has_core_team: bool
    member_count: int | None
    created_at: datetime
    updated_at: datetime
    version: int


# --- the forms catalogue ---------------------------------------------------------------------


class SourcePublic(BaseModel):
    code: str
    label: str


class FormFactsPublic(BaseModel):
    form: Form
    name: str = PField(description="In the requested language")
    participation: str = PField(
        description="mandatory, voluntary, no_members, shareholders or as_agreed"
    )
    legal_person: str = PField(description="yes, no, with_notarial_deed or not_a_form")
    holds_assets_and_contracts: str = PField(
        description="yes, no, with_notarial_deed or through_other (the form it is combined with)"
    )
    may_distribute_profit: bool | None = PField(description="null: the sources say nothing")
    needs_municipal_decision: bool | None = PField(description="null: the sources say nothing")
    needs_vote: bool
    max_duration_years: int | None = PField(description="null: no maximum in the sources")
    notes: str
    sources: list[SourcePublic]


# --- the advice ------------------------------------------------------------------------------


class AdviceAnswers(BaseModel):
    """The questions of the advice; each may be null: not known (yet)."""

    model_config = ConfigDict(extra="forbid")

    municipality_cooperates: Flag | None = PField(
        default=None, description="Will the municipality cooperate (a BIZ or fund needs it)?"
    )
    mandatory_contribution_acceptable: Flag | None = PField(
        default=None, description="Is a contribution that everyone must pay acceptable?"
    )
    needs_legal_entity: Flag | None = PField(
        default=None, description="Is a legal person needed (contracts, subsidies, staff)?"
    )
    will_own_assets: Flag | None = PField(
        default=None,
        description="Will the organisation own assets (a solar park, storage, an energy hub's "
        "group contract)?",
    )
    distribute_profit: Flag | None = PField(
        default=None, description="Must profit be paid out to the participants?"
    )
    levy_for_this_area_only: Flag | None = PField(
        default=None, description="Must a levy hold for this park only (not the municipality)?"
    )
    annual_budget_eur: MoneyIn | None = PField(default=None, description="Planned budget a year")


class AdviceAnswersPublic(BaseModel):
    municipality_cooperates: bool | None
    mandatory_contribution_acceptable: bool | None
    needs_legal_entity: bool | None
    will_own_assets: bool | None
    distribute_profit: bool | None
    levy_for_this_area_only: bool | None
    annual_budget_eur: MoneyOut | None


class AdviceRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: AdviceAnswers | None = PField(
        default=None,
        description="Leave out to use the answers saved with the park (or none, all unknown)",
    )


class ReasonPublic(BaseModel):
    text: str
    source: str = PField(description="A source code, see source_label")
    source_label: str
    points: int | None = PField(default=None, description="What the rule adds to the score")


class RecommendationPublic(BaseModel):
    form: Form
    name: str
    rank: int
    score: int = PField(ge=0, le=100)
    reasons: list[ReasonPublic]
    blockers: list[ReasonPublic] = PField(description="Why it does not fit now; empty if none")


class CombinationPublic(BaseModel):
    forms: list[Form]
    rationale: str


class StepPublic(BaseModel):
    text: str
    requires: list[str] = PField(description="What must be true first")
    source: str
    source_label: str
    form: Form | None
    done: bool = PField(description="Already there on the park")


class OrganisationRef(BaseModel):
    form: Form
    name: str
    has_board: bool
    has_core_team: bool


class SharedInterestRef(BaseModel):
    theme_code: str
    theme_name: str
    track: str
    stakeholder_count: int
    willing_to_invest_count: int


class ProjectRef(BaseModel):
    id: uuid.UUID
    title: str
    phase: str
    theme_codes: list[str]
    organisation_form: str | None


class AdviceInputs(BaseModel):
    """What the advice used: correct the park's data or the answers if something is wrong."""

    company_count: int | None = PField(description="The national register's number of companies")
    stakeholder_count: int
    entrepreneurs: int
    property_owners: int
    park_managers: int
    interviewed: int = PField(description="Stakeholders with at least one interest recorded")
    core_team_or_board: int = PField(description="Stakeholders in the core team or the board")
    poll_yes: int = PField(description="Trial poll: entrepreneurs and owners in favour")
    poll_no: int
    woz_known_eur: MoneyOut
    organisations: list[OrganisationRef]
    shared_interests: list[SharedInterestRef]
    projects: list[ProjectRef]
    answers: AdviceAnswersPublic
    answers_from: str = PField(description="request, saved or none")


class AdviceChange(BaseModel):
    code: str
    text: str
    before: str | None
    after: str | None


class SinceSaved(BaseModel):
    saved_at: datetime
    saved_by: str
    changes: list[AdviceChange] = PField(description="Empty when nothing changed")


class OrganisationAdvicePublic(BaseModel):
    park_id: uuid.UUID
    language: str
    recommendations: list[RecommendationPublic]
    combination: CombinationPublic
    path: list[StepPublic]
    open_questions: list[ReasonPublic] = PField(
        description="What is not known, and what it would decide"
    )
    inputs: AdviceInputs
    since_saved: SinceSaved | None = PField(
        description="What changed since the advice was last saved (null if never)"
    )


class SavedAdvicePublic(BaseModel):
    park_id: uuid.UUID
    answers: AdviceAnswersPublic
    saved: bool = PField(description="False until answers are saved for this park")
    saved_at: datetime | None
    saved_by: str | None
    version: int = PField(description="0 until saved; send it as If-Match to save")


# --- the BIZ vote simulation -----------------------------------------------------------------


class BizVoter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group: Group = PField(description="user (gebruiker) or owner (eigenaar)")
    vote: Vote = PField(description="yes, no, or none (did not vote)")
    woz_value_eur: MoneyIn | None = PField(default=None, description="Unknown counts as 0")


class BizVoteSimulationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    levy_on: LevyOn
    voters: list[BizVoter] | None = PField(
        default=None,
        max_length=MAX_VOTERS,
        description="Every voter entitled to vote, once (or use_park_stakeholders)",
    )
    use_park_stakeholders: Flag = PField(
        default=False,
        description="Entrepreneurs as users, property owners as owners, with their trial-poll "
        "vote (abstain and unknown: not voting) and WOZ value",
    )

    @model_validator(mode="after")
    def _one_source(self) -> BizVoteSimulationRequest:
        if self.use_park_stakeholders == (self.voters is not None):
            raise ValueError("give either voters or use_park_stakeholders: true")
        return self


class BizCondition(BaseModel):
    code: str = PField(
        description="turnout, two_thirds_in_favour, woz_in_favour, majority_in_favour_users, "
        "majority_in_favour_owners"
    )
    passed: bool
    unit: str = PField(description="votes or eur")
    required: str = PField(description="The least that passes: a number of votes, or euros")
    actual: str
    explanation: str


class BizCount(BaseModel):
    entitled: int
    voted: int
    yes: int
    no: int
    not_voted: int
    woz_in_favour_eur: MoneyOut
    woz_against_eur: MoneyOut


class BizNeeded(BaseModel):
    yes_votes: int | None = PField(description="The fewest extra yes votes; null if none can do")
    from_non_voters: int
    from_no_votes: int
    woz_shortfall_eur: MoneyOut = PField(description="More WOZ value in favour the WOZ rule lacks")
    explanation: str


class BizVoteSimulation(BaseModel):
    park_id: uuid.UUID
    levy_on: LevyOn
    voters_from: str = PField(description="request or park_stakeholders")
    passed: bool
    conditions: list[BizCondition]
    needed: BizNeeded
    total: BizCount
    users: BizCount
    owners: BizCount
    warnings: list[str]


def money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
