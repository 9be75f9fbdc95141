"""National-scale data for the load benchmark, in PostgreSQL, in a few minutes.

On top of the real national register (the app's own importer, ``parkregie import-parks``), a
deterministic generator (fixed seed) adds stakeholders to every park, three interests per
stakeholder and contact moments, and one to three projects per park (with participants, a
business case from that phase on and their phase history), with the audit events and
change-log rows the app writes for each create and each phase step. Entities go in with
``COPY`` (psycopg's ``cursor.copy()``), the change log and the audit trail with ``INSERT …
SELECT`` from them, while the tables' keys, constraints and indexes are dropped; they are put
back afterwards (built by sorting, as a restore of a dump does).

Rows are written as the app writes them: ``sort_name`` by ``backend.core.types.sort_key``,
``version`` 1, UTC timestamps, interests with the ``park_id`` and ``stakeholder_kind`` of their
stakeholder, obstacles as the ``obstacle_flags`` bitmask, phone numbers in E.164, audit values
from ``backend.changes.service.snapshot`` (personal fields redacted) and change-log positions
in creation order, with ``change_counter`` at the last one. A project is created as an idea
and walked through its phases as ``projects.service.transition`` does (an update event and a
history row per step); participants and business cases are created in their final state.

Skew: parks are ranked by area (largest first); the largest gets ``Scale.largest`` stakeholders
and the rest follow a log-normal curve (deterministic quantiles, no sampling noise) scaled so
that the mean is ``Scale.mean``.

Idempotent: the database's comment holds a marker (generator version, scale, seed, migration
head). When it matches, nothing is done; otherwise the database is dropped, created, migrated
and filled again. Each later domain extends ``fill`` (and bumps ``GENERATOR_VERSION``).

    .venv/bin/python -m bench.generate [--quick] [--force] [--url URL]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PARKREGIE = ROOT / ".venv" / "bin" / "parkregie"
REGISTER = ROOT / "backend" / "data" / "bedrijventerreinen.json"

GENERATOR_VERSION = 3
SEED = 20261202
SECRET_KEY = "bench-secret-key-0123456789-abcdefghijkl"  # 40 characters, for the bench only
BENCH_EMAIL = "bench@parkregie.demo"
BENCH_PASSWORD = "bench-password-2026"
ACTOR_LABEL = "bench-generate"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/bench"
QUICK_URL = "postgresql://postgres@127.0.0.1:5432/bench_quick"


@dataclass(frozen=True)
class Scale:
    name: str
    parks: int | None  # parks that get stakeholders, largest first (None: every park)
    mean: float  # stakeholders per park, on average over those parks
    largest: int  # stakeholders of the largest park
    interests: int = 3  # per stakeholder, distinct themes
    contacts: tuple[int, ...] = (30, 35, 20, 10, 5)  # weights of 0, 1, 2, 3, 4 contact moments


NATIONAL = Scale("national", None, 100, 2000)
QUICK = Scale("quick", 300, 20, 2000)


def app_env(url: str) -> dict[str, str]:
    """The environment the app (and its CLI) runs with in the benchmark."""
    return {
        **os.environ,
        "PARKREGIE_DATABASE_URL": url,
        "PARKREGIE_SECRET_KEY": SECRET_KEY,
        "PARKREGIE_ENV": "production",
        "PARKREGIE_ACCESS_TOKEN_EXPIRE_MINUTES": "1440",
        # Every request is still counted (the cost is measured); the limit is never reached.
        "PARKREGIE_RATE_LIMIT_USER": "1000000000",
        "PARKREGIE_RATE_LIMIT_CLIENT": "1000000000",
    }


def _cli(url: str, *args: str) -> str:
    done = subprocess.run(
        [str(PARKREGIE), *args], env=app_env(url), capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"parkregie {args[0]} failed: {done.stderr.strip() or done.stdout}")
    return done.stdout.strip()


def ensure_database(url: str) -> None:
    base, _, dbname = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=5) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone():
            return
        conn.execute(f'CREATE DATABASE "{dbname}"')


def _migration_head() -> str:
    from alembic.script import ScriptDirectory

    from backend.cli import alembic_config

    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def wanted_marker(scale: Scale) -> dict[str, Any]:
    marker = {
        "generator": GENERATOR_VERSION,
        "scale": asdict(scale),
        "seed": SEED,
        "migration": _migration_head(),
    }
    result: dict[str, Any] = json.loads(json.dumps(marker))  # as it reads back
    return result


def read_marker(url: str) -> dict[str, Any] | None:
    dbname = url.rpartition("/")[2]
    with psycopg.connect(url, connect_timeout=5) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [dbname],
        ).fetchone()
    if not row or not row[0]:
        return None
    try:
        marker: dict[str, Any] = json.loads(row[0])
    except json.JSONDecodeError:
        return None
    return marker


def _write_marker(conn: psycopg.Connection[Any], dbname: str, marker: dict[str, Any]) -> None:
    text = json.dumps(marker).replace("'", "''")
    conn.execute(f"COMMENT ON DATABASE \"{dbname}\" IS '{text}'")  # type: ignore[arg-type]


# --- the shape of the data -------------------------------------------------------------------


def stakeholder_counts(parks: int, scale: Scale) -> list[int]:
    """Stakeholders per park rank (0 = largest): ``scale.largest`` first, then log-normal
    quantiles (sigma 1) scaled so the mean over all ranks is ``scale.mean``."""
    if parks == 1:
        return [scale.largest]
    nd = statistics.NormalDist()
    rest = parks - 1
    target = scale.mean * parks - scale.largest
    z = [nd.inv_cdf(1 - (k + 0.5) / rest) for k in range(rest)]

    def counts(mu: float) -> list[int]:
        return [max(1, min(scale.largest, round(math.exp(mu + zk)))) for zk in z]

    lo, hi = -5.0, 10.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if sum(counts(mid)) < target:
            lo = mid
        else:
            hi = mid
    return [scale.largest, *counts(hi)]


FIRST = [
    "Van Dijk", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder",
    "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Ōsaka", "Çelik", "Müller",
    "Élan", "Ålesund", "Noordkade", "Havenpoort", "Zuidweide", "Oostveld", "Westhaven",
]  # fmt: skip
TRADE = [
    "Logistiek", "Metaal", "Bouw", "Installatietechniek", "Transport", "Verpakkingen",
    "Voedingsmiddelen", "Kunststoffen", "Elektrotechniek", "Houtbewerking", "Groothandel",
    "Autoschade", "Machinebouw", "Drukkerij", "Recycling", "Vastgoed", "Beheer",
]  # fmt: skip
FORMS = ["B.V.", "V.O.F.", "Holding B.V.", "& Zonen", "Groep", "N.V.", ""]
GIVEN = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Iris", "Joost"]
FAMILY = ["de Jong", "Jansen", "van den Berg", "Yılmaz", "Bakker", "El Amrani", "Kok", "Smits"]
SECTORS = ["Logistiek", "Industrie", "Bouw", "Groothandel", "Zakelijke diensten", "Detailhandel"]
KINDS = [
    ("entrepreneur", 70), ("property_owner", 15), ("municipality", 3), ("grid_operator", 2),
    ("financier", 2), ("park_manager", 2), ("province", 1), ("other", 5),
]  # fmt: skip
ROLES = [("none", 60), ("member", 30), ("core_team", 8), ("board", 2)]
VOTES = [("unknown", 60), ("yes", 25), ("no", 10), ("abstain", 5)]
WILLINGNESS = [("none", 35), ("time", 30), ("money", 15), ("time_and_money", 20)]
CHANNELS = ["visit", "phone", "email", "meeting", "event"]
URGENCY = [(1, 10), (2, 20), (3, 35), (4, 25), (5, 10)]


def _weighted(pairs: list[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    return [p for p, _ in pairs], [w for _, w in pairs]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _sample(rng: random.Random, weights: list[float], k: int) -> list[int]:
    """``k`` distinct indices, drawn with ``weights`` (Efraimidis-Spirakis)."""
    keys = sorted(((rng.random() ** (1 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [i for _, i in keys[:k]]


# --- filling -------------------------------------------------------------------------------


@dataclass
class Counter:
    stakeholders: int = 0
    interests: int = 0
    contacts: int = 0
    projects: int = 0
    participants: int = 0
    business_cases: int = 0
    phase_changes: int = 0
    changes: int = 0


class Clock:
    """Creation times: one microsecond apart, in creation order, so the change log built from
    them (ordered by time, as migration 0005 does) follows the order of generation."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def tick(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now


