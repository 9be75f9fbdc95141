"""Health, metrics, problem answers for unknown paths, and the web app fallback."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import problem


def test_health_readiness_and_metrics(client: TestClient, viewer):
    from backend.main import create_app

    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}
    client.get("/api/v1/parks", headers=viewer["headers"])
    # Metrics are for this machine only (no token configured): a local scrape reads them.
    local = TestClient(create_app(), client=("127.0.0.1", 40000))
    metrics = local.get("/metrics")
    assert metrics.status_code == 200
    assert 'parkregie_http_requests_total{method="GET",route="/api/v1/parks",status="200"}' in (
        metrics.text
    )


def test_unknown_paths_and_methods_are_problems(client: TestClient, viewer):
    assert "No resource" in problem(client.get("/api/v1/nothing-here"), 404)["detail"]
    problem(client.get("/api/v2/parks"), 404)
    problem(client.put("/api/v1/parks", headers=viewer["headers"]), 405)


def test_web_app_is_served_for_other_paths(client: TestClient):
    r = client.get("/parken/123")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_placeholder_secret_is_refused_in_production(monkeypatch):
    import pytest
    from pydantic import ValidationError

    from backend.core.config import DEV_SECRET, Settings

    with pytest.raises(ValidationError, match="PARKREGIE_SECRET_KEY"):
        Settings(env="production", secret_key=DEV_SECRET)
    with pytest.raises(ValidationError):
        Settings(env="production", secret_key="short")
    assert Settings(env="production", secret_key="x" * 40).env == "production"
