"""Import of the national register (IBIS): idempotent, repaired, reported."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from backend.core.actor import Actor
from backend.core.db import get_engine
from backend.parks.register import DEFAULT_REGISTER, import_register, repair_name

ACTOR = Actor("system", None, "test-import")


def run_import(path: Path = DEFAULT_REGISTER):
    with Session(get_engine()) as s:
        report = import_register(s, ACTOR, path)
        s.commit()
    return report


def test_the_whole_register_imports_once(client: TestClient, admin):
    first = run_import()
    assert first.created == 3646 and first.updated == 0
    assert ("203589", "De KieÃ«n", "De Kieën") in first.repaired_names
    assert any("net area" in w for w in first.warnings)
    second = run_import()
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3646)

    h = admin["headers"]
    counts = {}
    for province in ["NB", "ZH", "GE", "OV", "NH", "FR", "LI", "ZE", "GR", "UT", "DR", "FL"]:
        locations = client.get(f"/api/v1/park-locations?province={province}", headers=h).json()
        counts[province] = len(locations)
    assert counts == {
        "NB": 592, "ZH": 549, "GE": 490, "OV": 343, "NH": 327, "FR": 277,
        "LI": 271, "ZE": 215, "GR": 191, "UT": 161, "DR": 120, "FL": 110,
    }  # fmt: skip
    trade_port = client.get("/api/v1/parks?q=Trade%20Port%20Noord", headers=h).json()["items"][0]
    assert trade_port["ibis_id"] == "205080"
    assert trade_port["municipality"] == "Horst aan de Maas" and trade_port["province"] == "LI"
    assert trade_port["area_ha"] == 200.0074 and trade_port["area_net_ha"] == 139.5718
    assert trade_port["area_available_ha"] == 0 and trade_port["ibis_type"] == "B"
    kieen = client.get("/api/v1/parks?q=Kie%C3%ABn", headers=h).json()["items"]
    assert [p["name"] for p in kieen] == ["De Kieën"]


def test_a_changed_register_updates_only_register_fields_and_reports_unknown_codes(
    tmp_path: Path, client: TestClient, admin
):
    source = {
        "per_gemeente": {
            "0344": [
                {"rin": "1", "naam": "Lage Weide", "jaar": 2024, "ha_bruto": 250, "ha_netto": 200,
                 "ha_uitgeefbaar": 1, "type": "B"},
            ],
            "9999": [{"rin": "2", "naam": "Nergens", "jaar": 2024}],
        }
    }  # fmt: skip
    path = tmp_path / "register.json"
    path.write_text(json.dumps(source), encoding="utf-8")
    report = run_import(path)
    assert report.created == 1 and report.unknown_municipality_codes == {"9999": 1}
    assert any("9999" in line for line in report.lines())

    h = admin["headers"]
    park = client.get("/api/v1/parks?q=Lage", headers=h).json()["items"][0]
    client.patch(f"/api/v1/parks/{park['id']}", json={"description": "eigen notitie"}, headers=h)

    source["per_gemeente"]["0344"][0]["ha_uitgeefbaar"] = 0
    path.write_text(json.dumps(source), encoding="utf-8")
    again = run_import(path)
    assert (again.created, again.updated) == (0, 1)
    after = client.get(f"/api/v1/parks/{park['id']}", headers=h).json()
    assert after["area_available_ha"] == 0 and after["description"] == "eigen notitie"
    audit = client.get(f"/api/v1/audit?entity_id={park['id']}", headers=h).json()["items"]
    assert audit[-1]["changes"] == {"area_available_ha": {"old": 1.0, "new": 0.0}}
    assert audit[-1]["actor_label"] == "test-import"


def test_name_repair_only_where_certain():
    assert repair_name("GeloÃ«rveld") == "Geloërveld"
    assert repair_name("Ã la carte ☃") == "Ã la carte ☃"
    assert repair_name("Plain") == "Plain"