STAKEHOLDER_COLUMNS = (
    "id", "park_id", "name", "sort_name", "kind", "kvk_number", "contact_name", "email", "phone",
    "sector", "employees", "role", "influence", "involvement", "woz_value_eur", "trial_poll_vote",
    "notes", "personal_data_erased_at", "created_at", "updated_at", "version",
)  # fmt: skip
INTEREST_COLUMNS = (
    "id", "stakeholder_id", "park_id", "stakeholder_kind", "theme_code", "current_situation",
    "challenge", "vision", "urgency", "investment_willingness", "budget_eur", "obstacle_flags",
    "created_at", "updated_at", "version",
)  # fmt: skip
CONTACT_COLUMNS = (
    "id", "stakeholder_id", "date", "channel", "summary", "follow_up_date", "follow_up_done",
    "created_at", "updated_at", "version",
)  # fmt: skip
PROJECT_COLUMNS = (
    "id", "park_id", "title", "description", "theme_codes", "phase", "organisation_form",
    "owner_stakeholder_id", "phase_changed_at", "created_at", "updated_at", "version",
)  # fmt: skip
PARTICIPANT_COLUMNS = (
    "id", "project_id", "park_id", "stakeholder_id", "commitment", "contribution_eur",
    "created_at", "updated_at", "version",
)  # fmt: skip
BUSINESS_CASE_COLUMNS = (
    "id", "project_id", "park_id", "capex_eur", "opex_eur_per_year", "benefits_eur_per_year",
    "subsidy_eur", "lifetime_years", "discount_rate", "cost_split", "custom_shares",
    "created_at", "updated_at", "version",
)  # fmt: skip
PHASE_CHANGE_COLUMNS = (
    "id", "project_id", "from_phase", "to_phase", "reason", "actor_kind", "actor_id",
    "actor_label", "occurred_at",
)  # fmt: skip
COLUMNS = {
    "stakeholders": STAKEHOLDER_COLUMNS,
    "interests": INTEREST_COLUMNS,
    "contact_moments": CONTACT_COLUMNS,
    "projects": PROJECT_COLUMNS,
    "project_participants": PARTICIPANT_COLUMNS,
    "project_business_cases": BUSINESS_CASE_COLUMNS,
    "project_phase_changes": PHASE_CHANGE_COLUMNS,
}


