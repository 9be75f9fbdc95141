"""The province overview and the start page ("Mijn werk"), through the API."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.conftest import UserFactory, problem
from tests.integrations.test_api_clients import _make, _token
from tests.stakeholders.helpers import make_contact, make_park, make_stakeholder

POINTS = (
    "continuity",
    "personal_contact",
    "shared_ambition",
    "integrality",
    "respect_interests",
    "realisation",
    "transparent_process",
)


def _assess(client: TestClient, h: dict[str, str], park_id: str, mark: int) -> dict[str, Any]:
    body = {"answers": {p: {"score": mark} for p in POINTS}}
    r = client.post(f"/api/v1/parks/{park_id}/assessments", json=body, headers=h)
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def provinces(client: TestClient, admin) -> dict[str, Any]:
    """Utrecht: Lage Weide (worked on: stakeholders, interests, an overdue follow-up, an
    assessment, a project, an organisation) and Papendorp (only in the register). Noord-Brabant:
    De Kade (two stakeholders, never assessed)."""
    h = admin["headers"]
    today = date.today()
    lage_weide = make_park(client, h, "Utrecht", name="Lage Weide")
    papendorp = make_park(client, h, "Utrecht", name="Papendorp")
    kade = make_park(client, h, "Breda", name="De Kade")
    jansen = make_stakeholder(client, h, lage_weide["id"], name="Bakkerij Jansen")
    make_stakeholder(client, h, lage_weide["id"], name="Gemeente Utrecht", kind="municipality",
                     kvk_number=None)  # fmt: skip
    make_stakeholder(client, h, lage_weide["id"], name="Stedin", kind="grid_operator",
                     kvk_number="87654321")  # fmt: skip
    for theme in ("security", "energy_hub"):
        r = client.post(
            f"/api/v1/stakeholders/{jansen['id']}/interests",
            json={"theme_code": theme, "urgency": 4},
            headers=h,
        )
        assert r.status_code == 201, r.text
    make_contact(client, h, jansen["id"], date=(today - timedelta(days=20)).isoformat(),
                 follow_up_date=(today - timedelta(days=3)).isoformat())  # fmt: skip
    make_contact(client, h, jansen["id"], date=(today - timedelta(days=2)).isoformat(),
                 follow_up_date=(today + timedelta(days=10)).isoformat())  # fmt: skip
    _assess(client, h, lage_weide["id"], 3)
    r = client.post(
        f"/api/v1/parks/{lage_weide['id']}/projects", json={"from_theme": "security"}, headers=h
    )
    assert r.status_code == 201, r.text
    project = r.json()
    r = client.post(
        f"/api/v1/parks/{lage_weide['id']}/organisations",
        json={"form": "ondernemersvereniging", "name": "Ondernemersvereniging Lage Weide"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    for name in ("Kade Logistiek", "Breda Staal"):
        make_stakeholder(client, h, kade["id"], name=name, kvk_number=None)
    return {
        "lage_weide": lage_weide,
        "papendorp": papendorp,
        "kade": kade,
        "jansen": jansen,
        "project": project,
    }


def test_the_province_overview_counts_parks_levels_projects_and_forms(
    client: TestClient, provinces, viewer
):
    h = viewer["headers"]
    r = client.get("/api/v1/overview", headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["province"] is None and body["parks"] is None
    names = [p["province_name"] for p in body["provinces"]]
    assert names == sorted(names) and len(names) == 12
    ut = next(p for p in body["provinces"] if p["province"] == "UT")
    assert (ut["parks"], ut["active_parks"], ut["stakeholders"], ut["interviewed"]) == (2, 1, 3, 1)
    assert ut["assessed_parks"] == 1
    levels = {lc["level"]: lc["parks"] for lc in ut["by_level"]}
    assert sum(levels.values()) == 1 and levels[None] == 0
    assert ut["by_level"][-1]["name"] == "Nooit gemeten"
    assert ut["projects_by_phase"]["idea"] == 1 and sum(ut["projects_by_phase"].values()) == 1
    assert ut["organisations_by_form"] == {"ondernemersvereniging": 1}
    assert ut["latitude"] is not None
    nb = next(p for p in body["provinces"] if p["province"] == "NB")
    assert (nb["parks"], nb["active_parks"], nb["stakeholders"], nb["assessed_parks"]) == (
        1, 1, 2, 0,
    )  # fmt: skip
    assert {lc["level"]: lc["parks"] for lc in nb["by_level"]}[None] == 1
    gr = next(p for p in body["provinces"] if p["province"] == "GR")
    assert gr["parks"] == 0 and gr["latitude"] > ut["latitude"]  # Groningen lies north
    totals = body["totals"]
    assert (totals["parks"], totals["active_parks"], totals["stakeholders"]) == (3, 2, 5)
    assert totals["province_name"] == "Alle provincies"

    one = client.get("/api/v1/overview?province=UT", headers=h).json()
    assert one["province"] == "UT" and [p["province"] for p in one["provinces"]] == ["UT"]
    assert one["totals"]["parks"] == 2
    # Only parks where the work started; Papendorp is in the register but not listed.
    [row] = one["parks"]
    assert row["name"] == "Lage Weide"
    assert (row["stakeholders"], row["interviewed"]) == (3, 1)
    assert (row["open_follow_ups"], row["overdue_follow_ups"]) == (2, 1)
    assert row["level"] is not None and row["level_name"]
    assert (row["projects_running"], row["organisations"]) == (1, 1)
    assert row["last_contact"] == (date.today() - timedelta(days=2)).isoformat()
    # No point of its own: the map puts it on the municipality's centre.
    assert row["approximate_location"] is True and 52 < row["latitude"] < 52.2

    english = client.get("/api/v1/overview", headers={**h, "Accept-Language": "en"}).json()
    assert english["totals"]["province_name"] == "All provinces"
    problem(client.get("/api/v1/overview?province=XX", headers=h), 422)
    problem(client.get("/api/v1/overview"), 401)


def test_the_overview_exports_every_park_as_csv_and_xlsx(client: TestClient, provinces, viewer):
    h = viewer["headers"]
    r = client.get("/api/v1/overview/export?province=UT", headers=h)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="provincieoverzicht-utrecht-' in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Park", "Gemeente", "Provincie", "Betrokkenen", "Geïnterviewd"]
    assert [row[0] for row in rows[1:]] == ["Lage Weide", "Papendorp"]  # inactive parks too
    lage = rows[1]
    assert lage[2] == "Utrecht" and lage[3] == "3" and lage[4] == "1"

    r = client.get("/api/v1/overview/export?format=xlsx", headers={**h, "Accept-Language": "en"})
    assert r.status_code == 200, r.text
    assert 'filename="province-overview-all-provinces-' in r.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Park" and values[0][3] == "Stakeholders"
    assert sorted(v[0] for v in values[1:]) == ["De Kade", "Lage Weide", "Papendorp"]
    problem(client.get("/api/v1/overview/export?format=pdf", headers=h), 422)


def test_api_clients_see_the_overview_of_their_provinces_only(client: TestClient, provinces, admin):
    made = _make(client, admin, name="Provinciaal dashboard", scopes=["status:read"],
                 provinces=["UT"])  # fmt: skip
    h = _token(client, made["client_id"], made["client_secret"])
    body = client.get("/api/v1/overview", headers=h).json()
    assert [p["province"] for p in body["provinces"]] == ["UT"]
    assert body["totals"]["parks"] == 2
    assert client.get("/api/v1/overview?province=UT", headers=h).status_code == 200
    problem(client.get("/api/v1/overview?province=NB", headers=h), 403)
    export = client.get("/api/v1/overview/export", headers=h)
    assert "De Kade" not in export.content.decode("utf-8-sig")
    # The start page is for people.
    detail = problem(client.get("/api/v1/my-work", headers=h), 403)["detail"]
    assert "user account" in detail
    webhooks_only = _make(client, admin, name="Alleen webhooks", scopes=["webhooks:manage"])
    other = _token(client, webhooks_only["client_id"], webhooks_only["client_secret"])
    assert problem(client.get("/api/v1/overview", headers=other), 403)["detail"] == (
        "This API client lacks the scope parks:read or status:read."
    )


def test_my_work_shows_an_expert_their_parks_and_what_waits(
    client: TestClient, provinces, make_user: UserFactory, admin
):
    expert = make_user("expert", ["UT"])
    body = client.get("/api/v1/my-work", headers=expert["headers"]).json()
    assert body["scope"] == ["UT"]
    assert body["active_parks"] == 1
    assert [p["name"] for p in body["parks"]] == ["Lage Weide"]
    assert (body["open_follow_ups"], body["overdue_follow_ups"]) == (2, 1)
    # Lage Weide was assessed just now: nothing to assess again in Utrecht.
    assert body["stale_assessments"] == 0 and body["needs_assessment"] == []
    activity = body["recent_activity"]
    assert activity and {a["park_name"] for a in activity} <= {"Lage Weide", "Papendorp"}
    newest = activity[0]
    assert newest["entity_type"] == "organisation" and newest["action"] == "create"
    assert newest["actor"] == "admin1@example.nl"
    assert newest["label"] == "Ondernemersvereniging Lage Weide"
    labelled = {a["label"] for a in activity}
    assert {"Stedin", "Bakkerij Jansen", provinces["project"]["title"]} <= labelled
    assert "values" not in newest and "changes" not in newest

    # A viewer (and an admin) see every province; a viewer has no follow-ups to do.
    viewer = make_user("viewer")
    seen = client.get("/api/v1/my-work", headers=viewer["headers"]).json()
    assert seen["scope"] is None and seen["active_parks"] == 2
    assert seen["open_follow_ups"] is None and seen["overdue_follow_ups"] is None
    assert seen["stale_assessments"] == 1
    assert [p["name"] for p in seen["needs_assessment"]] == ["De Kade"]
    assert {p["name"] for p in seen["parks"]} == {"Lage Weide", "De Kade"}
    # The most recently changed park first.
    assert seen["parks"][0]["name"] == "De Kade"
    everything = client.get("/api/v1/my-work", headers=admin["headers"]).json()
    assert everything["open_follow_ups"] == 2

    # Closing the overdue follow-up moves the counts.
    r = client.get("/api/v1/contacts?follow_up_before=" + date.today().isoformat(),
                   headers=expert["headers"])  # fmt: skip
    [due] = r.json()["items"]
    r = client.patch(
        f"/api/v1/contacts/{due['contact_id']}",
        json={"follow_up_done": True},
        headers={**expert["headers"], "If-Match": f'"{due["version"]}"'},
    )
    assert r.status_code == 200, r.text
    after = client.get("/api/v1/my-work", headers=expert["headers"]).json()
    assert (after["open_follow_ups"], after["overdue_follow_ups"]) == (1, 0)
    problem(client.get("/api/v1/my-work"), 401)


def test_the_register_with_figures_sorts_filters_and_pages(
    client: TestClient, provinces, viewer, admin
):
    h = viewer["headers"]
    for name in ("Amstel Business Park", "Zuidas Noord", "Westpoort"):
        make_park(client, admin["headers"], "Amsterdam", name=name)
    r = client.get("/api/v1/overview/parks?limit=2", headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 6
    assert [p["name"] for p in body["items"]] == ["Amstel Business Park", "De Kade"]
    seen = [p["name"] for p in body["items"]]
    while body["next_cursor"]:
        body = client.get(f"/api/v1/overview/parks?limit=2&cursor={body['next_cursor']}",
                          headers=h).json()  # fmt: skip
        assert body["total"] == 6
        seen += [p["name"] for p in body["items"]]
    assert seen == sorted(seen, key=str.lower) and len(seen) == 6

    def names(query: str) -> list[str]:
        r = client.get(f"/api/v1/overview/parks?{query}", headers=h)
        assert r.status_code == 200, r.text
        return [p["name"] for p in r.json()["items"]]

    assert names("active=true") == ["De Kade", "Lage Weide"]
    assert names("active=true&sort=stakeholders") == ["Lage Weide", "De Kade"]
    assert names("sort=stakeholders&limit=3") == ["Lage Weide", "De Kade", "Amstel Business Park"]
    assert names("sort=level&limit=2") == ["Lage Weide", "Amstel Business Park"]
    # Never contacted first (by name), then the longest ago.
    assert names("sort=last_contact")[-1] == "Lage Weide"
    assert names("q=weide") == ["Lage Weide"]
    assert names("province=NH") == ["Amstel Business Park", "Westpoort", "Zuidas Noord"]
    # Paging by a figure keeps every park exactly once.
    page = client.get("/api/v1/overview/parks?sort=stakeholders&limit=4", headers=h).json()
    rest = client.get(
        f"/api/v1/overview/parks?sort=stakeholders&limit=4&cursor={page['next_cursor']}", headers=h
    ).json()
    together = [p["name"] for p in page["items"] + rest["items"]]
    assert sorted(together) == sorted(seen) and rest["next_cursor"] is None
    # A cursor of another sort is refused.
    problem(
        client.get(f"/api/v1/overview/parks?sort=level&cursor={page['next_cursor']}", headers=h),
        400,
    )
    problem(client.get("/api/v1/overview/parks?sort=woz", headers=h), 422)


def test_the_stakeholder_figures_of_a_park(client: TestClient, provinces, viewer):
    park = provinces["lage_weide"]
    r = client.get(f"/api/v1/parks/{park['id']}/stakeholder-figures", headers=viewer["headers"])
    assert r.status_code == 200, r.text
    [jansen] = r.json()["items"]  # the only one interviewed or spoken to
    assert jansen["stakeholder_id"] == provinces["jansen"]["id"]
    assert jansen["interests"] == 2
    assert jansen["last_contact"] == (date.today() - timedelta(days=2)).isoformat()
    assert (jansen["open_follow_ups"], jansen["overdue_follow_ups"]) == (2, 1)
    problem(client.get(f"/api/v1/parks/{provinces['jansen']['id']}/stakeholder-figures",
                       headers=viewer["headers"]), 404)  # fmt: skip
