"""Mirror Parkregie's parks and their status into a local SQLite file by following the change
feed — an example integration (README, "Integrations").

    python examples/mirror_parks.py https://parkregie.example.nl CLIENT_ID CLIENT_SECRET mirror.db

The API client needs the scopes ``parks:read`` and ``status:read`` and no province limit (the
change feed spans every province). Run it as often as you like: it continues where it stopped
(the feed's cursor is kept in the file) and never misses or repeats a change, deletions included.
"""

from __future__ import annotations

import json
import sqlite3
import sys

import httpx

SCHEMA = """
CREATE TABLE IF NOT EXISTS parks (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, province TEXT NOT NULL, version INTEGER NOT NULL,
  status TEXT, status_etag TEXT
);
CREATE TABLE IF NOT EXISTS sync (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def token(http: httpx.Client, client_id: str, secret: str) -> str:
    r = http.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    r.raise_for_status()
    return str(r.json()["access_token"])


def sync(http: httpx.Client, db: sqlite3.Connection) -> int:
    """Apply every change since the last run; returns how many changes were read."""
    db.executescript(SCHEMA)
    row = db.execute("SELECT value FROM sync WHERE key = 'cursor'").fetchone()
    cursor = row[0] if row else None
    seen = 0
    while True:
        params = {
            "limit": 200,
            "types": "park,stakeholder,interest,project,organisation,assessment",
        }
        if cursor:
            params["cursor"] = cursor
        page = http.get("/api/v1/changes", params=params)
        page.raise_for_status()
        body = page.json()
        touched = {c["park_id"] for c in body["items"] if c["park_id"]}
        for change in body["items"]:
            if change["entity_type"] == "park" and change["action"] == "delete":
                db.execute("DELETE FROM parks WHERE id = ?", (change["entity_id"],))
                touched.discard(change["entity_id"])
        for park_id in touched:
            park = http.get(f"/api/v1/parks/{park_id}")
            if park.status_code == 404:  # deleted later in the feed: the tombstone comes
                continue
            park.raise_for_status()
            p = park.json()
            known = db.execute("SELECT status_etag FROM parks WHERE id = ?", (park_id,)).fetchone()
            headers = {"If-None-Match": known[0]} if known and known[0] else {}
            status = http.get(f"/api/v1/parks/{park_id}/status", headers=headers)
            db.execute(
                "INSERT INTO parks (id, name, province, version) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                "province = excluded.province, version = excluded.version",
                (p["id"], p["name"], p["province"], p["version"]),
            )
            if status.status_code == 200:
                db.execute(
                    "UPDATE parks SET status = ?, status_etag = ? WHERE id = ?",
                    (json.dumps(status.json()), status.headers["ETag"], park_id),
                )
        seen += len(body["items"])
        cursor = body["next_cursor"]
        db.execute(
            "INSERT INTO sync (key, value) VALUES ('cursor', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (cursor,),
        )
        db.commit()  # each page at once: an interrupted run continues from the last page
        if not body["items"]:
            return seen


def main(argv: list[str]) -> int:
    base_url, client_id, secret, path = argv
    with httpx.Client(base_url=base_url, timeout=30) as http:
        http.headers["Authorization"] = f"Bearer {token(http, client_id, secret)}"
        with sqlite3.connect(path) as db:
            print(f"{sync(http, db)} changes applied")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
