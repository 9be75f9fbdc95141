"""Password hashing (Argon2id) and access tokens (JWT, HS256 only).

python-jose lives in this module only. The accepted algorithm list is fixed here, never taken
from the token; ``exp``, ``iat``, ``sub``, ``iss`` and ``aud`` are required."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from jose import JWTError, jwt

from backend.core.config import get_settings

ALGORITHM = "HS256"
ALGORITHMS = [ALGORITHM]


@lru_cache
def _hasher() -> PasswordHasher:
    s = get_settings()
    return PasswordHasher(
        memory_cost=s.password_hash_memory_kib, time_cost=s.password_hash_time_cost
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache
def dummy_hash() -> str:
    """A hash to verify against when the account does not exist, so both answers take as long."""
    return hash_password(secrets.token_urlsafe(16))


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


CLOCK_SKEW_SECONDS = 30  # how far ahead of us another server's clock may run


def create_access_token(
    subject: str, kind: str, token_version: int = 0, extra: dict[str, Any] | None = None
) -> tuple[str, int]:
    """A token for ``subject``. ``tv`` is the subject's token version: the token stops working
    when that changes (password, role, provinces, active state)."""
    s = get_settings()
    now = datetime.now(UTC)
    expires_in = s.access_token_expire_minutes * 60
    claims: dict[str, Any] = {
        "sub": subject,
        "kind": kind,
        "iss": s.jwt_issuer,
        "aud": s.jwt_audience,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=expires_in)).timestamp()),
        "tv": token_version,
        **(extra or {}),
    }
    return jwt.encode(claims, s.secret_key, algorithm=ALGORITHM), expires_in


class InvalidTokenError(Exception):
    pass


def decode_access_token(token: str) -> dict[str, Any]:
    s = get_settings()
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise InvalidTokenError("unsupported algorithm")
        claims: dict[str, Any] = jwt.decode(
            token,
            s.secret_key,
            algorithms=ALGORITHMS,
            audience=s.jwt_audience,
            issuer=s.jwt_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_iss": True,
                "require_aud": True,
            },
        )
    except JWTError as exc:
        raise InvalidTokenError(str(exc)) from exc
    iat, exp = claims.get("iat"), claims.get("exp")
    if not isinstance(iat, int) or not isinstance(exp, int) or isinstance(iat, bool):
        raise InvalidTokenError("iat and exp must be whole seconds")
    if iat > int(datetime.now(UTC).timestamp()) + CLOCK_SKEW_SECONDS:
        raise InvalidTokenError("issued in the future")
    if exp - iat > s.access_token_expire_minutes * 60:
        raise InvalidTokenError("lives longer than this server's token lifetime")
    tv = claims.get("tv", 0)
    if not isinstance(tv, int) or isinstance(tv, bool):
        raise InvalidTokenError("bad token version")
    return claims
