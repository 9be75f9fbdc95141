"""Rate limits per user and per API client: RateLimit-* headers on every authenticated answer,
429 with Retry-After over the limit, 304s not counted, counted in the database (so two app
processes share one budget), a new window starts again, a refused write writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.auth import ratelimit
from backend.core.config import get_settings
from tests.conftest import problem
from tests.integrations.test_api_clients import _make, _token


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the limits for one test (the suite's defaults are high)."""

    def set_limits(user: int = 1200, client: int = 600, window: int = 60) -> None:
        monkeypatch.setenv("PARKREGIE_RATE_LIMIT_USER", str(user))
        monkeypatch.setenv("PARKREGIE_RATE_LIMIT_CLIENT", str(client))
        monkeypatch.setenv("PARKREGIE_RATE_LIMIT_WINDOW_SECONDS", str(window))
        get_settings.cache_clear()

    yield set_limits
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The limiter's clock, 10 s into a window of 60 s; tests move it by changing now[0]."""
    now = [1_800_000_010.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    yield now


def test_a_user_over_the_limit_is_refused_until_the_window_ends(
    client: TestClient, make_user, limits, frozen_clock
):
    limits(user=3)
    anna, bert = make_user("expert", ["UT"]), make_user("viewer")
    seen = []
    for _ in range(3):
        r = client.get("/api/v1/users/me", headers=anna["headers"])
        assert r.status_code == 200
        seen.append(r.headers["RateLimit-Remaining"])
        assert r.headers["RateLimit-Limit"] == "3"
        assert r.headers["RateLimit-Policy"] == "3;w=60"
        assert r.headers["RateLimit-Reset"] == "50"
    assert seen == ["2", "1", "0"]

    refused = client.get("/api/v1/parks", headers=anna["headers"])
    body = problem(refused, 429)
    assert body["detail"] == (
        "This account made more than 3 requests in 60 seconds. Wait 50 second(s) and try again."
    )
    assert refused.headers["Retry-After"] == "50"
    assert refused.headers["RateLimit-Remaining"] == "0"
    # Someone else's budget is their own.
    assert client.get("/api/v1/users/me", headers=bert["headers"]).status_code == 200

    frozen_clock[0] += 50  # the next window
    r = client.get("/api/v1/users/me", headers=anna["headers"])
    assert r.status_code == 200
    assert (r.headers["RateLimit-Remaining"], r.headers["RateLimit-Reset"]) == ("2", "60")


def test_unauthenticated_answers_carry_no_budget(client: TestClient, limits):
    limits(user=3)
    r = client.get("/api/v1/users/me")
    problem(r, 401)
    assert "RateLimit-Limit" not in r.headers


def test_a_304_costs_nothing_and_a_changed_status_counts(
    client: TestClient, admin, limits, frozen_clock
):
    limits(client=4)
    park = client.post(
        "/api/v1/parks",
        json={"name": "Lage Weide", "municipality": "Utrecht"},
        headers=admin["headers"],
    ).json()
    made = _make(client, admin, name="Dashboard", scopes=["status:read"])
    h = _token(client, made["client_id"], made["client_secret"])

    first = client.get(f"/api/v1/parks/{park['id']}/status", headers=h)
    assert first.status_code == 200 and first.headers["RateLimit-Remaining"] == "3"
    etag = first.headers["ETag"]
    for _ in range(10):
        again = client.get(
            f"/api/v1/parks/{park['id']}/status", headers={**h, "If-None-Match": etag}
        )
        assert again.status_code == 304
        assert again.headers["RateLimit-Remaining"] == "3"

    # A conditional read that is answered in full counts.
    client.patch(
        f"/api/v1/parks/{park['id']}",
        json={"description": "Nieuw"},
        headers={**admin["headers"], "If-Match": f'"{park["version"]}"'},
    )
    changed = client.get(f"/api/v1/parks/{park['id']}/status", headers={**h, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["RateLimit-Remaining"] == "2"
    assert client.get(f"/api/v1/parks/{park['id']}/status", headers=h).status_code == 200
    assert client.get(f"/api/v1/parks/{park['id']}/status", headers=h).status_code == 200
    body = problem(client.get(f"/api/v1/parks/{park['id']}/status", headers=h), 429)
    assert body["detail"].startswith("This API client made more than 4 requests in 60 seconds.")
    # Over the limit, a conditional read is refused too.
    problem(
        client.get(f"/api/v1/parks/{park['id']}/status", headers={**h, "If-None-Match": etag}), 429
    )


def test_a_clients_own_limit_is_set_by_an_admin_and_comes_first(
    client: TestClient, admin, limits, frozen_clock
):
    limits(client=100)
    made = _make(client, admin, name="Kleine koppeling", scopes=["parks:read"], rate_limit=2)
    assert made["rate_limit"] == 2 and made["effective_rate_limit"] == 2
    assert made["rate_limit_window_seconds"] == 60
    h = _token(client, made["client_id"], made["client_secret"])
    assert client.get("/api/v1/parks", headers=h).headers["RateLimit-Limit"] == "2"
    client.get("/api/v1/parks", headers=h)
    problem(client.get("/api/v1/parks", headers=h), 429)

    shown = client.get(f"/api/v1/api-clients/{made['id']}", headers=admin["headers"]).json()
    r = client.patch(
        f"/api/v1/api-clients/{made['id']}",
        json={"rate_limit": None},
        headers={**admin["headers"], "If-Match": f'"{shown["version"]}"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["rate_limit"] is None and r.json()["effective_rate_limit"] == 100
    ok = client.get("/api/v1/parks", headers=h)
    assert ok.status_code == 200 and ok.headers["RateLimit-Limit"] == "100"
    problem(
        client.post(
            "/api/v1/api-clients",
            json={"name": "x", "scopes": ["parks:read"], "rate_limit": 0},
            headers=admin["headers"],
        ),
        422,
    )


def test_the_budget_is_shared_by_app_processes_and_a_refused_write_writes_nothing(
    client: TestClient, admin, limits, frozen_clock
):
    from backend.main import create_app

    limits(user=3)
    with TestClient(create_app(), raise_server_exceptions=False) as other:
        assert client.get("/api/v1/users/me", headers=admin["headers"]).status_code == 200
        assert other.get("/api/v1/users/me", headers=admin["headers"]).status_code == 200
        created = client.post(
            "/api/v1/parks",
            json={"name": "Lage Weide", "municipality": "Utrecht"},
            headers=admin["headers"],
        )
        assert created.status_code == 201 and created.headers["RateLimit-Remaining"] == "0"
        problem(
            other.post(
                "/api/v1/parks",
                json={"name": "De Kade", "municipality": "Breda"},
                headers=admin["headers"],
            ),
            429,
        )
    frozen_clock[0] += 60
    names = [
        p["name"] for p in client.get("/api/v1/parks", headers=admin["headers"]).json()["items"]
    ]
    assert names == ["Lage Weide"]


def test_a_limit_of_zero_turns_it_off(client: TestClient, admin, limits):
    limits(user=0)
    for _ in range(5):
        r = client.get("/api/v1/users/me", headers=admin["headers"])
        assert r.status_code == 200 and "RateLimit-Limit" not in r.headers


def test_the_openapi_file_documents_the_limits(client: TestClient):
    spec = client.get("/api/v1/openapi.json").json()
    op = spec["paths"]["/api/v1/parks/{park_id}/status"]["get"]
    assert "429" in op["responses"]
    assert op["responses"]["429"]["headers"]["Retry-After"] == {
        "$ref": "#/components/headers/Retry-After"
    }
    assert "RateLimit-Remaining" in op["responses"]["200"]["headers"]
    assert set(spec["components"]["headers"]) >= {
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "RateLimit-Policy",
        "Retry-After",
    }
    login = spec["paths"]["/api/v1/auth/token"]["post"]
    assert "RateLimit-Limit" not in login["responses"]["200"].get("headers", {})
