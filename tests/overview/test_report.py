"""The printable park report over HTTP: its sections, its charts, and what a viewer may not see."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from backend.cli import main
from tests.conftest import problem


def test_the_report_of_a_demo_park(client: TestClient, viewer, capsys):
    assert main(["seed-demo"]) == 0
    capsys.readouterr()
    token = client.post(
        "/api/v1/auth/token",
        data={"username": "expert@parkregie.demo", "password": "parkregie-expert"},
    ).json()["access_token"]
    expert = {"Authorization": f"Bearer {token}"}
    park = client.get("/api/v1/parks", params={"ibis_id": "155053"}, headers=expert).json()[
        "items"
    ][0]

    r = client.get(f"/api/v1/parks/{park['id']}/report", headers=expert)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert html.startswith("<!doctype html>") and "<script" not in html.lower()
    for heading in (
        "1. Wie we spraken",
        "2. Gedeelde belangen",
        "3. Projecten",
        "4. Organisatiegraad",
        "5. Organisatievorm",
    ):
        assert heading in html
    assert "Energiehub Lage Weide" in html and "Netto contante waarde" in html
    assert html.count("<svg") >= 1 and "print-color-adjust: exact" in html
    # The charts are named with their values; the wide table scrolls by keyboard.
    assert re.search(r'role="img" aria-label="2\. Gedeelde belangen: [^";]+ \d+; ', html)
    assert re.search(r'role="img" aria-label="Verloop: [^"]+ \d+"', html)
    assert "<div class='wrap' tabindex='0' role='region' aria-label='1. Wie we spraken'>" in html
    assert "Marieke van Dijk" in html  # a contact person, for an expert of Utrecht
    assert "style-src 'unsafe-inline'" in r.headers["content-security-policy"]
    assert "script-src" not in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "private, no-store"
    assert "expert@parkregie.demo" in html  # who made it, on every printed page

    seen = client.get(f"/api/v1/parks/{park['id']}/report", headers=viewer["headers"])
    assert seen.status_code == 200
    assert "Marieke van Dijk" not in seen.text and "Contactpersonen zijn weggelaten" in seen.text
    en = client.get(
        f"/api/v1/parks/{park['id']}/report", headers={**viewer["headers"], "Accept-Language": "en"}
    )
    assert "1. Who we spoke to" in en.text and en.headers["content-language"] == "en"


def test_the_report_of_an_empty_park_and_of_no_park(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park = client.post(
        "/api/v1/parks", json={"name": "Leeg <b>terrein</b>", "municipality": "Utrecht"}, headers=h
    ).json()
    r = client.get(f"/api/v1/parks/{park['id']}/report", headers=h)
    assert r.status_code == 200
    assert "Leeg &lt;b&gt;terrein&lt;/b&gt;" in r.text and "<b>terrein</b>" not in r.text
    assert "Nog niet gemeten." in r.text
    problem(client.get("/api/v1/parks/00000000-0000-0000-0000-000000000000/report", headers=h), 404)
    problem(client.get(f"/api/v1/parks/{park['id']}/report"), 401)
