"""Privacy of contact persons (AVG/GDPR): who sees them, access to and erasure of what is held,
and an audit trail that never keeps the personal values."""

from __future__ import annotations

import io
import json
import uuid

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.conftest import UserFactory, problem
from tests.stakeholders.helpers import make_contact, make_park, make_stakeholder, upload

PERSONAL = ("contact_name", "email", "phone")
SECRETS = ("Anna Jansen", "anna@bakkerijjansen.nl", "612345678", "Vertelde over haar burn-out")


def _setup(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])
    contact = make_contact(
        client, h, st["id"], summary="Vertelde over haar burn-out", follow_up_date="2026-12-01"
    )
    return park, st, contact


def test_only_admins_and_experts_of_the_province_see_the_contact_person(
    client: TestClient, make_user: UserFactory, admin, viewer
):
    park, st, contact = _setup(client, admin)
    expert_ut = make_user("expert", ["UT"])
    expert_nb = make_user("expert", ["NB"])

    for who, sees in [(admin, True), (expert_ut, True), (viewer, False), (expert_nb, False)]:
        h = who["headers"]
        listed = client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=h).json()
        one = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()
        contacts = client.get(f"/api/v1/stakeholders/{st['id']}/contacts", headers=h).json()
        single = client.get(f"/api/v1/contacts/{contact['id']}", headers=h).json()
        for item in (listed["items"][0], one):
            assert item["name"] == "Bakkerij Jansen" and item["kvk_number"] == "12345678"
            assert item["personal_data_hidden"] is (not sees)
            for field in PERSONAL:
                assert (item[field] is not None) is sees, (who["email"], field)
        for c in (contacts["items"][0], single):
            assert c["date"] == "2026-11-02" and c["follow_up_date"] == "2026-12-01"
            assert (c["summary"] == "Vertelde over haar burn-out") is sees
            assert c["personal_data_hidden"] is (not sees)

        csv = client.get(f"/api/v1/parks/{park['id']}/stakeholders/export", headers=h)
        xlsx = client.get(f"/api/v1/parks/{park['id']}/stakeholders/export?format=xlsx", headers=h)
        sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
        cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
        for text in (csv.content.decode("utf-8-sig"), cells):
            assert ("Anna Jansen" in text) is sees
            assert ("anna@bakkerijjansen.nl" in text) is sees
            assert ("06 12345678" in text) is sees
            assert "Bakkerij Jansen" in text

        if who is viewer:
            problem(client.get("/api/v1/contacts", headers=h), 403)
        else:
            due = client.get("/api/v1/contacts", headers=h).json()["items"]
            if who is expert_nb:
                assert due == []  # not their park: not on their list
            else:
                assert due[0]["contact_name"] == "Anna Jansen"
                assert due[0]["summary"] == "Vertelde over haar burn-out"


def test_access_to_everything_held_about_the_contact_person(
    client: TestClient, make_user: UserFactory, admin, viewer
):
    park, st, _ = _setup(client, admin)
    make_contact(client, admin["headers"], st["id"], date="2026-11-20", channel="email")
    expert_ut = make_user("expert", ["UT"])
    url = f"/api/v1/stakeholders/{st['id']}/personal-data"
    for who in (admin, expert_ut):
        r = client.get(url, headers=who["headers"])
        assert r.status_code == 200, r.text
        data = r.json()
        assert data["organisation"] == "Bakkerij Jansen" and data["park_id"] == park["id"]
        assert (data["contact_name"], data["email"], data["phone"]) == (
            "Anna Jansen",
            "anna@bakkerijjansen.nl",
            "+31612345678",
        )
        assert [(c["date"], c["summary"]) for c in data["contact_moments"]] == [
            ("2026-11-02", "Vertelde over haar burn-out"),
            ("2026-11-20", "Kennismaking."),
        ]
        assert data["personal_data_erased_at"] is None
        assert "never their values" in data["audit_note"]
    expert_nb = make_user("expert", ["NB"])
    for who in (viewer, expert_nb):
        problem(client.get(url, headers=who["headers"]), 403)
        problem(client.delete(url, headers=who["headers"]), 403)
    problem(client.get(url, headers={}), 401)


