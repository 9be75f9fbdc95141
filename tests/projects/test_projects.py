"""Projects through the API: started from a shared interest, a business case, participants who
commit, the phase rules, and what follows from deleting a stakeholder or a park."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem

CASE = {
    "capex_eur": "100000.00",
    "opex_eur_per_year": "2000.00",
    "benefits_eur_per_year": "12000.00",
    "subsidy_eur": "20000.00",
    "lifetime_years": 15,
    "discount_rate": 0.04,
    "cost_split": "by_employees",
}


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


def _interest(client: TestClient, headers, sid: str, theme: str, urgency: int) -> None:
    r = client.post(
        f"/api/v1/stakeholders/{sid}/interests",
        json={"theme_code": theme, "urgency": urgency, "investment_willingness": "money"},
        headers=headers,
    )
    assert r.status_code == 201, r.text


def _feed(client: TestClient, headers) -> list[dict]:
    return client.get("/api/v1/changes", params={"limit": 200}, headers=headers).json()["items"]


def test_a_project_from_a_shared_interest_to_realisation(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park = _park(client, h)
    bakker = _stakeholder(client, h, park, "Bakkerij De Korf", employees=10)
    drukker = _stakeholder(client, h, park, "Drukkerij Mol", employees=30)
    garage = _stakeholder(client, h, park, "Garage Smit")  # employees unknown
    for sid, urgency in ((bakker, 3), (drukker, 5), (garage, 4)):
        _interest(client, h, sid, "energy_hub", urgency)
    _interest(client, h, bakker, "security", 2)
    _interest(client, h, garage, "security", 3)

    before = client.get(f"/api/v1/parks/{park}/shared-interests", headers=h).json()
    hub = next(i for i in before["items"] if i["theme_code"] == "energy_hub")
    assert hub["covered_by_project"] is False and hub["covering_projects"] == []

    # Start a project from the shared interest: title, theme and participants prefilled.
    r = client.post(f"/api/v1/parks/{park}/projects", json={"from_theme": "energy_hub"}, headers=h)
    assert r.status_code == 201, r.text
    project = r.json()
    pid = project["id"]
    assert project["title"] == "Energiehub en netcongestie"
    assert project["theme_codes"] == ["energy_hub"] and project["phase"] == "idea"
    assert r.headers["ETag"] == '"1"' and r.headers["Location"] == f"/api/v1/projects/{pid}"
    people = client.get(f"/api/v1/projects/{pid}/participants", headers=h).json()["items"]
    assert [p["stakeholder_name"] for p in people] == [
        "Drukkerij Mol",
        "Garage Smit",
        "Bakkerij De Korf",
    ]  # most urgent first
    assert {p["commitment"] for p in people} == {"interested"}
    by_name = {p["stakeholder_name"]: p for p in people}

    after = client.get(
        f"/api/v1/parks/{park}/shared-interests", headers={**h, "Accept-Language": "en"}
    ).json()
    hub = next(i for i in after["items"] if i["theme_code"] == "energy_hub")
    assert hub["covered_by_project"] is True
    assert hub["covering_projects"] == [
        {"id": pid, "title": "Energiehub en netcongestie", "phase": "idea"}
    ]
    security = next(i for i in after["items"] if i["theme_code"] == "security")
    assert security["covered_by_project"] is False

    # Several goals at once, and an owner from the park.
    r = client.patch(
        f"/api/v1/projects/{pid}",
        json={
            "theme_codes": ["energy_hub", "energy_generation", "energy_hub"],
            "owner_stakeholder_id": drukker,
            "organisation_form": "cooperatie",
            "title": "Energiehub Lage Weide",
        },
        headers={**h, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["theme_codes"] == ["energy_hub", "energy_generation"]
    assert r.json()["version"] == 2
    problem(
        client.patch(
            f"/api/v1/projects/{pid}", json={"title": "x"}, headers={**h, "If-Match": '"1"'}
        ),
        412,
    )
    problem(client.patch(f"/api/v1/projects/{pid}", json={"phase": "operation"}, headers=h), 422)
    assert (
        client.get(f"/api/v1/projects/{pid}", headers={**h, "If-None-Match": '"2"'}).status_code
        == 304
    )

    # Realisation is refused with the rules that block it.
    refused = problem(
        client.post(f"/api/v1/projects/{pid}/transition", json={"to": "realisation"}, headers=h),
        409,
    )
    assert {r["code"] for r in refused["rules"]} == {
        "realisation_after_business_case",
        "realisation_needs_business_case",
        "realisation_needs_commitment",
    }
    r = client.post(f"/api/v1/projects/{pid}/transition", json={"to": "business_case"}, headers=h)
    assert r.status_code == 200 and r.json()["phase"] == "business_case"

    # The business case: figures and each participant's share by employees.
    r = client.put(f"/api/v1/projects/{pid}/business-case", json=CASE, headers=h)
    assert r.status_code == 201, r.text
    case = r.json()
    f = case["figures"]
    assert f["net_investment_eur"] == "80000.00" and f["yearly_net_benefit_eur"] == "10000.00"
    assert f["simple_payback_years"] == 8.0 and f["npv_eur"] == "31183.87"
    shares = {s["stakeholder_name"]: s["share_eur"] for s in f["shares"]}
    assert shares == {
        "Drukkerij Mol": "60000.00",
        "Garage Smit": "0.00",
        "Bakkerij De Korf": "20000.00",
    }
    assert any("Garage Smit" in w for w in f["warnings"]) and f["unallocated_eur"] == "0.00"
    assert r.headers["ETag"] == '"1"'

    # Garage Smit pays a fixed 5,000; the rest is split by employees (75,000: 3 : 1).
    r = client.patch(
        f"/api/v1/projects/{pid}/participants/{by_name['Garage Smit']['id']}",
        json={"contribution_eur": "5000.00", "commitment": "committed"},
        headers={**h, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    got = client.get(f"/api/v1/projects/{pid}/business-case", headers=h).json()["figures"]
    shares = {s["stakeholder_name"]: (s["basis"], s["share_eur"]) for s in got["shares"]}
    assert shares == {
        "Drukkerij Mol": ("split", "56250.00"),
        "Garage Smit": ("fixed", "5000.00"),
        "Bakkerij De Korf": ("split", "18750.00"),
    }

    # A custom split must add up (to the cent) or nothing is kept.
    custom = {
        **CASE,
        "cost_split": "custom",
        "custom_shares": [
            {"participant_id": by_name["Drukkerij Mol"]["id"], "share_eur": "50000.00"},
            {"participant_id": by_name["Bakkerij De Korf"]["id"], "share_eur": "24999.99"},
        ],
    }
    bad = problem(
        client.put(
            f"/api/v1/projects/{pid}/business-case", json=custom, headers={**h, "If-Match": '"1"'}
        ),
        422,
    )
    assert "add up to 74999.99, but 75000.00 must be split" in bad["detail"]
    custom["custom_shares"][1]["share_eur"] = "25000.00"
    r = client.put(
        f"/api/v1/projects/{pid}/business-case", json=custom, headers={**h, "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["version"] == 2, r.text
    problem(
        client.put(
            f"/api/v1/projects/{pid}/business-case", json=CASE, headers={**h, "If-Match": '"1"'}
        ),
        412,
    )
    # Saving the same inputs again is no change (no new version, nothing in the feed).
    same = client.put(
        f"/api/v1/projects/{pid}/business-case", json=custom, headers={**h, "If-Match": '"2"'}
    )
    assert same.status_code == 200 and same.json()["version"] == 2, same.text

    # Inputs that make no sense are refused, each with its field.
    for field, value in (
        ("capex_eur", "-1"),
        ("lifetime_years", 0),
        ("discount_rate", 3),
        ("lifetime_years", "10"),
        ("benefits_eur_per_year", "1e400"),
    ):
        body = problem(
            client.post(
                f"/api/v1/projects/{pid}/business-case/calculation",
                json={**CASE, field: value},
                headers=h,
            ),
            422,
        )
        assert any(field in e["loc"] for e in body["errors"]), (field, body)
    # The calculation keeps nothing and says what does not add up.
    calc = client.post(
        f"/api/v1/projects/{pid}/business-case/calculation",
        json={**CASE, "subsidy_eur": "100000.01"},
        headers=h,
    ).json()
    assert calc["version"] is None and any("subsidy" in w for w in calc["figures"]["warnings"])
    assert client.get(f"/api/v1/projects/{pid}/business-case", headers=h).json()["version"] == 2

    # With a committed participant and a business case: realisation; then history.
    r = client.post(f"/api/v1/projects/{pid}/transition", json={"to": "realisation"}, headers=h)
    assert r.status_code == 200 and r.json()["phase"] == "realisation", r.text
    history = client.get(f"/api/v1/projects/{pid}/phase-history", headers=h).json()
    assert [(i["from_phase"], i["to_phase"]) for i in history["items"]] == [
        (None, "idea"),
        ("idea", "business_case"),
        ("business_case", "realisation"),
    ]
    assert history["items"][-1]["actor"] == expert_ut["email"]
    options = {o["to"]: o for o in history["options"]}
    assert options["operation"]["allowed"] is False  # nobody has signed yet
    assert options["stopped"]["needs_reason"] is True and options["stopped"]["allowed"] is True

    stop = problem(
        client.post(f"/api/v1/projects/{pid}/transition", json={"to": "stopped"}, headers=h), 409
    )
    assert [r["code"] for r in stop["rules"]] == ["stop_needs_reason"]

    # Every write was recorded once in the change log, with the park.
    types = [(c["entity_type"], c["action"]) for c in _feed(client, admin["headers"])]
    assert types.count(("project", "create")) == 1
    assert types.count(("project_participant", "create")) == 3
    assert types.count(("business_case", "create")) == 1
    assert types.count(("project", "update")) == 3  # patch, business_case, realisation


def test_participants_belong_to_the_park_and_join_once(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park = _park(client, h)
    other_park = _park(client, h, "Papendorp")
    st = _stakeholder(client, h, park, "Bakkerij")
    outsider = _stakeholder(client, h, other_park, "Elders BV")
    problem(client.post(f"/api/v1/parks/{park}/projects", json={}, headers=h), 422)
    problem(
        client.post(f"/api/v1/parks/{park}/projects", json={"title": "Zonder thema"}, headers=h),
        422,
    )
    unknown = problem(
        client.post(f"/api/v1/parks/{park}/projects", json={"from_theme": "moonbase"}, headers=h),
        422,
    )
    assert "Unknown theme" in unknown["detail"]
    problem(
        client.post(
            f"/api/v1/parks/{park}/projects",
            json={"title": "X", "theme_codes": ["waste"], "owner_stakeholder_id": outsider},
            headers=h,
        ),
        422,
    )
    r = client.post(
        f"/api/v1/parks/{park}/projects",
        json={
            "title": "Collectieve afvalinzameling",
            "theme_codes": ["waste"],
            "owner_stakeholder_id": st,
        },
        headers=h,
    )
    pid = r.json()["id"]
    assert (
        r.status_code == 201
        and client.get(f"/api/v1/projects/{pid}/participants", headers=h).json()["items"] == []
    )
    wrong = problem(
        client.post(
            f"/api/v1/projects/{pid}/participants", json={"stakeholder_id": outsider}, headers=h
        ),
        422,
    )
    assert wrong["errors"][0]["loc"] == ["body", "stakeholder_id"]
    r = client.post(
        f"/api/v1/projects/{pid}/participants",
        json={"stakeholder_id": st, "commitment": "signed"},
        headers=h,
    )
    assert r.status_code == 201 and r.json()["commitment"] == "signed"
    twice = problem(
        client.post(f"/api/v1/projects/{pid}/participants", json={"stakeholder_id": st}, headers=h),
        409,
    )
    assert twice["existing_id"] == r.json()["id"]
    problem(
        client.post(
            f"/api/v1/projects/{pid}/participants",
            json={"stakeholder_id": st, "contribution_eur": -5},
            headers=h,
        ),
        422,
    )

    # Deleting the stakeholder: it leaves the project, which loses its owner (recorded).
    assert client.delete(f"/api/v1/stakeholders/{st}", headers=h).status_code == 204
    assert client.get(f"/api/v1/projects/{pid}/participants", headers=h).json()["items"] == []
    project = client.get(f"/api/v1/projects/{pid}", headers=h).json()
    assert project["owner_stakeholder_id"] is None and project["version"] == 2
    feed = _feed(client, admin["headers"])
    assert ("project_participant", "delete") in {(c["entity_type"], c["action"]) for c in feed}

    # Deleting the park: the project goes, with a tombstone.
    assert client.delete(f"/api/v1/parks/{park}", headers=h).status_code == 204
    problem(client.get(f"/api/v1/projects/{pid}", headers=h), 404)
    feed = _feed(client, admin["headers"])
    assert any(
        c["entity_type"] == "project" and c["action"] == "delete" and c["entity_id"] == pid
        for c in feed
    )


def test_phases_stop_restart_and_no_way_back_from_operation(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park = _park(client, h)
    st = _stakeholder(client, h, park, "Bakkerij")
    pid = client.post(
        f"/api/v1/parks/{park}/projects",
        json={"title": "Laadplein", "theme_codes": ["ev_charging"]},
        headers=h,
    ).json()["id"]

    def go(to: str, reason: str | None = None):
        body = {"to": to} if reason is None else {"to": to, "reason": reason}
        return client.post(f"/api/v1/projects/{pid}/transition", json=body, headers=h)

    assert go("stopped", "Netbeheerder kan pas in 2029 aansluiten").status_code == 200
    shared = client.get(f"/api/v1/parks/{park}/projects", params={"phase": "stopped"}, headers=h)
    assert [p["id"] for p in shared.json()["items"]] == [pid]
    assert [r["code"] for r in problem(go("business_case", "nieuw"), 409)["rules"]] == [
        "restart_from_stopped"
    ]
    assert go("exploration", "Er komt een netverzwaring").status_code == 200
    assert go("business_case").status_code == 200
    client.put(
        f"/api/v1/projects/{pid}/business-case", json={**CASE, "cost_split": "equal"}, headers=h
    ).raise_for_status()
    participant = client.post(
        f"/api/v1/projects/{pid}/participants",
        json={"stakeholder_id": st, "commitment": "signed"},
        headers=h,
    ).json()
    assert participant["stakeholder_kind"] == "entrepreneur"
    assert go("realisation").status_code == 200
    assert go("operation").status_code == 200
    back = problem(go("idea", "opnieuw beginnen"), 409)
    assert back["rules"][0]["code"] == "no_way_back_from_operation"
    assert "can be stopped" in back["detail"]
    # If-Match is honoured on a transition too.
    problem(
        client.post(
            f"/api/v1/projects/{pid}/transition",
            json={"to": "stopped", "reason": "x"},
            headers={**h, "If-Match": '"1"'},
        ),
        412,
    )
    history = client.get(f"/api/v1/projects/{pid}/phase-history", headers=h).json()
    assert history["items"][1]["reason"] == "Netbeheerder kan pas in 2029 aansluiten"
    assert history["phase"] == "operation"
    # Deleting the project takes its participant and business case along.
    version = client.get(f"/api/v1/projects/{pid}", headers=h).json()["version"]
    assert (
        client.delete(
            f"/api/v1/projects/{pid}", headers={**h, "If-Match": f'"{version}"'}
        ).status_code
        == 204
    )
    problem(client.get(f"/api/v1/projects/{pid}/business-case", headers=h), 404)


def test_other_provinces_read_but_do_not_write(client: TestClient, expert_ut, make_user):
    h = expert_ut["headers"]
    park = _park(client, h)
    pid = client.post(
        f"/api/v1/parks/{park}/projects",
        json={"title": "Camera's", "theme_codes": ["security"]},
        headers=h,
    ).json()["id"]
    nb = make_user("expert", ["NB"])["headers"]
    assert client.get(f"/api/v1/projects/{pid}", headers=nb).status_code == 200
    problem(
        client.post(f"/api/v1/projects/{pid}/transition", json={"to": "exploration"}, headers=nb),
        403,
    )
    problem(client.put(f"/api/v1/projects/{pid}/business-case", json=CASE, headers=nb), 403)
    problem(client.get("/api/v1/projects/00000000-0000-0000-0000-000000000000", headers=nb), 404)
