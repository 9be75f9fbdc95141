"""The README's example integration (examples/mirror_parks.py), run against the app: it mirrors
parks and their status by following the change feed, edits and deletions included."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mirror_parks.py"


def _example():
    spec = importlib.util.spec_from_file_location("mirror_parks", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_mirror_follows_the_feed(client: TestClient, admin, tmp_path):
    mirror = _example()
    a = admin["headers"]
    made = client.post(
        "/api/v1/api-clients",
        json={"name": "Mirror", "scopes": ["parks:read", "status:read"]},
        headers=a,
    ).json()
    keep = client.post(
        "/api/v1/parks", json={"name": "Lage Weide", "municipality": "Utrecht"}, headers=a
    ).json()
    gone = client.post(
        "/api/v1/parks", json={"name": "Papendorp", "municipality": "Utrecht"}, headers=a
    ).json()
    client.headers["Authorization"] = (
        f"Bearer {mirror.token(client, made['client_id'], made['client_secret'])}"
    )
    db = sqlite3.connect(tmp_path / "mirror.db")
    assert mirror.sync(client, db) >= 2
    assert {r[0] for r in db.execute("SELECT name FROM parks")} == {"Lage Weide", "Papendorp"}

    client.patch(f"/api/v1/parks/{keep['id']}", json={"name": "Lage Weide-Noord"}, headers=a)
    client.post(
        f"/api/v1/parks/{keep['id']}/stakeholders",
        json={"name": "Bakkerij", "kind": "entrepreneur"},
        headers=a,
    ).raise_for_status()
    client.delete(f"/api/v1/parks/{gone['id']}", headers=a).raise_for_status()
    assert mirror.sync(client, db) >= 3
    rows = db.execute("SELECT name, status FROM parks").fetchall()
    assert [r[0] for r in rows] == ["Lage Weide-Noord"]
    assert json.loads(rows[0][1])["stakeholders"] == {"entrepreneur": 1}
    assert mirror.sync(client, db) == 0  # nothing new: nothing read twice
