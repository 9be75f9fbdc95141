"""Contact moments and the list of open follow-ups: whom to call this week."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from tests.conftest import problem
from tests.stakeholders.helpers import make_contact, make_park, make_stakeholder


def test_expert_records_contacts_and_marks_a_follow_up_done(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    first = make_contact(
        client, h, st["id"], date="2026-11-02", channel="visit", follow_up_date="2026-11-20"
    )
    assert first["summary"] == "Kennismaking." and first["follow_up_done"] is False
    assert first["version"] == 1 and first["personal_data_hidden"] is False
    make_contact(client, h, st["id"], date="2026-10-01", channel="phone", summary=None)
    make_contact(client, h, st["id"], date="2026-11-15", channel="event", summary="Netwerkavond")

    listed = client.get(f"/api/v1/stakeholders/{st['id']}/contacts?limit=2", headers=h).json()
    assert [c["date"] for c in listed["items"]] == ["2026-10-01", "2026-11-02"]
    rest = client.get(
        f"/api/v1/stakeholders/{st['id']}/contacts?limit=2&cursor={listed['next_cursor']}",
        headers=h,
    ).json()
    assert [c["channel"] for c in rest["items"]] == ["event"] and rest["next_cursor"] is None

    url = f"/api/v1/contacts/{first['id']}"
    got = client.get(url, headers=h)
    assert got.json() == first and got.headers["ETag"] == '"1-personal"'
    assert client.get(url, headers={**h, "If-None-Match": '"1-personal"'}).status_code == 304
    done = client.patch(url, json={"follow_up_done": True}, headers={**h, "If-Match": '"1"'})
    assert done.status_code == 200, done.text
    assert done.json()["follow_up_done"] is True and done.json()["version"] == 2
    problem(client.patch(url, json={"summary": "x"}, headers={**h, "If-Match": '"1"'}), 412)

    events = client.get(f"/api/v1/audit?entity_id={first['id']}", headers=admin["headers"])
    changes = [e["changes"] for e in events.json()["items"]]
    assert changes[0]["summary"] == {"old": None, "new": "(redacted)"}  # never the text
    assert changes[0]["channel"] == {"old": None, "new": "visit"}
    assert changes[1] == {"follow_up_done": {"old": False, "new": True}}

    problem(client.delete(url, headers={**h, "If-Match": '"1"'}), 412)
    assert client.delete(url, headers=h).status_code == 204
    problem(client.get(url, headers=h), 404)
    audit = client.get(f"/api/v1/audit?entity_id={first['id']}", headers=admin["headers"])
    assert audit.json()["items"][-1]["action"] == "delete"


def test_contact_moments_are_checked(client: TestClient, admin, viewer):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    url = f"/api/v1/stakeholders/{st['id']}/contacts"
    ok = {"date": "2026-11-02", "channel": "meeting"}
    bad = [
        ({"date": None}, "date"),
        ({"date": "2-11-2026"}, "date"),
        ({"channel": "pigeon"}, "channel"),
        ({"summary": "x" * 10_001}, "summary"),
        ({"follow_up_date": "morgen"}, "follow_up_date"),
        ({"follow_up_date": "2026-11-01"}, "follow_up_date"),  # before the contact
        ({"stakeholder_id": str(uuid.uuid4())}, "stakeholder_id"),
    ]
    for fields, field in bad:
        body = problem(client.post(url, json={**ok, **fields}, headers=h), 422)
        assert any(e["loc"][:2] == ["body", field] for e in body["errors"]), (fields, body)
    contact = make_contact(client, h, st["id"], **ok)
    one = f"/api/v1/contacts/{contact['id']}"
    for field in ("date", "channel", "follow_up_done"):
        problem(client.patch(one, json={field: None}, headers=h), 422)
    problem(client.patch(one, json={"follow_up_date": "2026-01-01"}, headers=h), 422)
    problem(
        client.patch(one, json={"date": "2027-01-01", "follow_up_date": "2026-12-01"}, headers=h),
        422,
    )
    assert client.patch(one, json={"follow_up_date": None}, headers=h).status_code == 200
    problem(client.post(url, json=ok, headers=viewer["headers"]), 403)
    problem(client.patch(one, json={"summary": "x"}, headers=viewer["headers"]), 403)
    problem(client.delete(one, headers=viewer["headers"]), 403)
    problem(client.post(f"/api/v1/stakeholders/{uuid.uuid4()}/contacts", json=ok, headers=h), 404)
    problem(client.get(f"/api/v1/contacts/{uuid.uuid4()}", headers=h), 404)


def test_open_follow_ups_across_the_parks_an_expert_works_on(
    client: TestClient, make_user, admin, viewer
):
    expert_ut = make_user("expert", ["UT"])
    expert_nb = make_user("expert", ["NB", "LI"])
    a = admin["headers"]
    utrecht = make_park(client, a, name="Lage Weide")
    houten = make_park(client, a, municipality="Houten", name="De Schaft")
    breda = make_park(client, a, municipality="Breda", name="Hazeldonk")
    jansen = make_stakeholder(client, a, utrecht["id"], name="Bakkerij Jansen")
    gemeente = make_stakeholder(
        client, a, houten["id"], name="Gemeente Houten", kind="municipality", kvk_number=None,
        contact_name="Piet de Vries", phone="030 123 4567", email="piet@houten.nl",
    )  # fmt: skip
    breda_bv = make_stakeholder(client, a, breda["id"], name="Breda Logistiek")

    def contact(st, follow_up, done=False, **extra):
        fields = {"date": "2026-11-01", **extra}
        return make_contact(
            client, a, st["id"], follow_up_date=follow_up, follow_up_done=done, **fields
        )

    overdue = contact(
        jansen, "2026-10-15", summary="Offerte zonnepanelen nabellen", date="2026-10-01"
    )
    this_week = contact(gemeente, "2026-12-03", channel="phone", summary="BIZ-traject bespreken")
    friday = contact(jansen, "2026-12-04")
    contact(jansen, "2026-12-20")  # later
    contact(jansen, "2026-12-02", done=True)  # done already
    contact(jansen, None)  # no follow-up
    in_breda = contact(breda_bv, "2026-12-01")

    def due(headers, query="follow_up_before=2026-12-04"):
        r = client.get(f"/api/v1/contacts?{query}", headers=headers)
        assert r.status_code == 200, r.text
        return r.json()["items"]

    mine = due(expert_ut["headers"])
    assert [f["contact_id"] for f in mine] == [overdue["id"], this_week["id"], friday["id"]]
    call = mine[1]
    assert call == {
        "contact_id": this_week["id"],
        "version": 1,
        "follow_up_date": "2026-12-03",
        "date": "2026-11-01",
        "channel": "phone",
        "summary": "BIZ-traject bespreken",
        "stakeholder_id": gemeente["id"],
        "stakeholder_name": "Gemeente Houten",
        "contact_name": "Piet de Vries",
        "phone": "+31301234567",
        "email": "piet@houten.nl",
        "park_id": houten["id"],
        "park_name": "De Schaft",
        "province": "UT",
        "personal_data_hidden": False,
    }
    assert [f["contact_id"] for f in due(expert_nb["headers"])] == [in_breda["id"]]
    everything = due(a)
    assert [f["contact_id"] for f in everything] == [
        overdue["id"], in_breda["id"], this_week["id"], friday["id"],
    ]  # fmt: skip
    assert len(due(a, "")) == 5  # without a date: every open follow-up
    assert [f["park_name"] for f in due(a, f"park_id={houten['id']}")] == ["De Schaft"]

    # Paging, soonest first.
    page = client.get("/api/v1/contacts?limit=2", headers=a).json()
    second = client.get(f"/api/v1/contacts?limit=2&cursor={page['next_cursor']}", headers=a)
    dates = [f["follow_up_date"] for f in page["items"] + second.json()["items"]]
    assert dates == ["2026-10-15", "2026-12-01", "2026-12-03", "2026-12-04"]

    # Marking one done (with the version the list gave) takes it off the list.
    listed = next(f for f in page["items"] if f["contact_id"] == overdue["id"])
    done = client.patch(
        f"/api/v1/contacts/{overdue['id']}",
        json={"follow_up_done": True},
        headers={**a, "If-Match": f'"{listed["version"]}"'},
    )
    assert done.status_code == 200, done.text
    assert overdue["id"] not in [f["contact_id"] for f in due(expert_ut["headers"])]

    body = problem(client.get("/api/v1/contacts", headers=viewer["headers"]), 403)
    assert "works on none" in body["detail"]
    problem(client.get("/api/v1/contacts?follow_up_before=volgende-week", headers=a), 422)
    problem(client.get("/api/v1/contacts", headers={}), 401)


def test_a_new_contact_closes_the_open_follow_ups_of_that_stakeholder(
    client: TestClient, expert_ut, admin
):
    h = expert_ut["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    other = make_stakeholder(client, h, park["id"], name="Drukkerij De Vries", kvk_number=None)
    a = make_contact(client, h, st["id"], date="2026-10-01", follow_up_date="2026-10-15")
    b = make_contact(client, h, st["id"], date="2026-10-20", follow_up_date="2026-11-01")
    kept = make_contact(client, h, other["id"], date="2026-10-20", follow_up_date="2026-11-01")

    def open_ids() -> set[str]:
        r = client.get(f"/api/v1/contacts?park_id={park['id']}", headers=h)
        return {f["contact_id"] for f in r.json()["items"]}

    assert open_ids() == {a["id"], b["id"], kept["id"]}
    # Without asking, nothing else changes (the stakeholder shows up twice under "Opvolgen").
    c = make_contact(client, h, st["id"], date="2026-11-02", follow_up_date="2026-12-01")
    assert open_ids() == {a["id"], b["id"], kept["id"], c["id"]}
    # Asking closes this stakeholder's open follow-ups, not another's; the new one stays open.
    d = make_contact(
        client, h, st["id"], date="2026-11-20", follow_up_date="2026-12-15",
        close_open_follow_ups=True,
    )  # fmt: skip
    assert "close_open_follow_ups" not in d
    assert open_ids() == {kept["id"], d["id"]}
    closed = client.get(f"/api/v1/contacts/{a['id']}", headers=h).json()
    assert closed["follow_up_done"] is True and closed["version"] == 2
    trail = client.get(f"/api/v1/audit?entity_id={a['id']}", headers=admin["headers"]).json()[
        "items"
    ]
    assert [e["action"] for e in trail] == ["create", "update"]
    assert trail[-1]["changes"]["follow_up_done"] == {"old": False, "new": True}
    # A refused contact closes nothing: one transaction.
    problem(
        client.post(
            f"/api/v1/stakeholders/{other['id']}/contacts",
            json={"date": "2026-11-20", "channel": "visit", "follow_up_date": "2026-11-01",
                  "close_open_follow_ups": True},
            headers=h,
        ),
        422,
    )  # fmt: skip
    assert kept["id"] in open_ids()
