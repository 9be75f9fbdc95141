"""The demo: three worked example parks, clearly fictitious, loaded once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.cli import main


def test_seed_demo_loads_register_accounts_and_three_example_parks(client: TestClient, capsys):
    assert main(["seed-demo"]) == 0
    out = capsys.readouterr().out
    assert "created 3646" in out and "Lage Weide, Isselt, Frankeneng" in out
    assert main(["seed-demo"]) == 0
    again = capsys.readouterr().out
    assert "unchanged 3646" in again and "example parks" not in again

    token = client.post(
        "/api/v1/auth/token",
        data={"username": "expert@parkregie.demo", "password": "parkregie-expert"},
    ).json()["access_token"]
    h = {"Authorization": f"Bearer {token}"}
    examples = [("155053", "energy_hub"), ("4924", "security"), ("918", None)]
    phases: set[str] = set()
    for ibis_id, top in examples:
        found = client.get("/api/v1/parks", params={"ibis_id": ibis_id}, headers=h).json()["items"]
        assert len(found) == 1
        park = found[0]
        assert "verzonnen" in park["description"]
        people = client.get(f"/api/v1/parks/{park['id']}/stakeholders?limit=200", headers=h).json()
        assert len(people["items"]) >= 10
        assert all("Fictief" in (p["notes"] or "") for p in people["items"])
        kinds = {p["kind"] for p in people["items"]}
        assert {"entrepreneur", "property_owner", "municipality"} <= kinds
        shared = client.get(f"/api/v1/parks/{park['id']}/shared-interests", headers=h).json()
        assert len(shared["items"]) >= 4
        if top:
            assert shared["items"][0]["theme_code"] == top
            assert shared["items"][0]["covered_by_project"] is True
        assessed = client.get(f"/api/v1/parks/{park['id']}/assessments", headers=h).json()["items"]
        assert len(assessed) >= 2 and assessed[-1]["score"] > assessed[0]["score"]
        overview = client.get(f"/api/v1/parks/{park['id']}/overview", headers=h).json()
        assert overview["organisatiegraad"]["score"] == assessed[-1]["score"]
        assert overview["next_step"]["text"]
        projects = client.get(f"/api/v1/parks/{park['id']}/projects", headers=h).json()["items"]
        assert len(projects) >= 2
        phases |= {p["phase"] for p in projects}
        for p in projects:
            history = client.get(f"/api/v1/projects/{p['id']}/phase-history", headers=h).json()
            assert history["items"][-1]["to_phase"] == p["phase"]
            if p["phase"] in ("business_case", "realisation", "operation"):
                case = client.get(f"/api/v1/projects/{p['id']}/business-case", headers=h)
                assert case.status_code == 200, case.text
                assert case.json()["figures"]["unallocated_eur"] == "0.00"
    assert phases == {"idea", "exploration", "business_case", "realisation", "operation", "stopped"}
