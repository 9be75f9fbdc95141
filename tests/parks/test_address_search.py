"""Finding an address to place a park, through a (fake) PDOK Locatieserver."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from backend.parks import geocode
from tests.conftest import problem


def test_an_expert_finds_an_address_and_gets_a_point_on_the_map(
    client: TestClient, expert_ut, fake_pdok: list[dict[str, Any]]
):
    r = client.get(
        "/api/v1/address-search",
        params={"q": "  Nijverheidsweg 1   Mijdrecht "},
        headers=expert_ut["headers"],
    )
    assert r.status_code == 200, r.text
    first, place = r.json()
    assert first == {
        "label": "Nijverheidsweg 1, 3641RP Mijdrecht",
        "kind": "adres",
        "latitude": 52.20418,
        "longitude": 4.86512,
        "municipality": "De Ronde Venen",
        "province": "UT",
    }
    assert place["kind"] == "woonplaats"
    # What PDOK was asked: the words as typed, no more rows than asked, only placeable kinds.
    assert fake_pdok[-1]["q"] == "Nijverheidsweg 1 Mijdrecht"
    assert fake_pdok[-1]["rows"] == 8
    assert "adres" in fake_pdok[-1]["fq"] and "perceel" not in fake_pdok[-1]["fq"]
    one = client.get(
        "/api/v1/address-search",
        params={"q": "Mijdrecht", "limit": 1},
        headers=expert_ut["headers"],
    )
    assert len(one.json()) == 1


def test_bad_answers_and_a_geocoder_that_is_down(
    client: TestClient, expert_ut, viewer, monkeypatch: pytest.MonkeyPatch
):
    h = expert_ut["headers"]
    problem(client.get("/api/v1/address-search", params={"q": "  "}, headers=h), 422)
    problem(client.get("/api/v1/address-search", params={"q": "x" * 201}, headers=h), 422)
    problem(
        client.get("/api/v1/address-search", params={"q": "Mijdrecht"}, headers=viewer["headers"]),
        403,
    )

    def answer(payload: Any, status: int = 200):
        def fetch(url: str, *, params: dict[str, Any], timeout: float) -> httpx.Response:
            return httpx.Response(status, json=payload, request=httpx.Request("GET", url))

        return fetch

    # Odd results are left out, not passed on or a 500.
    monkeypatch.setattr(geocode, "fetch", answer({"response": {"docs": [
        {"type": "adres", "weergavenaam": "Geen punt"},
        {"type": "perceel", "weergavenaam": "Perceel", "centroide_ll": "POINT(5 52)"},
        {"type": "adres", "weergavenaam": "Ver weg", "centroide_ll": "POINT(500 952)"},
        "not a doc",
        {"type": "gemeente", "weergavenaam": "Gemeente Houten", "centroide_ll": "POINT(5.17 52.03)",
         "provincieafkorting": "XX"},
    ]}}))  # fmt: skip
    hits = client.get("/api/v1/address-search", params={"q": "Houten"}, headers=h).json()
    assert [(x["label"], x["province"]) for x in hits] == [("Gemeente Houten", None)]

    for broken in (answer({"error": "x"}, 500), answer(["not", "an", "object"])):
        monkeypatch.setattr(geocode, "fetch", broken)
        down = problem(client.get("/api/v1/address-search", params={"q": "Houten"}, headers=h), 503)
        assert "click the map" in down["detail"]

    def unreachable(url: str, *, params: dict[str, Any], timeout: float) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out")

    monkeypatch.setattr(geocode, "fetch", unreachable)
    r = client.get("/api/v1/address-search", params={"q": "Houten"}, headers=h)
    problem(r, 503)
    assert r.headers["Retry-After"] == "30"

    monkeypatch.setenv("PARKREGIE_GEOCODER_URL", "")
    from backend.core.config import get_settings

    get_settings.cache_clear()
    try:
        off = problem(client.get("/api/v1/address-search", params={"q": "Houten"}, headers=h), 503)
        assert "turned off" in off["detail"]
    finally:
        monkeypatch.delenv("PARKREGIE_GEOCODER_URL")
        get_settings.cache_clear()
