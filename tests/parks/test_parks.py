"""Parks through the API: create, find, page, sync, edit with ETags, delete, and audit."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.conftest import problem


def create(client: TestClient, headers, **fields):
    body = {"name": "Lage Weide", "municipality": "Utrecht", **fields}
    r = client.post("/api/v1/parks", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def test_expert_creates_and_edits_a_park_in_their_province(client: TestClient, expert_ut, admin):
    park = create(
        client,
        expert_ut["headers"],
        name="  Lage Weide  ",
        area_ha=250.5,
        latitude=52.1,
        longitude=5.07,
        geometry={
            "type": "Polygon",
            "coordinates": [[[5.06, 52.09], [5.08, 52.09], [5.08, 52.11], [5.06, 52.09]]],
        },
    )
    assert park["name"] == "Lage Weide"
    assert park["province"] == "UT" and park["municipality_code"] == "0344"
    assert park["version"] == 1 and park["created_at"].endswith("Z")

    url = f"/api/v1/parks/{park['id']}"
    got = client.get(url, headers=expert_ut["headers"])
    assert got.headers["ETag"] == '"1"'
    assert (
        client.get(url, headers={**expert_ut["headers"], "If-None-Match": '"1"'}).status_code == 304
    )

    r = client.patch(
        url,
        json={"description": "Coöperatie in oprichting", "company_count": 180},
        headers={**expert_ut["headers"], "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.headers["ETag"] == '"2"'
    assert r.json()["company_count"] == 180
    # A second editor still holding version 1 is stopped, and nothing changes.
    stale = client.patch(
        url, json={"description": "overwritten"}, headers={**admin["headers"], "If-Match": '"1"'}
    )
    assert "changed by someone else" in problem(stale, 412)["detail"]
    assert (
        client.get(url, headers=admin["headers"]).json()["description"]
        == "Coöperatie in oprichting"
    )

    # An empty PATCH changes nothing, not even the version.
    assert client.patch(url, json={}, headers=admin["headers"]).json()["version"] == 2

    audit = client.get(f"/api/v1/audit?entity_id={park['id']}", headers=admin["headers"]).json()
    actions = [(e["action"], e["actor_label"]) for e in audit["items"]]
    assert actions == [("create", expert_ut["email"]), ("update", expert_ut["email"])]
    assert audit["items"][1]["changes"] == {
        "company_count": {"old": None, "new": 180},
        "description": {"old": None, "new": "Coöperatie in oprichting"},
    }

    stale_delete = client.delete(url, headers={**admin["headers"], "If-Match": '"1"'})
    problem(stale_delete, 412)
    assert client.delete(url, headers={**admin["headers"], "If-Match": '"2"'}).status_code == 204
    problem(client.get(url, headers=admin["headers"]), 404)
    deleted = client.get(f"/api/v1/audit?entity_id={park['id']}", headers=admin["headers"]).json()
    last = deleted["items"][-1]
    assert last["action"] == "delete" and last["changes"]["name"] == {
        "old": "Lage Weide",
        "new": None,
    }


def test_municipality_decides_the_province(client: TestClient, admin):
    park = create(client, admin["headers"], municipality="den bosch", name="De Rietvelden")
    assert park["municipality"] == "'s-Hertogenbosch" and park["province"] == "NB"
    wrong = client.post(
        "/api/v1/parks",
        json={"name": "X", "municipality": "Utrecht", "province": "NB"},
        headers=admin["headers"],
    )
    assert "lies in province UT" in problem(wrong, 422)["detail"]
    unknown = client.post(
        "/api/v1/parks", json={"name": "X", "municipality": "Atlantis"}, headers=admin["headers"]
    )
    assert problem(unknown, 422)["errors"][0]["loc"] == ["body", "municipality"]
    moved = client.patch(
        f"/api/v1/parks/{park['id']}", json={"municipality": "Maastricht"}, headers=admin["headers"]
    ).json()
    assert moved["province"] == "LI" and moved["municipality_code"] == "0935"


def test_search_filter_and_pages(client: TestClient, admin):
    names = [f"Terrein {i:02d}" for i in range(7)]
    for n in names:
        create(client, admin["headers"], name=n, municipality="Amersfoort")
    create(client, admin["headers"], name="Haven 100%", municipality="Rotterdam")
    create(client, admin["headers"], name="Terrein_Zuid", municipality="Rotterdam")

    seen, cursor = [], None
    while True:
        url = "/api/v1/parks?province=UT&limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=admin["headers"]).json()
        seen += [p["name"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == names

    def names_for(query: str) -> list[str]:
        r = client.get(f"/api/v1/parks?{query}", headers=admin["headers"])
        assert r.status_code == 200, r.text
        return [p["name"] for p in r.json()["items"]]

    assert names_for("q=terrein%2005") == ["Terrein 05"]
    assert names_for("q=100%25") == ["Haven 100%"]  # % is literal, not a wildcard
    assert names_for("q=_") == ["Terrein_Zuid"]
    assert names_for("municipality=rotterdam") == ["Haven 100%", "Terrein_Zuid"]
    assert names_for("province=ZH&q=haven") == ["Haven 100%"]
    assert names_for("province=GR") == []

    locations = client.get("/api/v1/park-locations?province=ZH", headers=admin["headers"]).json()
    assert {loc["name"] for loc in locations} == {"Haven 100%", "Terrein_Zuid"}
    assert all(loc["approximate"] for loc in locations)  # municipality centroid
    assert 51.8 < locations[0]["latitude"] < 52.0


def test_updated_since_gives_changes_in_order_for_incremental_sync(client: TestClient, admin):
    a = create(client, admin["headers"], name="A")
    b = create(client, admin["headers"], name="B")
    mark = b["updated_at"]
    time.sleep(0.01)
    client.patch(f"/api/v1/parks/{a['id']}", json={"area_ha": 12}, headers=admin["headers"])
    c = create(client, admin["headers"], name="C")
    r = client.get(f"/api/v1/parks?updated_since={mark}&limit=1", headers=admin["headers"])
    first = r.json()
    assert [p["name"] for p in first["items"]] == ["A"]
    second = client.get(
        f"/api/v1/parks?updated_since={mark}&limit=1&cursor={first['next_cursor']}",
        headers=admin["headers"],
    ).json()
    assert [p["id"] for p in second["items"]] == [c["id"]] and second["next_cursor"] is None
    # A naive timestamp counts as UTC.
    naive = mark.replace("Z", "")
    assert (
        client.get(f"/api/v1/parks?updated_since={naive}", headers=admin["headers"]).status_code
        == 200
    )


def test_bad_input_gets_a_clear_4xx_and_changes_nothing(client: TestClient, admin):
    park = create(client, admin["headers"])
    url = f"/api/v1/parks/{park['id']}"
    h = admin["headers"]
    json_h = {**h, "Content-Type": "application/json"}

    cases = [
        (client.post("/api/v1/parks", content=b'{"name": "x", ', headers=json_h), 422),
        (client.post("/api/v1/parks", json={"name": 12, "municipality": ["x"]}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "province": "XX"}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "area_ha": -1}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "company_count": "many"}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "latitude": 52.1}, headers=h), 422),
        (
            client.post(
                "/api/v1/parks", json={**_p(), "latitude": 5.1, "longitude": 52.1}, headers=h
            ),
            422,
        ),
        (
            client.post("/api/v1/parks", json={**_p(), "geometry": {"type": "Circle"}}, headers=h),
            422,
        ),
        (
            client.post(
                "/api/v1/parks",
                json={**_p(), "geometry": {"type": "Point", "coordinates": ["a", 1]}},
                headers=h,
            ),
            422,
        ),
        (client.post("/api/v1/parks", json={**_p(), "ibis_id": "abc"}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "name": ""}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "name": "x" * 201}, headers=h), 422),
        (client.post("/api/v1/parks", json={**_p(), "owner": "me"}, headers=h), 422),
        (
            client.post(
                "/api/v1/parks", json={**_p(), "description": "x" * (11 * 1024 * 1024)}, headers=h
            ),
            413,
        ),
        (client.get("/api/v1/parks?limit=10000", headers=h), 422),
        (client.get("/api/v1/parks?limit=0", headers=h), 422),
        (client.get("/api/v1/parks?cursor=not-a-cursor", headers=h), 400),
        (client.get("/api/v1/parks?cursor=eyJzIjogInVzZXJzIiwgInYiOiBbMV19", headers=h), 400),
        (client.get("/api/v1/parks?updated_since=yesterday", headers=h), 422),
        (client.get("/api/v1/parks?province=nl", headers=h), 422),
        (client.get("/api/v1/parks/not-a-uuid", headers=h), 422),
        (client.get("/api/v1/parks/00000000-0000-0000-0000-000000000000", headers=h), 404),
        (client.patch(url, json={"name": None}, headers=h), 422),
        (client.patch(url, json={"area_ha": -5}, headers=h), 422),
        (client.patch(url, json={"latitude": None}, headers={**h}), 200),
        (client.patch(url, json={"latitude": 52.0}, headers=h), 422),
        (client.patch(url, json={"name": "x"}, headers={**h, "If-Match": '"99"'}), 412),
    ]
    for i, (response, status) in enumerate(cases):
        assert response.status_code == status, (i, response.text[:300])
        if status >= 400:
            problem(response, status)
    unchanged = client.get(url, headers=h).json()
    assert unchanged["name"] == "Lage Weide" and unchanged["version"] == 1
    assert client.get("/api/v1/parks", headers=h).json()["items"].__len__() == 1


def test_duplicate_register_number_is_a_conflict(client: TestClient, admin):
    create(client, admin["headers"], ibis_id="205080")
    r = client.post("/api/v1/parks", json={**_p(), "ibis_id": "205080"}, headers=admin["headers"])
    assert "205080" in problem(r, 409)["detail"]


def test_reference_data(client: TestClient, viewer):
    provinces = client.get("/api/v1/provinces", headers=viewer["headers"]).json()
    assert len(provinces) == 12
    assert {"code": "GE", "name": "Gelderland"} in provinces
    zeeland = client.get("/api/v1/municipalities?province=ZE", headers=viewer["headers"]).json()
    assert {m["name"] for m in zeeland} >= {"Middelburg", "Vlissingen", "Terneuzen"}
    assert all(m["province"] == "ZE" for m in zeeland)


def _p():
    return {"name": "Nieuw terrein", "municipality": "Utrecht"}


def test_names_sort_as_people_read_them(client: TestClient, admin):
    for name in ["BERGWEIDE", "aan de Zodeslagen", "Émile-park", "Bakkerspoort", "De Kieën"]:
        create(client, admin["headers"], name=name)
    names = [
        p["name"] for p in client.get("/api/v1/parks", headers=admin["headers"]).json()["items"]
    ]
    assert names == ["aan de Zodeslagen", "Bakkerspoort", "BERGWEIDE", "De Kieën", "Émile-park"]
    renamed = client.get("/api/v1/parks?q=berg", headers=admin["headers"]).json()["items"][0]
    client.patch(
        f"/api/v1/parks/{renamed['id']}", json={"name": "Zuidweide"}, headers=admin["headers"]
    )
    names = [
        p["name"] for p in client.get("/api/v1/parks", headers=admin["headers"]).json()["items"]
    ]
    assert names[-1] == "Zuidweide"
