"""The change seam through the API: every write gives exactly its audit events and change-log
rows, cascades give a tombstone per entity, and the feed can be followed without missing or
repeating anything, also under concurrent writers."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import IS_POSTGRES, problem
from tests.stakeholders.helpers import make_park, make_stakeholder


def follow(client: TestClient, headers: dict[str, str], cursor: str | None = None, **params: Any):
    """Read the feed to its end from ``cursor``; the changes and where to continue."""
    items: list[dict[str, Any]] = []
    while True:
        query = {**params, "limit": 50, **({"cursor": cursor} if cursor else {})}
        r = client.get("/api/v1/changes", params=query, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not body["items"]:
            return items, cursor


def trail(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/v1/audit", params={"limit": 200, **params}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def shape(items: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [(i["entity_type"], i["action"], i["version"]) for i in items]


def test_each_write_gives_its_audit_event_and_change(client: TestClient, admin, make_user):
    h = admin["headers"]
    _, start = follow(client, h, "now")
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    contact = client.post(
        f"/api/v1/stakeholders/{st['id']}/contacts",
        json={"date": "2026-11-02", "channel": "visit", "summary": "Gesprek"},
        headers=h,
    ).json()
    interest = client.post(
        f"/api/v1/stakeholders/{st['id']}/interests",
        json={"theme_code": "energy_hub", "urgency": 4},
        headers=h,
    ).json()
    client.patch(f"/api/v1/parks/{park['id']}", json={"description": "Nieuw"}, headers=h)
    client.patch(f"/api/v1/stakeholders/{st['id']}", json={"notes": "x"}, headers=h)
    client.patch(f"/api/v1/contacts/{contact['id']}", json={"follow_up_done": True}, headers=h)
    client.patch(f"/api/v1/interests/{interest['id']}", json={"urgency": 5}, headers=h)
    # A write that changes nothing is no change.
    client.patch(f"/api/v1/interests/{interest['id']}", json={"urgency": 5}, headers=h)
    client.delete(f"/api/v1/interests/{interest['id']}", headers=h)
    client.delete(f"/api/v1/contacts/{contact['id']}", headers=h)
    user = make_user("viewer")
    client.patch(f"/api/v1/users/{user['id']}", json={"full_name": "Nieuw"}, headers=h)

    items, _ = follow(client, h, start)
    assert shape(items) == [
        ("park", "create", 1),
        ("stakeholder", "create", 1),
        ("contact_moment", "create", 1),
        ("interest", "create", 1),
        ("park", "update", 2),
        ("stakeholder", "update", 2),
        ("contact_moment", "update", 2),
        ("interest", "update", 2),
        ("interest", "delete", 2),
        ("contact_moment", "delete", 2),
        ("user", "update", 2),  # made in the database by the fixture: no create through the API
    ]
    assert [i["entity_id"] for i in items[:4]] == [
        park["id"],
        st["id"],
        contact["id"],
        interest["id"],
    ]
    assert all(i["park_id"] == park["id"] for i in items[:10]) and items[10]["park_id"] is None
    positions = [i["cursor"] for i in items]
    assert len(set(positions)) == len(positions)
    # The same writes, in the audit trail, once each.
    events = trail(client, h, park_id=park["id"])
    assert [(e["entity_type"], e["action"]) for e in events] == [
        (t, a) for t, a, _ in shape(items[:10])
    ]
    # Neither the feed nor the trail holds the contact person or the summary.
    text = json.dumps(items) + json.dumps(events)
    for secret in ("Anna Jansen", "anna@bakkerijjansen.nl", "Gesprek", "+31612345678"):
        assert secret not in text


def test_deleting_a_park_gives_a_tombstone_for_everything_under_it(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    other = make_park(client, h, "Houten")
    kept = make_stakeholder(client, h, other["id"])
    ids: dict[str, set[str]] = {"stakeholder": set(), "contact_moment": set(), "interest": set()}
    for n in range(3):
        st = make_stakeholder(client, h, park["id"], kvk_number=f"1000000{n}", name=f"Bedrijf {n}")
        ids["stakeholder"].add(st["id"])
        for day in ("2026-10-01", "2026-11-01"):
            c = client.post(
                f"/api/v1/stakeholders/{st['id']}/contacts",
                json={"date": day, "channel": "phone"},
                headers=h,
            )
            ids["contact_moment"].add(c.json()["id"])
        i = client.post(
            f"/api/v1/stakeholders/{st['id']}/interests",
            json={"theme_code": "security", "urgency": 3},
            headers=h,
        )
        ids["interest"].add(i.json()["id"])
    _, before = follow(client, h, "now")
    assert client.delete(f"/api/v1/parks/{park['id']}", headers=h).status_code == 204

    items, _ = follow(client, h, before)
    assert all(i["action"] == "delete" and i["park_id"] == park["id"] for i in items)
    assert items[0]["entity_type"] == "park" and items[0]["entity_id"] == park["id"]
    for entity_type, expected in ids.items():
        assert {i["entity_id"] for i in items if i["entity_type"] == entity_type} == expected
    assert len(items) == 1 + 3 + 6 + 3
    # Each tombstone is in the audit trail too, saying what it went with.
    events = trail(client, h, park_id=park["id"], entity_type="contact_moment")
    gone = [e for e in events if e["action"] == "delete"]
    assert len(gone) == 6
    assert gone[0]["changes"]["deleted_with"]["new"].startswith("stakeholder ")
    # The other park is untouched.
    assert client.get(f"/api/v1/stakeholders/{kept['id']}", headers=h).status_code == 200


def test_a_bulk_import_keeps_every_guarantee_of_the_single_path(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"], kvk_number="11111111", name="Alfa")
    interest = client.post(
        f"/api/v1/stakeholders/{st['id']}/interests",
        json={"theme_code": "energy_hub", "urgency": 4},
        headers=h,
    ).json()
    _, before = follow(client, h, "now")
    rows = "naam;soort;kvk\nAlfa;vastgoedeigenaar;11111111\n" + "".join(
        f"Nieuw {n};ondernemer;2000000{n}\n" for n in range(5)
    )
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders/import",
        files={"file": ("lijst.csv", rows.encode(), "text/csv")},
        headers=h,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["created"], r.json()["updated"]) == (5, 1)

    items, _ = follow(client, h, before)
    assert sorted(shape(items)) == sorted(
        [("stakeholder", "create", 1)] * 5 + [("stakeholder", "update", 2)]
    )
    got = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()
    assert got["version"] == 2 and got["kind"] == "property_owner"
    events = trail(client, h, park_id=park["id"], entity_type="stakeholder")
    assert [e["action"] for e in events].count("create") == 6  # Alfa and the five new ones
    update = next(e for e in events if e["action"] == "update")
    assert update["changes"] == {"kind": {"old": "entrepreneur", "new": "property_owner"}}
    # The interest follows its stakeholder's new kind (a handler of the interests domain).
    shared = client.get(
        f"/api/v1/parks/{park['id']}/shared-interests?min_stakeholders=1", headers=h
    )
    assert shared.json()["items"][0]["kinds"] == {"property_owner": 1}
    assert client.get(f"/api/v1/interests/{interest['id']}", headers=h).json()["version"] == 1


def test_an_erasure_is_an_update_in_the_feed(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    client.post(
        f"/api/v1/stakeholders/{st['id']}/contacts",
        json={"date": "2026-11-02", "channel": "visit", "summary": "Privé"},
        headers=h,
    )
    _, before = follow(client, h, "now")
    assert (
        client.delete(f"/api/v1/stakeholders/{st['id']}/personal-data", headers=h).status_code
        == 204
    )
    items, _ = follow(client, h, before)
    assert shape(items) == [("stakeholder", "update", 2), ("contact_moment", "update", 2)]


def test_the_feed_pages_filters_and_starts_now(client: TestClient, admin, viewer, expert_ut):
    h = admin["headers"]
    first, present = follow(client, h)
    assert first == [] and present  # an empty feed answers where "now" is
    parks = [make_park(client, h, m) for m in ("Utrecht", "Houten", "Zeist")]
    st = make_stakeholder(client, h, parks[0]["id"])
    r = client.get("/api/v1/changes", params={"limit": 2}, headers=h).json()
    assert len(r["items"]) == 2 and r["next_cursor"] == r["items"][-1]["cursor"]
    rest = client.get("/api/v1/changes", params={"cursor": r["next_cursor"]}, headers=h).json()
    assert shape(r["items"] + rest["items"]) == [("park", "create", 1)] * 3 + [
        ("stakeholder", "create", 1)
    ]
    only = client.get("/api/v1/changes", params={"types": "stakeholder"}, headers=h).json()
    assert [i["entity_id"] for i in only["items"]] == [st["id"]]
    one_park = client.get("/api/v1/changes", params={"park_id": parks[1]["id"]}, headers=h).json()
    assert [i["entity_id"] for i in one_park["items"]] == [parks[1]["id"]]
    now = client.get("/api/v1/changes", params={"cursor": "now"}, headers=h).json()
    assert now["items"] == []
    after_now, _ = follow(client, h, now["next_cursor"])
    assert after_now == []
    make_park(client, h, "Nieuwegein")
    after_now, _ = follow(client, h, now["next_cursor"])
    assert shape(after_now) == [("park", "create", 1)]
    # A filtered page that found nothing still moves the cursor to the present.
    none = client.get("/api/v1/changes", params={"types": "interest"}, headers=h).json()
    present = client.get("/api/v1/changes", params={"cursor": "now"}, headers=h).json()
    assert none["items"] == [] and none["next_cursor"] == present["next_cursor"]
    for bad in ("abc", "now2", "e30"):
        problem(client.get("/api/v1/changes", params={"cursor": bad}, headers=h), 400)
    problem(client.get("/api/v1/changes", params={"types": "park;drop"}, headers=h), 422)
    for who in (viewer, expert_ut):
        problem(client.get("/api/v1/changes", headers=who["headers"]), 403)


@pytest.mark.skipif(not IS_POSTGRES, reason="commit order of concurrent transactions")
def test_a_long_transaction_that_commits_last_is_not_skipped(client: TestClient, admin):
    """T1 starts first and writes, T2 starts later, writes and commits; a follower reads; then
    T1 commits. With positions taken at insert time T1's change would sit below the follower's
    cursor and be missed; positions taken at commit put it after."""
    from sqlmodel import Session

    from backend.core.actor import Actor
    from backend.core.db import get_engine
    from backend.parks import service as parks
    from backend.parks.models import ParkCreate

    h = admin["headers"]
    _, cursor = follow(client, h, "now")
    actor = Actor("user", admin["id"], "test")
    long_tx = Session(get_engine())
    first = str(
        parks.create_park(
            long_tx, actor, ParkCreate(name="Eerst begonnen", municipality="Utrecht")
        ).id
    )
    with Session(get_engine()) as short_tx:
        parks.create_park(short_tx, actor, ParkCreate(name="Later begonnen", municipality="Houten"))
        short_tx.commit()
    seen, cursor = follow(client, h, cursor)
    assert [i["entity_type"] for i in seen] == ["park"] and seen[0]["entity_id"] != first
    long_tx.commit()
    long_tx.close()
    late, cursor = follow(client, h, cursor)
    assert [i["entity_id"] for i in late] == [first]


def test_concurrent_writers_and_a_follower_see_every_change_once_in_order(
    client: TestClient, admin
):
    """Several app processes write at once while a client follows the feed; at the end the
    follower has every change exactly once, and positions only ever grew."""
    from backend.main import create_app

    h = admin["headers"]
    park = make_park(client, h)
    _, cursor = follow(client, h, "now")
    writers, per_writer = 4, 8
    done = threading.Event()
    errors: list[str] = []

    def write(n: int) -> None:
        process = TestClient(create_app())
        for k in range(per_writer):
            r = process.post(
                f"/api/v1/parks/{park['id']}/stakeholders",
                json={"name": f"W{n}-{k}", "kind": "other"},
                headers=h,
            )
            if r.status_code != 201:
                errors.append(r.text)

    seen: list[dict[str, Any]] = []

    def follower() -> None:
        nonlocal cursor
        reader = TestClient(create_app())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            r = reader.get("/api/v1/changes", params={"cursor": cursor, "limit": 7}, headers=h)
            body = r.json()
            seen.extend(body["items"])
            cursor = body["next_cursor"]
            if done.is_set() and not body["items"]:
                return
            time.sleep(0.005)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reader = threading.Thread(target=follower)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    assert errors == []
    ids = [i["entity_id"] for i in seen]
    assert len(ids) == len(set(ids)) == writers * per_writer
    listed = client.get(
        f"/api/v1/parks/{park['id']}/stakeholders", params={"limit": 200}, headers=h
    ).json()["items"]
    assert set(ids) == {s["id"] for s in listed}
    positions = [i["cursor"] for i in seen]
    assert positions == sorted(positions, key=_position)


def _position(cursor: str) -> int:
    from backend.core.pagination import decode_cursor

    return int(decode_cursor(cursor, "changes", 1)[0])


def test_the_audit_trail_filters_by_period_and_pages_in_both_orders(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    for n in range(5):
        r = client.patch(f"/api/v1/parks/{park['id']}", json={"description": f"{n}"}, headers=h)
        assert r.status_code == 200, r.text
    oldest = trail(client, h, park_id=park["id"])
    assert [(e["action"], e["changes"].get("description", {}).get("new")) for e in oldest] == [
        ("create", None),
        *[("update", f"{n}") for n in range(5)],
    ]
    # Newest first is the same trail the other way round; the default stays oldest first.
    newest = trail(client, h, park_id=park["id"], order="newest")
    assert [e["id"] for e in newest] == [e["id"] for e in reversed(oldest)]
    assert trail(client, h, park_id=park["id"], order="oldest") == oldest

    # Paging by two continues in the order asked for, without gaps or repeats.
    for order, expected in (("oldest", oldest), ("newest", newest)):
        seen: list[str] = []
        cursor: str | None = None
        while True:
            params = {"park_id": park["id"], "order": order, "limit": 2}
            r = client.get(
                "/api/v1/audit",
                params={**params, **({"cursor": cursor} if cursor else {})},
                headers=h,
            )
            assert r.status_code == 200, r.text
            seen += [e["id"] for e in r.json()["items"]]
            cursor = r.json()["next_cursor"]
            if cursor is None:
                break
        assert seen == [e["id"] for e in expected]
    # A cursor belongs to its order.
    r = client.get("/api/v1/audit", params={"park_id": park["id"], "limit": 2}, headers=h)
    other = r.json()["next_cursor"]
    problem(
        client.get("/api/v1/audit", params={"order": "newest", "cursor": other}, headers=h), 400
    )

    # A period of moments: `from` inclusive, `to` exclusive.
    start, end = oldest[1]["occurred_at"], oldest[4]["occurred_at"]
    inside = trail(client, h, park_id=park["id"], **{"from": start, "to": end})
    assert [e["id"] for e in inside] == [e["id"] for e in oldest[1:4]]
    inside = trail(client, h, park_id=park["id"], order="newest", **{"from": start, "to": end})
    assert [e["id"] for e in inside] == [e["id"] for e in reversed(oldest[1:4])]
    assert trail(client, h, park_id=park["id"], **{"from": end}) == oldest[4:]
    assert trail(client, h, park_id=park["id"], to=start) == oldest[:1]
    # The same moment with another offset is the same moment.
    moment = datetime.fromisoformat(start).astimezone(timezone(timedelta(hours=1)))
    assert trail(client, h, park_id=park["id"], **{"from": moment.isoformat()}) == oldest[1:]

    # Dates are days in UTC; a date in `to` takes the whole day in.
    today = datetime.fromisoformat(oldest[0]["occurred_at"]).astimezone(UTC).date()
    day, before, after = (
        today.isoformat(),
        str(today - timedelta(days=1)),
        str(today + timedelta(days=1)),
    )
    assert trail(client, h, park_id=park["id"], **{"from": day, "to": day}) == oldest
    assert trail(client, h, park_id=park["id"], to=before) == []
    assert trail(client, h, park_id=park["id"], **{"from": after}) == []

    # Bounds that are not moments, or a period that ends before it starts: 422.
    for params in (
        {"from": "gisteren"},
        {"from": "2026-13-01"},
        {"to": "1764672000"},
        {"from": "2026-12-02T25:00:00Z"},
        {"from": after, "to": day},
        {"from": f"{after}T00:00:00Z", "to": day},
        {"from": "2026-12-02T10:00:00Z", "to": "2026-12-02T09:59:59Z"},
    ):
        body = problem(client.get("/api/v1/audit", params=params, headers=h), 422)
        assert body["errors"][0]["loc"][0] == "query", body
    problem(client.get("/api/v1/audit", params={"order": "random"}, headers=h), 422)
    # An empty period is not an error.
    assert trail(client, h, **{"from": start, "to": start}) == []
