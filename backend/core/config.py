"""Settings from environment variables prefixed ``PARKREGIE_`` (and a ``.env`` file)."""

from __future__ import annotations

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

    # Failed-login throttling (stored in the database, so it holds across processes).
    login_window_seconds: int = 15 * 60
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20

    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 10 * 1024 * 1024

    frontend_dist: Path = PROJECT_ROOT / "frontend" / "dist"
    cors_origins: list[str] = []
    trust_forwarded_for: bool = False

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
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


@lru_cache
def get_settings() -> Settings:
    return Settings()
