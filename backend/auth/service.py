"""Authentication and user management rules."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlmodel import Session, col

from backend.audit import service as audit
from backend.audit.models import SYSTEM, Actor, AuditAction
from backend.auth.models import LoginFailure, Role, User, UserCreate, UserPublic, UserUpdate
from backend.auth.policy import Principal
from backend.core.config import get_settings
from backend.core.errors import Conflict, NotFound, TooManyRequests, Unauthorized, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.core.security import (
    InvalidTokenError,
    create_access_token,
    decode_access_token,
    dummy_hash,
    hash_password,
    verify_password,
)
from backend.core.types import utcnow

BAD_CREDENTIALS = "The e-mail address or the password is not correct."
_USER_FIELDS = ("email", "full_name", "role", "provinces", "is_active")


def _user_values(user: User) -> dict[str, object]:
    return {k: getattr(user, k) for k in _USER_FIELDS}


# --- login -----------------------------------------------------------------------------------


def _failures_since(session: Session, key: str, window: int) -> int:
    since = utcnow() - timedelta(seconds=window)
    stmt = select(func.count()).where(
        col(LoginFailure.key) == key, col(LoginFailure.failed_at) >= since
    )
    return int(session.scalar(stmt) or 0)


def _record_failure(session: Session, keys: list[str]) -> None:
    """Written in a transaction of its own: the request's transaction is rolled back. Failures
    older than the window no longer count, so they are removed on the way."""
    with Session(session.get_bind()) as own:
        prune_login_failures(own)
        for key in keys:
            own.add(LoginFailure(key=key))
        own.commit()


def authenticate(session: Session, email: str, password: str, address: str) -> tuple[str, int]:
    s = get_settings()
    email = email.strip().lower()
    account_key, address_key = f"account:{email}", f"address:{address}"
    window = s.login_window_seconds
    if (
        _failures_since(session, account_key, window) >= s.login_max_failures_per_account
        or _failures_since(session, address_key, window) >= s.login_max_failures_per_address
    ):
        raise TooManyRequests(
            "Too many failed logins. Wait a few minutes and try again.",
            headers={"Retry-After": str(window)},
        )
    user = session.scalar(select(User).where(col(User.email) == email))
    # Verify against a dummy hash for unknown accounts so both answers take as long.
    ok = verify_password(password, user.password_hash if user else dummy_hash())
    if not (user and ok and user.is_active):
        _record_failure(session, [account_key, address_key])
        raise Unauthorized(BAD_CREDENTIALS)
    session.execute(delete(LoginFailure).where(col(LoginFailure.key) == account_key))
    return create_access_token(str(user.id), "user")


def prune_login_failures(session: Session) -> int:
    cutoff = utcnow() - timedelta(seconds=get_settings().login_window_seconds)
    result = session.execute(delete(LoginFailure).where(col(LoginFailure.failed_at) < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def principal_from_token(session: Session, token: str) -> Principal:
    try:
        claims = decode_access_token(token)
        subject = uuid.UUID(str(claims["sub"]))
    except (InvalidTokenError, ValueError, KeyError) as exc:
        raise Unauthorized("The access token is invalid or expired; log in again.") from exc
    if claims.get("kind") != "user":
        raise Unauthorized("The access token is invalid or expired; log in again.")
    user = session.get(User, subject)
    if user is None or not user.is_active:
        raise Unauthorized("This account no longer exists or is deactivated.")
    return Principal(
        id=user.id,
        kind="user",
        label=user.email,
        role=user.role,
        provinces=frozenset(user.provinces or ()),
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
    session.flush()
    audit.record(
        session, actor, AuditAction.create, "user", user.id, audit.snapshot(_user_values(user))
    )
    return user


def update_user(session: Session, actor: Actor, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    for key in ("full_name", "role", "is_active"):
        if key in changes and changes[key] is None:
            raise Unprocessable(
                f"{key} cannot be empty.", errors=[{"loc": ["body", key], "msg": "may not be null"}]
            )
    before = _user_values(user)
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
    diff = audit.diff(before, _user_values(user))
    if password_changed:
        diff["password"] = {"old": audit.REDACTED, "new": audit.REDACTED}
    if diff:
        user.updated_at = utcnow()
        audit.record(session, actor, AuditAction.update, "user", user.id, diff)
    session.add(user)
    session.flush()
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
