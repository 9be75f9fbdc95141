"""Admins manage users; every change is in the audit trail."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import UserFactory, problem


def test_admin_creates_an_expert_who_can_log_in(client: TestClient, admin, make_user: UserFactory):
    r = client.post(
        "/api/v1/users",
        json={
            "email": "Bert@Regio.nl",
            "full_name": "Bert de Vries",
            "password": "a-long-password",
            "role": "expert",
            "provinces": ["ZH", "UT", "ZH"],
        },
        headers=admin["headers"],
    )
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["email"] == "bert@regio.nl" and user["provinces"] == ["UT", "ZH"]
    assert r.headers["ETag"] == '"1"'
    assert "password" not in user and "password_hash" not in user

    token = client.post(
        "/api/v1/auth/token", data={"username": "bert@regio.nl", "password": "a-long-password"}
    )
    assert token.status_code == 200

    dup = client.post(
        "/api/v1/users",
        json={
            "email": "bert@regio.nl",
            "full_name": "Another",
            "password": "a-long-password",
            "role": "viewer",
        },
        headers=admin["headers"],
    )
    assert "already exists" in problem(dup, 409)["detail"]

    listing = client.get("/api/v1/users?limit=1", headers=admin["headers"]).json()
    assert len(listing["items"]) == 1 and listing["next_cursor"]
    rest = client.get(
        f"/api/v1/users?limit=200&cursor={listing['next_cursor']}", headers=admin["headers"]
    ).json()
    assert len(listing["items"]) + len(rest["items"]) == 2


def test_user_input_is_validated(client: TestClient, admin):
    base = {"email": "c@regio.nl", "full_name": "C", "password": "a-long-password"}
    cases = [
        {**base, "role": "superuser"},
        {**base, "role": "expert", "provinces": ["XX"]},
        {**base, "role": "viewer", "provinces": ["UT"]},
        {**base, "role": "viewer", "email": "not-an-email"},
        {**base, "role": "viewer", "password": "short"},
        {**base, "role": "viewer", "is_admin": True},
    ]
    for body in cases:
        p = problem(client.post("/api/v1/users", json=body, headers=admin["headers"]), 422)
        assert p["errors"] and all({"loc", "msg"} <= set(e) for e in p["errors"]), body
    assert len(client.get("/api/v1/users", headers=admin["headers"]).json()["items"]) == 1


def test_admin_changes_role_password_and_deactivates_with_if_match(
    client: TestClient, admin, make_user: UserFactory
):
    target = make_user("viewer")
    url = f"/api/v1/users/{target['id']}"
    got = client.get(url, headers=admin["headers"])
    etag = got.headers["ETag"]
    assert client.get(url, headers={**admin["headers"], "If-None-Match": etag}).status_code == 304

    r = client.patch(
        url,
        json={"role": "expert", "provinces": ["NB"], "password": "another-long-password"},
        headers={**admin["headers"], "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "expert" and r.json()["version"] == 2
    stale = client.patch(
        url, json={"full_name": "X"}, headers={**admin["headers"], "If-Match": etag}
    )
    problem(stale, 412)
    login = client.post(
        "/api/v1/auth/token",
        data={"username": target["email"], "password": "another-long-password"},
    )
    assert login.status_code == 200

    r = client.patch(url, json={"is_active": False}, headers=admin["headers"])
    assert r.json()["is_active"] is False
    problem(client.get("/api/v1/users/me", headers=target["headers"]), 401)

    audit = client.get(
        f"/api/v1/audit?entity_type=user&entity_id={target['id']}", headers=admin["headers"]
    ).json()["items"]
    changes = [e["changes"] for e in audit]
    assert changes[0]["role"] == {"old": "viewer", "new": "expert"}
    assert changes[0]["password"] == {"old": "(redacted)", "new": "(redacted)"}
    assert changes[1]["is_active"] == {"old": True, "new": False}
    assert all(e["actor_id"] == str(admin["id"]) for e in audit)


def test_admin_cannot_lock_themselves_out(client: TestClient, admin):
    r = client.patch(
        f"/api/v1/users/{admin['id']}", json={"is_active": False}, headers=admin["headers"]
    )
    problem(r, 409)


def test_null_for_a_required_field_is_refused(client: TestClient, admin, make_user: UserFactory):
    target = make_user("viewer")
    r = client.patch(f"/api/v1/users/{target['id']}", json={"role": None}, headers=admin["headers"])
    problem(r, 422)
