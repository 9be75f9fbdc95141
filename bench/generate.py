"""National-scale data for the load benchmark, in PostgreSQL, in a few minutes.

On top of the real national register (the app's own importer, ``parkregie import-parks``), a
deterministic generator (fixed seed) adds stakeholders to every park, three interests per
stakeholder and contact moments, with the audit events and change-log rows the app writes for
each create. Entities go in with ``COPY`` (psycopg's ``cursor.copy()``), the change log and the
audit trail with ``INSERT … SELECT`` from them, while the tables' keys, constraints and indexes
are dropped; they are put back afterwards (built by sorting, as a restore of a dump does).

Rows are written as the app writes them: ``sort_name`` by ``backend.core.types.sort_key``,
``version`` 1, UTC timestamps, interests with the ``park_id`` and ``stakeholder_kind`` of their
stakeholder, obstacles as the ``obstacle_flags`` bitmask, phone numbers in E.164, audit values
from ``backend.changes.service.snapshot`` (personal fields redacted) and change-log positions
in creation order, with ``change_counter`` at the last one.

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

GENERATOR_VERSION = 2
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
COLUMNS = {
    "stakeholders": STAKEHOLDER_COLUMNS,
    "interests": INTEREST_COLUMNS,
    "contact_moments": CONTACT_COLUMNS,
}


def _cum(pairs: list[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    values, weights = _weighted(pairs)
    return values, [sum(weights[: i + 1]) for i in range(len(weights))]


def _rows(
    parks: list[tuple[uuid.UUID, str]], counts: list[int], scale: Scale, clock: Clock
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) for every generated entity, park by park, in creation order."""
    from backend.core.types import sort_key
    from backend.interests.models import OBSTACLE_BITS
    from backend.interests.service import read_themes_csv

    rng = random.Random(SEED)
    themes = [t["code"] for t in read_themes_csv()]
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
    for (park_id, _ibis), n in zip(parks, counts, strict=True):
        # Each park has its own favourite themes, so rankings differ between parks.
        theme_w = [rng.lognormvariate(0, 0.8) for _ in themes]
        for i in range(n):
            sid = _uuid(rng)
            at = clock.tick()
            kind = "municipality" if i == 0 else choices(kinds, cum_weights=kind_w)[0]
            name = f"{choice(FIRST)} {choice(TRADE)} {choice(FORMS)}".strip() + f" {i + 1:04d}"
            kvk += 1
            business = kind in ("entrepreneur", "property_owner")
            person = f"{choice(GIVEN)} {choice(FAMILY)}"
            yield (
                "stakeholders",
                (
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
                ),
            )  # fmt: skip
            for t in _sample(rng, theme_w, scale.interests):
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


# --- the change log and the audit trail, in SQL ------------------------------------------------

# The entities of the generator, as migration 0005 enumerates existing rows for the log.
_ENTITIES = {
    "stakeholder": ("stakeholders", "park_id"),
    "interest": ("interests", "park_id"),
    "contact_moment": ("contact_moments", None),  # park via the stakeholder
}


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
    if field in ("woz_value_eur", "budget_eur", "date", "follow_up_date", "stakeholder_id"):
        value = f"e.{field}::text"  # Decimal, date and UUID are strings in the trail
    else:
        value = f"e.{field}"
    return f"COALESCE(to_json({value})::text, 'null')"


def _snapshot_sql(fields: tuple[str, ...], personal: frozenset[str]) -> str:
    """``changes.service.snapshot`` of a created row in SQL: every field from nothing, in key
    order, formatted as json.dumps formats it."""
    keys = sorted(fields)
    template = ", ".join(f'"{k}": {{"old": null, "new": %s}}' for k in keys)
    values = ", ".join(_value_sql(k, k in personal) for k in keys)
    return f"format('{{{template}}}', {values})::json"


