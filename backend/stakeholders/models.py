"""Stakeholders of a park and the contact moments with them: tables and API schemas.

Personal data of the contact person (``contact_name``, ``email``, ``phone`` and the summaries of
contact moments) is shown only to those ``Action.personal_data_read`` allows; everyone else gets
those fields as ``null`` and ``personal_data_hidden: true``."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    WithJsonSchema,
    model_validator,
)
from pydantic import Field as PField
from sqlalchemy import Column, Date, ForeignKey, Index, Numeric, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import backref, relationship
from sqlmodel import Field, Relationship, SQLModel

from backend.core.inputs import Flag, IsoDate, MultiLine, SingleLine, WholeNumber
from backend.core.money import MoneyIn, MoneyOut
from backend.core.types import UTCDateTime, new_id, utcnow, version_column
from backend.stakeholders.normalise import normalise_kvk, normalise_phone


class StakeholderKind(StrEnum):
    entrepreneur = "entrepreneur"
    property_owner = "property_owner"
    municipality = "municipality"
    grid_operator = "grid_operator"
    financier = "financier"
    park_manager = "park_manager"
    province = "province"
    other = "other"


class StakeholderRole(StrEnum):
    none = "none"
    member = "member"
    core_team = "core_team"
    board = "board"


class PollVote(StrEnum):
    yes = "yes"
    no = "no"
    abstain = "abstain"
    unknown = "unknown"


class ContactChannel(StrEnum):
    visit = "visit"
    phone = "phone"
    email = "email"
    meeting = "meeting"
    event = "event"


# The fields that are personal data of the contact person (AVG/GDPR).
PERSONAL_FIELDS = ("contact_name", "email", "phone")

_stakeholder_version = version_column()
_contact_version = version_column()


class Stakeholder(SQLModel, table=True):
    __tablename__ = "stakeholders"
    __mapper_args__ = {"version_id_col": _stakeholder_version}
    __table_args__ = (
        Index("ix_stakeholders_park_id_sort_name_id", "park_id", "sort_name", "id"),
        Index("ix_stakeholders_park_id_updated_at_id", "park_id", "updated_at", "id"),
        UniqueConstraint("park_id", "kvk_number", name="uq_stakeholders_park_id_kvk_number"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    park_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("parks.id", ondelete="CASCADE"), nullable=False)
    )
    name: str = Field(max_length=200)
    sort_name: str = Field(max_length=200)  # the name as people sort it (core.types.sort_key)
    kind: str = Field(max_length=20)
    kvk_number: str | None = Field(default=None, max_length=8)
    contact_name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=20)
    sector: str | None = Field(default=None, max_length=100)
    employees: int | None = None
    role: str = Field(default=StakeholderRole.none.value, max_length=20)
    influence: int | None = None
    involvement: int | None = None
    woz_value_eur: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    trial_poll_vote: str = Field(default=PollVote.unknown.value, max_length=10)
    notes: str | None = Field(default=None, sa_type=Text)
    personal_data_erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_stakeholder_version)
    # Deleting a park deletes its stakeholders by the database's ON DELETE CASCADE (no ORM
    # relationship across domains); the change seam records their tombstones.


class ContactMoment(SQLModel, table=True):
    __tablename__ = "contact_moments"
    __mapper_args__ = {"version_id_col": _contact_version}
    __table_args__ = (
        Index("ix_contact_moments_stakeholder_id_date_id", "stakeholder_id", "date", "id"),
        Index("ix_contact_moments_open_follow_up", "follow_up_done", "follow_up_date", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    stakeholder_id: uuid.UUID = Field(
        sa_column=Column(Uuid(), ForeignKey("stakeholders.id", ondelete="CASCADE"), nullable=False)
    )
    date: dt.date = Field(sa_type=Date)
    channel: str = Field(max_length=20)
    summary: str | None = Field(default=None, sa_type=Text)
    follow_up_date: dt.date | None = Field(default=None, sa_type=Date)
    follow_up_done: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_contact_version)

    stakeholder: Stakeholder | None = Relationship(
        sa_relationship=relationship(
            Stakeholder,
            backref=backref("contact_moments", cascade="all, delete-orphan", passive_deletes=True),
        )
    )


# --- schemas -----------------------------------------------------------------------------------


KvkNumber = Annotated[
    str,
    AfterValidator(normalise_kvk),
    PField(description="KvK (Chamber of Commerce) number: exactly 8 digits", examples=["12345678"]),
]
Phone = Annotated[
    str,
    AfterValidator(normalise_phone),
    PField(
        max_length=40,
        description="Dutch formats such as `06-12345678`, `+31 6 1234 5678` or `010 123 4567` are "
        "accepted; foreign numbers with their country code. Stored and shown in E.164 "
        "(`+31612345678`).",
    ),
]
Score = Annotated[WholeNumber, PField(ge=1, le=5)]
# An e-mail address; a blank one ("" or spaces) means "no address" (see _empty_is_null), and the
# document says so, so that a client may send what a cleared form field holds.
BlankableEmail = Annotated[
    EmailStr | None,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "email", "maxLength": 254},
                {"type": "string", "pattern": "^\\s*$", "maxLength": 254},
                {"type": "null"},
            ],
            "description": "An e-mail address; blank or null for none",
        }
    ),
]
_OPTIONAL_TEXT = frozenset(
    {"kvk_number", "contact_name", "email", "phone", "sector", "notes", "woz_value_eur"}
)


class _StakeholderFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kvk_number: KvkNumber | None = None
    contact_name: SingleLine | None = PField(default=None, max_length=200)
    email: BlankableEmail = PField(default=None, max_length=254)
    phone: Phone | None = None
    sector: SingleLine | None = PField(default=None, max_length=100)
    employees: WholeNumber | None = PField(default=None, ge=0, le=1_000_000)
    influence: Score | None = PField(default=None, description="1 (little) to 5 (decisive)")
    involvement: Score | None = PField(default=None, description="1 (distant) to 5 (very engaged)")
    woz_value_eur: MoneyIn | None = None
    notes: MultiLine | None = PField(default=None, max_length=10_000)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_null(cls, data: Any) -> Any:
        """An emptied optional text field (``""`` or spaces) means: no value."""
        if isinstance(data, dict):
            return {
                k: None if k in _OPTIONAL_TEXT and isinstance(v, str) and not v.strip() else v
                for k, v in data.items()
            }
        return data


class StakeholderCreate(_StakeholderFields):
    name: SingleLine = PField(min_length=1, max_length=200, description="Name of the organisation")
    kind: StakeholderKind
    role: StakeholderRole = StakeholderRole.none
    trial_poll_vote: PollVote = PollVote.unknown


class StakeholderUpdate(_StakeholderFields):
    name: SingleLine | None = PField(default=None, min_length=1, max_length=200)
    kind: StakeholderKind | None = None
    role: StakeholderRole | None = None
    trial_poll_vote: PollVote | None = None


class StakeholderPublic(BaseModel):
    id: uuid.UUID
    park_id: uuid.UUID
    name: str
    kind: StakeholderKind
    kvk_number: str | None
    contact_name: str | None = PField(description="Personal data: null unless you may see it")
    email: str | None = PField(description="Personal data: null unless you may see it")
    phone: str | None = PField(description="Personal data (E.164): null unless you may see it")
    sector: str | None
    employees: int | None
    role: StakeholderRole
    influence: int | None
    involvement: int | None
    woz_value_eur: MoneyOut | None
    trial_poll_vote: PollVote
    notes: str | None
    personal_data_hidden: bool = PField(
        description="True when the contact person's data is withheld from you (not when empty)"
    )
    personal_data_erased_at: datetime | None = PField(
        description="When the contact person's data was erased on request (AVG/GDPR)"
    )
    created_at: datetime
    updated_at: datetime
    version: int


class ContactMomentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    date: IsoDate
    channel: ContactChannel
    summary: MultiLine | None = PField(default=None, max_length=10_000)
    follow_up_date: IsoDate | None = PField(default=None, description="When to get back to them")
    follow_up_done: Flag = False
    close_open_follow_ups: Flag = PField(
        default=False,
        description="Mark the stakeholder's open follow-ups done (this conversation was the "
        "follow-up); each is audited as an update of its contact moment",
    )


class ContactMomentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    date: IsoDate | None = None
    channel: ContactChannel | None = None
    summary: MultiLine | None = PField(default=None, max_length=10_000)
    follow_up_date: IsoDate | None = None
    follow_up_done: Flag | None = None


class ContactMomentPublic(BaseModel):
    id: uuid.UUID
    stakeholder_id: uuid.UUID
    date: dt.date
    channel: ContactChannel
    summary: str | None = PField(description="Personal data: null unless you may see it")
    follow_up_date: dt.date | None
    follow_up_done: bool
    personal_data_hidden: bool
    created_at: datetime
    updated_at: datetime
    version: int


class FollowUp(BaseModel):
    """An open follow-up: whom to get back to, and when."""

    contact_id: uuid.UUID
    version: int = PField(description="The contact moment's version, for If-Match")
    follow_up_date: dt.date
    date: dt.date
    channel: ContactChannel
    summary: str | None
    stakeholder_id: uuid.UUID
    stakeholder_name: str
    contact_name: str | None
    phone: str | None
    email: str | None
    park_id: uuid.UUID
    park_name: str
    province: str
    personal_data_hidden: bool


class PersonalDataContact(BaseModel):
    id: uuid.UUID
    date: dt.date
    channel: ContactChannel
    summary: str | None
    follow_up_date: dt.date | None


class PersonalData(BaseModel):
    """Everything held about the contact person of a stakeholder (AVG/GDPR right of access)."""

    stakeholder_id: uuid.UUID
    park_id: uuid.UUID
    organisation: str
    contact_name: str | None
    email: str | None
    phone: str | None
    contact_moments: list[PersonalDataContact]
    personal_data_erased_at: datetime | None
    audit_note: str = PField(
        description="How the audit trail treats these fields: it records that they changed and "
        "by whom, never their values"
    )


class ImportRowError(BaseModel):
    row: int = PField(description="The row as Excel numbers it; the header is row 1")
    column: str
    value: str
    message: str


class ImportMatchReason(StrEnum):
    name = "name"
    email = "email"


class ImportCandidate(BaseModel):
    """An existing stakeholder of the park that a row probably means."""

    id: uuid.UUID
    name: str
    kvk_number: str | None
    reasons: list[ImportMatchReason] = PField(
        description="Why: the same name (case, accents, punctuation and legal forms such as "
        "B.V. ignored) and/or the same e-mail address (only for importers who may see "
        "personal data)"
    )


class ImportDuplicate(BaseModel):
    """A row that matched no stakeholder by KvK number but looks like one already there."""

    row: int = PField(description="The row as Excel numbers it; the header is row 1")
    name: str = PField(description="The row's name as written")
    candidates: list[ImportCandidate]
    decision: str | None = PField(
        default=None,
        description="The decision given for the row (`update:<id>`, `create`, `skip`), if any",
    )


class ImportReport(BaseModel):
    dry_run: bool
    rows: int = PField(description="Data rows read (empty rows are skipped)")
    created: int
    updated: int
    unchanged: int
    skipped: int = PField(default=0, description="Rows left out by a `skip` decision")
    duplicates: list[ImportDuplicate] = PField(
        default_factory=list,
        description="Likely duplicates (at most 500 listed): rows that need a decision, or got one",
    )
    warnings: list[str] = PField(description="E.g. columns that are not known and were ignored")
