"""The theme list comes from the guidance and matches backend/data/themes.csv."""

from fastapi.testclient import TestClient

from backend.interests.service import read_themes_csv


def test_themes_in_two_tracks_with_dutch_and_english_names(client: TestClient, viewer):
    themes = client.get("/api/v1/themes", headers=viewer["headers"]).json()
    assert len(themes) == 17
    assert themes[0] == {
        "code": "security",
        "track": "schoon_heel_veilig",
        "name_nl": "Beveiliging en cameratoezicht",
        "name_en": "Security and camera surveillance",
    }
    assert [(t["code"], t["track"], t["name_nl"], t["name_en"]) for t in themes] == [
        (r["code"], r["track"], r["name_nl"], r["name_en"]) for r in read_themes_csv()
    ]
    future = client.get("/api/v1/themes?track=toekomstbestendig", headers=viewer["headers"])
    assert {t["code"] for t in future.json()} >= {"energy_hub", "water", "ev_charging"}
    assert len(future.json()) == 9
    assert client.get("/api/v1/themes?track=other", headers=viewer["headers"]).status_code == 422
