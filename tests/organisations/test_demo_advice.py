"""The three demo parks get three different advices (README, worked examples)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.cli import main


def test_the_three_example_parks_get_three_different_advices(client: TestClient, capsys):
    assert main(["seed-demo"]) == 0
    capsys.readouterr()
    token = client.post(
        "/api/v1/auth/token",
        data={"username": "viewer@parkregie.demo", "password": "parkregie-viewer"},
    ).json()["access_token"]
    h = {"Authorization": f"Bearer {token}"}
    expected = {
        "155053": ("cooperatie", ["cooperatie"]),
        "4924": ("biz", ["biz", "stichting", "parkmanagement"]),
        "918": ("ondernemersvereniging", ["ondernemersvereniging"]),
    }
    for ibis_id, (top, combination) in expected.items():
        park = client.get("/api/v1/parks", params={"ibis_id": ibis_id}, headers=h).json()
        park_id = park["items"][0]["id"]
        orgs = client.get(f"/api/v1/parks/{park_id}/organisations", headers=h).json()["items"]
        assert orgs
        advice = client.post(f"/api/v1/parks/{park_id}/organisation-advice", headers=h).json()
        assert advice["inputs"]["answers_from"] == "saved"
        assert advice["recommendations"][0]["form"] == top, advice["recommendations"][:2]
        assert advice["combination"]["forms"] == combination
        assert advice["since_saved"]["changes"] == []
    # Loading again changes nothing.
    assert main(["seed-demo"]) == 0
