"""Benchmark scenario: importing a stakeholder list of 10,000 rows (target < 10 s on PostgreSQL).

Measured through the API (multipart upload, parse, validate, bulk insert, audit trail):
- a first import into an empty park (10,000 created), and
- a re-import of the changed file into the same park (10,000 updated),
each against the dry run of the same file (read and check every row, write nothing), so the
ratio shows what writing costs on top of reading."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.run import Context, Result

ROWS = 10_000
HEADER = (
    "naam;soort;kvk;contactpersoon;e-mail;telefoon;sector;medewerkers;rol;invloed;woz;peiling\n"
)


def stakeholder_csv(rows: int = ROWS, role: str = "lid") -> bytes:
    """A semicolon CSV as Dutch Excel writes it, every column filled."""
    lines = [
        f"Bedrijf {i:05d};ondernemer;{10_000_000 + i};Persoon {i};p{i}@bedrijf{i % 97}.nl;"
        f"06-{20_000_000 + i};Logistiek;{i % 250};{role};{i % 5 + 1};{i * 1000},50;ja\n"
        for i in range(rows)
    ]
    return (HEADER + "".join(lines)).encode("utf-8")


def scenario_stakeholders_import(ctx: Context) -> list[Result]:
    from bench.run import Result, median_ms

    first_file = stakeholder_csv()
    second_file = stakeholder_csv(role="kernteam")
    parks: list[str] = []

    def new_park() -> str:
        r = ctx.client.post(
            "/api/v1/parks",
            json={"name": f"Import {len(parks)}", "municipality": "Utrecht"},
            headers=ctx.headers,
        )
        assert r.status_code == 201, r.text
        parks.append(r.json()["id"])
        return parks[-1]

    def upload(park_id: str, content: bytes, dry_run: bool = False) -> dict[str, Any]:
        r = ctx.client.post(
            f"/api/v1/parks/{park_id}/stakeholders/import",
            params={"dry_run": "true"} if dry_run else None,
            files={"file": ("stakeholders.csv", content)},
            headers=ctx.headers,
        )
        assert r.status_code == 200, r.text[:500]
        report: dict[str, Any] = r.json()
        return report

    dry_park = new_park()

    def dry_run() -> None:
        assert upload(dry_park, first_file, dry_run=True)["created"] == ROWS

    def create() -> None:
        assert upload(new_park(), first_file)["created"] == ROWS

    rounds = [0]

    def update() -> None:
        # Alternate the two files so that every run changes every row of the last park.
        rounds[0] += 1
        content = second_file if rounds[0] % 2 else first_file
        assert upload(parks[-1], content)["updated"] == ROWS

    baseline = median_ms(dry_run, repeat=3, warmup=1)
    created = median_ms(create, repeat=3, warmup=0)
    updated = median_ms(update, repeat=3, warmup=0)
    label = f"dry run {ROWS:,} rows"
    return [
        Result("stakeholders_import", ctx.label, f"import {ROWS:,} new", created, label, baseline),
        Result(
            "stakeholders_import",
            ctx.label,
            f"re-import {ROWS:,} changed",
            updated,
            label,
            baseline,
        ),
    ]
