"""Themes skipped in an interview are kept with the stakeholder, so every colleague sees them."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem
from tests.interests.test_interests import _interest, _park, _stakeholder


def test_a_skip_is_shared_idempotent_and_goes_when_an_interest_is_recorded(
    client: TestClient, expert_ut, make_user, viewer, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    sid = _stakeholder(client, h, park, "Transport Van Dijk", "entrepreneur")
    base = f"/api/v1/stakeholders/{sid}/skipped-themes"
    assert client.get(base, headers=h).json() == []

    first = client.put(f"{base}/water", headers=h)
    assert first.status_code == 201, first.text
    assert first.json()["theme_code"] == "water" and first.json()["park_id"] == park
    again = client.put(f"{base}/water", headers=h)
    assert again.status_code == 200 and again.json()["created_at"] == first.json()["created_at"]
    assert client.put(f"{base}/fibre", headers=h).status_code == 201

    # A colleague on another laptop, and a viewer, see the same interview state.
    colleague = make_user("expert", ["UT"])["headers"]
    for headers in (colleague, viewer["headers"]):
        assert [s["theme_code"] for s in client.get(base, headers=headers).json()] == [
            "water",
            "fibre",
        ]
    assert client.put(f"{base}/security", headers=viewer["headers"]).status_code == 403
    outsider = make_user("expert", ["NB"])["headers"]
    assert client.put(f"{base}/security", headers=outsider).status_code == 403

    # Recording an interest in a skipped theme takes the skip away; skipping it then is refused.
    _interest(client, h, sid, "water", 3)
    assert [s["theme_code"] for s in client.get(base, headers=h).json()] == ["fibre"]
    conflict = problem(client.put(f"{base}/water", headers=h), 409)
    assert "has an interest in theme 'water'" in conflict["detail"]

    # Moving an interest to a skipped theme does the same.
    security = _interest(client, h, sid, "security", 2)
    moved = client.patch(
        f"/api/v1/interests/{security['id']}",
        json={"theme_code": "fibre"},
        headers={**h, "If-Match": f'"{security["version"]}"'},
    )
    assert moved.status_code == 200, moved.text
    assert client.get(base, headers=h).json() == []

    # Opening a skipped theme again; an unknown theme or one not skipped is not there.
    assert client.put(f"{base}/ev_charging", headers=h).status_code == 201
    assert client.delete(f"{base}/ev_charging", headers=h).status_code == 204
    assert "not skipped" in problem(client.delete(f"{base}/ev_charging", headers=h), 404)["detail"]
    assert (
        "no theme 'teleport'" in problem(client.put(f"{base}/teleport", headers=h), 404)["detail"]
    )
    problem(client.put(f"{base}/{'x' * 41}", headers=h), 422)

    # Every skip and unskip is in the audit trail and the change feed.
    events = client.get(
        "/api/v1/audit", params={"entity_type": "theme_skip"}, headers=admin["headers"]
    ).json()["items"]
    assert sorted(e["action"] for e in events) == sorted(
        ["create", "create", "delete", "delete", "create", "delete"]
    )


def test_skips_go_with_their_stakeholder_and_park(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park = _park(client, h)
    sid = _stakeholder(client, h, park, "Bakkerij", "entrepreneur")
    other = _stakeholder(client, h, park, "Gemeente", "municipality")
    assert (
        client.put(f"/api/v1/stakeholders/{sid}/skipped-themes/water", headers=h).status_code == 201
    )
    assert (
        client.put(f"/api/v1/stakeholders/{other}/skipped-themes/water", headers=h).status_code
        == 201
    )

    st = client.get(f"/api/v1/stakeholders/{sid}", headers=h).json()
    gone = client.delete(
        f"/api/v1/stakeholders/{sid}", headers={**h, "If-Match": f'"{st["version"]}"'}
    )
    assert gone.status_code == 204, gone.text
    park_row = client.get(f"/api/v1/parks/{park}", headers=h).json()
    assert (
        client.delete(
            f"/api/v1/parks/{park}", headers={**h, "If-Match": f'"{park_row["version"]}"'}
        ).status_code
        == 204
    )

    feed = client.get("/api/v1/changes", headers=admin["headers"]).json()["items"]
    deleted_skips = [
        c for c in feed if c["entity_type"] == "theme_skip" and c["action"] == "delete"
    ]
    assert len(deleted_skips) == 2