def test_erasure_keeps_the_organisation_and_leaves_no_trace_of_the_person(
    client: TestClient, make_user: UserFactory, admin
):
    park, st, contact = _setup(client, admin)
    expert = make_user("expert", ["UT"])
    h = expert["headers"]
    # Changes along the way: the old values must not stay behind in the trail either.
    client.patch(
        f"/api/v1/stakeholders/{st['id']}",
        json={"contact_name": "Anna de Vries-Jansen", "email": "anna@devries.nl"},
        headers=h,
    )
    client.patch(
        f"/api/v1/contacts/{contact['id']}",
        json={"summary": "Vertelde over haar burn-out; belt terug"},
        headers=h,
    )
    upload(
        client,
        h,
        park["id"],
        b"naam;kvk;telefoon\nBakkerij Jansen;12345678;06-87654321\n",
    )
    version = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()["version"]

    url = f"/api/v1/stakeholders/{st['id']}/personal-data"
    problem(client.delete(url, headers={**h, "If-Match": f'"{version - 1}"'}), 412)
    assert client.delete(url, headers={**h, "If-Match": f'"{version}"'}).status_code == 204

    after = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()
    assert all(after[f] is None for f in PERSONAL)
    assert after["name"] == "Bakkerij Jansen" and after["kvk_number"] == "12345678"
    assert after["role"] == "core_team" and after["woz_value_eur"] == "1250000.50"
    assert after["personal_data_erased_at"] is not None and after["version"] == version + 1
    kept = client.get(f"/api/v1/contacts/{contact['id']}", headers=h).json()
    assert kept["summary"] is None and kept["date"] == "2026-11-02"
    assert kept["follow_up_date"] == "2026-12-01"  # the facts of the contact stay
    held = client.get(url, headers=h).json()
    assert (held["contact_name"], held["email"], held["phone"]) == (None, None, None)
    assert [c["summary"] for c in held["contact_moments"]] == [None]

    trail = client.get(f"/api/v1/audit?park_id={park['id']}&limit=200", headers=admin["headers"])
    events = trail.json()["items"]
    erase = [e for e in events if e["action"] == "erase" and e["entity_type"] == "stakeholder"]
    assert len(erase) == 1 and erase[0]["actor_label"] == expert["email"]
    # Each contact moment whose summary went is erased in its own event (and in the feed).
    erased_contacts = [e for e in events if e["entity_type"] == "contact_moment"][-1:]
    assert erased_contacts[0]["action"] == "erase"
    assert erased_contacts[0]["changes"] == {"summary": {"old": "(redacted)", "new": None}}
    assert erase[0]["entity_id"] == st["id"]
    assert erase[0]["changes"] == {
        "contact_name": {"old": "(redacted)", "new": None},
        "email": {"old": "(redacted)", "new": None},
        "phone": {"old": "(redacted)", "new": None},
        "contact_summaries": {"old": "(redacted)", "new": None},
        "erased_contact_summaries": {"old": None, "new": 1},
    }
    # Nothing in the whole trail holds a personal value, past or present.
    whole = json.dumps(events)
    for secret in (*SECRETS, "Anna de Vries-Jansen", "anna@devries.nl", "687654321", "belt terug"):
        assert secret not in whole, secret
    # Yet the trail still shows that, and when, these fields changed.
    kinds = {(e["entity_type"], e["action"], tuple(sorted(e["changes"]))) for e in events}
    assert ("stakeholder", "update", ("contact_name", "email")) in kinds
    assert ("stakeholder", "update", ("phone",)) in kinds
    assert ("contact_moment", "update", ("summary",)) in kinds

    # A new contact person can be recorded later (with their consent).
    r = client.patch(
        f"/api/v1/stakeholders/{st['id']}", json={"contact_name": "Bram Jansen"}, headers=h
    )
    assert r.json()["contact_name"] == "Bram Jansen"


def test_an_export_without_personal_data_does_not_erase_it_when_imported(
    client: TestClient, make_user: UserFactory, admin
):
    """Whoever cannot see personal data exports empty contact cells; importing that file back
    must not wipe what is stored. (API clients with parks:write and no personal-data right are
    such importers; here the rule is exercised through the service.)"""
    from sqlmodel import Session

    from backend.core.actor import SYSTEM
    from backend.core.db import get_engine
    from backend.parks.models import Park
    from backend.stakeholders import service
    from backend.stakeholders.models import Stakeholder

    park, st, _ = _setup(client, admin)
    viewer_export = client.get(
        f"/api/v1/parks/{park['id']}/stakeholders/export",
        headers=make_user("viewer")["headers"],
    ).content
    assert b"Anna" not in viewer_export
    with Session(get_engine()) as s:
        db_park = s.get(Park, uuid.UUID(park["id"]))
        assert db_park is not None
        report = service.import_file(
            s, SYSTEM, db_park, viewer_export, "export.csv", dry_run=False, sees_personal=False
        )
        s.commit()
        assert (report.updated, report.unchanged) == (0, 1)
        kept = s.get(Stakeholder, uuid.UUID(st["id"]))
        assert kept is not None and kept.contact_name == "Anna Jansen"
        assert kept.phone == "+31612345678"
