"""Test set-up: one database per run, built by running the migrations (so they are tested all
the time), emptied after every test. ``PARKREGIE_TEST_DATABASE_URL`` selects PostgreSQL;
without it the run uses a SQLite file in a temporary folder."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

_tmp = Path(tempfile.mkdtemp(prefix="parkregie-test-"))
# Under pytest-xdist every worker has a database of its own: a SQLite file in its own temporary
# folder, or a schema of its own in the PostgreSQL database.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
SCHEMA = f"test_{_worker}" if _worker else "public"
DATABASE_URL = os.environ.get("PARKREGIE_TEST_DATABASE_URL") or f"sqlite:///{_tmp / 'test.db'}"
if DATABASE_URL.startswith("postgres") and _worker:
    DATABASE_URL += ("&" if "?" in DATABASE_URL else "?") + f"options=-csearch_path%3D{SCHEMA}"
os.environ.update(
    {
        "PARKREGIE_ENV": "test",
        "PARKREGIE_DATABASE_URL": DATABASE_URL,
        "PARKREGIE_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "PARKREGIE_PASSWORD_HASH_MEMORY_KIB": "1024",
        "PARKREGIE_PASSWORD_HASH_TIME_COST": "1",
        "PARKREGIE_FRONTEND_DIST": str(_tmp / "no-frontend"),
        # Tests deliver webhooks themselves (to a receiver on loopback).
        "PARKREGIE_WEBHOOK_WORKER": "false",
        "PARKREGIE_WEBHOOKS_ALLOW_PRIVATE": "true",
        # Limits high enough for any one test; tests/auth/test_rate_limits.py sets its own.
        "PARKREGIE_RATE_LIMIT_USER": "100000",
        "PARKREGIE_RATE_LIMIT_CLIENT": "100000",
    }
)

from backend.cli import alembic_config  # noqa: E402
from backend.core.config import get_settings  # noqa: E402
from backend.core.db import get_engine, metadata, normalise_url  # noqa: E402
from backend.core.security import create_access_token  # noqa: E402

IS_POSTGRES = DATABASE_URL.startswith("postgres")


def reset_database(url: str) -> None:
    """Drop everything: the run starts from an empty database."""
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    engine = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def database() -> Iterator[str]:
    from alembic import command

    get_settings.cache_clear()
    reset_database(DATABASE_URL)
    command.upgrade(alembic_config(), "head")
    yield DATABASE_URL
    get_engine().dispose()


PDOK_DOCS = [
    {
        "type": "adres",
        "weergavenaam": "Nijverheidsweg 1, 3641RP Mijdrecht",
        "centroide_ll": "POINT(4.86512 52.20418)",
        "gemeentenaam": "De Ronde Venen",
        "provincieafkorting": "UT",
    },
    {"type": "woonplaats", "weergavenaam": "Mijdrecht, De Ronde Venen, Utrecht",
     "centroide_ll": "POINT(4.8632 52.2067)", "gemeentenaam": "De Ronde Venen",
     "provincieafkorting": "UT"},
]  # fmt: skip


@pytest.fixture(autouse=True)
def fake_pdok(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Tests never reach the real geocoder: a fake PDOK Locatieserver answers, and records what
    it was asked (the returned list)."""
    import httpx

    from backend.parks import geocode

    asked: list[dict[str, Any]] = []

    def fetch(url: str, *, params: dict[str, Any], timeout: float) -> httpx.Response:
        asked.append(params)
        request = httpx.Request("GET", url, params=params)
        return httpx.Response(200, json={"response": {"docs": PDOK_DOCS}}, request=request)

    monkeypatch.setattr(geocode, "fetch", fetch)
    return asked


@pytest.fixture(autouse=True)
def _empty_tables(database: str) -> Iterator[None]:
    yield
    engine = get_engine()
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.info.get("reference_data"):
                continue
            conn.execute(table.delete())


@pytest.fixture
def client() -> Iterator[TestClient]:
    from backend.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def auth_headers(user_id: uuid.UUID) -> dict[str, str]:
    token, _ = create_access_token(str(user_id), "user")
    return {"Authorization": f"Bearer {token}"}


UserFactory = Callable[..., dict[str, Any]]


@pytest.fixture
def make_user() -> UserFactory:
    """Create a user straight in the database; returns its id, email, password and headers."""
    from sqlmodel import Session

    from backend.auth.models import User
    from backend.core.security import hash_password

    counter = iter(range(1, 10_000))

    def make(
        role: str = "admin", provinces: list[str] | None = None, **extra: Any
    ) -> dict[str, Any]:
        n = next(counter)
        email = extra.pop("email", f"{role}{n}@example.nl").lower()
        password = extra.pop("password", f"password-{role}-{n}")
        with Session(get_engine()) as s:
            user = User(
                email=email,
                full_name=extra.pop("full_name", f"{role.title()} {n}"),
                password_hash=hash_password(password),
                role=role,
                provinces=provinces or [],
                **extra,
            )
            s.add(user)
            s.commit()
            uid = user.id
        return {"id": uid, "email": email, "password": password, "headers": auth_headers(uid)}

    return make


@pytest.fixture
def admin(make_user: UserFactory) -> dict[str, Any]:
    return make_user("admin")


@pytest.fixture
def expert_ut(make_user: UserFactory) -> dict[str, Any]:
    return make_user("expert", ["UT"])


@pytest.fixture
def viewer(make_user: UserFactory) -> dict[str, Any]:
    return make_user("viewer")


def problem(response: Any, status: int) -> dict[str, Any]:
    """Assert a problem+json answer with this status and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert "Traceback" not in response.text
    return body


PARK = {"name": "Lage Weide", "municipality": "Utrecht"}