def _log_and_audit_sql(first_position: int) -> tuple[str, str]:
    """INSERT … SELECT statements that write a change-log row and an audit event for every
    generated entity, ordered as created (positions after ``first_position``)."""
    from backend.interests.service import INTEREST
    from backend.stakeholders.service import CONTACT, STAKEHOLDER

    specs = {"stakeholder": STAKEHOLDER, "interest": INTEREST, "contact_moment": CONTACT}
    log_parts, audit_parts = [], []
    for entity_type, (table, park) in _ENTITIES.items():
        spec = specs[entity_type]
        park_sql = f"e.{park}" if park else "s.park_id"
        join = "" if park else " JOIN stakeholders s ON s.id = e.stakeholder_id"
        select = (
            f"SELECT e.created_at, '{entity_type}' AS entity_type, e.id, {park_sql} AS park_id, "
            "e.version"
        )
        log_parts.append(f"{select} FROM {table} e{join}")
        changes = _snapshot_sql(spec.fields, spec.personal)
        audit_parts.append(f"{select}, {changes} AS changes FROM {table} e{join}")
    log = (
        "INSERT INTO change_log (position, occurred_at, entity_type, entity_id, park_id, action, "
        f"version) SELECT {first_position} + ROW_NUMBER() OVER (ORDER BY created_at, "
        f"entity_type, id), created_at, entity_type, id, park_id, 'create', version "
        f"FROM ({' UNION ALL '.join(log_parts)}) created"
    )
    audit = (
        "INSERT INTO audit_events (id, occurred_at, actor_kind, actor_id, actor_label, action, "
        "entity_type, entity_id, park_id, changes) SELECT md5('audit' || id::text)::uuid, "
        f"created_at, 'system', NULL, '{ACTOR_LABEL}', 'create', entity_type, id, park_id, "
        f"changes FROM ({' UNION ALL '.join(audit_parts)}) created"
    )
    return log, audit


def check_like_the_app(url: str) -> None:
    """One generated row of each kind read through the app's models: its audit values must be
    what the app's own change seam records for it."""
    from sqlalchemy import select
    from sqlmodel import Session

    from backend.changes.models import AuditEvent
    from backend.changes.service import snapshot
    from backend.core.db import build_engine
    from backend.interests.models import Interest
    from backend.interests.service import INTEREST
    from backend.stakeholders.models import ContactMoment, Stakeholder
    from backend.stakeholders.service import CONTACT, STAKEHOLDER

    engine = build_engine(url)
    try:
        with Session(engine) as s:
            for model, spec in ((Stakeholder, STAKEHOLDER), (Interest, INTEREST),
                                (ContactMoment, CONTACT)):  # fmt: skip
                for obj in s.scalars(select(model).limit(50)):
                    event = s.scalars(
                        select(AuditEvent).where(AuditEvent.entity_id == obj.id)  # type: ignore[arg-type]
                    ).one()
                    expected = snapshot(spec.values(obj), redact=spec.personal)
                    if event.changes != expected:
                        raise AssertionError(
                            f"generated {spec.entity_type} {obj.id}: audit {event.changes} "
                            f"is not what the app records: {expected}"
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
    t1 = time.perf_counter()
    print(f"  migrated ({t1 - t0:.1f} s)")
    report = _cli(url, "import-parks", str(REGISTER))
    _cli(url, "create-user", "--email", BENCH_EMAIL, "--password", BENCH_PASSWORD,
         "--role", "admin", "--name", "Bench")  # fmt: skip
    t2 = time.perf_counter()
    print(f"  national register: {report.splitlines()[0]}; bench admin ({t2 - t1:.1f} s)")

    tables = ["stakeholders", "interests", "contact_moments", "change_log", "audit_events"]
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
                            ("contact_moments", "contacts")):  # fmt: skip
            n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[arg-type,index]
            setattr(counter, attr, int(n))
        t3 = time.perf_counter()
        print(
            f"  COPY {counter.stakeholders:,} stakeholders, {counter.interests:,} interests, "
            f"{counter.contacts:,} contact moments ({t3 - t2:.1f} s)"
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
        info = {
            "parks": conn.execute("SELECT count(*) FROM parks").fetchone()[0],  # type: ignore[index]
            "parks_with_stakeholders": len(parks),
            "stakeholders": counter.stakeholders,
            "interests": counter.interests,
            "contact_moments": counter.contacts,
            "changes": counter.changes,
            "largest_park_ibis_id": largest_ibis,
            "largest_park_stakeholders": counts[0],
            "seconds": round(t6 - t0, 1),
        }
        _write_marker(conn, url.rpartition("/")[2], {**wanted_marker(scale), "info": info})
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
