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
                "name": (name := f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {i:05d}"),
                "sort_name": name.casefold(),
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


def add_park_with_interests(
    session: Session, stakeholders: int, interests: int, seed: int = 11
) -> Any:
    """One park with ``stakeholders`` stakeholders sharing ``interests`` interests."""
    from backend.interests.models import Interest, Willingness
    from backend.interests.service import read_themes_csv
    from backend.stakeholders.models import Stakeholder, StakeholderKind

    rng = random.Random(seed)
    now = utcnow()
    park_id = new_id()
    session.execute(
        insert(Park),
        [
            {
                "id": park_id,
                "name": "Benchmark park",
                "sort_name": "benchmark park",
                "municipality": "Utrecht",
                "municipality_code": "0344",
                "province": "UT",
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        ],
    )
    kinds = [k.value for k in StakeholderKind]
    weights = [70, 15, 3, 2, 2, 2, 1, 5]
    people = [
        {
            "id": new_id(),
            "park_id": park_id,
            "name": f"Bedrijf {i:05d}",
            "sort_name": f"bedrijf {i:05d}",
            "kind": rng.choices(kinds, weights)[0],
            "role": "none",
            "trial_poll_vote": "unknown",
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for i in range(stakeholders)
    ]
    for start in range(0, len(people), 2000):
        session.execute(insert(Stakeholder), people[start : start + 2000])
    themes = [t["code"] for t in read_themes_csv()]
    willingness = [w.value for w in Willingness]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < interests:
        pairs.add((rng.randrange(stakeholders), rng.randrange(len(themes))))
    rows = [
        {
            "id": new_id(),
            "stakeholder_id": people[s]["id"],
            "park_id": park_id,
            "stakeholder_kind": people[s]["kind"],
            "theme_code": themes[t],
            "urgency": rng.randint(1, 5),
            "investment_willingness": rng.choice(willingness),
            "budget_eur": rng.choice([None, 1000, 2500]),
            "obstacle_flags": rng.randrange(64),
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for s, t in sorted(pairs)
    ]
    for start in range(0, len(rows), 2000):
        session.execute(insert(Interest), rows[start : start + 2000])
    return park_id
