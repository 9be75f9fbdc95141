"""The findings of the outside review, one scenario each: what an attacker or a careless client
sends, and what they get back. Each failed on the code before the fix."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from jose import jwt

from tests.conftest import DATABASE_URL, IS_POSTGRES, PARK, UserFactory, problem
from tests.stakeholders.helpers import make_park, make_stakeholder

SECRET = "test-secret-key-that-is-long-enough-0123456789"


def _form(email: str, password: str) -> dict[str, str]:
    return {"grant_type": "password", "username": email, "password": password}


async def _parallel(app: Any, requests: list[dict[str, Any]]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app, client=("198.51.100.20", 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        return list(await asyncio.gather(*(c.request(**r) for r in requests)))


# --- 2, 5: login throttling ------------------------------------------------------------------


def test_parallel_wrong_passwords_are_counted_before_they_are_verified(make_user: UserFactory):
    from backend.main import create_app

    user = make_user("viewer")
    wrong = {"method": "POST", "url": "/api/v1/auth/token", "data": _form(user["email"], "x" * 12)}
    answers = asyncio.run(_parallel(create_app(), [wrong] * 12))
    statuses = sorted(a.status_code for a in answers)
    # The limit is 5 per account and address: only 5 guesses were checked at all.
    assert statuses == [401] * 5 + [429] * 7, statuses
    assert all(int(a.headers["Retry-After"]) > 0 for a in answers if a.status_code == 429)


def test_thirty_parallel_logins_neither_fail_nor_exhaust_the_pool(make_user: UserFactory):
    from backend.main import create_app

    users = [make_user("viewer") for _ in range(3)]
    app = create_app()
    requests = [
        {
            "method": "POST",
            "url": "/api/v1/auth/token",
            "data": _form(u["email"], u["password"] if i % 2 else "wrong-password"),
        }
        for i in range(30)
        for u in [users[i % 3]]
    ]
    answers = asyncio.run(_parallel(app, requests))
    assert {a.status_code for a in answers} <= {200, 401, 429}
    assert sum(a.status_code == 200 for a in answers) >= 3
    assert TestClient(app).get("/readyz").status_code == 200


def test_a_correct_password_gives_its_attempt_back(client: TestClient, make_user: UserFactory):
    user = make_user("viewer")
    for _ in range(10):
        r = client.post("/api/v1/auth/token", data=_form(user["email"], user["password"]))
        assert r.status_code == 200, r.text


# --- 3: tokens stop working when what they stand for changes ---------------------------------


def _login(client: TestClient, user: dict[str, Any], password: str | None = None) -> dict:
    r = client.post("/api/v1/auth/token", data=_form(user["email"], password or user["password"]))
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.mark.parametrize(
    "change",
    [
        {"password": "a-brand-new-password"},
        {"role": "viewer", "provinces": []},
        {"provinces": ["GE"]},
        {"is_active": False},
    ],
)
def test_a_change_of_password_role_provinces_or_activity_revokes_tokens(
    client: TestClient, admin, make_user: UserFactory, change: dict[str, Any]
):
    user = make_user("expert", ["UT"])
    token = _login(client, user)
    assert client.get("/api/v1/users/me", headers=token).status_code == 200
    r = client.patch(f"/api/v1/users/{user['id']}", json=change, headers=admin["headers"])
    assert r.status_code == 200, r.text
    body = problem(client.get("/api/v1/users/me", headers=token), 401)
    if change.get("is_active") is False:
        assert "deactivated" in body["detail"]
    else:  # the web app tells the user why their session ended
        assert body["type"].endswith("/token-revoked") and "log in again" in body["detail"]
    if change.get("is_active") is False:
        # Reactivating the account does not bring the old token back.
        r = client.patch(
            f"/api/v1/users/{user['id']}", json={"is_active": True}, headers=admin["headers"]
        )
        assert r.status_code == 200
        problem(client.get("/api/v1/users/me", headers=token), 401)
    else:
        fresh = _login(client, user, change.get("password"))
        assert client.get("/api/v1/users/me", headers=fresh).status_code == 200


def test_a_change_of_name_keeps_tokens(client: TestClient, admin, make_user: UserFactory):
    user = make_user("viewer")
    token = _login(client, user)
    r = client.patch(
        f"/api/v1/users/{user['id']}", json={"full_name": "Nieuw"}, headers=admin["headers"]
    )
    assert r.status_code == 200
    assert client.get("/api/v1/users/me", headers=token).status_code == 200


def _signed(sub: str, iat: datetime, exp: datetime) -> str:
    claims = {
        "sub": sub,
        "kind": "user",
        "iss": "parkregie",
        "aud": "parkregie-api",
        "iat": int(iat.timestamp()),
        "exp": int(exp.timestamp()),
        "tv": 0,
    }
    return jwt.encode(claims, SECRET, algorithm="HS256")


def test_tokens_longer_than_the_lifetime_or_from_the_future_are_refused(client: TestClient, admin):
    now = datetime.now(UTC)
    sub = str(admin["id"])
    for token in (
        _signed(sub, now, now + timedelta(days=30)),  # a lifetime this server never gives
        _signed(sub, now + timedelta(hours=1), now + timedelta(hours=1, minutes=30)),  # future
    ):
        problem(client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}), 401)
    ok = _signed(sub, now, now + timedelta(minutes=30))
    assert (
        client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {ok}"}).status_code == 200
    )


# --- 4: X-Forwarded-For ----------------------------------------------------------------------


def test_a_forged_forwarded_for_does_not_evade_the_lockout(
    client: TestClient, make_user: UserFactory, monkeypatch
):
    from backend.core.config import get_settings

    monkeypatch.setattr(get_settings(), "trust_forwarded_for", True)
    user = make_user("viewer")
    for i in range(5):
        # The client writes whatever it likes on the left; our proxy appends the real address.
        headers = {"X-Forwarded-For": f"10.0.0.{i}, 203.0.113.50"}
        problem(
            client.post("/api/v1/auth/token", data=_form(user["email"], "x" * 12), headers=headers),
            401,
        )
    headers = {"X-Forwarded-For": "10.9.9.9, 203.0.113.50"}
    r = client.post(
        "/api/v1/auth/token", data=_form(user["email"], user["password"]), headers=headers
    )
    problem(r, 429)
    # Another real address (another office) is not locked.
    headers = {"X-Forwarded-For": "203.0.113.51"}
    r = client.post(
        "/api/v1/auth/token", data=_form(user["email"], user["password"]), headers=headers
    )
    assert r.status_code == 200


def test_forwarded_proxies_counts_from_the_right(monkeypatch):
    from starlette.requests import Request

    from backend.auth.deps import client_address
    from backend.core.config import get_settings

    def request(header: str) -> Request:
        scope = {
            "type": "http",
            "headers": [(b"x-forwarded-for", header.encode())],
            "client": ("10.0.0.1", 1),
        }
        return Request(scope)

    settings = get_settings()
    monkeypatch.setattr(settings, "trust_forwarded_for", True)
    assert client_address(request("6.6.6.6, 1.2.3.4")) == "1.2.3.4"
    monkeypatch.setattr(settings, "forwarded_proxies", 2)
    assert client_address(request("6.6.6.6, 1.2.3.4, 10.1.1.1")) == "1.2.3.4"
    assert client_address(request("1.2.3.4")) == "10.0.0.1"  # fewer hops than proxies
    monkeypatch.setattr(settings, "trust_forwarded_for", False)
    assert client_address(request("6.6.6.6")) == "10.0.0.1"


# --- 6: money beyond the range ---------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1e400", 4.05e265, "9" * 5000, "1e-400", "NaN", "-Infinity"])
def test_money_beyond_the_range_is_a_422_that_names_the_field(client: TestClient, admin, amount):
    park = make_park(client, admin["headers"])
    body = {"name": "Groot Vastgoed BV", "kind": "property_owner", "woz_value_eur": amount}
    r = client.post(f"/api/v1/parks/{park['id']}/stakeholders", json=body, headers=admin["headers"])
    errors = problem(r, 422)["errors"]
    assert any(e["loc"][-1] == "woz_value_eur" for e in errors), errors
    st = make_stakeholder(client, admin["headers"], park["id"], kvk_number=None)
    r = client.post(
        f"/api/v1/stakeholders/{st['id']}/interests",
        json={"theme_code": "energy_hub", "urgency": 3, "budget_eur": amount},
        headers=admin["headers"],
    )
    assert any(e["loc"][-1] == "budget_eur" for e in problem(r, 422)["errors"])


# --- 7: forged cursors -----------------------------------------------------------------------


def _cursor(payload: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def test_forged_cursors_are_400_on_every_list(client: TestClient, admin):
    park = make_park(client, admin["headers"])
    st = make_stakeholder(client, admin["headers"], park["id"])
    lists = {
        "/api/v1/parks": ["name", "updated"],
        f"/api/v1/parks/{park['id']}/stakeholders": ["st-name", "st-updated"],
        f"/api/v1/stakeholders/{st['id']}/contacts": ["contacts"],
        f"/api/v1/stakeholders/{st['id']}/interests": ["created", "updated"],
        f"/api/v1/parks/{park['id']}/interests": ["created"],
        "/api/v1/contacts": ["follow-ups"],
        "/api/v1/users": ["users"],
        "/api/v1/audit": ["audit"],
    }
    forged_values = [
        [1, 2],
        ["x", "y"],
        [{"t": "2026-01-01T00:00:00"}, {"u": "00000000-0000-0000-0000-000000000000"}],  # naive
        [{"u": "not-a-uuid"}, {"t": "x"}],
        [{"d": 5}, None],
        [True, False],
        ["a\x00b", {"u": "00000000-0000-0000-0000-000000000000"}],
        [[1], {"z": 1}],
    ]
    for url, sorts in lists.items():
        for sort in sorts:
            extra = "&updated_since=2020-01-01T00:00:00Z" if "updated" in sort else ""
            for values in forged_values:
                cursor = _cursor({"s": sort, "v": values})
                r = client.get(f"{url}?cursor={cursor}{extra}", headers=admin["headers"])
                assert "cursor" in problem(r, 400)["detail"], (url, values)
            for junk in ("e30", _cursor([1, 2]), _cursor("x"), "!!!", _cursor({"s": sort})):
                r = client.get(f"{url}?cursor={junk}{extra}", headers=admin["headers"])
                problem(r, 400)


# --- 8: NUL and control characters -----------------------------------------------------------


def test_nul_and_control_characters_are_refused_at_the_edge(client: TestClient, admin):
    park = make_park(client, admin["headers"])
    h = admin["headers"]
    for url in (
        "/api/v1/parks?q=a%00b",
        "/api/v1/parks?municipality=Utr%00echt",
        "/api/v1/parks?ibis_id=%00",
        f"/api/v1/parks/{park['id']}/interests?theme_code=ene%00rgy",
        "/api/v1/audit?entity_type=park%01",
        f"/api/v1/parks/{park['id']}/stakeholders?q=%1b[31m",
    ):
        body = problem(client.get(url, headers=h), 422)
        assert body["errors"][0]["loc"][0] == "query" and "U+00" in body["errors"][0]["msg"], url
    r = client.post(
        "/api/v1/parks", json={"name": "Park\u0000", "municipality": "Utrecht"}, headers=h
    )
    assert problem(r, 422)["errors"][0]["loc"] == ["body", "name"]
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders",
        json={"name": "A", "kind": "other", "notes": "ok\ttab\nline\r\nbut bell \u0007"},
        headers=h,
    )
    assert problem(r, 422)["errors"][0]["loc"] == ["body", "notes"]
    # Multi-line texts keep tabs and line breaks; names are one line.
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders",
        json={"name": "A", "kind": "other", "notes": "regel 1\nregel 2\tmet tab"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders",
        json={"name": "Twee\nregels", "kind": "other"},
        headers=h,
    )
    assert problem(r, 422)["errors"][0]["loc"] == ["body", "name"]
    r = client.post("/api/v1/auth/token", data=_form("admin\x00@example.nl", "whatever-it-is"))
    assert problem(r, 422)["errors"][0]["loc"] == ["body", "username"]


# --- 12, 13: bodies and dates ----------------------------------------------------------------


def test_a_chunked_body_over_the_limit_is_413(client: TestClient, admin):
    def chunks():
        for _ in range(40):
            yield b'{"description": "' + b"x" * 50_000 + b'"}'

    r = client.post(
        "/api/v1/parks",
        content=chunks(),
        headers={**admin["headers"], "Content-Type": "application/json"},
    )
    body = problem(r, 413)
    assert "limit" in body["detail"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_dates_in_queries_and_bodies_are_rfc3339_only(client: TestClient, admin):
    h = admin["headers"]
    for url in (
        "/api/v1/parks?updated_since=0.5",
        "/api/v1/parks?updated_since=1700000000",
        "/api/v1/contacts?follow_up_before=0",
        "/api/v1/contacts?follow_up_before=2026-13-01",
    ):
        problem(client.get(url, headers=h), 422)
    assert (
        client.get("/api/v1/parks?updated_since=2026-01-01T00:00:00Z", headers=h).status_code == 200
    )
    assert (
        client.get("/api/v1/parks?updated_since=2026-01-01T00:00:00", headers=h).status_code == 200
    )
    assert client.get("/api/v1/contacts?follow_up_before=2026-12-31", headers=h).status_code == 200
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    r = client.post(
        f"/api/v1/stakeholders/{st['id']}/contacts", json={"date": 0, "channel": "visit"}, headers=h
    )
    assert problem(r, 422)["errors"][0]["loc"][-1] == "date"


def test_a_body_that_is_not_utf8_is_422(client: TestClient, admin):
    r = client.post(
        "/api/v1/parks",
        content='{"name": "Café", "municipality": "Utrecht"}'.encode("latin-1"),
        headers={**admin["headers"], "Content-Type": "application/json"},
    )
    assert "UTF-8" in problem(r, 422)["errors"][0]["msg"]


# --- 14: the database away -------------------------------------------------------------------


def test_an_unreachable_database_is_503_with_retry_after(client: TestClient, admin, monkeypatch):
    from sqlalchemy import create_engine

    import backend.core.db as db
    import backend.core.health as health

    dead = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=1")
    monkeypatch.setattr(db, "get_engine", lambda: dead)
    monkeypatch.setattr(health, "get_engine", lambda: dead)
    r = client.get("/api/v1/parks", headers=admin["headers"])
    body = problem(r, 503)
    assert int(r.headers["Retry-After"]) > 0 and "database" in body["detail"]
    assert r.headers["content-security-policy"]
    r = client.get("/readyz")
    assert r.status_code == 503 and r.headers["Retry-After"]


@pytest.mark.skipif(not IS_POSTGRES, reason="kills PostgreSQL backends")
def test_killed_connections_are_retried_once_on_a_fresh_one(client: TestClient, admin):
    from sqlalchemy import text

    from backend.core.db import get_engine

    park = client.post("/api/v1/parks", json=PARK, headers=admin["headers"])
    assert park.status_code == 201
    # Take every pooled connection of this app, note its server process, and kill those
    # processes from outside: the pool is full of dead connections now (and only this test's:
    # other test workers share the database).
    engine = get_engine()
    held = [engine.connect() for _ in range(3)]
    pids = [c.execute(text("SELECT pg_backend_pid()")).scalar_one() for c in held]
    for c in held:
        c.close()
    import psycopg

    with psycopg.connect(DATABASE_URL.split("?")[0], autocommit=True) as killer:
        for pid in pids:
            killer.execute("SELECT pg_terminate_backend(%s)", (pid,))
        # Termination is asynchronous: wait until the processes are gone.
        for _ in range(100):
            alive = killer.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", (pids,)
            ).fetchone()
            if alive and alive[0] == 0:
                break
            time.sleep(0.05)
    r = client.get(f"/api/v1/parks/{park.json()['id']}", headers=admin["headers"])
    assert r.status_code == 200, r.text
    r = client.patch(
        f"/api/v1/parks/{park.json()['id']}",
        json={"description": "na de storing"},
        headers=admin["headers"],
    )
    assert r.status_code == 200, r.text
    engine.dispose()  # no dead connection left behind for the next test's clean-up


# --- 15: ETags and caching follow what the caller may see -----------------------------------


def test_etag_and_cache_headers_follow_what_the_caller_may_see(
    client: TestClient, expert_ut, viewer
):
    park = make_park(client, expert_ut["headers"])
    st = make_stakeholder(client, expert_ut["headers"], park["id"])
    url = f"/api/v1/stakeholders/{st['id']}"
    expert = client.get(url, headers=expert_ut["headers"])
    seen = client.get(url, headers=viewer["headers"])
    assert expert.json()["email"] and seen.json()["email"] is None
    assert expert.headers["ETag"] != seen.headers["ETag"]
    # The viewer who presents the expert's ETag gets the viewer's copy, not a 304.
    r = client.get(url, headers={**viewer["headers"], "If-None-Match": expert.headers["ETag"]})
    assert r.status_code == 200 and r.json()["email"] is None
    r = client.get(url, headers={**viewer["headers"], "If-None-Match": seen.headers["ETag"]})
    assert r.status_code == 304
    # Personal data is never stored by a cache; other authenticated answers are private.
    assert expert.headers["Cache-Control"] == "private, no-store"
    assert seen.headers["Cache-Control"] == "private, no-cache"
    parks = client.get("/api/v1/parks", headers=viewer["headers"])
    assert parks.headers["Cache-Control"] == "private, no-cache"
    for answer in (expert, seen, parks):
        assert "Authorization" in answer.headers["Vary"]
    lst = client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=expert_ut["headers"])
    assert lst.headers["Cache-Control"] == "private, no-store"
    # If-Match takes the ETag of either view.
    r = client.patch(
        url, json={"notes": "x"}, headers={**viewer["headers"], "If-Match": seen.headers["ETag"]}
    )
    assert r.status_code == 403
    r = client.patch(
        url, json={"notes": "x"}, headers={**expert_ut["headers"], "If-Match": seen.headers["ETag"]}
    )
    assert r.status_code == 200


# --- 16: headers on every answer, 405, metrics -----------------------------------------------


def test_security_headers_are_on_every_answer_errors_included(
    client: TestClient, admin, monkeypatch
):
    import backend.parks.service as parks

    def boom(*_: Any, **__: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(parks, "list_parks", boom)
    answers = {
        "500": client.get("/api/v1/parks", headers=admin["headers"]),
        "404": client.get("/api/v1/nothing"),
        "401": client.get("/api/v1/parks"),
        "413": client.post("/api/v1/parks", content=b"x" * 2_000_000, headers=admin["headers"]),
        "app": client.get("/parken"),
        "docs": client.get("/docs"),
    }
    body = problem(answers["500"], 500)
    assert "a bug" not in answers["500"].text and body["type"].endswith("/internal")
    for name, r in answers.items():
        assert r.headers["x-content-type-options"] == "nosniff", name
        assert r.headers["referrer-policy"] == "same-origin", name
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], name
        assert "server" not in r.headers, name
        assert "strict-transport-security" not in r.headers, name  # plain HTTP
    assert "script-src 'self';" in answers["app"].headers["content-security-policy"]
    assert "cdn.jsdelivr.net" in answers["docs"].headers["content-security-policy"]
    assert answers["404"].headers["content-security-policy"].startswith("default-src 'none'")
    https = TestClient(client.app, base_url="https://testserver").get("/healthz")
    assert https.headers["strict-transport-security"].startswith("max-age=")


def test_405_lists_the_methods_the_path_allows(client: TestClient, admin):
    park = make_park(client, admin["headers"])
    r = client.put(f"/api/v1/parks/{park['id']}", headers=admin["headers"])
    problem(r, 405)
    assert r.headers["Allow"] == "DELETE, GET, HEAD, PATCH"
    r = client.delete("/api/v1/parks", headers=admin["headers"])
    assert r.headers["Allow"] == "GET, HEAD, POST"


def test_metrics_need_the_token_or_a_local_direct_request(client: TestClient, monkeypatch):
    from backend.core.config import get_settings
    from backend.main import create_app

    problem(client.get("/metrics"), 404)  # not from this machine
    local = TestClient(create_app(), client=("127.0.0.1", 40000))
    assert local.get("/metrics").status_code == 200
    problem(local.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"}), 404)
    monkeypatch.setattr(get_settings(), "metrics_token", "a-metrics-token-of-some-length")
    problem(local.get("/metrics"), 404)
    good = client.get(
        "/metrics", headers={"Authorization": "Bearer a-metrics-token-of-some-length"}
    )
    assert good.status_code == 200 and "parkregie_http_requests_total" in good.text


def test_serve_sends_no_server_banner(monkeypatch):
    import uvicorn

    from backend.cli import main

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: seen.update(kw))
    assert main(["serve", "--port", "8123"]) == 0
    assert seen["server_header"] is False


# --- 17: a generated secret instead of the placeholder ---------------------------------------


def test_a_secret_key_file_is_made_once_and_kept(tmp_path):
    import stat
    from pathlib import Path

    from backend.core.config import DEV_SECRET, Settings

    path = tmp_path / "volume" / "secret_key"
    first = Settings(secret_key=DEV_SECRET, secret_key_file=path)
    assert first.secret_key != DEV_SECRET and len(first.secret_key) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Settings(secret_key=DEV_SECRET, secret_key_file=path)
    assert again.secret_key == first.secret_key
    given = Settings(secret_key="g" * 40, secret_key_file=path)
    assert given.secret_key == "g" * 40  # an explicit secret wins
    compose = (Path(__file__).parents[2] / "docker-compose.yml").read_text()
    assert "development-only-secret" not in compose and "PARKREGIE_SECRET_KEY_FILE" in compose
