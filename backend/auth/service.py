"""Authentication and user management rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col
from starlette.types import Scope

from backend.auth import ratelimit
from backend.auth.models import (
    ApiClient,
    ApiClientCreate,
    ApiClientPublic,
    ApiClientUpdate,
    ApiClientWithSecret,
    LoginThrottle,
    RateCounter,
    Role,
    User,
    UserCreate,
    UserPublic,
    UserUpdate,
)
from backend.auth.policy import Principal
from backend.changes import service as changes_mod
from backend.core.actor import SYSTEM, Actor
from backend.core.config import get_settings
from backend.core.errors import (
    Conflict,
    NotFound,
    TokenRevoked,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)
from backend.core.pagination import keyset, page_of
from backend.core.security import (
    InvalidTokenError,
    create_access_token,
    decode_access_token,
    dummy_hash,
    hash_password,
    new_secret,
    verify_password,
)
from backend.core.types import utcnow

BAD_CREDENTIALS = "The e-mail address or the password is not correct."
_USER_FIELDS = ("email", "full_name", "role", "provinces", "is_active")
REVOKING = frozenset({"password", "role", "provinces", "is_active"})  # end the user's tokens


def _user_values(user: User) -> dict[str, Any]:
    # The password's hash stands in as "password": the trail shows that it changed, redacted.
    return {**{k: getattr(user, k) for k in _USER_FIELDS}, "password": user.password_hash}


USER = changes_mod.Tracked(
    "user", (*_USER_FIELDS, "password"), personal=frozenset({"password"}), read=_user_values
)


# --- login -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lock:
    key: str
    limit: int


def _throttle_keys(email: str, address: str) -> list[_Lock]:
    s = get_settings()
    return [
        _Lock(f"account-address:{email}|{address}", s.login_max_failures_per_account_address),
        _Lock(f"account:{email}", s.login_max_failures_per_account),
    ]


def _reserve_attempt(session: Session, key: str) -> tuple[int, datetime]:
    """Count one attempt for ``key`` atomically (an upsert) and return the attempts in the
    current window and when that window started. A window older than the configured length
    starts again at this attempt."""
    window = get_settings().login_window_seconds
    now = utcnow()
    cutoff = now - timedelta(seconds=window)
    table = LoginThrottle.__table__  # type: ignore[attr-defined]
    dialect = session.get_bind().dialect.name
    dialect_insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stale = table.c.window_started_at < cutoff
    stmt = (
        dialect_insert(table)
        .values(key=key, window_started_at=now, attempts=1)
        .on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "attempts": case((stale, 1), else_=table.c.attempts + 1),
                "window_started_at": case((stale, now), else_=table.c.window_started_at),
            },
        )
        .returning(table.c.attempts, table.c.window_started_at)
    )
    attempts, started = session.execute(stmt).one()
    return int(attempts), started


def _give_back(session: Session, key: str) -> None:
    table = LoginThrottle.__table__  # type: ignore[attr-defined]
    session.execute(
        update(table)
        .where(table.c.key == key, table.c.attempts > 0)
        .values(attempts=table.c.attempts - 1)
    )


def _count_attempt(session: Session, locks: list[_Lock]) -> int:
    """Count this attempt against every lock; the seconds to wait when one is over its
    limit, else 0."""
    window = get_settings().login_window_seconds
    retry_after = 0
    prune_login_throttles(session)
    for lock in locks:
        attempts, started = _reserve_attempt(session, lock.key)
        if attempts > lock.limit:
            ends = started + timedelta(seconds=window)
            retry_after = max(retry_after, int((ends - utcnow()).total_seconds()) + 1)
    return retry_after


def _too_many(what: str, retry_after: int) -> TooManyRequests:
    return TooManyRequests(
        f"Too many failed {what}. Wait {max(1, round(retry_after / 60))} minute(s) and try again.",
        headers={"Retry-After": str(retry_after)},
    )


def _succeeded(session: Session, locks: list[_Lock]) -> None:
    """A right answer clears the lock of this address and gives the attempt back."""
    session.execute(delete(LoginThrottle).where(col(LoginThrottle.key) == locks[0].key))
    _give_back(session, locks[1].key)


def authenticate(session: Session, email: str, password: str, address: str) -> tuple[str, int]:
    """Log in. The attempt is counted before the password is checked (in a short transaction
    of its own), so parallel guesses are counted too; a correct password gives it back and
    clears the lock of this account at this address. The request holds one connection at a
    time and none while the password hash is verified."""
    email = email.strip().lower()
    locks = _throttle_keys(email, address)
    retry_after = _count_attempt(session, locks)
    row = session.execute(
        select(
            col(User.id), col(User.password_hash), col(User.is_active), col(User.token_version)
        ).where(col(User.email) == email)
    ).first()
    session.commit()  # the attempt counts, whatever happens next
    if retry_after:
        raise _too_many("logins for this account", retry_after)
    # Verify against a dummy hash for unknown accounts so both answers take as long.
    ok = verify_password(password, row.password_hash if row else dummy_hash())
    if not (row and ok and row.is_active):
        raise Unauthorized(BAD_CREDENTIALS)
    _succeeded(session, locks)
    return create_access_token(str(row.id), "user", row.token_version)


BAD_CLIENT = "The client_id or the client_secret is not correct."


def authenticate_client(
    session: Session, client_id: str, secret: str, address: str
) -> tuple[str, int]:
    """The client-credentials grant, throttled like a login (per client and address, and per
    client), the attempt counted before the secret is checked."""
    s = get_settings()
    locks = [
        _Lock(f"client-address:{client_id}|{address}", s.login_max_failures_per_account_address),
        _Lock(f"client:{client_id}", s.login_max_failures_per_account),
    ]
    retry_after = _count_attempt(session, locks)
    row = session.execute(
        select(
            col(ApiClient.id),
            col(ApiClient.secret_hash),
            col(ApiClient.is_active),
            col(ApiClient.token_version),
        ).where(col(ApiClient.client_id) == client_id)
    ).first()
    session.commit()
    if retry_after:
        raise _too_many("attempts for this client", retry_after)
    ok = verify_password(secret, row.secret_hash if row else dummy_hash())
    if not (row and ok and row.is_active):
        raise Unauthorized(BAD_CLIENT)
    _succeeded(session, locks)
    session.execute(update(_CLIENTS).where(_CLIENTS.c.id == row.id).values(last_token_at=utcnow()))
    return create_access_token(str(row.id), "client", row.token_version)


def prune_login_throttles(session: Session) -> int:
    """Remove windows that have ended (they no longer lock anything)."""
    cutoff = utcnow() - timedelta(seconds=get_settings().login_window_seconds)
    result = session.execute(
        delete(LoginThrottle).where(col(LoginThrottle.window_started_at) < cutoff)
    )
    return int(getattr(result, "rowcount", 0) or 0)


_INVALID_TOKEN = "The access token is invalid or expired; log in again."
_USERS = User.__table__  # type: ignore[attr-defined]
# Core, not ORM: the principal is looked up on every request, and this skips the ORM's
# per-statement bookkeeping (a third of the lookup's cost).
# The principal's request counter comes with it (an outer join): see auth/ratelimit.py.
_PRINCIPAL_QUERY = (
    select(
        _USERS.c.email,
        _USERS.c.role,
        _USERS.c.provinces,
        _USERS.c.is_active,
        _USERS.c.token_version,
        ratelimit.COUNTERS.c.window_start,
        ratelimit.COUNTERS.c.count,
    )
    .select_from(
        _USERS.outerjoin(ratelimit.COUNTERS, ratelimit.COUNTERS.c.subject_id == _USERS.c.id)
    )
    .where(_USERS.c.id == bindparam("user_id"))
)


_CLIENTS = ApiClient.__table__  # type: ignore[attr-defined]
_CLIENT_QUERY = (
    select(
        _CLIENTS.c.name,
        _CLIENTS.c.client_id,
        _CLIENTS.c.scopes,
        _CLIENTS.c.provinces,
        _CLIENTS.c.is_active,
        _CLIENTS.c.token_version,
        _CLIENTS.c.rate_limit,
        ratelimit.COUNTERS.c.window_start,
        ratelimit.COUNTERS.c.count,
    )
    .select_from(
        _CLIENTS.outerjoin(ratelimit.COUNTERS, ratelimit.COUNTERS.c.subject_id == _CLIENTS.c.id)
    )
    .where(_CLIENTS.c.id == bindparam("client_id"))
)


def _admit(session: Session, scope: Scope | None, subject: uuid.UUID, kind: str, row: Any) -> None:
    """Count the request against the principal's rate limit (auth/ratelimit.py); a read counts on
    its own autocommitting connection, a write on a separate one."""
    if scope is None:
        return
    own = row.rate_limit if kind == "client" else None
    conn = session.connection() if session.info.get("read_only") else None
    ratelimit.admit(
        scope, subject, kind, ratelimit.limit_for(kind, own), row.window_start, row.count, conn
    )


def _client_principal(
    session: Session, subject: uuid.UUID, claims: dict[str, Any], scope: Scope | None
) -> Principal:
    row = session.connection().execute(_CLIENT_QUERY, {"client_id": subject}).first()
    if row is None or not row.is_active:
        raise Unauthorized("This API client no longer exists or is disabled.")
    if row.token_version != claims.get("tv", 0):
        raise TokenRevoked(
            "This token was issued before the client's secret, scopes or provinces changed; "
            "get a new token."
        )
    _admit(session, scope, subject, "client", row)
    return Principal(
        id=subject,
        kind="client",
        label=f"client {row.client_id} ({row.name})",
        scopes=frozenset(row.scopes or ()),
        provinces=frozenset(row.provinces or ()),
    )


def principal_from_token(session: Session, token: str, scope: Scope | None = None) -> Principal:
    """The principal a bearer token stands for, checked against the database (active, token
    version). With the request's ``scope``, the request is also counted against its rate limit
    (429 when over it)."""
    try:
        claims = decode_access_token(token)
        subject = uuid.UUID(str(claims["sub"]))
    except (InvalidTokenError, ValueError, KeyError) as exc:
        raise Unauthorized(_INVALID_TOKEN) from exc
    if claims.get("kind") == "client":
        return _client_principal(session, subject, claims, scope)
    if claims.get("kind") != "user":
        raise Unauthorized(_INVALID_TOKEN)
    row = session.connection().execute(_PRINCIPAL_QUERY, {"user_id": subject}).first()
    if row is None or not row.is_active:
        raise Unauthorized("This account no longer exists or is deactivated.")
    if row.token_version != claims.get("tv", 0):
        raise TokenRevoked(
            "This token was issued before the account's password, role or provinces changed; "
            "log in again."
        )
    _admit(session, scope, subject, "user", row)
    return Principal(
        id=subject,
        kind="user",
        label=row.email,
        role=row.role,
        provinces=frozenset(row.provinces or ()),
    )


# --- users ------------------------------------------------------------------------------------


def _check_role_provinces(role: Role | str, provinces: list[str]) -> None:
    if role != Role.expert and provinces:
        raise Unprocessable(
            "Only experts are assigned provinces.",
            errors=[{"loc": ["body", "provinces"], "msg": "only for role expert"}],
        )


def get_user(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("There is no user with this id.")
    return user


def list_users(session: Session, cursor: str | None, limit: int) -> tuple[list[User], str | None]:
    stmt = keyset(select(User), [col(User.email), col(User.id)], "users", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "users", lambda u: [u.email, u.id])


def create_user(session: Session, actor: Actor, data: UserCreate) -> User:
    _check_role_provinces(data.role, list(data.provinces))
    email = str(data.email).strip().lower()
    if session.scalar(select(col(User.id)).where(col(User.email) == email)) is not None:
        raise Conflict(f"A user with e-mail address {email} already exists.")
    user = User(
        email=email,
        full_name=data.full_name.strip(),
        password_hash=hash_password(data.password),
        role=data.role.value,
        provinces=[p.value for p in data.provinces],
    )
    session.add(user)
    changes_mod.created(session, actor, USER, user, park_id=None)
    return user


def update_user(session: Session, actor: Actor, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    for key in ("full_name", "role", "is_active"):
        if key in changes and changes[key] is None:
            raise Unprocessable(
                f"{key} cannot be empty.", errors=[{"loc": ["body", key], "msg": "may not be null"}]
            )
    before = USER.values(user)
    role = changes.get("role", user.role)
    provinces = changes.get("provinces")
    if provinces is None:
        provinces = [] if role != Role.expert and "role" in changes else list(user.provinces)
    _check_role_provinces(role, [str(p) for p in provinces])
    if actor.id == user.id and (changes.get("is_active") is False or role != user.role):
        raise Conflict("You cannot deactivate yourself or change your own role.")
    password_changed = bool(changes.get("password"))
    if password_changed:
        user.password_hash = hash_password(changes["password"])
    if "full_name" in changes:
        user.full_name = changes["full_name"].strip()
    user.role = str(role)
    user.provinces = [str(p) for p in provinces]
    if "is_active" in changes:
        user.is_active = changes["is_active"]
    if changes_mod.diff(before, USER.values(user)).keys() & REVOKING:
        user.token_version += 1  # every token issued before stops working
    changes_mod.updated(session, actor, USER, user, before, park_id=None)
    return user


def ensure_user(
    session: Session, email: str, password: str, role: Role, provinces: list[str], full_name: str
) -> tuple[User, bool]:
    """Create the user unless the e-mail address exists (for the CLI and the demo)."""
    existing = session.scalar(select(User).where(col(User.email) == email.lower()))
    if existing is not None:
        return existing, False
    data = UserCreate(
        email=email,
        full_name=full_name,
        password=password,
        role=role,
        provinces=provinces,
    )
    return create_user(session, SYSTEM, data), True


def to_public(user: User) -> UserPublic:
    return UserPublic.model_validate(user)


# --- API clients ------------------------------------------------------------------------------

_CLIENT_FIELDS = ("client_id", "name", "scopes", "provinces", "is_active", "rate_limit")
CLIENT_REVOKING = frozenset({"scopes", "provinces", "is_active"})


def _client_values(c: ApiClient) -> dict[str, Any]:
    return {**{k: getattr(c, k) for k in _CLIENT_FIELDS}, "secret": c.secret_hash}


API_CLIENT = changes_mod.Tracked(
    "api_client", (*_CLIENT_FIELDS, "secret"), personal=frozenset({"secret"}), read=_client_values
)


def client_to_public(c: ApiClient) -> ApiClientPublic:
    return ApiClientPublic.model_validate(c)


def get_client(session: Session, client_pk: uuid.UUID) -> ApiClient:
    found = session.get(ApiClient, client_pk)
    if found is None:
        raise NotFound("There is no API client with this id.")
    return found


def list_clients(
    session: Session, cursor: str | None, limit: int
) -> tuple[list[ApiClient], str | None]:
    stmt = keyset(
        select(ApiClient), [col(ApiClient.created_at), col(ApiClient.id)], "created", cursor, limit
    )
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda c: [c.created_at, c.id])


def _with_secret(c: ApiClient, secret: str) -> ApiClientWithSecret:
    return ApiClientWithSecret(**client_to_public(c).model_dump(), client_secret=secret)


def create_client(session: Session, actor: Actor, data: ApiClientCreate) -> ApiClientWithSecret:
    secret = new_secret(32)
    client = ApiClient(
        client_id="prc_" + new_secret(12),
        name=data.name,
        secret_hash=hash_password(secret),
        scopes=[s.value for s in data.scopes],
        provinces=[p.value for p in data.provinces],
        rate_limit=data.rate_limit,
        created_by=actor.label,
    )
    session.add(client)
    changes_mod.created(session, actor, API_CLIENT, client, park_id=None)
    return _with_secret(client, secret)


def update_client(
    session: Session, actor: Actor, client: ApiClient, data: ApiClientUpdate
) -> ApiClient:
    given = data.model_dump(exclude_unset=True)
    for key in ("name", "scopes", "is_active", "provinces"):
        if key in given and given[key] is None:
            raise Unprocessable(
                f"{key} cannot be empty", errors=[{"loc": ["body", key], "msg": "may not be null"}]
            )
    before = API_CLIENT.values(client)
    for key, value in given.items():
        if key in ("scopes", "provinces"):
            value = [getattr(v, "value", v) for v in value]
        setattr(client, key, value)
    after = API_CLIENT.values(client)
    if any(before[k] != after[k] for k in CLIENT_REVOKING):
        client.token_version += 1
    changes_mod.updated(session, actor, API_CLIENT, client, before, park_id=None)
    return client


def rotate_client_secret(session: Session, actor: Actor, client: ApiClient) -> ApiClientWithSecret:
    """A new secret (shown once); the old one and every token made with it stop working."""
    before = API_CLIENT.values(client)
    secret = new_secret(32)
    client.secret_hash = hash_password(secret)
    client.token_version += 1
    changes_mod.updated(session, actor, API_CLIENT, client, before, park_id=None)
    return _with_secret(client, secret)


def delete_client(session: Session, actor: Actor, client: ApiClient) -> None:
    changes_mod.deleted(session, actor, API_CLIENT, client, park_id=None)
    session.execute(delete(RateCounter).where(col(RateCounter.subject_id) == client.id))
    session.delete(client)
    session.flush()
