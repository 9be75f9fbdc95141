"""Users, login attempts and the schemas of the auth API."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, EmailStr, computed_field, field_validator
from pydantic import Field as PField
from sqlalchemy import JSON, BigInteger
from sqlmodel import Field, SQLModel

from backend.core.config import get_settings
from backend.core.inputs import Flag, SingleLine
from backend.core.regions import Province
from backend.core.types import UTCDateTime, new_id, utcnow, version_column


class Role(StrEnum):
    admin = "admin"
    expert = "expert"
    viewer = "viewer"


_user_version = version_column()


class User(SQLModel, table=True):
    __tablename__ = "users"
    __mapper_args__ = {"version_id_col": _user_version}

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    full_name: str = Field(max_length=200)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=20)
    provinces: list[str] = Field(default_factory=list, sa_type=JSON)
    is_active: bool = True
    # Bumped whenever what a token stands for changes (password, role, provinces, active):
    # tokens carry the value they were issued with and stop working when it differs.
    token_version: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_user_version)


class Scope(StrEnum):
    parks_read = "parks:read"
    parks_write = "parks:write"
    status_read = "status:read"
    webhooks_manage = "webhooks:manage"


_client_version = version_column()


class ApiClient(SQLModel, table=True):
    """A third-party tool's credentials: a public ``client_id`` and a secret kept only as a
    hash (shown once, when made or rotated), the scopes it was given and optionally the
    provinces it is limited to."""

    __tablename__ = "api_clients"
    __mapper_args__ = {"version_id_col": _client_version}

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    client_id: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=200)
    secret_hash: str = Field(max_length=255)
    scopes: list[str] = Field(default_factory=list, sa_type=JSON)
    provinces: list[str] = Field(default_factory=list, sa_type=JSON)
    is_active: bool = True
    token_version: int = Field(default=0)  # bumped on rotation, scope/province change, disable
    created_by: str = Field(max_length=254)
    # Requests per rate-limit window; None: the default for clients (PARKREGIE_RATE_LIMIT_CLIENT).
    rate_limit: int | None = Field(default=None)
    last_token_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_client_version)


class RateCounter(SQLModel, table=True):
    """Requests counted per user or API client in the current fixed window (one row per
    subject, upserted). In PostgreSQL the table is UNLOGGED: counting a request writes no WAL
    and waits for no disk flush; after a crash the counts start again at zero."""

    __tablename__ = "rate_counters"

    subject_id: uuid.UUID = Field(primary_key=True)
    window_start: int = Field(
        default=0, sa_type=BigInteger
    )  # epoch seconds, a multiple of the window length
    count: int = Field(default=0)


class LoginThrottle(SQLModel, table=True):
    """Login attempts per key (``account:<email>`` or ``account-address:<email>|<address>``)
    in a fixed window that starts with the first attempt. An attempt is counted before the
    password is checked and given back when it succeeds, so parallel guesses count too."""

    __tablename__ = "login_throttles"

    key: str = Field(max_length=600, primary_key=True)
    window_started_at: datetime = Field(sa_type=UTCDateTime, index=True)
    attempts: int = Field(default=0)


# --- schemas -------------------------------------------------------------------------------


def _unique_provinces(value: list[Province]) -> list[Province]:
    return sorted(set(value))


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    full_name: SingleLine = PField(min_length=1, max_length=200)
    password: str = PField(min_length=10, max_length=256, description="At least 10 characters.")
    role: Role
    provinces: list[Province] = PField(
        default_factory=list, description="Provinces an expert may write in."
    )

    _provinces = field_validator("provinces")(_unique_provinces)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: SingleLine | None = PField(default=None, min_length=1, max_length=200)
    password: str | None = PField(default=None, min_length=10, max_length=256)
    role: Role | None = None
    provinces: list[Province] | None = None
    is_active: Flag | None = None

    @field_validator("provinces")
    @classmethod
    def _provinces_unique(cls, value: list[Province] | None) -> list[Province] | None:
        return None if value is None else sorted(set(value))


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    provinces: list[Province]
    is_active: bool
    created_at: datetime
    updated_at: datetime
    version: int


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = PField(description="Seconds until the token expires.")


def _unique_scopes(value: list[Scope]) -> list[Scope]:
    return sorted(set(value))


class ApiClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: SingleLine = PField(min_length=1, max_length=200)
    scopes: list[Scope] = PField(min_length=1, description="What the client may do")
    provinces: list[Province] = PField(
        default_factory=list, description="Limit the client to these provinces (none: all)"
    )
    rate_limit: int | None = PField(
        default=None,
        ge=1,
        le=1_000_000,
        description="Requests per rate-limit window (`RateLimit-Policy` names the window); "
        "null: the default for API clients",
    )

    _scopes = field_validator("scopes")(_unique_scopes)
    _provinces = field_validator("provinces")(_unique_provinces)


class ApiClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: SingleLine | None = PField(default=None, min_length=1, max_length=200)
    scopes: list[Scope] | None = PField(default=None, min_length=1)
    provinces: list[Province] | None = None
    is_active: Flag | None = PField(default=None, description="false: its tokens stop working")
    rate_limit: int | None = PField(
        default=None,
        ge=1,
        le=1_000_000,
        description="Requests per rate-limit window (`RateLimit-Policy` names the window); "
        "null: the default for API clients",
    )

    @field_validator("scopes")
    @classmethod
    def _scopes_unique(cls, value: list[Scope] | None) -> list[Scope] | None:
        return None if value is None else sorted(set(value))

    @field_validator("provinces")
    @classmethod
    def _provinces_unique(cls, value: list[Province] | None) -> list[Province] | None:
        return None if value is None else sorted(set(value))


class ApiClientPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    client_id: str = PField(description="Send it with the secret to POST /api/v1/auth/token")
    name: str
    scopes: list[Scope]
    provinces: list[Province]
    is_active: bool
    rate_limit: int | None = PField(description="Requests per window; null: the default")
    created_by: str
    last_token_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int

    @computed_field(  # type: ignore[prop-decorator]
        description="The requests per window this client gets: its own rate_limit or the "
        "installation's default (0: not limited)"
    )
    @property
    def effective_rate_limit(self) -> int:
        return self.rate_limit if self.rate_limit is not None else get_settings().rate_limit_client

    @computed_field(description="Length of a rate-limit window in seconds")  # type: ignore[prop-decorator]
    @property
    def rate_limit_window_seconds(self) -> int:
        return get_settings().rate_limit_window_seconds


class ApiClientWithSecret(ApiClientPublic):
    client_secret: str = PField(description="Shown only now; Parkregie keeps only its hash")
