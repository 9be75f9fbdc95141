"""The inventory of interests and the shared interests of a park, through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem


def _park(client: TestClient, headers, name="Lage Weide") -> str:
    r = client.post(
        "/api/v1/parks", json={"name": name, "municipality": "Utrecht"}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _stakeholder(client: TestClient, headers, park_id: str, name: str, kind: str) -> str:
    r = client.post(
        f"/api/v1/parks/{park_id}/stakeholders", json={"name": name, "kind": kind}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _interest(client: TestClient, headers, sid: str, theme: str, urgency: int, **extra) -> dict:
    r = client.post(
        f"/api/v1/stakeholders/{sid}/interests",
        json={"theme_code": theme, "urgency": urgency, **extra},
        headers=headers,
    )
    assert r.status_code == 201, r.text
    return r.json()


def test_recording_interests_with_validation_etags_and_audit(
    client: TestClient, expert_ut, viewer, make_user, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    sid = _stakeholder(client, h, park, "Transport Van Dijk", "entrepreneur")
    created = _interest(
        client, h, sid, "security", 4,
        current_situation="Twee inbraken dit jaar",
        challenge="Geen cameratoezicht op de ringweg",
        vision="Collectief cameraplan met de buren",
        investment_willingness="time_and_money",
        budget_eur="2500.00",
        obstacles=["money", "knowledge", "money"],
    )  # fmt: skip
    assert created["park_id"] == park and created["budget_eur"] == "2500.00"
    assert created["obstacles"] == ["knowledge", "money"]

    dup = client.post(
        f"/api/v1/stakeholders/{sid}/interests",
        json={"theme_code": "security", "urgency": 2},
        headers=h,
    )
    conflict = problem(dup, 409)
    assert "already has an interest" in conflict["detail"]
    assert conflict["existing_id"] == created["id"]
    # Money comes back with two decimals whatever was sent; an emptied text is no text.
    other = _interest(client, h, sid, "water", 2, budget_eur=2500, vision="", challenge="  ")
    assert other["budget_eur"] == "2500.00" and other["vision"] is None
    assert other["challenge"] is None
    client.delete(f"/api/v1/interests/{other['id']}", headers=h)
    bad = [
        {"theme_code": "teleportation", "urgency": 3},
        {"theme_code": "water", "urgency": 0},
        {"theme_code": "water", "urgency": 6},
        {"theme_code": "water", "urgency": 3, "investment_willingness": "lots"},
        {"theme_code": "water", "urgency": 3, "obstacles": ["weather"]},
        {"theme_code": "water", "urgency": 3, "budget_eur": -1},
        {"theme_code": "water", "urgency": 3, "budget_eur": "12.345"},
        {"theme_code": "water", "urgency": 3, "challenge": "x" * 5001},
        {"theme_code": "water"},
    ]
    for body in bad:
        r = client.post(f"/api/v1/stakeholders/{sid}/interests", json=body, headers=h)
        assert problem(r, 422)["errors"], body
    unknown = client.post(
        f"/api/v1/stakeholders/{sid}/interests", json={"theme_code": "teleportation", "urgency": 3},
        headers=h,
    )  # fmt: skip
    assert "Known themes: security" in problem(unknown, 422)["detail"]

    url = f"/api/v1/interests/{created['id']}"
    assert client.get(url, headers={**h, "If-None-Match": '"1"'}).status_code == 304
    r = client.patch(url, json={"urgency": 5, "obstacles": []}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["obstacles"] == []
    problem(client.patch(url, json={"urgency": 1}, headers={**h, "If-Match": '"1"'}), 412)
    problem(client.patch(url, json={"urgency": None}, headers=h), 422)

    # Viewers read; experts of another province may not write.
    assert client.get(url, headers=viewer["headers"]).status_code == 200
    problem(client.patch(url, json={"urgency": 1}, headers=viewer["headers"]), 403)
    nb = make_user("expert", ["NB"])
    problem(client.delete(url, headers=nb["headers"]), 403)

    audit = client.get(f"/api/v1/audit?entity_id={created['id']}", headers=admin["headers"]).json()
    assert [e["action"] for e in audit["items"]] == ["create", "update"]
    assert audit["items"][1]["changes"]["urgency"] == {"old": 4, "new": 5}
    assert audit["items"][1]["changes"]["obstacles"] == {"old": ["knowledge", "money"], "new": []}

    assert client.delete(url, headers={**h, "If-Match": '"2"'}).status_code == 204
    problem(client.get(url, headers=h), 404)


def test_shared_interests_are_ranked_and_explained(client: TestClient, expert_ut, viewer):
    h = expert_ut["headers"]
    park = _park(client, h)
    people = {
        "e1": _stakeholder(client, h, park, "Bakkerij Jansen", "entrepreneur"),
        "e2": _stakeholder(client, h, park, "Metaal BV", "entrepreneur"),
        "e3": _stakeholder(client, h, park, "Logistiek Noord", "entrepreneur"),
        "o1": _stakeholder(client, h, park, "Vastgoed Utrecht", "property_owner"),
        "m1": _stakeholder(client, h, park, "Gemeente Utrecht", "municipality"),
        "quiet": _stakeholder(client, h, park, "Nog niet gesproken", "entrepreneur"),
    }
    money = {"investment_willingness": "money"}
    # Security: shared by entrepreneurs, the owner and the municipality.
    for key, urgency in [("e1", 4), ("e2", 5), ("e3", 3), ("o1", 4), ("m1", 3)]:
        _interest(client, h, people[key], "security", urgency, obstacles=["money"],
                  **(money if key != "m1" else {}), budget_eur=1000)  # fmt: skip
    # Energy hub: two entrepreneurs, very urgent, held back by the grid.
    for key in ("e1", "e2"):
        _interest(client, h, people[key], "energy_hub", 5, obstacles=["grid_congestion"],
                  investment_willingness="time_and_money")  # fmt: skip
    # Water: one enthusiast only.
    _interest(client, h, people["e3"], "water", 5, investment_willingness="money", budget_eur=50000)
    # Parking: three parties, not urgent, time only.
    for key in ("e1", "e2", "e3"):
        _interest(client, h, people[key], "parking", 1, investment_willingness="time")

    r = client.get(f"/api/v1/parks/{park}/shared-interests", headers=viewer["headers"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["interviewed_stakeholders"] == 5 and body["stakeholder_count"] == 6
    assert body["language"] == "nl"
    codes = [i["theme_code"] for i in body["items"]]
    # Energy hub (2 of 5, very urgent, all willing) beats parking (3 of 5, not urgent, time only);
    # water has one stakeholder only.
    assert codes == ["security", "energy_hub", "parking"]
    security = body["items"][0]
    assert security["rank"] == 1 and security["track"] == "schoon_heel_veilig"
    assert security["theme_name"] == "Beveiliging en cameratoezicht"
    assert security["stakeholder_count"] == 5 and security["share_of_stakeholders"] == 1.0
    assert security["kinds"] == {"entrepreneur": 3, "municipality": 1, "property_owner": 1}
    assert security["mean_urgency"] == 3.8 and security["willing_to_invest_count"] == 4
    assert security["pledged_budget_eur"] == "5000.00"
    assert security["obstacles"]["money"] == 5 and security["obstacles"]["time"] == 0
    assert security["covered_by_project"] is False
    assert security["explanation"].startswith("Gedeeld door 5 van de 5 geïnterviewde partijen")
    assert "brede basis" in security["explanation"]
    hub = body["items"][1]
    assert "nog laag" in body["items"][2]["explanation"]
    assert hub["obstacles"]["grid_congestion"] == 2 and hub["track"] == "toekomstbestendig"
    assert body["items"][0]["score"] > body["items"][1]["score"] > body["items"][2]["score"]

    en = client.get(
        f"/api/v1/parks/{park}/shared-interests?min_stakeholders=1&track=toekomstbestendig",
        headers={**viewer["headers"], "Accept-Language": "en-GB,en;q=0.9"},
    ).json()
    assert en["language"] == "en"
    assert [i["theme_code"] for i in en["items"]] == ["energy_hub", "water"]
    assert en["items"][0]["theme_name"] == "Energy hub and grid congestion"
    assert en["items"][0]["explanation"].startswith("Shared by 2 of the 5 interviewed parties")
    assert "€50,000 pledged" in en["items"][1]["explanation"]

    problem(client.get(f"/api/v1/parks/{park}/shared-interests?min_stakeholders=0", headers=h), 422)
    problem(client.get(f"/api/v1/parks/{park}/shared-interests?track=x", headers=h), 422)

    matrix = client.get(f"/api/v1/parks/{park}/interest-matrix", headers=viewer["headers"]).json()
    assert [s["name"] for s in matrix["stakeholders"]][:2] == [
        "Bakkerij Jansen",
        "Gemeente Utrecht",
    ]
    assert len(matrix["themes"]) == 17 and len(matrix["cells"]) == 5 + 2 + 1 + 3
    cell = next(
        c
        for c in matrix["cells"]
        if c["stakeholder_id"] == people["e3"] and c["theme_code"] == "water"
    )
    assert cell["urgency"] == 5 and cell["investment_willingness"] == "money"

    # Deleting a stakeholder takes its interests with it, and the ranking follows.
    client.delete(f"/api/v1/stakeholders/{people['e1']}", headers=h)
    after = client.get(f"/api/v1/parks/{park}/shared-interests", headers=h).json()
    assert after["interviewed_stakeholders"] == 4
    assert [i["theme_code"] for i in after["items"]] == ["security", "parking"]


def test_interests_sync_by_updated_since_and_empty_park(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park = _park(client, h)
    empty = client.get(f"/api/v1/parks/{park}/shared-interests", headers=h).json()
    assert empty["items"] == [] and empty["interviewed_stakeholders"] == 0
    sid = _stakeholder(client, h, park, "A", "entrepreneur")
    first = _interest(client, h, sid, "waste", 2)
    mark = first["updated_at"]
    second = _interest(client, h, sid, "fibre", 3)
    client.patch(f"/api/v1/interests/{first['id']}", json={"urgency": 4}, headers=h)
    page = client.get(
        f"/api/v1/parks/{park}/interests?updated_since={mark}&limit=1", headers=h
    ).json()
    assert [i["id"] for i in page["items"]] == [second["id"]]
    rest = client.get(
        f"/api/v1/parks/{park}/interests?updated_since={mark}&cursor={page['next_cursor']}",
        headers=h,
    ).json()
    assert [i["id"] for i in rest["items"]] == [first["id"]] and rest["next_cursor"] is None
    mine = client.get(f"/api/v1/stakeholders/{sid}/interests", headers=h).json()
    assert [i["theme_code"] for i in mine["items"]] == ["waste", "fibre"]
    problem(
        client.get(
            "/api/v1/parks/00000000-0000-0000-0000-000000000000/shared-interests", headers=h
        ),
        404,
    )


def test_a_changed_kind_moves_the_interest_to_the_new_kind(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park = _park(client, h)
    a = _stakeholder(client, h, park, "Gemeente Utrecht", "entrepreneur")  # a mistake
    b = _stakeholder(client, h, park, "Metaal BV", "entrepreneur")
    for sid in (a, b):
        _interest(client, h, sid, "water", 4, investment_willingness="money")
    url = f"/api/v1/parks/{park}/shared-interests"
    assert client.get(url, headers=h).json()["items"][0]["kinds"] == {"entrepreneur": 2}
    client.patch(f"/api/v1/stakeholders/{a}", json={"kind": "municipality"}, headers=h)
    water = client.get(url, headers=h).json()["items"][0]
    assert water["kinds"] == {"entrepreneur": 1, "municipality": 1}
    # An import that changes a kind does the same.
    csv = b"naam;soort\nMetaal BV;vastgoedeigenaar\n"
    r = client.post(
        f"/api/v1/parks/{park}/stakeholders/import",
        files={"file": ("betrokkenen.csv", csv, "text/csv")},
        headers=h,
    )
    assert r.status_code == 200, r.text
    water = client.get(url, headers=h).json()["items"][0]
    assert water["kinds"] == {"municipality": 1, "property_owner": 1}
