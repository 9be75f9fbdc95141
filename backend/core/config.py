"""Settings from environment variables prefixed ``PARKREGIE_`` (and a ``.env`` file)."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEV_SECRET = "development-only-secret-change-me"  # refused outside development


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARKREGIE_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'parkregie.db'}"
    host: str = "127.0.0.1"
    port: int = 8000

    secret_key: str = DEV_SECRET
    jwt_issuer: str = "parkregie"
    jwt_audience: str = "parkregie-api"
    access_token_expire_minutes: int = Field(default=60, ge=1, le=24 * 60)

    # Argon2 cost; tests lower the memory cost to stay fast.
    password_hash_memory_kib: int = Field(default=65536, ge=8)
    password_hash_time_cost: int = Field(default=3, ge=1)

    # Failed-login lockout (stored in the database, so it holds across processes). An account
    # is locked for one client address after ``login_max_failures_per_account_address`` failed
    # attempts, and for every address after ``login_max_failures_per_account``; a lock ends
    # ``login_window_seconds`` after the first failure that counted (``Retry-After`` says when).
    login_window_seconds: int = Field(default=15 * 60, ge=1)
    login_max_failures_per_account_address: int = Field(default=5, ge=1)
    login_max_failures_per_account: int = Field(default=20, ge=1)

    # Requests per user and per API client (a client's own ``rate_limit`` comes first) in fixed
    # windows of ``rate_limit_window_seconds``, counted in the database so the limits hold across
    # processes; 0 turns a limit off. Authorised 304 answers are not counted (auth/ratelimit.py).
    rate_limit_window_seconds: int = Field(default=60, ge=1, le=3600)
    rate_limit_user: int = Field(default=1200, ge=0)
    rate_limit_client: int = Field(default=600, ge=0)
    # Where respondents open survey links (``<public_url>/s/<token>``); unset: the address the
    # request came to.
    public_url: str | None = None
    # Survey links (no account): per address and per link, in the same window.
    rate_limit_survey_address: int = Field(default=120, ge=0)
    rate_limit_survey_token: int = Field(default=60, ge=0)

    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 10 * 1024 * 1024

    frontend_dist: Path = PROJECT_ROOT / "frontend" / "dist"
    cors_origins: list[str] = []
    # Behind reverse proxies: take the client address from ``X-Forwarded-For``, counting
    # ``forwarded_proxies`` addresses from the right (the ones our own proxies appended); the
    # left part of the header is written by the client and never trusted.
    trust_forwarded_for: bool = False
    forwarded_proxies: int = Field(default=1, ge=1, le=10)

    # Webhooks: deliveries to loopback and private addresses are refused unless allowed (for
    # tests and closed networks); the worker runs inside each app process unless turned off
    # (then run `parkregie worker` on its own).
    webhooks_allow_private: bool = False
    webhook_worker: bool = True
    webhook_poll_seconds: float = Field(default=5.0, gt=0, le=3600)
    webhook_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    webhook_max_attempts: int = Field(default=8, ge=1, le=30)

    # Address search when placing a park: PDOK's Locatieserver (free, no key); empty turns it off.
    geocoder_url: str = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
    geocoder_timeout_seconds: float = Field(default=4.0, gt=0, le=30)

    # /metrics: readable with this bearer token; without one, only by direct local requests.
    metrics_token: str | None = Field(default=None, min_length=16)
    # Where a generated secret key is kept when none is given (docker compose: a volume).
    secret_key_file: Path | None = None

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
        if not self.secret_key.strip():
            self.secret_key = DEV_SECRET  # an empty variable means: not given
        if self.secret_key == DEV_SECRET and self.secret_key_file is not None:
            self.secret_key = _secret_from_file(self.secret_key_file)
        if self.env == "production" and (
            self.secret_key == DEV_SECRET or len(self.secret_key) < 32
        ):
            raise ValueError(
                "PARKREGIE_SECRET_KEY must be set to a random value of at least 32 characters "
                "in production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _secret_from_file(path: Path) -> str:
    """The secret kept in ``path``; made (random, readable by this user only) the first time."""
    if path.exists():
        secret = path.read_text(encoding="utf-8").strip()
        if len(secret) >= 32:
            return secret
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(secret + "\n")
    return secret


@lru_cache
def get_settings() -> Settings:
    return Settings()
