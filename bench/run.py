"""Run the benchmark scenarios on SQLite and (when reachable) PostgreSQL; report ratios."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.stakeholders_import import scenario_stakeholders_import

RESULTS = Path(__file__).parent / "results"


@dataclass
class Result:
    scenario: str
    database: str
    measured: str
    median_ms: float
    baseline: str
    baseline_median_ms: float

    @property
    def ratio(self) -> float:
        return self.median_ms / self.baseline_median_ms if self.baseline_median_ms else 0.0


def median_ms(fn: Callable[[], Any], repeat: int = 15, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


class Context:
    """A migrated database with the register and demo accounts, and an in-process client."""

    def __init__(self, url: str, label: str) -> None:
        self.url, self.label = url, label
        os.environ["PARKREGIE_DATABASE_URL"] = url
        os.environ.setdefault("PARKREGIE_PASSWORD_HASH_MEMORY_KIB", "1024")
        from backend.core.config import get_settings

        get_settings.cache_clear()
        from alembic import command
        from fastapi.testclient import TestClient
        from sqlmodel import Session

        from backend.auth import service as auth_service
        from backend.auth.models import Role
        from backend.cli import alembic_config
        from backend.core.actor import Actor
        from backend.core.db import get_engine
        from backend.core.security import create_access_token
        from backend.main import create_app
        from backend.parks.register import import_register

        command.upgrade(alembic_config(), "head")
        self.engine = get_engine()
        with Session(self.engine) as s:
            import_register(s, Actor("system", None, "bench"))
            admin, _ = auth_service.ensure_user(
                s, "bench@parkregie.demo", "bench-password", Role.admin, [], "Bench"
            )
            s.commit()
            token, _ = create_access_token(str(admin.id), "user")
        self.headers = {"Authorization": f"Bearer {token}"}
        self.client = TestClient(create_app())

    def session(self) -> Any:
        from sqlmodel import Session

        return Session(self.engine)

    def analyze(self) -> None:
        """Fresh statistics (and, on PostgreSQL, the visibility map) after a bulk load, as a
        running database's autovacuum keeps them."""
        from sqlalchemy import text

        postgres = self.engine.dialect.name == "postgresql"
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE" if postgres else "ANALYZE"))


def scenario_parks_deep_page(ctx: Context) -> list[Result]:
    from sqlalchemy import select

    from backend.parks.models import Park
    from bench.data import add_parks

    with ctx.session() as s:
        add_parks(s, 20_000)
        s.commit()
    ctx.analyze()
    limit, depth = 50, 400
    cursor = None
    for _ in range(depth):
        r = ctx.client.get(
            "/api/v1/parks", params={"limit": limit, "cursor": cursor}, headers=ctx.headers
        )
        cursor = r.json()["next_cursor"]
    assert cursor, "not enough parks for the deep page"

    def api(cur: str | None) -> Callable[[], Any]:
        def call() -> Any:
            r = ctx.client.get(
                "/api/v1/parks", params={"limit": limit, "cursor": cur}, headers=ctx.headers
            )
            assert r.status_code == 200 and len(r.json()["items"]) == limit

        return call

    first = median_ms(api(None))
    deep = median_ms(api(cursor))

    def offset_page() -> Any:
        with ctx.session() as s:
            stmt = select(Park).order_by(Park.sort_name, Park.id).offset(depth * limit).limit(limit)
            assert len(s.scalars(stmt).all()) == limit

    from backend.core.pagination import keyset

    def keyset_page() -> Any:
        with ctx.session() as s:
            stmt = keyset(select(Park), [Park.sort_name, Park.id], "name", cursor, limit)
            assert len(s.scalars(stmt).all()) == limit + 1

    return [
        Result("parks_deep_page", ctx.label, f"API page {depth + 1}", deep, "API page 1", first),
        Result(
            "parks_deep_page",
            ctx.label,
            f"SQL keyset page {depth + 1}",
            median_ms(keyset_page),
            f"SQL OFFSET {depth * limit}",
            median_ms(offset_page),
        ),
    ]


