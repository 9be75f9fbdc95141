"""Webhooks against a real receiver on loopback: signed deliveries from the outbox, retries
with backoff, nothing for a rolled-back change, province limits, the test event."""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlmodel import Session

from backend.core.db import get_engine
from backend.core.types import utcnow
from backend.integrations import webhooks, worker
from backend.integrations.models import WebhookDelivery
from tests.conftest import problem

_spec = importlib.util.spec_from_file_location(
    "verify_webhook", Path(__file__).resolve().parents[2] / "examples" / "verify_webhook.py"
)
assert _spec and _spec.loader
_example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_example)
verify = _example.verify  # the README's verification example, as a receiver would use it


class Receiver:
    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []
        self.answer = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.got.append({"headers": dict(self.headers), "body": body})
                self.send_response(receiver.answer)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[str]:
        return [json.loads(g["body"])["type"] for g in self.got]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()


def _deliver() -> int:
    return webhooks.deliver_due(worker.new_session)


def _pending() -> int:
    with Session(get_engine()) as s:
        return int(
            s.scalar(
                select(func.count()).where(WebhookDelivery.status == "pending")  # type: ignore[arg-type]
            )
            or 0
        )


def test_signed_events_for_committed_changes_with_retries(
    client: TestClient, admin, expert_ut, receiver: Receiver
):
    a, h = admin["headers"], expert_ut["headers"]
    r = client.post(
        "/api/v1/webhooks",
        json={"url": receiver.url, "events": ["park.status_changed", "project.phase_changed"]},
        headers=a,
    )
    assert r.status_code == 201, r.text
    hook = r.json()
    assert hook["secret"].startswith("whsec_") and r.headers["cache-control"] == "no-store"

    park = client.post(
        "/api/v1/parks", json={"name": "Lage Weide", "municipality": "Utrecht"}, headers=h
    ).json()
    assert _deliver() == 1
    sent = receiver.got[0]
    body = json.loads(sent["body"])
    assert body["type"] == "park.status_changed" and body["data"]["park_id"] == park["id"]
    assert sent["headers"]["Parkregie-Event"] == "park.status_changed"
    assert verify(hook["secret"], sent["headers"]["Parkregie-Signature"], sent["body"])
    assert not verify("whsec_wrong", sent["headers"]["Parkregie-Signature"], sent["body"])
    status = client.get(f"/api/v1/parks/{park['id']}/status", headers=h).json()
    assert body["data"]["status_version"] == status["status_version"]

    # A failed request writes nothing, so it sends nothing.
    problem(
        client.post(f"/api/v1/parks/{park['id']}/stakeholders", json={"name": ""}, headers=h), 422
    )
    assert _pending() == 0

    # A phase change: two events in one transaction; the receiver fails first, then recovers.
    project = client.post(
        f"/api/v1/parks/{park['id']}/projects",
        json={"title": "Camera's", "theme_codes": ["security"]},
        headers=h,
    ).json()
    _deliver()
    receiver.answer = 500
    client.post(
        f"/api/v1/projects/{project['id']}/transition", json={"to": "exploration"}, headers=h
    ).raise_for_status()
    assert _pending() == 2
    assert _deliver() == 2
    deliveries = client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=a).json()["items"]
    failed = [d for d in deliveries if d["last_status_code"] == 500]
    assert len(failed) == 2 and all(d["status"] == "pending" and d["attempts"] == 1 for d in failed)
    assert all(d["next_attempt_at"] > d["created_at"] for d in failed)
    assert _deliver() == 0  # not due yet: backoff
    receiver.answer = 204
    with Session(get_engine()) as s:  # let time pass
        s.execute(update(WebhookDelivery).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert _deliver() == 2
    phase = next(
        json.loads(g["body"])
        for g in receiver.got[::-1]
        if json.loads(g["body"])["type"] == "project.phase_changed"
    )
    assert phase["data"] == {
        "project_id": project["id"],
        "park_id": park["id"],
        "from": "idea",
        "to": "exploration",
        "status_version": phase["data"]["status_version"],
    }
    again = [g["headers"]["Parkregie-Delivery"] for g in receiver.got]
    assert len(again) == len(set(again)) + 2  # the two retried deliveries kept their ids
    deliveries = client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=a).json()["items"]
    assert {d["status"] for d in deliveries} == {"delivered"}

    # The test event.
    r = client.post(f"/api/v1/webhooks/{hook['id']}/test", headers=a)
    assert r.status_code == 202 and r.json()["event"] == "ping"
    _deliver()
    assert receiver.events()[-1] == "ping"
    assert client.delete(f"/api/v1/webhooks/{hook['id']}", headers=a).status_code == 204
    client.patch(
        f"/api/v1/parks/{park['id']}", json={"description": "x"}, headers=h
    ).raise_for_status()
    assert _pending() == 0


def test_a_client_hears_only_of_its_provinces(client: TestClient, admin, receiver: Receiver):
    a = admin["headers"]
    made = client.post(
        "/api/v1/api-clients",
        json={"name": "Provincie", "scopes": ["webhooks:manage"], "provinces": ["UT"]},
        headers=a,
    ).json()
    token = client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made["client_id"],
            "client_secret": made["client_secret"],
        },
    ).json()["access_token"]
    c = {"Authorization": f"Bearer {token}"}
    hook = client.post(
        "/api/v1/webhooks", json={"url": receiver.url, "events": ["park.status_changed"]}, headers=c
    ).json()
    assert hook["provinces"] == ["UT"]
    other = client.post(
        "/api/v1/webhooks", json={"url": receiver.url, "events": ["ping"]}, headers=a
    ).json()
    assert [w["id"] for w in client.get("/api/v1/webhooks", headers=c).json()["items"]] == [
        hook["id"]
    ]
    problem(client.get(f"/api/v1/webhooks/{other['id']}", headers=c), 404)
    assert len(client.get("/api/v1/webhooks", headers=a).json()["items"]) == 2

    ut = client.post(
        "/api/v1/parks", json={"name": "Papendorp", "municipality": "Utrecht"}, headers=a
    ).json()
    client.post("/api/v1/parks", json={"name": "De Kade", "municipality": "Breda"}, headers=a)
    _deliver()
    assert [json.loads(g["body"])["data"]["park_id"] for g in receiver.got] == [ut["id"]]
    # Deleting the park is an event too, even though the park is gone.
    client.delete(f"/api/v1/parks/{ut['id']}", headers=a).raise_for_status()
    _deliver()
    last = json.loads(receiver.got[-1]["body"])
    assert last["data"]["deleted"] is True and last["data"]["park_id"] == ut["id"]


def test_only_public_http_urls(client: TestClient, admin, monkeypatch):
    from backend.core.config import get_settings

    a = admin["headers"]
    problem(
        client.post(
            "/api/v1/webhooks", json={"url": "ftp://example.org/x", "events": ["ping"]}, headers=a
        ),
        422,
    )
    problem(client.post("/api/v1/webhooks", json={"url": "http://x", "events": []}, headers=a), 422)
    monkeypatch.setattr(get_settings(), "webhooks_allow_private", False)
    for url in (
        "http://127.0.0.1:9/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://localhost/x",
    ):
        body = problem(
            client.post("/api/v1/webhooks", json={"url": url, "events": ["ping"]}, headers=a), 422
        )
        assert "loopback, private or reserved" in body["detail"], url
    assert webhooks.check_url("http://93.184.216.34/hook") is None
