"""Logging in, the token, and what a wrong token gets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from jose import jwt

from tests.conftest import UserFactory, problem

SECRET = "test-secret-key-that-is-long-enough-0123456789"


def login(client: TestClient, email: str, password: str, address: str = "203.0.113.1"):
    return client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
        headers={"X-Forwarded-For": address},
    )


def test_login_gives_a_bearer_token_that_shows_who_i_am(client: TestClient, make_user: UserFactory):
    user = make_user("expert", ["UT", "GE"], email="Anna@Example.nl")
    r = login(client, "  ANNA@example.nl ", user["password"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    claims = jwt.get_unverified_claims(body["access_token"])
    assert {"exp", "iat", "sub", "iss", "aud"} <= set(claims)
    assert jwt.get_unverified_header(body["access_token"])["alg"] == "HS256"

    me = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "anna@example.nl"
    assert me.json()["role"] == "expert" and me.json()["provinces"] == ["UT", "GE"]
    assert "password_hash" not in me.json()


def test_wrong_password_and_unknown_account_answer_alike(
    client: TestClient, make_user: UserFactory, monkeypatch
):
    user = make_user("viewer")
    wrong = login(client, user["email"], "not-the-password")
    unknown = login(client, "nobody@example.nl", "not-the-password")
    a, b = problem(wrong, 401), problem(unknown, 401)
    assert a["detail"] == b["detail"] and a["title"] == b["title"]

    # Both take as long because both verify an Argon2 hash (an unknown account against a
    # dummy one): checked by counting, not by a stopwatch on a busy machine.
    import backend.auth.service as auth_service

    verified: list[str] = []
    real = auth_service.verify_password

    def counting(password: str, password_hash: str) -> bool:
        verified.append(password_hash[:9])
        return real(password, password_hash)

    monkeypatch.setattr(auth_service, "verify_password", counting)
    login(client, user["email"], "x" * 12, address="198.51.100.7")
    login(client, "ghost@example.nl", "x" * 12, address="198.51.100.7")
    assert verified == ["$argon2id", "$argon2id"]


def test_deactivated_account_cannot_log_in(client: TestClient, make_user: UserFactory):
    user = make_user("viewer", is_active=False)
    problem(login(client, user["email"], user["password"]), 401)
    problem(client.get("/api/v1/users/me", headers=user["headers"]), 401)


def test_failed_logins_are_throttled_per_account_across_app_processes(
    client: TestClient, make_user: UserFactory
):
    from backend.main import create_app

    user = make_user("viewer")
    second_process = TestClient(create_app())
    for i in range(5):
        c = client if i % 2 else second_process
        problem(login(c, user["email"], "wrong-password", address=f"192.0.2.{i}"), 401)
    # Now even the right password is refused for a while, by either process.
    throttled = problem(login(second_process, user["email"], user["password"]), 429)
    assert "Too many failed logins" in throttled["detail"]
    assert "Retry-After" in login(client, user["email"], user["password"]).headers


def test_spraying_from_one_address_does_not_lock_out_other_accounts(
    client: TestClient, make_user: UserFactory, monkeypatch
):
    from backend.core.config import get_settings

    monkeypatch.setattr(get_settings(), "trust_forwarded_for", True)
    for i in range(30):
        problem(login(client, f"spray{i}@example.nl", "wrong-password", address="192.0.2.99"), 401)
    # A colleague behind the same address still logs in with the right password.
    user = make_user("viewer")
    assert login(client, user["email"], user["password"], address="192.0.2.99").status_code == 200
    # The sprayed accounts are locked for that address only, with the time left to wait.
    locked = login(client, "spray0@example.nl", "x" * 12, address="192.0.2.99")
    for _ in range(5):
        locked = login(client, "spray0@example.nl", "x" * 12, address="192.0.2.99")
    problem(locked, 429)
    assert 0 < int(locked.headers["Retry-After"]) <= get_settings().login_window_seconds
    problem(login(client, "spray0@example.nl", "x" * 12, address="192.0.2.100"), 401)


def test_login_form_errors_are_clear(client: TestClient):
    problem(client.post("/api/v1/auth/token", data={"grant_type": "password"}), 400)
    body = problem(
        client.post(
            "/api/v1/auth/token",
            data={"grant_type": "implicit", "username": "a@b.nl", "password": "x"},
        ),
        400,
    )
    assert "grant_type" in body["detail"]
    problem(client.post("/api/v1/auth/token", json={"username": "a", "password": "b"}), 400)


def _token(**overrides):
    now = datetime.now(UTC)
    claims = {
        "sub": overrides.pop("sub", "00000000-0000-0000-0000-000000000000"),
        "kind": "user",
        "iss": "parkregie",
        "aud": "parkregie-api",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    key = overrides.pop("key", SECRET)
    alg = overrides.pop("alg", "HS256")
    for name in overrides.pop("drop", ()):
        claims.pop(name)
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm=alg)


def _unsigned(claims_token: str) -> str:
    import base64
    import json

    payload = claims_token.split(".")[1]
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return f"{header.decode().rstrip('=')}.{payload}."


def test_bad_tokens_get_401(client: TestClient, make_user: UserFactory):
    user = make_user("admin")
    sub = str(user["id"])
    past = int((datetime.now(UTC) - timedelta(hours=2)).timestamp())
    bad = {
        "alg none": _unsigned(_token(sub=sub)),
        "other key": _token(sub=sub, key="another-secret-another-secret-123456"),
        "expired": _token(sub=sub, exp=past, iat=past - 60),
        "other audience": _token(sub=sub, aud="someone-else"),
        "other issuer": _token(sub=sub, iss="someone-else"),
        "no exp": _token(sub=sub, drop=["exp"]),
        "no aud": _token(sub=sub, drop=["aud"]),
        "no sub": _token(drop=["sub"]),
        "HS512": _token(sub=sub, alg="HS512"),
        "not a uuid": _token(sub="admin"),
        "unknown user": _token(),
        "garbage": "not-a-jwt",
    }
    for name, token in bad.items():
        r = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
        body = problem(r, 401)
        assert r.headers.get("www-authenticate") == "Bearer", name
        assert "token" in body["detail"] or "account" in body["detail"], name
    # The good one works, so the failures above are about the token.
    ok = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {_token(sub=sub)}"})
    assert ok.status_code == 200


def test_no_token_and_basic_auth_get_401(client: TestClient):
    problem(client.get("/api/v1/parks"), 401)
    problem(client.get("/api/v1/parks", headers={"Authorization": "Basic YTpi"}), 401)
