"""Organisations on a park, the forms catalogue, the advice and the BIZ vote, over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem


def _park(client: TestClient, headers, name="Lage Weide", municipality="Utrecht") -> str:
    r = client.post(
        "/api/v1/parks", json={"name": name, "municipality": municipality}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _stakeholder(client: TestClient, headers, park: str, name: str, **extra) -> str:
    r = client.post(
        f"/api/v1/parks/{park}/stakeholders",
        json={"name": name, "kind": "entrepreneur", **extra},
        headers=headers,
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _interest(client: TestClient, headers, sid: str, theme: str, willingness="money") -> None:
    r = client.post(
        f"/api/v1/stakeholders/{sid}/interests",
        json={"theme_code": theme, "urgency": 4, "investment_willingness": willingness},
        headers=headers,
    )
    assert r.status_code == 201, r.text


def _feed(client: TestClient, headers) -> list[dict]:
    return client.get("/api/v1/changes", params={"limit": 200}, headers=headers).json()["items"]


def test_organisations_on_a_park_with_validation_etags_and_the_feed(
    client: TestClient, expert_ut, viewer, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    r = client.post(
        f"/api/v1/parks/{park}/organisations",
        json={
            "form": "ondernemersvereniging",
            "name": "  OV Lage Weide ",
            "founded_on": "2019-03-01",
            "has_board": True,
            "member_count": 42,
        },
        headers=h,
    )
    assert r.status_code == 201, r.text
    org = r.json()
    assert org["name"] == "OV Lage Weide" and org["has_core_team"] is False
    assert r.headers["etag"] == '"1"' and r.headers["location"].endswith(org["id"])

    bad = [
        {"form": "kerkgenootschap", "name": "X"},
        {"form": "bv"},
        {"form": "bv", "name": ""},
        {"form": "bv", "name": "X", "founded_on": "1-3-2019"},
        {"form": "bv", "name": "X", "member_count": -1},
        {"form": "bv", "name": "X", "member_count": "5"},
        {"form": "bv", "name": "X", "has_board": 1},
        {"form": "bv", "name": "X\nY"},
        {"form": "bv", "name": "X", "colour": "red"},
    ]
    for body in bad:
        r = client.post(f"/api/v1/parks/{park}/organisations", json=body, headers=h)
        assert problem(r, 422)["errors"], body

    url = f"/api/v1/organisations/{org['id']}"
    assert client.get(url, headers={**h, "If-None-Match": '"1"'}).status_code == 304
    assert client.get(url, headers=viewer["headers"]).json()["name"] == "OV Lage Weide"
    problem(client.patch(url, json={"member_count": 1}, headers=viewer["headers"]), 403)
    problem(client.patch(url, json={"name": None}, headers=h), 422)
    r = client.patch(url, json={"member_count": 45}, headers={**h, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["version"] == 2 and r.headers["etag"] == '"2"'
    problem(client.patch(url, json={"member_count": 46}, headers={**h, "If-Match": '"1"'}), 412)
    problem(client.delete(url, headers={**h, "If-Match": '"1"'}), 412)

    second = client.post(
        f"/api/v1/parks/{park}/organisations", json={"form": "werkgroep", "name": "KVO"}, headers=h
    ).json()
    page = client.get(f"/api/v1/parks/{park}/organisations?limit=1", headers=h).json()
    assert [o["id"] for o in page["items"]] == [org["id"]] and page["next_cursor"]
    rest = client.get(
        f"/api/v1/parks/{park}/organisations",
        params={"limit": 1, "cursor": page["next_cursor"]},
        headers=h,
    ).json()
    assert [o["id"] for o in rest["items"]] == [second["id"]] and rest["next_cursor"] is None
    since = client.get(
        f"/api/v1/parks/{park}/organisations",
        params={"updated_since": org["updated_at"]},
        headers=h,
    ).json()["items"]
    assert [o["id"] for o in since] == [org["id"], second["id"]]

    assert client.delete(url, headers={**h, "If-Match": '"2"'}).status_code == 204
    problem(client.get(url, headers=h), 404)
    feed = [(c["entity_type"], c["action"]) for c in _feed(client, admin["headers"])]
    assert feed.count(("organisation", "create")) == 2
    assert ("organisation", "update") in feed and ("organisation", "delete") in feed
    audit = client.get(
        "/api/v1/audit", params={"entity_id": org["id"]}, headers=admin["headers"]
    ).json()["items"]
    assert {e["action"] for e in audit} == {"create", "update", "delete"}


def test_an_expert_elsewhere_reads_but_may_not_write(client: TestClient, make_user, admin):
    park = _park(client, admin["headers"])
    nb = make_user("expert", ["NB"])["headers"]
    assert client.get(f"/api/v1/parks/{park}/organisations", headers=nb).status_code == 200
    r = client.post(
        f"/api/v1/parks/{park}/organisations", json={"form": "bv", "name": "X"}, headers=nb
    )
    problem(r, 403)
    r = client.put(f"/api/v1/parks/{park}/organisation-advice/answers", json={}, headers=nb)
    problem(r, 403)
    assert client.post(f"/api/v1/parks/{park}/organisation-advice", headers=nb).status_code == 200


def test_the_forms_catalogue_in_two_languages(client: TestClient, viewer):
    nl = client.get("/api/v1/organisation-forms", headers=viewer["headers"]).json()
    assert [f["form"] for f in nl] == [
        "biz", "ondernemersfonds", "ondernemersvereniging", "cooperatie", "stichting", "bv",
        "werkgroep", "parkmanagement",
    ]  # fmt: skip
    biz = nl[0]
    assert biz["participation"] == "mandatory" and biz["needs_vote"] is True
    assert biz["max_duration_years"] == 5 and biz["sources"][0]["code"] == "wet_biz"
    stichting = next(f for f in nl if f["form"] == "stichting")
    assert stichting["may_distribute_profit"] is None  # the sources say nothing
    assert "bronnen niet" in stichting["notes"]
    en = client.get(
        "/api/v1/organisation-forms", headers={**viewer["headers"], "Accept-Language": "en"}
    ).json()
    assert en[0]["name"].startswith("BIZ (business") and "levy" in en[0]["notes"]


def test_the_advice_uses_the_park_and_keeps_the_answers(client: TestClient, expert_ut, viewer):
    h = expert_ut["headers"]
    park = _park(client, h)
    url = f"/api/v1/parks/{park}/organisation-advice"
    # An empty park: start with a werkgroep, and every answer is an open question.
    empty = client.post(url, headers=h).json()
    assert empty["recommendations"][0]["form"] == "werkgroep"
    assert len(empty["recommendations"]) == 8 and empty["since_saved"] is None
    assert len(empty["open_questions"]) == 7 and empty["inputs"]["answers_from"] == "none"
    assert all(r["source_label"] for r in empty["recommendations"][0]["reasons"])

    # A park with a core team that shares security and public space.
    ids = [
        _stakeholder(client, h, park, f"Bedrijf {i}", role="core_team" if i < 2 else "none",
                     trial_poll_vote="yes" if i < 5 else "no", woz_value_eur=1_000_000 + i)
        for i in range(7)
    ]  # fmt: skip
    for sid in ids:
        _interest(client, h, sid, "security")
    for sid in ids[:4]:
        _interest(client, h, sid, "public_space", "time")
    answers = {
        "municipality_cooperates": True,
        "mandatory_contribution_acceptable": True,
        "levy_for_this_area_only": True,
        "annual_budget_eur": "25000",
    }
    advice = client.post(url, json={"answers": answers}, headers=h).json()
    top = advice["recommendations"][0]
    assert top["form"] == "biz" and top["blockers"] == []
    assert any("5 van de 7" in r["text"] for r in top["reasons"])
    fund = next(r for r in advice["recommendations"] if r["form"] == "ondernemersfonds")
    assert fund["blockers"] and fund["rank"] == 8
    assert advice["combination"]["forms"][0] == "biz"
    assert advice["inputs"]["poll_yes"] == 5 and advice["inputs"]["interviewed"] == 7
    assert advice["inputs"]["woz_known_eur"] == "7000021.00"
    assert advice["inputs"]["answers"]["annual_budget_eur"] == "25000.00"
    assert advice["path"][0]["form"] == "biz" and advice["path"][0]["requires"]

    # The answers are kept with the park (writers only; If-Match on the version).
    saved_url = f"{url}/answers"
    first = client.get(saved_url, headers=viewer["headers"])
    assert first.json()["saved"] is False and first.headers["etag"] == '"0"'
    problem(client.put(saved_url, json=answers, headers=viewer["headers"]), 403)
    problem(client.put(saved_url, json=answers, headers={**h, "If-Match": '"3"'}), 412)
    r = client.put(saved_url, json=answers, headers={**h, "If-Match": '"0"'})
    assert r.status_code == 200 and r.json()["version"] == 1 and r.headers["etag"] == '"1"'
    assert r.json()["answers"]["municipality_cooperates"] is True
    assert client.get(saved_url, headers={**h, "If-None-Match": '"1"'}).status_code == 304

    # Revisited without answers: the saved ones are used, nothing changed yet.
    again = client.post(url, json={}, headers=h).json()
    assert again["inputs"]["answers_from"] == "saved"
    assert again["since_saved"]["changes"] == []
    # The park moves on: an organisation is founded and the answers change.
    client.post(
        f"/api/v1/parks/{park}/organisations",
        json={"form": "stichting", "name": "Stichting Lage Weide", "has_board": True},
        headers=h,
    )
    moved = client.post(
        url,
        json={"answers": {**answers, "municipality_cooperates": False}},
        headers={**h, "Accept-Language": "en"},
    ).json()
    codes = {c["code"] for c in moved["since_saved"]["changes"]}
    assert {"organisations", "answers.municipality_cooperates", "combination"} <= codes
    change = next(
        c for c in moved["since_saved"]["changes"] if c["code"] == "answers.municipality_cooperates"
    )
    assert (change["before"], change["after"]) == ("yes", "no")
    biz = next(r for r in moved["recommendations"] if r["form"] == "biz")
    assert biz["blockers"] and "municipality" in biz["blockers"][0]["text"]

    for body in (
        {"answers": {"municipality_cooperates": "yes"}},
        {"answers": {"annual_budget_eur": -5}},
        {"answers": {"weather": True}},
        {"answer": {}},
    ):
        problem(client.post(url, json=body, headers=h), 422)


def test_the_biz_vote_on_a_list_and_on_the_park(client: TestClient, expert_ut, viewer):
    h = expert_ut["headers"]
    park = _park(client, h)
    url = f"/api/v1/parks/{park}/biz-vote-simulations"
    # 4 entitled, 2 vote yes: exactly half turnout passes; equal WOZ would fail, here more.
    voters = [
        {"group": "user", "vote": "yes", "woz_value_eur": "500000.00"},
        {"group": "user", "vote": "yes", "woz_value_eur": 250000},
        {"group": "user", "vote": "none", "woz_value_eur": "100000"},
        {"group": "user", "vote": "none"},
    ]
    out = client.post(url, json={"levy_on": "users", "voters": voters}, headers=viewer["headers"])
    body = out.json()
    assert out.status_code == 200 and body["passed"] is True, body
    assert [c["code"] for c in body["conditions"]] == [
        "turnout", "two_thirds_in_favour", "woz_in_favour",
    ]  # fmt: skip
    turnout = body["conditions"][0]
    assert (turnout["required"], turnout["actual"], turnout["unit"]) == ("2", "2", "votes")
    assert body["conditions"][2]["actual"] == "750000.00"
    assert body["needed"]["yes_votes"] == 0 and body["total"]["not_voted"] == 2
    assert body["warnings"]  # one voter without a WOZ value

    # A no vote with as much WOZ as the yes votes: fails on WOZ; one more yes is needed.
    voters[2] = {"group": "user", "vote": "no", "woz_value_eur": "750000.00"}
    body = client.post(url, json={"levy_on": "users", "voters": voters}, headers=h).json()
    woz = body["conditions"][2]
    assert body["passed"] is False and woz["passed"] is False
    assert woz["required"] == "750000.01" and body["needed"]["woz_shortfall_eur"] == "0.01"
    assert body["needed"]["yes_votes"] == 1

    for bad in (
        {"levy_on": "users"},
        {"levy_on": "users", "voters": [], "use_park_stakeholders": True},
        {"levy_on": "tenants", "voters": []},
        {"levy_on": "users", "voters": [{"group": "owner", "vote": "yes"}]},
        {"levy_on": "users", "voters": [{"group": "user", "vote": "maybe"}]},
        {"levy_on": "users", "use_park_stakeholders": "true"},
    ):
        problem(client.post(url, json=bad, headers=h), 422)

    # From the park's stakeholders: entrepreneurs are users, owners owners.
    _stakeholder(client, h, park, "A", trial_poll_vote="yes", woz_value_eur=900_000)
    _stakeholder(client, h, park, "B", trial_poll_vote="abstain", woz_value_eur=100_000)
    _stakeholder(client, h, park, "C", kind="property_owner", trial_poll_vote="no")
    _stakeholder(client, h, park, "D", kind="municipality", trial_poll_vote="no")
    both = client.post(
        url,
        json={"levy_on": "both", "use_park_stakeholders": True},
        headers={**h, "Accept-Language": "en"},
    ).json()
    assert both["voters_from"] == "park_stakeholders"
    assert both["total"]["entitled"] == 3 and both["users"]["yes"] == 1
    assert both["owners"]["no"] == 1
    failed = {c["code"] for c in both["conditions"] if not c["passed"]}
    assert failed == {"two_thirds_in_favour", "majority_in_favour_owners"}
    assert both["needed"]["yes_votes"] == 1 and both["needed"]["from_no_votes"] == 1
    assert "more yes vote" in both["needed"]["explanation"]


def test_a_deleted_park_takes_its_organisations_and_advice_along(
    client: TestClient, expert_ut, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    org = client.post(
        f"/api/v1/parks/{park}/organisations", json={"form": "werkgroep", "name": "W"}, headers=h
    ).json()
    saved = client.put(
        f"/api/v1/parks/{park}/organisation-advice/answers",
        json={"needs_legal_entity": False},
        headers=h,
    )
    assert saved.status_code == 200, saved.text
    assert client.delete(f"/api/v1/parks/{park}", headers=h).status_code == 204
    problem(client.get(f"/api/v1/organisations/{org['id']}", headers=h), 404)
    deletes = {c["entity_type"] for c in _feed(client, admin["headers"]) if c["action"] == "delete"}
    assert {"park", "organisation", "organisation_advice"} <= deletes
