"""Generated data for the benchmark, on top of the real national register."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from backend.core.regions import municipalities
from backend.core.types import new_id, utcnow
from backend.parks.models import Park

WORDS = ["Noord", "Zuid", "Oost", "West", "Haven", "Poort", "Veld", "Kade", "Park", "Weide"]


def add_parks(session: Session, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    places = list(municipalities().values())
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for i in range(count):
        place = rng.choice(places)
        rows.append(
            {
                "id": new_id(),
                "name": f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {i:05d}",
                "municipality": place.name,
                "municipality_code": place.code,
                "province": place.province.value,
                "area_ha": round(rng.uniform(2, 300), 2),
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    for start in range(0, len(rows), 2000):
        session.execute(insert(Park), rows[start : start + 2000])
