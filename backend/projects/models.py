"""Projects of a park: the project, its participants, its business case and its phase history.

Tables and API schemas. The business-case arithmetic is in ``business_case.py``, the phase
rules in ``phases.py``; both are plain functions over these values.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, Numeric, Text, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel

from backend.core.inputs import MultiLine, SingleLine, WholeNumber
from backend.core.money import MoneyIn, MoneyOut
from backend.core.types import UTCDateTime, new_id, utcnow, version_column
from backend.stakeholders.service import StakeholderKind


class Phase(StrEnum):
    idea = "idea"
    exploration = "exploration"
    business_case = "business_case"
    realisation = "realisation"
    operation = "operation"
    stopped = "stopped"


class OrganisationForm(StrEnum):
    """The eight organisation forms (``../shared/domain/organisation-forms.md``)."""

    biz = "biz"
    ondernemersfonds = "ondernemersfonds"
    ondernemersvereniging = "ondernemersvereniging"
    cooperatie = "cooperatie"
    stichting = "stichting"
    bv = "bv"
    werkgroep = "werkgroep"
    parkmanagement = "parkmanagement"


class Commitment(StrEnum):
    interested = "interested"
    committed = "committed"
    signed = "signed"


class CostSplit(StrEnum):
    equal = "equal"
    by_employees = "by_employees"
    by_woz_value = "by_woz_value"
    custom = "custom"


_project_version = version_column()
_participant_version = version_column()
_business_case_version = version_column()


class Project(SQLModel, table=True):
    __tablename__ = "projects"
    __mapper_args__ = {"version_id_col": _project_version}
    __table_args__ = (
        Index("ix_projects_park_id_created_at_id", "park_id", "created_at", "id"),
        Index("ix_projects_park_id_updated_at_id", "park_id", "updated_at", "id"),
        Index("ix_projects_owner_stakeholder_id", "owner_stakeholder_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    title: str = Field(max_length=200)
    description: str | None = Field(default=None, sa_type=Text)
    theme_codes: list[str] = Field(default_factory=list, sa_type=JSON)
    phase: str = Field(default=Phase.idea.value, max_length=20)
    organisation_form: str | None = Field(default=None, max_length=30)
    owner_stakeholder_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid(), ForeignKey("stakeholders.id", ondelete="SET NULL")),
    )
    phase_changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_project_version)


class Participant(SQLModel, table=True):
    __tablename__ = "project_participants"
    __mapper_args__ = {"version_id_col": _participant_version}
    __table_args__ = (
        UniqueConstraint("project_id", "stakeholder_id"),
        Index("ix_project_participants_project_id_created_at_id", "project_id", "created_at", "id"),
        Index("ix_project_participants_stakeholder_id", "stakeholder_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("projects.id", ondelete="CASCADE"), nullable=False)
    )
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    stakeholder_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("stakeholders.id", ondelete="CASCADE"), nullable=False)
    )
    commitment: str = Field(default=Commitment.interested.value, max_length=20)
    contribution_eur: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_participant_version)


class BusinessCase(SQLModel, table=True):
    __tablename__ = "project_business_cases"
    __mapper_args__ = {"version_id_col": _business_case_version}

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid(), ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    capex_eur: Decimal = Field(sa_type=Numeric(14, 2))
    opex_eur_per_year: Decimal = Field(sa_type=Numeric(14, 2))
    benefits_eur_per_year: Decimal = Field(sa_type=Numeric(14, 2))
    subsidy_eur: Decimal = Field(sa_type=Numeric(14, 2))
    lifetime_years: int
    discount_rate: Decimal = Field(sa_type=Numeric(6, 4))
    cost_split: str = Field(max_length=20)
    # participant id -> share in euros (a string with two decimals), for the custom split
    custom_shares: dict[str, str] | None = Field(default=None, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_business_case_version)


class PhaseChange(SQLModel, table=True):
    """One step in a project's phase history (append-only; the first row is its creation)."""

    __tablename__ = "project_phase_changes"
    __table_args__ = (
        Index("ix_project_phase_changes_project_id_occurred_at", "project_id", "occurred_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("projects.id", ondelete="CASCADE"), nullable=False)
    )
    from_phase: str | None = Field(default=None, max_length=20)
    to_phase: str = Field(max_length=20)
    reason: str | None = Field(default=None, sa_type=Text)
    actor_kind: str = Field(max_length=10)
    actor_id: uuid.UUID | None = Field(default=None, sa_type=Uuid())
    actor_label: str = Field(max_length=200)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# --- schemas -----------------------------------------------------------------------------------

Title = Annotated[SingleLine, PField(min_length=1, max_length=200)]
Description = Annotated[MultiLine, PField(max_length=10_000)]
ThemeCodes = Annotated[
    list[Annotated[str, PField(min_length=1, max_length=40)]],
    PField(min_length=1, max_length=17, description="One or more theme codes (GET /themes)"),
]
Reason = Annotated[MultiLine, PField(max_length=2000)]


def _unique_codes(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    seen: list[str] = []
    for code in value:
        if code not in seen:
            seen.append(code)
    return seen


class ProjectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    from_theme: str | None = PField(
        default=None,
        min_length=1,
        max_length=40,
        description="Start from the park's shared interest in this theme: the title defaults to "
        "the theme's name, the theme is added to `theme_codes`, and every stakeholder with an "
        "interest in it joins as an `interested` participant.",
    )
    title: Title | None = PField(default=None, description="Required unless `from_theme` is given")
    description: Description | None = None
    theme_codes: ThemeCodes | None = PField(
        default=None, description="Required unless `from_theme` is given"
    )
    organisation_form: OrganisationForm | None = None
    owner_stakeholder_id: uuid.UUID | None = PField(
        default=None, description="A stakeholder of the same park who leads the project"
    )

    _codes = field_validator("theme_codes")(classmethod(lambda cls, v: _unique_codes(v)))


class ProjectUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Title | None = None
    description: Description | None = None
    theme_codes: ThemeCodes | None = None
    organisation_form: OrganisationForm | None = None
    owner_stakeholder_id: uuid.UUID | None = None

    _codes = field_validator("theme_codes")(classmethod(lambda cls, v: _unique_codes(v)))


class ProjectPublic(BaseModel):
    id: uuid.UUID
    park_id: uuid.UUID
    title: str
    description: str | None
    theme_codes: list[str]
    phase: Phase
    organisation_form: OrganisationForm | None
    owner_stakeholder_id: uuid.UUID | None
    phase_changed_at: datetime
    created_at: datetime
    updated_at: datetime
    version: int


class TransitionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    to: Phase
    reason: Reason | None = PField(
        default=None, description="Why; required to stop, to go back, and to restart"
    )


class PhaseChangePublic(BaseModel):
    from_phase: Phase | None = PField(description="null for the project's creation")
    to_phase: Phase
    reason: str | None
    actor: str = PField(description="Who made the change")
    occurred_at: datetime


class PhaseRule(BaseModel):
    code: str
    passed: bool
    text: str


class PhaseOption(BaseModel):
    to: Phase
    allowed: bool
    needs_reason: bool
    rules: list[PhaseRule] = PField(description="The rules for this step and whether they hold")


class PhaseHistory(BaseModel):
    project_id: uuid.UUID
    phase: Phase
    items: list[PhaseChangePublic]
    options: list[PhaseOption] = PField(description="Each other phase: may the project go there?")


class ParticipantCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stakeholder_id: uuid.UUID = PField(description="A stakeholder of the project's park")
    commitment: Commitment = Commitment.interested
    contribution_eur: MoneyIn | None = PField(
        default=None,
        description="A fixed contribution to the investment; the rest is split by the business "
        "case's `cost_split` among the participants without one",
    )


class ParticipantUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    commitment: Commitment | None = None
    contribution_eur: MoneyIn | None = None


class ParticipantPublic(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    stakeholder_kind: StakeholderKind
    commitment: Commitment
    contribution_eur: MoneyOut | None
    created_at: datetime
    updated_at: datetime
    version: int


class CustomShare(BaseModel):
    model_config = ConfigDict(extra="forbid")

    participant_id: uuid.UUID
    share_eur: MoneyIn


Rate = Annotated[
    Decimal,
    PField(
        ge=0,
        le=Decimal("0.5"),
        max_digits=6,
        decimal_places=4,
        description="A fraction per year: 0.04 for 4%; from 0 to 0.5",
        examples=["0.04"],
    ),
]


class BusinessCaseInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capex_eur: MoneyIn = PField(description="The investment")
    opex_eur_per_year: MoneyIn = PField(description="Running costs per year")
    benefits_eur_per_year: MoneyIn = PField(description="Savings and revenues per year")
    subsidy_eur: MoneyIn = PField(default=Decimal(0), description="Subsidy on the investment")
    lifetime_years: WholeNumber = PField(ge=1, le=100)
    discount_rate: Rate = Decimal("0.04")
    cost_split: CostSplit = CostSplit.equal
    custom_shares: list[CustomShare] | None = PField(
        default=None,
        max_length=2000,
        description="For `custom`: each participant without a fixed contribution and its share "
        "of the investment that remains after the fixed contributions; the shares must add up "
        "to exactly that amount",
    )


class ShareBasis(StrEnum):
    fixed = "fixed"
    by_split = "split"


class ParticipantShare(BaseModel):
    participant_id: uuid.UUID
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    commitment: Commitment
    basis: ShareBasis = PField(description="`fixed`: its own contribution; `split`: by the split")
    weight: Decimal | None = PField(description="Employees or WOZ value used by the split")
    share_eur: MoneyOut


class BusinessCaseFigures(BaseModel):
    net_investment_eur: MoneyOut = PField(description="capex − subsidy")
    yearly_net_benefit_eur: MoneyOut = PField(
        description="benefits − opex per year (negative when the costs are higher)"
    )
    simple_payback_years: float | None = PField(
        description="net investment ÷ yearly net benefit, two decimals; null if it never pays back"
    )
    npv_eur: MoneyOut = PField(
        description="−net investment + Σ yearly net benefit ÷ (1 + rate)^t for t = 1 … lifetime"
    )
    total_net_benefit_eur: MoneyOut = PField(description="yearly net benefit × lifetime")
    shares: list[ParticipantShare]
    unallocated_eur: MoneyOut = PField(
        description="Net investment − the sum of the shares: 0 when fully split; negative when "
        "fixed contributions exceed the investment"
    )
    warnings: list[str]


class CustomShareOut(BaseModel):
    participant_id: uuid.UUID
    share_eur: MoneyOut


class BusinessCasePublic(BaseModel):
    project_id: uuid.UUID
    capex_eur: MoneyOut
    opex_eur_per_year: MoneyOut
    benefits_eur_per_year: MoneyOut
    subsidy_eur: MoneyOut
    lifetime_years: int
    discount_rate: float = PField(description="A fraction per year: 0.04 for 4%")
    cost_split: CostSplit
    custom_shares: list[CustomShareOut] | None
    figures: BusinessCaseFigures
    updated_at: datetime | None = PField(description="null for a calculation that was not kept")
    version: int | None = PField(description="null for a calculation that was not kept")
