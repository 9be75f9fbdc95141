"""API clients: made by an admin, a token by client credentials, scopes and provinces checked
on every endpoint, no personal data, rotation and disabling end their tokens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem


def _token(client: TestClient, client_id: str, secret: str) -> dict[str, str]:
    r = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _make(client: TestClient, admin, **body) -> dict:
    r = client.post("/api/v1/api-clients", json=body, headers=admin["headers"])
    assert r.status_code == 201, r.text
    assert r.headers["cache-control"] == "no-store"
    return r.json()


def test_an_api_client_reads_what_its_scopes_and_provinces_allow(client: TestClient, admin):
    a = admin["headers"]
    ut = client.post(
        "/api/v1/parks", json={"name": "Lage Weide", "municipality": "Utrecht"}, headers=a
    ).json()
    nb = client.post(
        "/api/v1/parks", json={"name": "De Kade", "municipality": "Breda"}, headers=a
    ).json()
    st = client.post(
        f"/api/v1/parks/{ut['id']}/stakeholders",
        json={"name": "Bakkerij", "kind": "entrepreneur", "contact_name": "Anna"},
        headers=a,
    ).json()

    made = _make(
        client,
        admin,
        name="Provinciaal dashboard",
        scopes=["parks:read", "status:read"],
        provinces=["UT"],
    )
    assert made["client_id"].startswith("prc_") and len(made["client_secret"]) >= 40
    shown = client.get(f"/api/v1/api-clients/{made['id']}", headers=a).json()
    assert "client_secret" not in shown and shown["scopes"] == ["parks:read", "status:read"]
    h = _token(client, made["client_id"], made["client_secret"])
    assert client.get(f"/api/v1/api-clients/{made['id']}", headers=a).json()["last_token_at"]

    parks = client.get("/api/v1/parks", headers=h).json()["items"]
    assert [p["id"] for p in parks] == [ut["id"]]
    problem(client.get(f"/api/v1/parks/{nb['id']}", headers=h), 404)
    denied = problem(
        client.patch(f"/api/v1/parks/{ut['id']}", json={"description": "x"}, headers=h), 403
    )
    assert denied["detail"] == "This API client lacks the scope parks:write."
    seen = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()
    assert seen["contact_name"] is None and seen["personal_data_hidden"] is True
    feed = problem(client.get("/api/v1/changes", headers=h), 403)
    assert "spans every province" in feed["detail"]
    problem(client.get("/api/v1/users/me", headers=h), 403)
    problem(client.get("/api/v1/api-clients", headers=h), 403)
    status = client.get(f"/api/v1/parks/{ut['id']}/status", headers=h)
    assert status.status_code == 200
    # Outside its provinces a park's status does not exist for it, not even as a 304.
    problem(client.get(f"/api/v1/parks/{nb['id']}/status", headers=h), 404)
    etag = client.get(f"/api/v1/parks/{nb['id']}/status", headers=a).headers["ETag"]
    hidden = client.get(f"/api/v1/parks/{nb['id']}/status", headers={**h, "If-None-Match": etag})
    assert hidden.status_code == 404 and "ETag" not in hidden.headers

    # A client of all provinces with parks:read follows the change feed; without status:read
    # it gets no status.
    mirror = _make(client, admin, name="CRM", scopes=["parks:read"])
    m = _token(client, mirror["client_id"], mirror["client_secret"])
    items = client.get("/api/v1/changes", headers=m).json()["items"]
    assert {c["entity_type"] for c in items} >= {"park", "stakeholder"}
    lacks = problem(client.get(f"/api/v1/parks/{ut['id']}/status", headers=m), 403)
    assert "status:read" in lacks["detail"]
    writer = _make(client, admin, name="GIS", scopes=["parks:write"])
    w = _token(client, writer["client_id"], writer["client_secret"])
    r = client.patch(f"/api/v1/parks/{ut['id']}", json={"description": "Uit het GIS"}, headers=w)
    assert r.status_code == 200, r.text
    audit = client.get("/api/v1/audit", params={"entity_id": ut["id"]}, headers=a).json()["items"]
    assert any(e["actor_kind"] == "client" for e in audit)


def test_bad_credentials_rotation_and_disabling(client: TestClient, admin, expert_ut):
    a = admin["headers"]
    made = _make(client, admin, name="Koppeling", scopes=["parks:read"])
    cid, secret = made["client_id"], made["client_secret"]
    h = _token(client, cid, secret)
    wrong = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": cid, "client_secret": "nope"},
    )
    assert problem(wrong, 401)["detail"] == "The client_id or the client_secret is not correct."
    problem(client.post("/api/v1/auth/token", data={"grant_type": "client_credentials"}), 400)
    problem(client.post("/api/v1/auth/token", data={"grant_type": "implicit"}), 400)

    rotated = client.post(
        f"/api/v1/api-clients/{made['id']}/secret", headers={**a, "If-Match": '"1"'}
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["client_secret"]
    assert new_secret != secret
    assert problem(client.get("/api/v1/parks", headers=h), 401)["type"].endswith("token-revoked")
    problem(
        client.post(
            "/api/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": cid, "client_secret": secret},
        ),
        401,
    )
    h = _token(client, cid, new_secret)
    assert client.get("/api/v1/parks", headers=h).status_code == 200

    version = client.get(f"/api/v1/api-clients/{made['id']}", headers=a).json()["version"]
    problem(
        client.patch(
            f"/api/v1/api-clients/{made['id']}",
            json={"is_active": False},
            headers={**a, "If-Match": '"1"'},
        ),
        412,
    )
    off = client.patch(
        f"/api/v1/api-clients/{made['id']}",
        json={"is_active": False},
        headers={**a, "If-Match": f'"{version}"'},
    )
    assert off.status_code == 200 and off.json()["is_active"] is False
    problem(client.get("/api/v1/parks", headers=h), 401)
    problem(
        client.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": cid,
                "client_secret": new_secret,
            },
        ),
        401,
    )
    for bad in (
        {"name": "x", "scopes": []},
        {"name": "x", "scopes": ["everything"]},
        {"name": "", "scopes": ["parks:read"]},
        {"name": "x", "scopes": ["parks:read"], "provinces": ["XX"]},
    ):
        problem(client.post("/api/v1/api-clients", json=bad, headers=a), 422)
    problem(
        client.post(
            "/api/v1/api-clients",
            json={"name": "x", "scopes": ["parks:read"]},
            headers=expert_ut["headers"],
        ),
        403,
    )
    listed = client.get("/api/v1/api-clients", headers=a).json()["items"]
    assert [c["name"] for c in listed] == ["Koppeling"]
    assert client.delete(f"/api/v1/api-clients/{made['id']}", headers=a).status_code == 204
    problem(client.get(f"/api/v1/api-clients/{made['id']}", headers=a), 404)
    changes = client.get("/api/v1/changes", params={"types": "api_client"}, headers=a).json()
    assert [c["action"] for c in changes["items"]] == ["create", "update", "update", "delete"]
    trail = client.get("/api/v1/audit", params={"entity_id": made["id"]}, headers=a).json()
    assert all(
        "secret" not in e["changes"] or e["changes"]["secret"]["new"] in (None, "(redacted)")
        for e in trail["items"]
    )