def scenario_shared_interests(ctx: Context) -> list[Result]:
    """Shared interests of a park with 2,000 stakeholders and 10,000 interests (target < 50 ms),
    against the same answer computed the naive way: every interest loaded into Python."""
    from collections import Counter

    from sqlalchemy import select

    from backend.interests import scoring
    from backend.interests.models import Interest
    from backend.stakeholders.models import Stakeholder
    from bench.data import add_park_with_interests

    with ctx.session() as s:
        park_id = add_park_with_interests(s, 2_000, 10_000)
        s.commit()
    ctx.analyze()
    url = f"/api/v1/parks/{park_id}/shared-interests"

    def api() -> Any:
        r = ctx.client.get(url, headers=ctx.headers)
        assert r.status_code == 200 and r.json()["interviewed_stakeholders"] > 1000

    def naive() -> Any:
        with ctx.session() as s:
            kinds = dict(
                s.execute(
                    select(Stakeholder.id, Stakeholder.kind).where(Stakeholder.park_id == park_id)
                ).all()
            )
            interests = s.scalars(select(Interest).where(Interest.park_id == park_id)).all()
            by_theme: dict[str, list[Interest]] = {}
            for i in interests:
                by_theme.setdefault(i.theme_code, []).append(i)
            tallies = [
                scoring.ThemeTally(
                    theme_code=code,
                    stakeholder_count=len(rows),
                    urgency_sum=sum(i.urgency for i in rows),
                    money_count=sum(
                        i.investment_willingness in ("money", "time_and_money") for i in rows
                    ),
                    time_only_count=sum(i.investment_willingness == "time" for i in rows),
                    pledged_budget_eur=float(sum(i.budget_eur or 0 for i in rows)),
                    kinds=dict(Counter(kinds[i.stakeholder_id] for i in rows)),
                )
                for code, rows in by_theme.items()
            ]
            interviewed = len({i.stakeholder_id for i in interests})
            assert scoring.rank(tallies, interviewed, 2)

    return [
        Result(
            "shared_interests",
            ctx.label,
            "API, SQL aggregation",
            median_ms(api),
            "naive ORM + Python",
            median_ms(naive, repeat=5),
        )
    ]


SCENARIOS: dict[str, Callable[[Context], list[Result]]] = {
    "parks_deep_page": scenario_parks_deep_page,
    "shared_interests": scenario_shared_interests,
    "stakeholders_import": scenario_stakeholders_import,
}


def _postgres_url() -> str | None:
    import psycopg

    url = os.environ.get(
        "PARKREGIE_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/parkregie_bench"
    )
    base, _, dbname = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
    except Exception as exc:
        print(f"PostgreSQL not reachable ({exc.__class__.__name__}); SQLite only", file=sys.stderr)
        return None
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parkregie benchmark")
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args(argv)
    names = args.only or list(SCENARIOS)
    databases = [("sqlite", f"sqlite:///{tempfile.mkdtemp(prefix='parkregie-bench-')}/bench.db")]
    if not args.sqlite_only:
        pg = _postgres_url()
        if pg:
            databases.append(("postgresql", pg))
    results: list[Result] = []
    for label, url in databases:
        for name in names:
            # A fresh database per scenario keeps them independent.
            if label == "sqlite":
                url = f"sqlite:///{tempfile.mkdtemp(prefix='parkregie-bench-')}/bench.db"
            elif name != names[0]:
                url = _postgres_url() or url
            results += SCENARIOS[name](Context(url, label))
    header = f"{'scenario':<18} {'db':<11} {'measured':<26} {'ms':>8}  {'baseline':<22}"
    print(f"\n{header} {'ms':>8}  ratio")
    for r in results:
        print(
            f"{r.scenario:<18} {r.database:<11} {r.measured:<26} {r.median_ms:8.2f}  "
            f"{r.baseline:<22} {r.baseline_median_ms:8.2f}  {r.ratio:5.2f}"
        )
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{stamp}.json"
    out.write_text(json.dumps([asdict(r) | {"ratio": r.ratio} for r in results], indent=2))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
