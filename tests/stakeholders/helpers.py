"""Shared steps of the stakeholder scenarios."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

STAKEHOLDER: dict[str, Any] = {
    "name": "Bakkerij Jansen",
    "kind": "entrepreneur",
    "kvk_number": "12345678",
    "contact_name": "Anna Jansen",
    "email": "anna@bakkerijjansen.nl",
    "phone": "06-12345678",
    "sector": "Voeding",
    "employees": 14,
    "role": "core_team",
    "influence": 4,
    "involvement": 5,
    "woz_value_eur": "1250000.50",
    "trial_poll_vote": "yes",
    "notes": "Wil meedoen aan collectieve inkoop van energie.",
}


def make_park(
    client: TestClient, headers: dict[str, str], municipality: str = "Utrecht", **fields: Any
) -> dict[str, Any]:
    body = {"name": f"Terrein in {municipality}", "municipality": municipality, **fields}
    r = client.post("/api/v1/parks", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def make_stakeholder(
    client: TestClient, headers: dict[str, str], park_id: str, **fields: Any
) -> dict[str, Any]:
    r = client.post(
        f"/api/v1/parks/{park_id}/stakeholders", json={**STAKEHOLDER, **fields}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()


def make_contact(
    client: TestClient, headers: dict[str, str], stakeholder_id: str, **fields: Any
) -> dict[str, Any]:
    body = {"date": "2026-11-02", "channel": "visit", "summary": "Kennismaking.", **fields}
    r = client.post(f"/api/v1/stakeholders/{stakeholder_id}/contacts", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def upload(
    client: TestClient,
    headers: dict[str, str],
    park_id: str,
    content: bytes,
    filename: str = "stakeholders.csv",
    dry_run: bool = False,
) -> Any:
    return client.post(
        f"/api/v1/parks/{park_id}/stakeholders/import",
        params={"dry_run": "true"} if dry_run else None,
        files={"file": (filename, content)},
        headers=headers,
    )


def names(client: TestClient, headers: dict[str, str], park_id: str, query: str = "") -> list[str]:
    r = client.get(f"/api/v1/parks/{park_id}/stakeholders?limit=200{query}", headers=headers)
    assert r.status_code == 200, r.text
    return [s["name"] for s in r.json()["items"]]