def _cum(pairs: list[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    values, weights = _weighted(pairs)
    return values, [sum(weights[: i + 1]) for i in range(len(weights))]


# --- projects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A generated stakeholder as the projects of its park see it."""

    id: uuid.UUID
    kind: str
    employees: int | None
    woz_value_eur: Decimal | None
    themes: frozenset[int]  # the themes of its interests (indices)


# Where a country's worth of park projects stand, as an expert would expect: most are ideas or
# being explored, fewer have a business case or are being realised, some run, and some
# stopped on the way (after which phase: STOPPED_AFTER).
PHASES = [
    ("idea", 30), ("exploration", 27), ("business_case", 15), ("realisation", 9),
    ("operation", 7), ("stopped", 12),
]  # fmt: skip
STOPPED_AFTER = [("idea", 30), ("exploration", 45), ("business_case", 25)]
FORWARD = ("idea", "exploration", "business_case", "realisation", "operation")
COMMITMENTS = ("interested", "committed", "signed")
COMMITMENT_WEIGHTS = {  # by the furthest phase the project reached
    "idea": (92, 8, 0), "exploration": (70, 25, 5), "business_case": (45, 40, 15),
    "realisation": (20, 45, 35), "operation": (10, 30, 60),
}  # fmt: skip
SPLITS = [("equal", 40), ("by_employees", 25), ("by_woz_value", 20), ("custom", 15)]
RATES = ("0.03", "0.035", "0.04", "0.045", "0.05", "0.06")  # as the web app sends them
ORG_FORMS = (
    "cooperatie", "stichting", "bv", "biz", "ondernemersvereniging", "parkmanagement",
    "ondernemersfonds", "werkgroep",
)  # fmt: skip
STOP_REASONS = (
    "Te weinig deelnemers: de meeste bedrijven hebben een lopend contract.",
    "De netbeheerder kan de aansluiting niet voor 2029 leveren.",
    "De gemeente neemt het over in het eigen beheer.",
    "Geen subsidie gekregen; de terugverdientijd werd te lang.",
)
TITLE_PREFIXES = ("", "", "Collectief: ", "Pilot ", "Gezamenlijk project: ")
MAX_PARTICIPANTS = 60  # of an ordinary project
BIG_PROJECT_PARTICIPANTS = 300  # the largest park's first project
LARGEST_PARK_PROJECTS = 5


def _pick(rng: random.Random, pairs: list[tuple[Any, int]]) -> Any:
    values, weights = _weighted(pairs)
    return rng.choices(values, weights=weights)[0]


def _split_cents(rng: random.Random, total: int, count: int) -> list[int]:
    """``total`` cents in ``count`` uneven parts that add up exactly (largest remainder)."""
    weights = [rng.randint(1, 10) for _ in range(count)]
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(count), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


class ProjectMaker:
    """The projects of each park, as the app makes them: created as an idea with 1-3 of the
    park's favourite themes, participants drawn from its stakeholders (those interested in the
    themes first) with their commitment and sometimes a fixed contribution, a business case
    once the project reaches that phase, then a transition per step (the phase history). Every
    step obeys ``projects.phases`` (a business case and a commitment before realisation, a
    signature before operation, a reason to stop). Its own random stream, so the stakeholders,
    interests and contact moments are those of generator version 2 (only their timestamps move
    on: the clock ticks through each park's projects too)."""

    def __init__(self, themes: list[str], names: list[str], clock: Clock) -> None:
        self.rng = random.Random(f"{SEED}-projects")
        self.themes, self.names, self.clock = themes, names, clock

    def park(
        self, park_id: uuid.UUID, rank: int, people: list[Person], theme_w: list[float]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        if not people:
            return
        rng = self.rng
        if rank == 0:
            count = LARGEST_PARK_PROJECTS
        else:  # more on larger parks: 1 on the smallest, mostly 2-3 on those of 1,000+
            size = min(1.0, math.log(len(people)) / math.log(2000))
            count = 1 + (rng.random() < 0.15 + 0.65 * size) + (rng.random() < 0.05 + 0.6 * size**2)
        for k in range(count):
            yield from self._project(park_id, people, theme_w, big=rank == 0 and k == 0)

    def _project(
        self, park_id: uuid.UUID, people: list[Person], theme_w: list[float], big: bool
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        rng, tick = self.rng, self.clock.tick
        cent = Decimal("0.01")
        phase = "realisation" if big else _pick(rng, PHASES)
        reached = _pick(rng, STOPPED_AFTER) if phase == "stopped" else phase
        route = [*FORWARD[1 : FORWARD.index(reached) + 1]] + (["stopped"] * (phase == "stopped"))
        chosen_themes = _sample(rng, theme_w, 2 if big else rng.choice((1, 1, 1, 2, 2, 3)))
        codes = [self.themes[t] for t in chosen_themes]
        name = self.names[chosen_themes[0]]
        title = f"{rng.choice(TITLE_PREFIXES)}{name}" if not big else f"Collectief: {name}"

        n = len(people)
        k = min(n, BIG_PROJECT_PARTICIPANTS if big else MAX_PARTICIPANTS)
        if not big:
            k = min(k, max(1, round(n * rng.uniform(0.03, 0.2))))
        wanted = set(chosen_themes)
        keen = [p for p in people if p.themes & wanted]
        chosen = rng.sample(keen, min(k, len(keen)))
        if len(chosen) < k:
            others = [p for p in people if not p.themes & wanted]
            chosen += rng.sample(others, k - len(chosen))
        commitments = rng.choices(COMMITMENTS, weights=COMMITMENT_WEIGHTS[reached], k=k)
        if reached == "operation" and "signed" not in commitments:
            commitments[0] = "signed"
        if reached == "realisation" and commitments.count("interested") == k:
            commitments[0] = "committed"

        case: tuple[Any, ...] | None = None
        contributions: list[Decimal | None] = [None] * k
        if FORWARD.index(reached) >= FORWARD.index("business_case"):
            capex = Decimal(4_500_000 if big else rng.randrange(40, 2500) * 1000).quantize(cent)
            subsidy = (capex * rng.choice((0, 0, 10, 20, 25, 35)) / 100).quantize(cent)
            opex = (capex * rng.randrange(2, 9) / 100).quantize(cent)
            net = capex - subsidy
            if rng.random() < 0.06:  # never pays back
                benefits = (opex * Decimal("0.8")).quantize(cent)
            else:
                benefits = (opex + net / rng.randrange(3, 18)).quantize(cent)
            split = "by_employees" if big else _pick(rng, SPLITS)
            fixed = Decimal(0)
            for i, commitment in enumerate(commitments):
                if commitment != "interested" and rng.random() < (0.03 if big else 0.08):
                    amount = Decimal(rng.choice((1000, 2500, 5000, 10_000, 25_000))).quantize(cent)
                    if fixed + amount <= net / 2:
                        contributions[i] = amount
                        fixed += amount
            free = [i for i in range(k) if contributions[i] is None]
            if split == "custom" and not free:
                split = "equal"
            custom = None
            case = (
                capex, opex, benefits, subsidy, rng.choice((10, 15, 15, 20, 25)),
                Decimal(rng.choice(RATES)).quantize(Decimal("0.0001")), split,
            )  # fmt: skip
            if split == "custom":
                parts = _split_cents(rng, int((net - fixed) * 100), len(free))
                custom = dict(zip(free, parts, strict=True))
            case = (*case, custom)

        pid = _uuid(rng)
        created = tick()
        rows: list[tuple[str, tuple[Any, ...]]] = []
        participant_ids = []
        for person, commitment, contribution in zip(
            chosen, commitments, contributions, strict=True
        ):
            at = tick()
            participant_ids.append(_uuid(rng))
            rows.append((
                "project_participants",
                (participant_ids[-1], pid, park_id, person.id, commitment, contribution, at, at, 1),
            ))  # fmt: skip
        history: list[tuple[str | None, str, str | None, datetime]] = [
            (None, "idea", None, created)
        ]
        for step in route:
            at = tick()
            reason = rng.choice(STOP_REASONS) if step == "stopped" else None
            history.append((history[-1][1], step, reason, at))
            if step == "business_case" and case is not None:
                at = tick()
                *values, custom = case
                shares = None
                if custom is not None:
                    shares = json.dumps(
                        {
                            str(participant_ids[i]): f"{Decimal(c) / 100:.2f}"
                            for i, c in custom.items()
                        }
                    )
                rows.append(
                    (
                        "project_business_cases",
                        (_uuid(rng), pid, park_id, *values, shares, at, at, 1),
                    )
                )
        for before, after, reason, at in history:
            rows.append((
                "project_phase_changes",
                (_uuid(rng), pid, before, after, reason, "system", None, ACTOR_LABEL, at),
            ))  # fmt: skip
        if reached == "idea":
            form = rng.choice(ORG_FORMS) if rng.random() < 0.05 else None
        elif FORWARD.index(reached) >= FORWARD.index("realisation"):
            form = "cooperatie" if big else rng.choice(ORG_FORMS) if rng.random() < 0.8 else None
        else:
            form = rng.choice(ORG_FORMS) if rng.random() < 0.3 else None
        owner = chosen[0].id if reached != "idea" and rng.random() < 0.6 else None
        last = history[-1][3]
        yield (
            "projects",
            (
                pid, park_id, title,
                "Samen met de ondernemers van het park uitgewerkt." if rng.random() < 0.5 else None,
                json.dumps(codes), phase, form, owner, last, created, last, len(history),
            ),
        )  # fmt: skip
        yield from rows


def _rows(
    parks: list[tuple[uuid.UUID, str]], counts: list[int], scale: Scale, clock: Clock
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) for every generated entity, park by park, in creation order."""
    from backend.core.types import sort_key
    from backend.interests.models import OBSTACLE_BITS
    from backend.interests.service import read_themes_csv

    rng = random.Random(SEED)
    themes = [t["code"] for t in read_themes_csv()]
    names = [t["name_nl"] for t in read_themes_csv()]
    bits = list(OBSTACLE_BITS.values())
    kinds, kind_w = _cum(KINDS)
    roles, role_w = _cum(ROLES)
    votes, vote_w = _cum(VOTES)
    wills, will_w = _cum(WILLINGNESS)
    urgencies, urg_w = _cum(URGENCY)
    contacts, contact_w = _cum(list(enumerate(scale.contacts)))
    choices, rand, randrange, choice = rng.choices, rng.random, rng.randrange, rng.choice
    today = date(2026, 12, 1)
    cent = Decimal("0.01")
    kvk = 10_000_000
    projects = ProjectMaker(themes, names, clock)
    for rank, ((park_id, _ibis), n) in enumerate(zip(parks, counts, strict=True)):
        # Each park has its own favourite themes, so rankings differ between parks.
        theme_w = [rng.lognormvariate(0, 0.8) for _ in themes]
        people: list[Person] = []
        for i in range(n):
            sid = _uuid(rng)
            at = clock.tick()
            kind = "municipality" if i == 0 else choices(kinds, cum_weights=kind_w)[0]
            name = f"{choice(FIRST)} {choice(TRADE)} {choice(FORMS)}".strip() + f" {i + 1:04d}"
            kvk += 1
            business = kind in ("entrepreneur", "property_owner")
            person = f"{choice(GIVEN)} {choice(FAMILY)}"
            stakeholder = (
                sid, park_id, name, sort_key(name), kind,
                f"{kvk:08d}" if business and rand() < 0.9 else None,
                person if rand() < 0.8 else None,
                f"contact{kvk}@bedrijf{kvk % 997}.nl" if rand() < 0.7 else None,
                f"+316{randrange(10_000_000, 99_999_999)}" if rand() < 0.6 else None,
                choice(SECTORS) if kind == "entrepreneur" else None,
                randrange(1, 400) if kind == "entrepreneur" else None,
                choices(roles, cum_weights=role_w)[0],
                randrange(1, 6) if rand() < 0.5 else None,
                randrange(1, 6) if rand() < 0.5 else None,
                Decimal(randrange(200_000, 9_000_000)).quantize(cent)
                if business and rand() < 0.4 else None,
                choices(votes, cum_weights=vote_w)[0],
                "Wil meedenken over het parkmanagement." if rand() < 0.05 else None,
                None, at, at, 1,
            )  # fmt: skip
            yield "stakeholders", stakeholder
            picked = _sample(rng, theme_w, scale.interests)
            people.append(Person(sid, kind, stakeholder[10], stakeholder[14], frozenset(picked)))
            for t in picked:
                at = clock.tick()
                will = choices(wills, cum_weights=will_w)[0]
                money = will in ("money", "time_and_money") and rand() < 0.6
                talked = rand() < 0.3
                yield (
                    "interests",
                    (
                        _uuid(rng), sid, park_id, kind, themes[t],
                        "Nu geregeld per bedrijf." if talked else None,
                        "Kosten en afstemming met de buren." if talked else None,
                        "Samen inkopen via de parkvereniging." if talked else None,
                        choices(urgencies, cum_weights=urg_w)[0], will,
                        Decimal(choice([500, 1000, 2500, 5000, 10_000])).quantize(cent)
                        if money else None,
                        sum(bit for bit in bits if rand() < 0.2),
                        at, at, 1,
                    ),
                )  # fmt: skip
            for _ in range(choices(contacts, cum_weights=contact_w)[0]):
                at = clock.tick()
                day = today - timedelta(days=randrange(0, 730))
                follow = day + timedelta(days=14) if rand() < 0.3 else None
                yield (
                    "contact_moments",
                    (
                        _uuid(rng), sid, day, choice(CHANNELS),
                        f"Gesproken met {person} over de plannen." if rand() < 0.8 else None,
                        follow, follow is not None and follow < today and rand() < 0.7,
                        at, at, 1,
                    ),
                )  # fmt: skip
        yield from projects.park(park_id, rank, people, theme_w)


# --- the change log and the audit trail, in SQL ------------------------------------------------

# The entities of the generator, as migration 0005 enumerates existing rows for the log:
# entity type -> (table, park column; None: the park of its stakeholder).
_ENTITIES = {
    "stakeholder": ("stakeholders", "park_id"),
    "interest": ("interests", "park_id"),
    "contact_moment": ("contact_moments", None),  # park via the stakeholder
    "project": ("projects", "park_id"),
    "project_participant": ("project_participants", "park_id"),
    "business_case": ("project_business_cases", "park_id"),
}
# What a create recorded that the row no longer shows: a project is created as an idea (at
# version 1) and moved on by transitions, each an update of its phase (see _steps_sql).
_CREATED_AS = {"project": ({"phase": "to_json('idea'::text)::text"}, "1")}
# Decimal, date and UUID values are strings in the trail (``changes.service._jsonable``).
_AS_TEXT = frozenset({
    "woz_value_eur", "budget_eur", "date", "follow_up_date", "stakeholder_id",
    "owner_stakeholder_id", "contribution_eur", "capex_eur", "opex_eur_per_year",
    "benefits_eur_per_year", "subsidy_eur",
})  # fmt: skip
# JSON columns: their text is what json.dumps wrote (the generator's and SQLAlchemy's alike).
_AS_JSON = frozenset({"theme_codes", "custom_shares"})


def _value_sql(field: str, personal: bool) -> str:
    """The SQL of one audited value as ``changes.service._jsonable`` gives it, as JSON text."""
    if personal:
        return f"CASE WHEN e.{field} IS NULL THEN 'null' ELSE '\"(redacted)\"' END"
    if field == "obstacles":  # the interest's flags as the list of names
        from backend.interests.models import OBSTACLE_BITS

        names = ", ".join(
            f"CASE WHEN e.obstacle_flags & {bit} <> 0 THEN '{o.value}' END"
            for o, bit in OBSTACLE_BITS.items()
        )
        return f"to_json(array_remove(ARRAY[{names}]::text[], NULL))::text"
    if field in _AS_JSON:
        return f"COALESCE(e.{field}::text, 'null')"
    if field == "discount_rate":  # the Decimal the request carried: "0.04" as the web app sends
        value = f"trim_scale(e.{field})::text"  # it, not the column's four places ("0.0400")
    elif field in _AS_TEXT:
        value = f"e.{field}::text"
    else:
        value = f"e.{field}"
    return f"COALESCE(to_json({value})::text, 'null')"


def _snapshot_sql(
    fields: tuple[str, ...], personal: frozenset[str], created_as: dict[str, str] | None = None
) -> str:
    """``changes.service.snapshot`` of a created row in SQL: every field from nothing, in key
    order, formatted as json.dumps formats it. ``created_as``: fields whose value at creation
    was not the row's value now (SQL for their JSON text)."""
    keys = sorted(fields)
    template = ", ".join(f'"{k}": {{"old": null, "new": %s}}' for k in keys)
    values = ", ".join((created_as or {}).get(k) or _value_sql(k, k in personal) for k in keys)
    return f"format('{{{template}}}', {values})::json"


def _steps_sql(with_changes: bool) -> str:
    """The projects' transitions as ``changes.updated`` records them: one update per step
    after the creation row of the phase history, at version 2, 3, …; only the phase changes."""
    changes = (
        ', format(\'{"phase": {"old": %s, "new": %s}}\', to_json(c.from_phase)::text, '
        "to_json(c.to_phase)::text)::json AS changes"
        if with_changes
        else ""
    )
    return (
        "SELECT c.occurred_at AS created_at, 'project' AS entity_type, e.id, e.park_id, "
        "'update' AS action, (1 + ROW_NUMBER() OVER (PARTITION BY c.project_id "
        "ORDER BY c.occurred_at, c.id))::int AS version, c.id::text AS audit_key"
        f"{changes} FROM project_phase_changes c JOIN projects e ON e.id = c.project_id "
        "WHERE c.from_phase IS NOT NULL"
    )


def _log_and_audit_sql(first_position: int) -> tuple[str, str]:
    """INSERT … SELECT statements that write a change-log row and an audit event for every
    generated entity and every project transition, ordered as they happened (positions after
    ``first_position``)."""
    from backend.interests.service import INTEREST
    from backend.projects.service import BUSINESS_CASE, PARTICIPANT, PROJECT
    from backend.stakeholders.service import CONTACT, STAKEHOLDER

    specs = {
        "stakeholder": STAKEHOLDER, "interest": INTEREST, "contact_moment": CONTACT,
        "project": PROJECT, "project_participant": PARTICIPANT, "business_case": BUSINESS_CASE,
    }  # fmt: skip
    log_parts, audit_parts = [], []
    for entity_type, (table, park) in _ENTITIES.items():
        spec = specs[entity_type]
        created_as, version = _CREATED_AS.get(entity_type, ({}, "e.version"))
        park_sql = f"e.{park}" if park else "s.park_id"
        join = "" if park else " JOIN stakeholders s ON s.id = e.stakeholder_id"
        select = (
            f"SELECT e.created_at, '{entity_type}' AS entity_type, e.id, {park_sql} AS park_id, "
            f"'create' AS action, {version} AS version, e.id::text AS audit_key"
        )
        log_parts.append(f"{select} FROM {table} e{join}")
        changes = _snapshot_sql(spec.fields, spec.personal, created_as)
        audit_parts.append(f"{select}, {changes} AS changes FROM {table} e{join}")
    log_parts.append(_steps_sql(False))
    audit_parts.append(_steps_sql(True))
    log = (
        "INSERT INTO change_log (position, occurred_at, entity_type, entity_id, park_id, action, "
        f"version) SELECT {first_position} + ROW_NUMBER() OVER (ORDER BY created_at, "
        f"entity_type, id, version), created_at, entity_type, id, park_id, action, version "
        f"FROM ({' UNION ALL '.join(log_parts)}) created"
    )
    audit = (
        "INSERT INTO audit_events (id, occurred_at, actor_kind, actor_id, actor_label, action, "
        "entity_type, entity_id, park_id, changes) SELECT md5('audit' || audit_key)::uuid, "
        f"created_at, 'system', NULL, '{ACTOR_LABEL}', action, entity_type, id, park_id, "
        f"changes FROM ({' UNION ALL '.join(audit_parts)}) created"
    )
    return log, audit


def _as_sent(values: dict[str, Any]) -> dict[str, Any]:
    """A business case's values as its PUT carried them: the rate as the web app sends it
    (``parsePercent``: "0.04", "0.045"), which the app records unchanged, where the column
    gives four places back ("0.0400")."""
    rate = values.get("discount_rate")
    if isinstance(rate, Decimal):
        values = {**values, "discount_rate": rate.normalize()}
    return values


def check_like_the_app(url: str) -> None:
    """Generated rows of each kind read through the app's models: their audit values must be
    what the app's own change seam records for them (for a project: its creation and every
    transition, replayed from its phase history with the app's ``diff``, and every step allowed
    by ``projects.phases``); a business case must add up as ``projects.business_case`` checks
    it before keeping one."""
    from sqlalchemy import func, select
    from sqlmodel import Session, col

    from backend.changes.models import AuditEvent, ChangeLogEntry
    from backend.changes.service import diff, snapshot
    from backend.core.db import build_engine
    from backend.interests.models import Interest
    from backend.interests.service import INTEREST
    from backend.projects import business_case as bc
    from backend.projects import phases
    from backend.projects import service as projects
    from backend.projects.models import BusinessCase, Participant, PhaseChange, Project
    from backend.stakeholders.models import ContactMoment, Stakeholder
    from backend.stakeholders.service import CONTACT, STAKEHOLDER

    def events_of(s: Session, entity_type: str, entity_id: uuid.UUID) -> list[AuditEvent]:
        return list(
            s.scalars(
                select(AuditEvent)
                .where(
                    col(AuditEvent.entity_type) == entity_type,  # the index's first column
                    col(AuditEvent.entity_id) == entity_id,
                )
                .order_by(col(AuditEvent.occurred_at))
            )
        )

    def fail(what: str, entity_id: uuid.UUID, got: Any, expected: Any) -> AssertionError:
        return AssertionError(
            f"generated {what} {entity_id}: audit {got} is not what the app records: {expected}"
        )

    engine = build_engine(url)
    try:
        with Session(engine) as s:
            custom = select(BusinessCase).where(col(BusinessCase.cost_split) == "custom")
            samples: list[tuple[Any, Any]] = [
                (select(Stakeholder).limit(50), STAKEHOLDER),
                (select(Interest).limit(50), INTEREST),
                (select(ContactMoment).limit(50), CONTACT),
                (select(Participant).limit(50), projects.PARTICIPANT),
                (select(BusinessCase).limit(50), projects.BUSINESS_CASE),
                (custom.limit(5), projects.BUSINESS_CASE),
            ]
            for stmt, spec in samples:
                for obj in s.scalars(stmt):
                    events = events_of(s, spec.entity_type, obj.id)
                    expected = snapshot(_as_sent(spec.values(obj)), redact=spec.personal)
                    if [e.changes for e in events] != [expected]:
                        raise fail(spec.entity_type, obj.id, [e.changes for e in events], expected)
            # Projects: the big one, and some that went a long way (version 3 or more).
            big = s.scalar(
                select(col(Participant.project_id))
                .group_by(col(Participant.project_id))
                .order_by(func.count().desc())
                .limit(1)
            )
            stopped = select(Project).where(col(Project.phase) == "stopped").limit(10)
            walked = select(Project).where(col(Project.version) >= 3).limit(40)
            chosen = [*s.scalars(walked), *s.scalars(stopped), s.get(Project, big)]
            for project in chosen:
                assert project is not None
                steps = list(
                    s.scalars(
                        select(PhaseChange)
                        .where(col(PhaseChange.project_id) == project.id)
                        .order_by(col(PhaseChange.occurred_at), col(PhaseChange.id))
                    )
                )
                commitments = [p.commitment for p in projects.participants_of(s, project.id)]
                committed = sum(c in projects.COMMITTED for c in commitments)
                signed = commitments.count("signed")
                case = projects.find_business_case(s, project)
                state = {**projects.PROJECT.values(project), "phase": steps[0].to_phase}
                expected_trail = [snapshot(state)]
                for step in steps[1:]:
                    facts = phases.Facts(state["phase"], case is not None, committed, signed)
                    broken = phases.blocked(phases.rules_for(facts, step.to_phase, step.reason))
                    if broken:
                        raise AssertionError(
                            f"generated project {project.id}: the step to {step.to_phase} "
                            f"breaks {[r.code for r in broken]}"
                        )
                    after = {**state, "phase": step.to_phase}
                    expected_trail.append(diff(state, after))
                    state = after
                trail = [e.changes for e in events_of(s, "project", project.id)]
                if state != projects.PROJECT.values(project) or trail != expected_trail:
                    raise fail("project", project.id, trail, expected_trail)
                log = s.execute(
                    select(col(ChangeLogEntry.action), col(ChangeLogEntry.version))
                    .where(
                        col(ChangeLogEntry.park_id) == project.park_id,  # indexed
                        col(ChangeLogEntry.entity_id) == project.id,
                    )
                    .order_by(col(ChangeLogEntry.position))
                ).all()
                wanted = [("create", 1)] + [("update", v) for v in range(2, len(steps) + 1)]
                if [tuple(r) for r in log] != wanted or project.version != len(steps):
                    raise AssertionError(f"generated project {project.id}: change log {log}")
                if case is not None:
                    inputs = projects._inputs(projects._stored_inputs(case))
                    figures = bc.calculate(inputs, projects._parties(s, project.id))
                    if figures.problems:
                        raise AssertionError(
                            f"generated business case {case.id} would be refused: "
                            f"{figures.problems}"
                        )
    finally:
        engine.dispose()


def _drop_for_load(conn: psycopg.Connection[Any], tables: list[str]) -> list[str]:
    """Drop the constraints and indexes of ``tables`` (and foreign keys that point at them), as
    a restore of a dump does, so that COPY appends and the indexes are built by sorting; the
    statements that put them back, in order, are returned."""
    constraints = conn.execute(
        """
        SELECT c.conname, t.relname, pg_get_constraintdef(c.oid), c.contype
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
          AND (t.relname = ANY(%(t)s) OR c.confrelid IN (
               SELECT oid FROM pg_class WHERE relname = ANY(%(t)s)
               AND relnamespace = 'public'::regnamespace))
        ORDER BY c.contype = 'f' DESC, t.relname, c.conname
        """,
        {"t": tables},
    ).fetchall()
    indexes = conn.execute(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        ORDER BY i.relname
        """,
        [tables],
    ).fetchall()
    for name, table, _, _ in constraints:  # foreign keys first
        conn.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')  # type: ignore[arg-type]
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')  # type: ignore[arg-type]
    add = {
        name: f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'
        for name, table, definition, _ in constraints
    }
    keys = [add[name] for name, _, _, kind in constraints if kind != "f"]
    foreign = [add[name] for name, _, _, kind in constraints if kind == "f"]
    return keys + [definition for _, definition in indexes] + foreign


def fill(url: str, scale: Scale) -> dict[str, Any]:
    """Drop and refill the database at ``scale``. Returns what the load benchmark needs."""
    t0 = time.perf_counter()
    base, _, dbname = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:  # a fresh database
        conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{dbname}"')  # type: ignore[arg-type]
    _cli(url, "migrate")
    with psycopg.connect(url) as conn:  # what it was migrated to (others may add migrations)
        migrated = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])  # type: ignore[index]
    t1 = time.perf_counter()
    print(f"  migrated to {migrated} ({t1 - t0:.1f} s)")
    report = _cli(url, "import-parks", str(REGISTER))
    _cli(url, "create-user", "--email", BENCH_EMAIL, "--password", BENCH_PASSWORD,
         "--role", "admin", "--name", "Bench")  # fmt: skip
    t2 = time.perf_counter()
    print(f"  national register: {report.splitlines()[0]}; bench admin ({t2 - t1:.1f} s)")

    tables = [*COLUMNS, "change_log", "audit_events"]
    counter = Counter()
    with psycopg.connect(url) as conn:
        parks = conn.execute(
            "SELECT id, ibis_id FROM parks ORDER BY area_ha DESC NULLS LAST, ibis_id"
        ).fetchall()
        if scale.parks is not None:
            parks = parks[: scale.parks]
        counts = stakeholder_counts(len(parks), scale)
        start, position = conn.execute(
            "SELECT (SELECT max(occurred_at) FROM change_log), last_position FROM change_counter"
        ).fetchone() or (None, 0)
        clock = Clock(start or datetime.now(UTC))
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute("SET work_mem = '256MB'")
        restore = _drop_for_load(conn, tables)
        cur = conn.cursor()
        # One COPY at a time per connection: rows go to one table's COPY in batches.
        batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}

        def flush(table: str) -> None:
            with cur.copy(
                f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN"  # type: ignore[arg-type]
            ) as copy:
                for row in batch[table]:
                    copy.write_row(row)
            batch[table].clear()

        for table, row in _rows(parks, counts, scale, clock):
            rows = batch[table]
            rows.append(row)
            if len(rows) >= 20_000:
                flush(table)
        for table in COLUMNS:
            if batch[table]:
                flush(table)
        for table, attr in (("stakeholders", "stakeholders"), ("interests", "interests"),
                            ("contact_moments", "contacts"), ("projects", "projects"),
                            ("project_participants", "participants"),
                            ("project_business_cases", "business_cases"),
                            ("project_phase_changes", "phase_changes")):  # fmt: skip
            n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[arg-type,index]
            setattr(counter, attr, int(n))
        t3 = time.perf_counter()
        print(
            f"  COPY {counter.stakeholders:,} stakeholders, {counter.interests:,} interests, "
            f"{counter.contacts:,} contact moments, {counter.projects:,} projects "
            f"({counter.participants:,} participants, {counter.business_cases:,} business cases, "
            f"{counter.phase_changes:,} phase changes) ({t3 - t2:.1f} s)"
        )
        log_sql, audit_sql = _log_and_audit_sql(int(position))
        counter.changes = conn.execute(log_sql).rowcount  # type: ignore[arg-type]
        t_log = time.perf_counter()
        conn.execute(audit_sql)  # type: ignore[arg-type]
        conn.execute(
            "UPDATE change_counter SET last_position = (SELECT max(position) FROM change_log)"
        )
        t4 = time.perf_counter()
        print(
            f"  change log and audit trail: {counter.changes:,} rows each "
            f"({t_log - t3:.1f} s + {t4 - t_log:.1f} s)"
        )
        for statement in restore:
            conn.execute(statement)  # type: ignore[arg-type]
        conn.commit()
        t5 = time.perf_counter()
        print(f"  rebuilt {len(restore)} constraints and indexes ({t5 - t4:.1f} s)")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        t6 = time.perf_counter()
        print(f"  VACUUM ANALYZE ({t6 - t5:.1f} s)")
        check_like_the_app(url)
        largest_ibis = parks[0][1]
        big = conn.execute(
            "SELECT project_id, count(*) FROM project_participants WHERE park_id = %s "
            "GROUP BY project_id ORDER BY count(*) DESC LIMIT 1",
            [parks[0][0]],
        ).fetchone()
        info = {
            "parks": conn.execute("SELECT count(*) FROM parks").fetchone()[0],  # type: ignore[index]
            "parks_with_stakeholders": len(parks),
            "stakeholders": counter.stakeholders,
            "interests": counter.interests,
            "contact_moments": counter.contacts,
            "projects": counter.projects,
            "project_participants": counter.participants,
            "business_cases": counter.business_cases,
            "phase_changes": counter.phase_changes,
            "changes": counter.changes,
            "largest_park_ibis_id": largest_ibis,
            "largest_park_stakeholders": counts[0],
            "big_project_id": str(big[0]) if big else None,
            "big_project_participants": int(big[1]) if big else 0,
            "seconds": round(t6 - t0, 1),
        }
        marker = {**wanted_marker(scale), "migration": migrated, "info": info}
        _write_marker(conn, url.rpartition("/")[2], marker)
    print(f"  filled in {t6 - t0:.1f} s (audit values checked against the app's change seam)")
    return info


def ensure(url: str, scale: Scale, force: bool = False) -> dict[str, Any]:
    """The database at ``scale``: left as it is when its marker matches, else refilled."""
    ensure_database(url)
    marker = read_marker(url)
    wanted = wanted_marker(scale)
    if not force and marker and {k: marker.get(k) for k in wanted} == wanted:
        info: dict[str, Any] = marker["info"]
        print(
            f"data: {url.rpartition('/')[2]} already filled at scale {scale.name} "
            f"({info['stakeholders']:,} stakeholders; marker matches)"
        )
        return info
    why = "forced" if force else ("no marker" if not marker else "marker differs")
    print(f"data: filling {url.rpartition('/')[2]} at scale {scale.name} ({why})")
    return fill(url, scale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fill PostgreSQL for the load benchmark")
    parser.add_argument("--quick", action="store_true", help="the small scale of BENCH_QUICK=1")
    parser.add_argument("--force", action="store_true", help="refill even when filled")
    parser.add_argument("--url", help=f"database (default {DEFAULT_URL}, quick {QUICK_URL})")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else NATIONAL
    url = args.url or (QUICK_URL if args.quick else DEFAULT_URL)
    info = ensure(url, scale, force=args.force)
    print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
