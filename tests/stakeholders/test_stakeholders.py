"""Stakeholders through the API: record, read with ETags, edit, find, page, delete, audit."""

from __future__ import annotations

import time
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlmodel import Session

from backend.core.db import get_engine
from backend.parks.models import Park
from backend.stakeholders.models import ContactMoment, Stakeholder
from tests.conftest import IS_POSTGRES, problem
from tests.stakeholders.helpers import (
    STAKEHOLDER,
    make_contact,
    make_park,
    make_stakeholder,
    names,
    upload,
)


def test_expert_records_a_stakeholder_and_edits_it_with_etags(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park = make_park(client, h)
    r = client.post(f"/api/v1/parks/{park['id']}/stakeholders", json=STAKEHOLDER, headers=h)
    assert r.status_code == 201, r.text
    st = r.json()
    assert r.headers["Location"] == f"/api/v1/stakeholders/{st['id']}"
    assert r.headers["ETag"] == '"1-personal"'
    assert st["park_id"] == park["id"] and st["version"] == 1
    assert st["phone"] == "+31612345678"  # stored in E.164
    assert st["woz_value_eur"] == "1250000.50"  # money is a decimal string
    assert st["contact_name"] == "Anna Jansen" and st["personal_data_hidden"] is False
    assert st["personal_data_erased_at"] is None
    assert st["created_at"].endswith("Z")

    url = f"/api/v1/stakeholders/{st['id']}"
    got = client.get(url, headers=h)
    assert got.json() == st and got.headers["ETag"] == '"1-personal"'
    not_modified = client.get(url, headers={**h, "If-None-Match": '"1-personal"'})
    assert not_modified.status_code == 304 and not_modified.headers["ETag"] == '"1-personal"'

    r = client.patch(
        url,
        json={"role": "board", "phone": "+31 10 123 4567", "woz_value_eur": 990000},
        headers={**h, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2-personal"'
    changed = r.json()
    assert (changed["role"], changed["phone"], changed["woz_value_eur"]) == (
        "board",
        "+31101234567",
        "990000.00",
    )
    stale = client.patch(url, json={"notes": "x"}, headers={**admin["headers"], "If-Match": '"1"'})
    assert "changed by someone else" in problem(stale, 412)["detail"]
    # An empty PATCH changes nothing, not even the version; the same values neither.
    assert client.patch(url, json={}, headers=h).json()["version"] == 2
    assert client.patch(url, json={"role": "board"}, headers=h).json()["version"] == 2

    audit = client.get(f"/api/v1/audit?entity_id={st['id']}", headers=admin["headers"]).json()
    events = audit["items"]
    assert [(e["action"], e["actor_label"]) for e in events] == [
        ("create", expert_ut["email"]),
        ("update", expert_ut["email"]),
    ]
    assert events[0]["changes"]["name"] == {"old": None, "new": "Bakkerij Jansen"}
    assert events[1]["changes"] == {
        "phone": {"old": "(redacted)", "new": "(redacted)"},
        "role": {"old": "core_team", "new": "board"},
        "woz_value_eur": {"old": "1250000.50", "new": "990000.00"},
    }

    problem(client.delete(url, headers={**h, "If-Match": '"1"'}), 412)
    assert client.delete(url, headers={**h, "If-Match": '"2"'}).status_code == 204
    problem(client.get(url, headers=h), 404)
    last = client.get(f"/api/v1/audit?entity_id={st['id']}", headers=admin["headers"]).json()
    assert last["items"][-1]["action"] == "delete"
    assert last["items"][-1]["changes"]["name"] == {"old": "Bakkerij Jansen", "new": None}


def test_only_a_name_and_kind_are_needed_and_empty_texts_mean_nothing(client: TestClient, admin):
    park = make_park(client, admin["headers"])
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders",
        json={"name": "  Gemeente Utrecht ", "kind": "municipality", "email": "", "phone": " "},
        headers=admin["headers"],
    )
    assert r.status_code == 201, r.text
    st = r.json()
    assert st["name"] == "Gemeente Utrecht"
    assert (st["role"], st["trial_poll_vote"]) == ("none", "unknown")
    assert st["email"] is None and st["phone"] is None and st["kvk_number"] is None
    # Optional fields can be emptied again.
    full = make_stakeholder(client, admin["headers"], park["id"])
    cleared = client.patch(
        f"/api/v1/stakeholders/{full['id']}",
        json={"phone": None, "email": "", "woz_value_eur": None, "influence": None},
        headers=admin["headers"],
    ).json()
    assert [cleared[k] for k in ("phone", "email", "woz_value_eur", "influence")] == [None] * 4


def test_each_field_is_checked_and_bad_input_changes_nothing(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    url = f"/api/v1/parks/{park['id']}/stakeholders"
    base = {"name": "Nieuw BV", "kind": "entrepreneur"}
    bad_creates = [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"kind": "bank"}, "kind"),
        ({"kind": None}, "kind"),
        ({"kvk_number": "1234567"}, "kvk_number"),
        ({"kvk_number": "123456789"}, "kvk_number"),
        ({"kvk_number": "1234567a"}, "kvk_number"),
        ({"email": "anna-at-jansen.nl"}, "email"),
        ({"phone": "0612"}, "phone"),
        ({"phone": "bel me"}, "phone"),
        ({"employees": -1}, "employees"),
        ({"employees": "veel"}, "employees"),
        ({"role": "chair"}, "role"),
        ({"influence": 0}, "influence"),
        ({"influence": 6}, "influence"),
        ({"involvement": 6}, "involvement"),
        ({"woz_value_eur": -1}, "woz_value_eur"),
        ({"woz_value_eur": "1.234"}, "woz_value_eur"),  # JSON wants a plain decimal
        ({"woz_value_eur": 12.345}, "woz_value_eur"),
        ({"woz_value_eur": "veel"}, "woz_value_eur"),
        ({"woz_value_eur": 10**12}, "woz_value_eur"),
        ({"trial_poll_vote": "maybe"}, "trial_poll_vote"),
        ({"notes": "x" * 10_001}, "notes"),
        ({"park_id": str(uuid.uuid4())}, "park_id"),  # no mass assignment
        ({"version": 7}, "version"),
    ]
    for fields, field in bad_creates:
        r = client.post(url, json={**base, **fields}, headers=h)
        body = problem(r, 422)
        assert any(e["loc"][:2] == ["body", field] for e in body["errors"]), (fields, body)
    assert problem(client.post(url, json={"kind": "other"}, headers=h), 422)["errors"][0][
        "loc"
    ] == ["body", "name"]

    one = f"/api/v1/stakeholders/{st['id']}"
    for field in ("name", "kind", "role", "trial_poll_vote"):
        body = problem(client.patch(one, json={field: None}, headers=h), 422)
        assert body["errors"][0]["loc"] == ["body", field]
    problem(client.patch(one, json={"influence": 9}, headers=h), 422)
    problem(client.get("/api/v1/stakeholders/not-a-uuid", headers=h), 422)
    problem(client.get(f"/api/v1/stakeholders/{uuid.uuid4()}", headers=h), 404)
    problem(client.get(f"/api/v1/parks/{uuid.uuid4()}/stakeholders", headers=h), 404)
    problem(client.post(f"/api/v1/parks/{uuid.uuid4()}/stakeholders", json=base, headers=h), 404)
    assert client.get(one, headers=h).json() == st
    assert names(client, h, park["id"]) == ["Bakkerij Jansen"]


def test_phone_numbers_written_the_dutch_way_are_stored_alike(client: TestClient, admin):
    park = make_park(client, admin["headers"])
    stored = set()
    for i, phone in enumerate(["06-12345678", "+31 6 1234 5678", "0612345678", "06 1234 5678"]):
        st = make_stakeholder(
            client, admin["headers"], park["id"], name=f"S{i}", kvk_number=None, phone=phone
        )
        stored.add(st["phone"])
    assert stored == {"+31612345678"}
    landline = make_stakeholder(
        client, admin["headers"], park["id"], kvk_number=None, phone="010 123 4567"
    )
    assert landline["phone"] == "+31101234567"


def test_the_same_kvk_number_twice_in_a_park_is_a_conflict(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    first = make_stakeholder(client, h, park["id"])
    again = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders",
        json={"name": "Jansen Holding", "kind": "property_owner", "kvk_number": "1234 5678"},
        headers=h,
    )
    body = problem(again, 409)
    assert "12345678" in body["detail"] and "Bakkerij Jansen" in body["detail"]
    assert body["existing_id"] == first["id"]
    # Another park may have the same organisation.
    other_park = make_park(client, h, municipality="Amersfoort")
    make_stakeholder(client, h, other_park["id"])
    second = make_stakeholder(client, h, park["id"], name="Tweede", kvk_number="87654321")
    r = client.patch(
        f"/api/v1/stakeholders/{second['id']}", json={"kvk_number": "12345678"}, headers=h
    )
    problem(r, 409)
    # Saving a stakeholder with its own KvK number is fine.
    own = client.patch(
        f"/api/v1/stakeholders/{first['id']}", json={"kvk_number": "12345678"}, headers=h
    )
    assert own.status_code == 200
    assert names(client, h, park["id"]) == ["Bakkerij Jansen", "Tweede"]


def test_filters_search_and_keyset_pages(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    specs = [
        ("Autobedrijf Noord", "entrepreneur", "member", "11111111"),
        ("Bouwbedrijf 100%", "entrepreneur", "board", "22222222"),
        ("Eneco Netbeheer", "grid_operator", "none", None),
        ("Gemeente Utrecht", "municipality", "core_team", None),
        ("Rabobank", "financier", "none", "30001234"),
        ("Vastgoed_Fonds", "property_owner", "member", "30009999"),
        ("Zuivel BV", "entrepreneur", "none", "44444444"),
    ]
    for name, kind, role, kvk in specs:
        make_stakeholder(client, h, park["id"], name=name, kind=kind, role=role, kvk_number=kvk)
    other = make_park(client, h, municipality="Houten")
    make_stakeholder(client, h, other["id"], name="Elders BV")

    seen, cursor = [], None
    while True:
        url = f"/api/v1/parks/{park['id']}/stakeholders?limit=3" + (
            f"&cursor={cursor}" if cursor else ""
        )
        page = client.get(url, headers=h).json()
        seen += [s["name"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [s[0] for s in specs]

    pid = park["id"]
    assert names(client, h, pid, "&kind=entrepreneur") == [
        "Autobedrijf Noord",
        "Bouwbedrijf 100%",
        "Zuivel BV",
    ]
    assert names(client, h, pid, "&role=member") == ["Autobedrijf Noord", "Vastgoed_Fonds"]
    assert names(client, h, pid, "&kind=entrepreneur&role=none") == ["Zuivel BV"]
    assert names(client, h, pid, "&q=bedrijf") == ["Autobedrijf Noord", "Bouwbedrijf 100%"]
    assert names(client, h, pid, "&q=100%25") == ["Bouwbedrijf 100%"]
    assert names(client, h, pid, "&q=_") == ["Vastgoed_Fonds"]
    assert names(client, h, pid, "&q=3000") == ["Rabobank", "Vastgoed_Fonds"]  # KvK prefix
    assert names(client, h, pid, "&q=GEMEENTE") == ["Gemeente Utrecht"]
    problem(client.get(f"/api/v1/parks/{pid}/stakeholders?kind=bank", headers=h), 422)
    problem(client.get(f"/api/v1/parks/{pid}/stakeholders?cursor=nonsense", headers=h), 400)
    parks_cursor = client.get("/api/v1/parks?limit=1", headers=h).json()["next_cursor"]
    problem(client.get(f"/api/v1/parks/{pid}/stakeholders?cursor={parks_cursor}", headers=h), 400)


def test_updated_since_gives_the_changes_in_order(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    a = make_stakeholder(client, h, park["id"], name="A", kvk_number=None)
    b = make_stakeholder(client, h, park["id"], name="B", kvk_number=None)
    mark = b["updated_at"]
    time.sleep(0.01)
    client.patch(f"/api/v1/stakeholders/{a['id']}", json={"influence": 1}, headers=h)
    c = make_stakeholder(client, h, park["id"], name="C", kvk_number=None)
    base = f"/api/v1/parks/{park['id']}/stakeholders?updated_since={mark}&limit=1"
    first = client.get(base, headers=h).json()
    assert [s["name"] for s in first["items"]] == ["A"]
    second = client.get(f"{base}&cursor={first['next_cursor']}", headers=h).json()
    assert [s["id"] for s in second["items"]] == [c["id"]] and second["next_cursor"] is None


def test_writes_need_the_park_province(client: TestClient, make_user, admin, viewer):
    expert_nb = make_user("expert", ["NB"])
    park = make_park(client, admin["headers"])
    st = make_stakeholder(client, admin["headers"], park["id"])
    url = f"/api/v1/stakeholders/{st['id']}"
    for who in (viewer, expert_nb):
        h = who["headers"]
        create = client.post(
            f"/api/v1/parks/{park['id']}/stakeholders",
            json={"name": "X", "kind": "other"},
            headers=h,
        )
        problem(create, 403)
        problem(client.patch(url, json={"notes": "x"}, headers=h), 403)
        problem(client.delete(url, headers=h), 403)
        assert client.get(url, headers=h).status_code == 200
    assert client.get(url, headers=admin["headers"]).json()["version"] == 1


def test_deleting_a_park_deletes_its_stakeholders_and_contact_moments(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    keep = make_park(client, h, municipality="Zeist")
    st = make_stakeholder(client, h, park["id"])
    contact = make_contact(client, h, st["id"], follow_up_date="2026-12-01")
    kept = make_stakeholder(client, h, keep["id"])
    make_contact(client, h, kept["id"])

    assert client.delete(f"/api/v1/parks/{park['id']}", headers=h).status_code == 204
    problem(client.get(f"/api/v1/stakeholders/{st['id']}", headers=h), 404)
    problem(client.get(f"/api/v1/contacts/{contact['id']}", headers=h), 404)
    with Session(get_engine()) as s:
        assert s.scalar(select(func.count()).select_from(Stakeholder)) == 1
        assert s.scalar(select(func.count()).select_from(ContactMoment)) == 1
    assert client.get("/api/v1/contacts", headers=h).json()["items"] == []

    # The database cascades by itself too (ON DELETE CASCADE), without the ORM.
    with get_engine().begin() as conn:
        conn.execute(text("DELETE FROM parks WHERE id = :id"), {"id": _db_id(keep["id"])})
    with Session(get_engine()) as s:
        assert s.scalar(select(func.count()).select_from(Stakeholder)) == 0
        assert s.scalar(select(func.count()).select_from(ContactMoment)) == 0


def test_the_database_deletes_stakeholders_with_their_park(client: TestClient, admin):
    """No ORM relationship crosses domains: the foreign keys cascade, on both databases."""
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    make_contact(client, h, st["id"])
    with Session(get_engine()) as s:
        loaded = s.get(Park, uuid.UUID(park["id"]))
        assert loaded is not None
        s.delete(loaded)
        s.commit()
        assert s.scalar(select(func.count()).select_from(Stakeholder)) == 0
        assert s.scalar(select(func.count()).select_from(ContactMoment)) == 0


def _db_id(value: str) -> str:
    """How the UUID is stored: native on PostgreSQL, 32 hex digits on SQLite."""
    return value if IS_POSTGRES else uuid.UUID(value).hex


def test_a_park_with_2000_stakeholders_pages_by_keyset(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    rows = "".join(f"Bedrijf {i:04d};ondernemer;{10_000_000 + i}\n" for i in range(2000))
    r = upload(client, h, park["id"], ("naam;soort;kvk\n" + rows).encode())
    assert r.status_code == 200 and r.json()["created"] == 2000, r.text

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        url = f"/api/v1/parks/{park['id']}/stakeholders?limit=200" + (
            f"&cursor={cursor}" if cursor else ""
        )
        page = client.get(url, headers=h).json()
        pages += 1
        seen += [s["name"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [f"Bedrijf {i:04d}" for i in range(2000)] and pages == 10

    # And the database answers a page from the (park_id, name, id) index, not by sorting.
    with get_engine().connect() as conn:
        if IS_POSTGRES:
            conn.execute(text("ANALYZE stakeholders"))
            conn.execute(text("SET LOCAL enable_seqscan = off"))  # as with a large table
            plan = conn.execute(
                text(
                    "EXPLAIN SELECT * FROM stakeholders WHERE park_id = :p "
                    "AND (sort_name, id) > (:n, :i) ORDER BY sort_name, id LIMIT 51"
                ),
                {"p": park["id"], "n": "Bedrijf 1000", "i": park["id"]},
            ).all()
        else:
            plan = conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT * FROM stakeholders WHERE park_id = :p "
                    "AND (sort_name, id) > (:n, :i) ORDER BY sort_name, id LIMIT 51"
                ),
                {"p": _db_id(park["id"]), "n": "Bedrijf 1000", "i": _db_id(park["id"])},
            ).all()
    text_plan = " ".join(str(r) for r in plan)
    assert "ix_stakeholders_park_id_sort_name_id" in text_plan, text_plan
    assert "Sort" not in text_plan and "TEMP B-TREE" not in text_plan, text_plan
