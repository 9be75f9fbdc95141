"""The park status: what it holds, its strong ETag that any change to the park moves, the 304
that costs no status, and the bulk form for dashboards."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem


def test_the_status_of_a_park_and_its_etag(client: TestClient, expert_ut, viewer):
    h = expert_ut["headers"]
    park = client.post(
        "/api/v1/parks", json={"name": "Lage Weide", "municipality": "Utrecht"}, headers=h
    ).json()
    ids = [
        client.post(
            f"/api/v1/parks/{park['id']}/stakeholders", json={"name": n, "kind": k}, headers=h
        ).json()["id"]
        for n, k in (("A", "entrepreneur"), ("B", "entrepreneur"), ("Gemeente", "municipality"))
    ]
    for sid in ids:
        client.post(
            f"/api/v1/stakeholders/{sid}/interests",
            json={"theme_code": "energy_hub", "urgency": 5},
            headers=h,
        ).raise_for_status()
    client.post(
        f"/api/v1/parks/{park['id']}/projects", json={"from_theme": "energy_hub"}, headers=h
    ).raise_for_status()

    r = client.get(f"/api/v1/parks/{park['id']}/status", headers=viewer["headers"])
    assert r.status_code == 200, r.text
    status = r.json()
    assert status["stakeholders"] == {"entrepreneur": 2, "municipality": 1}
    assert status["shared_interests"] == [
        {
            "theme_code": "energy_hub",
            "stakeholder_count": 3,
            "score": status["shared_interests"][0]["score"],
        }
    ]
    assert status["projects"]["idea"] == 1 and status["organisatiegraad"] is None
    etag = r.headers["ETag"]
    assert etag.startswith('"s') and not etag.startswith("W/")
    assert r.headers["cache-control"] == "private, max-age=60"
    assert "Accept-Language" in r.headers["vary"]

    again = client.get(
        f"/api/v1/parks/{park['id']}/status", headers={**viewer["headers"], "If-None-Match": etag}
    )
    assert again.status_code == 304 and again.headers["ETag"] == etag and again.content == b""
    en = client.get(
        f"/api/v1/parks/{park['id']}/status",
        headers={**viewer["headers"], "Accept-Language": "en", "If-None-Match": etag},
    )
    assert en.status_code == 200  # another language is another representation

    # Anything under the park moves the ETag.
    client.patch(
        f"/api/v1/stakeholders/{ids[0]}", json={"kind": "property_owner"}, headers=h
    ).raise_for_status()
    moved = client.get(
        f"/api/v1/parks/{park['id']}/status", headers={**viewer["headers"], "If-None-Match": etag}
    )
    assert moved.status_code == 200 and moved.headers["ETag"] != etag
    assert moved.json()["stakeholders"]["property_owner"] == 1
    assert moved.json()["status_version"] > status["status_version"]
    problem(client.get("/api/v1/parks/00000000-0000-0000-0000-000000000000/status", headers=h), 404)


def test_the_status_of_many_parks(client: TestClient, admin):
    a = admin["headers"]
    made = [
        client.post("/api/v1/parks", json={"name": n, "municipality": m}, headers=a).json()
        for n, m in (("Een", "Utrecht"), ("Twee", "Amersfoort"), ("Drie", "Breda"))
    ]
    page = client.get(
        "/api/v1/park-status", params={"province": "UT", "limit": 1}, headers=a
    ).json()
    assert [s["name"] for s in page["items"]] == ["Een"] and page["next_cursor"]
    rest = client.get(
        "/api/v1/park-status", params={"province": "UT", "cursor": page["next_cursor"]}, headers=a
    ).json()
    assert [s["name"] for s in rest["items"]] == ["Twee"] and rest["next_cursor"] is None
    moment = client.get(f"/api/v1/parks/{made[2]['id']}/status", headers=a).json()["updated_at"]
    client.patch(
        f"/api/v1/parks/{made[0]['id']}", json={"description": "nieuw"}, headers=a
    ).raise_for_status()
    since = client.get("/api/v1/park-status", params={"updated_since": moment}, headers=a).json()
    assert [s["name"] for s in since["items"]] == ["Een"]
    everything = client.get("/api/v1/park-status", headers=a).json()["items"]
    assert [s["name"] for s in everything] == ["Twee", "Drie", "Een"]  # by their newest change
    problem(client.get("/api/v1/park-status", params={"province": "XX"}, headers=a), 422)
    problem(client.get("/api/v1/park-status", params={"cursor": "bad"}, headers=a), 400)


def test_the_status_shows_the_first_three_shared_interests(client: TestClient, expert_ut, viewer):
    h = expert_ut["headers"]
    park = client.post(
        "/api/v1/parks", json={"name": "Papendorp", "municipality": "Utrecht"}, headers=h
    ).json()["id"]
    kinds = ["entrepreneur", "entrepreneur", "entrepreneur", "property_owner", "municipality"]
    ids = [
        client.post(
            f"/api/v1/parks/{park}/stakeholders", json={"name": f"P{n}", "kind": k}, headers=h
        ).json()["id"]
        for n, k in enumerate(kinds)
    ]
    plan = {"security": (5, 4), "parking": (3, 1), "energy_hub": (2, 5), "water": (4, 2),
            "mobility": (2, 2), "fibre": (1, 5)}  # fmt: skip
    for theme, (count, urgency) in plan.items():
        for sid in ids[:count]:
            client.post(
                f"/api/v1/stakeholders/{sid}/interests",
                json={"theme_code": theme, "urgency": urgency, "investment_willingness": "time"},
                headers=h,
            ).raise_for_status()
    v = viewer["headers"]
    full = client.get(f"/api/v1/parks/{park}/shared-interests", headers=v).json()["items"]
    status = client.get(f"/api/v1/parks/{park}/status", headers=v).json()
    assert len(full) == 5 and status["shared_interests"] == [
        {"theme_code": i["theme_code"], "stakeholder_count": i["stakeholder_count"],
         "score": i["score"]}
        for i in full[:3]
    ]  # fmt: skip
    assert status["stakeholders"] == {"entrepreneur": 3, "municipality": 1, "property_owner": 1}
