"""Assessments of the organisatiegraad over HTTP, and the park overview built on them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from backend.assessments import rubric
from tests.conftest import problem

MARKS = {p: {"score": 2} for p in rubric.POINTS}


def _post(client: TestClient, h, path: str, body: dict) -> dict:
    r = client.post(path, json=body, headers=h)
    assert r.status_code == 201, r.text
    return r.json()


def _park_with_people(client: TestClient, h) -> tuple[str, dict[str, str]]:
    park = _post(client, h, "/api/v1/parks", {"name": "Isselt", "municipality": "Amersfoort"})["id"]
    people = {}
    for name, kind, role in (
        ("Bakkerij", "entrepreneur", "core_team"),
        ("Drukkerij", "entrepreneur", "none"),
        ("Garage", "entrepreneur", "none"),
        ("Vastgoed BV", "property_owner", "board"),
        ("Gemeente Amersfoort", "municipality", "none"),
    ):
        people[name] = _post(
            client,
            h,
            f"/api/v1/parks/{park}/stakeholders",
            {"name": name, "kind": kind, "role": role},
        )["id"]
    return park, people


def test_assessing_a_park_over_time(client: TestClient, expert_ut, viewer, monkeypatch):
    h = expert_ut["headers"]
    park, people = _park_with_people(client, h)
    problem(client.get(f"/api/v1/parks/{park}/assessments/latest", headers=h), 404)

    recent = (date.today() - timedelta(days=30)).isoformat()
    old = (date.today() - timedelta(days=400)).isoformat()
    for name, day in (("Bakkerij", recent), ("Drukkerij", old), ("Gemeente Amersfoort", recent)):
        _post(
            client,
            h,
            f"/api/v1/stakeholders/{people[name]}/contacts",
            {"date": day, "channel": "visit"},
        )

    first = _post(client, h, f"/api/v1/parks/{park}/assessments", {"answers": MARKS})
    parts = {c["code"]: c for c in first["components"]}
    assert parts["expert"]["points"] == 30.0  # 14 of 28 marks
    assert parts["core_team"]["points"] == 3 and parts["board"]["points"] == 3
    # 1 of 4 entrepreneurs and owners spoken to in the last 12 months: 8 × ¼ = 2
    assert parts["reach"]["points"] == 2.0
    assert parts["reach"]["explanation"] == (
        "1 van 4 ondernemers en eigenaren gesproken in de laatste 12 maanden"
    )
    assert parts["outside_contacts"]["points"] == 1  # the municipality
    assert parts["legal_entity"]["points"] == 0 and parts["stable_financing"]["points"] == 0
    assert first["score"] == 39.0 and first["level"] == 1 and first["level_name"] == "Verkennend"
    assert sum(c["max_points"] for c in first["components"]) == 100

    # The park organises itself; a second assessment a little later shows it.
    _post(
        client,
        h,
        f"/api/v1/parks/{park}/organisations",
        {"form": "ondernemersvereniging", "name": "OV Isselt", "has_board": True},
    )
    better = {**MARKS, "continuity": {"score": 4, "note": "Bestuur gekozen in oktober"}}
    second = _post(client, h, f"/api/v1/parks/{park}/assessments", {"answers": better})
    assert second["score"] == 48.3 and second["level"] == 2  # + 5 legal entity + 4.3 marks
    assert second["answers"]["continuity"]["note"] == "Bestuur gekozen in oktober"

    history = client.get(f"/api/v1/parks/{park}/assessments", headers=viewer["headers"]).json()
    assert [a["score"] for a in history["items"]] == [39.0, 48.3]
    latest = client.get(
        f"/api/v1/parks/{park}/assessments/latest", headers={**h, "Accept-Language": "en"}
    ).json()
    assert latest["id"] == second["id"] and latest["level_name"] == "Collaborating"

    # Better words later change no stored score.
    monkeypatch.setitem(rubric.COMPONENT_TEXTS, "reach", rubric.Text("Bereik", "Reach"))
    again = client.get(f"/api/v1/parks/{park}/assessments", headers=h).json()["items"][0]
    assert again["score"] == 39.0
    assert next(c for c in again["components"] if c["code"] == "reach")["name"] == "Bereik"

    # Bad answers are refused, and nothing is kept.
    missing = {k: v for k, v in MARKS.items() if k != "integrality"}
    problem(
        client.post(f"/api/v1/parks/{park}/assessments", json={"answers": missing}, headers=h), 422
    )
    for bad in (5, -1, "3", 2.5, True):
        body = {"answers": {**MARKS, "realisation": {"score": bad}}}
        problem(client.post(f"/api/v1/parks/{park}/assessments", json=body, headers=h), 422)
    assert len(client.get(f"/api/v1/parks/{park}/assessments", headers=h).json()["items"]) == 2
    problem(
        client.post(
            f"/api/v1/parks/{park}/assessments", json={"answers": MARKS}, headers=viewer["headers"]
        ),
        403,
    )


def test_the_rubric_explains_itself(client: TestClient, viewer):
    nl = client.get("/api/v1/assessment-rubric", headers=viewer["headers"]).json()
    assert [p["code"] for p in nl["points"]] == list(rubric.POINTS)
    assert [e["score"] for e in nl["points"][0]["examples"]] == [0, 2, 4]
    assert nl["expert_points"] + sum(c["max_points"] for c in nl["components"]) == 100
    assert [lv["from_score"] for lv in nl["levels"]] == [0, 20, 40, 60, 80]
    en = client.get(
        "/api/v1/assessment-rubric", headers={**viewer["headers"], "Accept-Language": "en"}
    ).json()
    assert en["points"][0]["title"] == "Continuity" and nl["points"][0]["title"] == "Continuïteit"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_overview_names_the_next_step(client: TestClient, expert_ut, language):
    h = {**expert_ut["headers"], "Accept-Language": language}
    park = _post(client, h, "/api/v1/parks", {"name": "Leeg", "municipality": "Utrecht"})["id"]
    empty = client.get(f"/api/v1/parks/{park}/overview", headers=h).json()
    assert empty["next_step"]["code"] == "add_stakeholders"
    assert empty["inventory"]["todo"]["code"] == "add_stakeholders"
    assert empty["organisatiegraad"] == {
        "score": None,
        "level": None,
        "level_name": None,
        "assessed_at": None,
        "history": [],
        "todo": None,
    }
    assert empty["park"]["name"] == "Leeg" and empty["projects"]["total"] == 0

    park, people = _park_with_people(client, h)
    for name in ("Bakkerij", "Drukkerij", "Garage"):
        _post(
            client,
            h,
            f"/api/v1/stakeholders/{people[name]}/interests",
            {"theme_code": "security", "urgency": 4},
        )
    view = client.get(f"/api/v1/parks/{park}/overview", headers=h).json()
    assert view["inventory"]["entrepreneurs"] == 3
    assert view["inventory"]["entrepreneurs_interviewed"] == 3
    assert view["shared_interests"]["top"][0]["theme_code"] == "security"
    assert view["next_step"]["code"] == "start_project"
    expected = "start een project rond" if language == "nl" else "start a project around"
    assert expected in view["next_step"]["text"]

    project = _post(client, h, f"/api/v1/parks/{park}/projects", {"from_theme": "security"})
    view = client.get(f"/api/v1/parks/{park}/overview", headers=h).json()
    assert view["next_step"]["code"] == "business_case"
    assert view["projects"]["by_phase"]["idea"] == 1
    assert view["projects"]["furthest"]["id"] == project["id"]
    client.post(
        f"/api/v1/projects/{project['id']}/transition", json={"to": "business_case"}, headers=h
    ).raise_for_status()
    view = client.get(f"/api/v1/parks/{park}/overview", headers=h).json()
    assert view["next_step"]["code"] == "choose_organisation"
    _post(
        client, h, f"/api/v1/parks/{park}/organisations", {"form": "werkgroep", "name": "Werkgroep"}
    )
    assert (
        client.get(f"/api/v1/parks/{park}/overview", headers=h).json()["next_step"]["code"]
        == "assess"
    )
    _post(client, h, f"/api/v1/parks/{park}/assessments", {"answers": MARKS})
    view = client.get(f"/api/v1/parks/{park}/overview", headers=h).json()
    assert view["next_step"]["code"] == "keep_up"
    assert view["organisatiegraad"]["level"] is not None
    assert len(view["organisatiegraad"]["history"]) == 1
    assert view["organisation"]["organisations"][0]["form"] == "werkgroep"
