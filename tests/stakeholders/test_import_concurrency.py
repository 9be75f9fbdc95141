"""An import never overwrites what someone else wrote while it ran, and never brings an erased
contact person back (finding 1 of the outside review)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import problem
from tests.stakeholders.helpers import make_park, make_stakeholder


def _file(rows: list[tuple[str, str, str, str]]) -> tuple[str, bytes, str]:
    lines = ["naam;soort;kvk;contactpersoon;notities"]
    lines += [f"{name};ondernemer;{kvk};{contact};{notes}" for name, kvk, contact, notes in rows]
    return ("lijst.csv", ("\n".join(lines) + "\n").encode(), "text/csv")


def _import(client: TestClient, park_id: str, headers: dict[str, str], file: Any):
    return client.post(
        f"/api/v1/parks/{park_id}/stakeholders/import", files={"file": file}, headers=headers
    )


def _while_importing(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run ``action`` (another user's request, in another app process) right after the import
    has read the park's stakeholders and before it writes."""
    from backend.stakeholders import service

    original = service._load_existing

    def load_then_act(*args: Any, **kwargs: Any) -> Any:
        existing = original(*args, **kwargs)
        action()
        return existing

    monkeypatch.setattr(service, "_load_existing", load_then_act)


def test_an_edit_during_an_import_is_not_overwritten(
    client: TestClient, admin, expert_ut, monkeypatch
):
    from backend.main import create_app

    park = make_park(client, admin["headers"])
    a = make_stakeholder(client, admin["headers"], park["id"], name="Alfa", kvk_number="11111111")
    make_stakeholder(client, admin["headers"], park["id"], name="Beta", kvk_number="22222222")
    other_process = TestClient(create_app())
    patched: list[Any] = []

    def colleague_edits() -> None:
        r = other_process.patch(
            f"/api/v1/stakeholders/{a['id']}",
            json={"notes": "Belangrijk: niet overschrijven"},
            headers={**expert_ut["headers"], "If-Match": '"1"'},
        )
        patched.append(r)

    _while_importing(monkeypatch, colleague_edits)
    file = _file([("Alfa", "11111111", "", "uit het bestand"), ("Beta", "22222222", "", "ook")])
    body = problem(_import(client, park["id"], admin["headers"], file), 409)
    assert patched[0].status_code == 200, patched[0].text  # the colleague's edit succeeded
    assert "changed by someone else" in body["detail"] and "Nothing was imported" in body["detail"]
    assert [e["row"] for e in body["errors"]] == [2]
    monkeypatch.undo()

    # The edit is kept, nothing of the file was written, and the trail shows one update.
    got = client.get(f"/api/v1/stakeholders/{a['id']}", headers=admin["headers"]).json()
    assert got["notes"] == "Belangrijk: niet overschrijven" and got["version"] == 2
    listed = client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=admin["headers"])
    assert {s["notes"] for s in listed.json()["items"]} == {
        "Belangrijk: niet overschrijven",
        "Wil meedoen aan collectieve inkoop van energie.",
    }
    trail = client.get(f"/api/v1/audit?entity_id={a['id']}", headers=admin["headers"]).json()[
        "items"
    ]
    assert [e["action"] for e in trail] == ["create", "update"]

    # Importing again starts from the current data and goes through.
    r = _import(client, park["id"], admin["headers"], file)
    assert r.status_code == 200, r.text
    assert r.json()["updated"] == 2


def test_an_erasure_during_an_import_is_not_undone(client: TestClient, admin, monkeypatch):
    from backend.main import create_app

    park = make_park(client, admin["headers"])
    a = make_stakeholder(client, admin["headers"], park["id"], name="Alfa", kvk_number="11111111")
    other_process = TestClient(create_app())

    def person_asks_for_erasure() -> None:
        r = other_process.delete(
            f"/api/v1/stakeholders/{a['id']}/personal-data", headers=admin["headers"]
        )
        assert r.status_code == 204, r.text

    _while_importing(monkeypatch, person_asks_for_erasure)
    # An export made before the erasure, with the contact person in it.
    file = _file([("Alfa", "11111111", "Anna Jansen", "nieuwe notitie")])
    problem(_import(client, park["id"], admin["headers"], file), 409)
    monkeypatch.undo()
    got = client.get(f"/api/v1/stakeholders/{a['id']}", headers=admin["headers"]).json()
    assert got["contact_name"] is None and got["personal_data_erased_at"] is not None

    # The same file imported after the erasure: the rest is imported, the person is not, and
    # the report says so.
    r = _import(client, park["id"], admin["headers"], file)
    assert r.status_code == 200, r.text
    assert any("erased on request" in w and "2" in w for w in r.json()["warnings"])
    got = client.get(f"/api/v1/stakeholders/{a['id']}", headers=admin["headers"]).json()
    assert got["contact_name"] is None and got["email"] is None and got["phone"] is None
    assert got["notes"] == "nieuwe notitie"
    # Entering the person again is an explicit edit, and audited as one.
    r = client.patch(
        f"/api/v1/stakeholders/{a['id']}",
        json={"contact_name": "Anna Jansen"},
        headers=admin["headers"],
    )
    assert r.status_code == 200 and r.json()["contact_name"] == "Anna Jansen"
    trail = client.get(f"/api/v1/audit?entity_id={a['id']}", headers=admin["headers"])
    last = trail.json()["items"][-1]
    assert last["action"] == "update" and last["changes"]["contact_name"]["new"] == "(redacted)"


def test_a_deletion_during_an_import_fails_it(client: TestClient, admin, monkeypatch):
    from backend.main import create_app

    park = make_park(client, admin["headers"])
    a = make_stakeholder(client, admin["headers"], park["id"], name="Alfa", kvk_number="11111111")
    other_process = TestClient(create_app())

    def colleague_deletes() -> None:
        r = other_process.delete(f"/api/v1/stakeholders/{a['id']}", headers=admin["headers"])
        assert r.status_code == 204

    _while_importing(monkeypatch, colleague_deletes)
    problem(
        _import(client, park["id"], admin["headers"], _file([("Alfa", "11111111", "", "x")])), 409
    )
    monkeypatch.undo()
    listed = client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=admin["headers"])
    assert listed.json()["items"] == []
