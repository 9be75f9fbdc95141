"""``top_shared_interests``: the ranking of ``shared_interests`` alone, in one statement."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session

from backend.core.db import get_engine
from backend.interests import service


def _post(client: TestClient, headers, path: str, body: dict) -> str:
    r = client.post(f"/api/v1{path}", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def test_the_top_themes_are_those_of_the_full_ranking(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park = _post(client, h, "/parks", {"name": "Lage Weide", "municipality": "Utrecht"})
    kinds = ["entrepreneur"] * 4 + ["property_owner", "municipality", "entrepreneur"]
    people = [
        _post(client, h, f"/parks/{park}/stakeholders", {"name": f"P{n}", "kind": kind})
        for n, kind in enumerate(kinds)
    ]
    plan = {  # theme: (stakeholders by index, urgency, willingness)
        "security": ([0, 1, 2, 4, 5], 4, "money"),
        "energy_hub": ([0, 1], 5, "time_and_money"),
        "parking": ([0, 1, 2], 1, "time"),
        "water": ([3], 5, "money"),  # one stakeholder: below the minimum
        "mobility": ([2, 3, 4], 3, "none"),
        "greening": ([0, 5], 2, "time"),
    }
    for theme, (who, urgency, willing) in plan.items():
        for i in who:
            _post(client, h, f"/stakeholders/{people[i]}/interests",
                  {"theme_code": theme, "urgency": urgency + i % 2 * (urgency < 5),
                   "investment_willingness": willing})  # fmt: skip
    empty = _post(client, h, "/parks", {"name": "Leeg", "municipality": "Utrecht"})

    with Session(get_engine()) as session:
        full = service.shared_interests(
            session, uuid.UUID(park), min_stakeholders=2, track=None, language="nl"
        ).items
        every = service.top_shared_interests(
            session, uuid.UUID(park), min_stakeholders=2, limit=100
        )
        top = service.top_shared_interests(session, uuid.UUID(park), min_stakeholders=2, limit=3)
        none = service.top_shared_interests(session, uuid.UUID(empty), min_stakeholders=2, limit=3)

    def seen(items: list) -> list[tuple]:
        return [(i.theme_code, i.stakeholder_count, i.score, i.mean_urgency) for i in items]

    lean = [(r.tally.theme_code, r.tally.stakeholder_count, r.score, r.mean_urgency) for r in every]
    assert len(full) == 5 and lean == seen(full)
    assert [r.tally.theme_code for r in top] == [i.theme_code for i in full[:3]]
    assert all(r.tally.kinds == i.kinds for r, i in zip(every, full, strict=True))
    assert none == []
