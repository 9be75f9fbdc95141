"""The load benchmark: the served app against a raw baseline, on national-scale PostgreSQL.

    make bench                       # or: .venv/bin/python -m bench.load
    BENCH_QUICK=1 make bench         # a smoke run: small data, 3 s runs, one worker count
    .venv/bin/python -m bench.load --only park_detail_200 --workers 1

1. ``bench.generate`` fills the database (skipped when already filled at that scale).
2. For each worker count (1 and 2): the app (``parkregie serve --workers N``) and the baseline
   (``uvicorn bench.baseline:app --workers N``) are started side by side; the baseline's JSON is
   checked against the app's for one park (same keys), the project list, the business case
   and the status of a few parks, ETag included (equal, value for value).
3. Per scenario: warm-ups, then wrk at saturation (16 connections, 2 threads), app and
   baseline taking turns for ``BENCH_ROUNDS`` rounds; the ratio is app / baseline throughput.
   Then an open-loop run on the app at half its saturated throughput (p50/p99 at half
   saturation, ``bench.openloop``).
4. With one worker: the 10,000-row stakeholder import through the served app.
5. The RSS of every process after its runs, then a table on stdout and in
   ``bench/results/latest.md`` (and a JSON file next to it).

Environment: ``PARKREGIE_BENCH_LOAD_URL`` (default postgresql://postgres@127.0.0.1:5432/bench,
``bench_quick`` with BENCH_QUICK=1), ``BENCH_DURATION`` (seconds per run; 8, quick 3),
``BENCH_ROUNDS`` (saturation alternates app and baseline this many times; 2, quick 1),
``BENCH_CONNECTIONS`` (16), ``BENCH_THREADS`` (2), ``BENCH_WORKERS`` ("1,2"; quick "1"),
``BENCH_PROFILE=1`` or a list of scenario names (py-spy, when installed, records the app with
one worker while those scenarios saturate it: bench/results/profile-*.raw, summarised in .txt
by ``bench.profile``). Requests go to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg

from bench import generate, openloop

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
HOST = "127.0.0.1"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"
PAGE = 50
P99_TARGET_MS = 25.0
RATIO_TARGET = 0.8
IMPORT_TARGET_S = 2.0
RSS_TARGET_MB = 250.0
WRITE_SLICE = 10_000  # stakeholders per write run


@dataclass
class Config:
    quick: bool
    url: str
    duration: int
    connections: int
    threads: int
    workers: list[int]
    rounds: int
    only: list[str] | None
    profile: list[str] | None

    @classmethod
    def from_env(cls, args: argparse.Namespace) -> Config:
        quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
        default_url = generate.QUICK_URL if quick else generate.DEFAULT_URL
        workers = args.workers or os.environ.get("BENCH_WORKERS") or ("1" if quick else "1,2")
        return cls(
            quick=quick,
            url=os.environ.get("PARKREGIE_BENCH_LOAD_URL", default_url),
            duration=int(os.environ.get("BENCH_DURATION", "3" if quick else "8")),
            connections=int(os.environ.get("BENCH_CONNECTIONS", "16")),
            threads=int(os.environ.get("BENCH_THREADS", "2")),
            workers=[int(w) for w in str(workers).split(",")],
            rounds=max(1, int(os.environ.get("BENCH_ROUNDS", "1" if quick else "2"))),
            only=args.only,
            profile=_profile_list(os.environ.get("BENCH_PROFILE", "")),
        )


def _profile_list(value: str) -> list[str] | None:
    if value in ("", "0"):
        return None
    return ["park_detail_200"] if value == "1" else value.split(",")


# --- what is measured ---------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    what: str
    # (app lines, baseline lines): request lines as bench/wrk.lua reads them
    lines: Callable[[], tuple[list[str], list[str]]]
    expect: int = 200
    mode: str = "static"
    ratio_target: float | None = None  # app / baseline throughput
    relative_to: str | None = None  # throughput at least RATIO_TARGET of this scenario's


def _line(method: str, path: str, header: str = "-", value: str = "-", body: str = "-") -> str:
    return "\t".join((method, path, header, value, body))


class Data:
    """What the scenarios ask for, read from the filled database."""

    def __init__(self, url: str, info: dict[str, Any]) -> None:
        self.url = url
        self.slices = 0
        with psycopg.connect(url) as conn:
            self.parks = conn.execute("SELECT id, version FROM parks ORDER BY id").fetchall()
            self.largest = conn.execute(
                "SELECT id FROM parks WHERE ibis_id = %s", [info["largest_park_ibis_id"]]
            ).fetchone()[0]  # type: ignore[index]
            count = len(self.parks)
            self.deep_page = max(2, count // PAGE - 2)
            row = conn.execute(
                "SELECT sort_name, id FROM parks ORDER BY sort_name, id OFFSET %s LIMIT 1",
                [(self.deep_page - 1) * PAGE - 1],
            ).fetchone()
            assert row is not None
            self.deep_cursor = _cursor("name", [row[0], {"u": str(row[1])}])
            big = conn.execute(
                "SELECT project_id FROM project_participants WHERE park_id = %s "
                "GROUP BY project_id ORDER BY count(*) DESC, project_id LIMIT 1",
                [self.largest],
            ).fetchone()
            if big is None:
                raise RuntimeError("the largest park has no project with participants")
            self.big_project = big[0]
            (last,) = conn.execute("SELECT last_position FROM change_counter").fetchone()  # type: ignore[misc]
            step = max(1, int(last) // 200)
            self.feed_cursors = [_cursor("changes", [p]) for p in range(0, int(last), step)][:200]
            self.status_parks = [
                r[0]
                for r in conn.execute(
                    "SELECT p.id FROM parks p WHERE EXISTS "
                    "(SELECT 1 FROM stakeholders s WHERE s.park_id = p.id) ORDER BY p.id"
                )
            ]
            if not self.status_parks:
                raise RuntimeError("no park has stakeholders: the status would be empty")

    def status_etags(self) -> list[tuple[Any, str]]:
        """The parks with stakeholders and their status ETag as the app makes it now
        (``"s<newest change position>-<language>"``; nl when no Accept-Language is sent): read
        when a run starts, since a write scenario moves the positions."""
        with psycopg.connect(self.url) as conn:
            rows = conn.execute(
                "SELECT park_id, max(position) FROM change_log WHERE park_id = ANY(%s) "
                "GROUP BY park_id",
                [self.status_parks],
            ).fetchall()
        newest: dict[Any, Any] = {r[0]: r[1] for r in rows}
        return [(p, f'"s{int(newest.get(p) or 0)}-nl"') for p in self.status_parks]

    def writable(self) -> list[tuple[Any, int]]:
        """Stakeholders to update (not of the largest park), with their current version: the
        next slice of WRITE_SLICE each time, so that no run touches rows that a previous run
        may still have in flight."""
        with psycopg.connect(self.url) as conn:
            (count,) = conn.execute(  # type: ignore[misc]
                "SELECT count(*) FROM stakeholders WHERE park_id <> %s", [self.largest]
            ).fetchone()
            start = (self.slices * WRITE_SLICE) % max(1, int(count) - WRITE_SLICE)
            self.slices += 1
            rows = conn.execute(
                "SELECT id, version FROM stakeholders WHERE park_id <> %s ORDER BY id "
                "OFFSET %s LIMIT %s",
                [self.largest, start, WRITE_SLICE],
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]


def _cursor(sort_name: str, values: list[Any]) -> str:
    import base64

    raw = json.dumps({"s": sort_name, "v": values})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def scenarios(data: Data) -> list[Scenario]:
    api = "/api/v1"

    def park_list_first() -> tuple[list[str], list[str]]:
        return [_line("GET", f"{api}/parks?limit={PAGE}")], [_line("GET", f"/parks?limit={PAGE}")]

    def park_list_deep() -> tuple[list[str], list[str]]:
        q = f"?limit={PAGE}&cursor={data.deep_cursor}"
        return [_line("GET", f"{api}/parks{q}")], [_line("GET", f"/parks{q}")]

    def detail(conditional: bool) -> Callable[[], tuple[list[str], list[str]]]:
        def lines() -> tuple[list[str], list[str]]:
            def one(prefix: str, pid: Any, version: int) -> str:
                if conditional:
                    return _line("GET", f"{prefix}/parks/{pid}", "If-None-Match", f'"{version}"')
                return _line("GET", f"{prefix}/parks/{pid}")

            return (
                [one(api, p, v) for p, v in data.parks],
                [one("", p, v) for p, v in data.parks],
            )

        return lines

    def status(conditional: bool) -> Callable[[], tuple[list[str], list[str]]]:
        def lines() -> tuple[list[str], list[str]]:
            rows = data.status_etags()

            def one(prefix: str, pid: Any, etag: str) -> str:
                if conditional:
                    return _line("GET", f"{prefix}/parks/{pid}/status", "If-None-Match", etag)
                return _line("GET", f"{prefix}/parks/{pid}/status")

            return [one(api, p, e) for p, e in rows], [one("", p, e) for p, e in rows]

        return lines

    def shared() -> tuple[list[str], list[str]]:
        return (
            [_line("GET", f"{api}/parks/{data.largest}/shared-interests")],
            [_line("GET", f"/parks/{data.largest}/shared-interests-raw")],
        )

    def projects() -> tuple[list[str], list[str]]:
        q = f"?limit={PAGE}"
        return (
            [_line("GET", f"{api}/parks/{data.largest}/projects{q}")],
            [_line("GET", f"/parks/{data.largest}/projects{q}")],
        )

    def business_case() -> tuple[list[str], list[str]]:
        return (
            [_line("GET", f"{api}/projects/{data.big_project}/business-case")],
            [_line("GET", f"/projects/{data.big_project}/business-case")],
        )

    def feed() -> tuple[list[str], list[str]]:
        return (
            [_line("GET", f"{api}/changes?limit={PAGE}&cursor={c}") for c in data.feed_cursors],
            [_line("GET", f"/changes?limit={PAGE}&cursor={c}") for c in data.feed_cursors],
        )

    def write() -> tuple[list[str], list[str]]:
        rows = data.writable()
        return (
            [_line("PATCH", f"{api}/stakeholders/{sid}", "-", str(v)) for sid, v in rows],
            [_line("PATCH", f"/stakeholders/{sid}", "-", str(v)) for sid, v in rows],
        )

    return [
        Scenario("park_list_first", "GET /parks, first page (50)", park_list_first),
        Scenario(
            "park_list_deep",
            f"GET /parks, page {data.deep_page} by cursor",
            park_list_deep,
            relative_to="park_list_first",
        ),
        Scenario(
            "park_detail_200",
            "GET /parks/{id} (rotating over all parks)",
            detail(False),
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "park_detail_304",
            "GET /parks/{id} with If-None-Match",
            detail(True),
            expect=304,
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "park_status_200",
            "GET /parks/{id}/status (rotating over the parks with stakeholders)",
            status(False),
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "park_status_304",
            "GET /parks/{id}/status with If-None-Match (each park's current ETag)",
            status(True),
            expect=304,
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "shared_interests",
            "GET /parks/{largest}/shared-interests",
            shared,
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "project_list",
            "GET /parks/{largest}/projects, first page",
            projects,
            ratio_target=RATIO_TARGET,
        ),
        Scenario(
            "business_case",
            "GET /projects/{big}/business-case (the largest park's, hundreds of participants)",
            business_case,
            ratio_target=RATIO_TARGET,
        ),
        Scenario("changes_feed", "GET /changes (rotating cursors)", feed),
        Scenario(
            "stakeholder_update",
            "PATCH /stakeholders/{id} with If-Match (rotating)",
            write,
            mode="write",
        ),
    ]


# --- processes ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, label: str, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.label, self.argv, self.env, self.log = label, argv, env, log
        self.port = int(argv[argv.index("--port") + 1])
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, health: str, timeout: float = 60.0) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.label} exited with {self.proc.returncode}; see {self.log}"
                )
            try:
                if httpx.get(f"http://{HOST}:{self.port}{health}", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.label} did not answer {health} within {timeout:.0f} s")

    def processes(self) -> list[tuple[int, str]]:
        """(pid, role) of this server's process and its descendants."""
        assert self.proc is not None
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
            except (OSError, IndexError, ValueError):
                continue
        out, todo = [], [self.proc.pid]
        while todo:
            pid = todo.pop(0)
            out.append(pid)
            todo += sorted(children.get(pid, []))
        roles = []
        for pid in out:
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if pid == self.proc.pid:
                role = "main" if len(out) == 1 else "supervisor"
            elif "resource_tracker" in cmd:
                role = "resource tracker"
            else:
                role = "worker"
            roles.append((pid, role))
        return roles

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)  # its own session: the server and its workers
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)


def _rss(pid: int) -> tuple[float, float]:
    """(RSS, peak RSS) in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(value.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


# --- one run ------------------------------------------------------------------------------


@dataclass
class Run:
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def combine(cls, runs: list[Run]) -> Run:
        """Rounds of one side as one: throughput over all of them, the mean p50, the worst
        p99, the errors added up."""
        seconds = sum(r.seconds for r in runs)
        errors: dict[str, int] = {}
        for r in runs:
            for k, v in r.errors.items():
                errors[k] = errors.get(k, 0) + v
        return cls(
            rps=sum(r.requests for r in runs) / seconds if seconds else 0.0,
            p50_ms=sum(r.p50_ms for r in runs) / len(runs),
            p99_ms=max(r.p99_ms for r in runs),
            requests=sum(r.requests for r in runs),
            errors=errors,
            seconds=seconds,
        )


def wrk(cfg: Config, port: int, lines: list[str], mode: str, token: str, duration: int) -> Run:
    path = RESULTS / "requests.tsv"
    path.write_text("\n".join(lines) + "\n")
    argv = [
        "wrk", f"-t{cfg.threads}", f"-c{cfg.connections}", f"-d{duration}s", "--timeout", "10s",
        "-s", str(BENCH / "wrk.lua"), f"http://{HOST}:{port}",
        "--", str(path), str(cfg.threads), mode, token,
    ]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, timeout=duration + 60)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {done.stdout[-500:]} {done.stderr[-500:]}")
    r = json.loads(line.removeprefix("WRKJSON "))
    errors = {k: r[k] for k in ("connect", "read", "write", "status", "timeout") if r[k]}
    return Run(
        rps=r["requests"] / (r["duration_us"] / 1e6),
        p50_ms=r["p50"] / 1000,
        p99_ms=r["p99"] / 1000,
        requests=r["requests"],
        errors=errors,
        seconds=r["duration_us"] / 1e6,
    )


def half(cfg: Config, port: int, lines: list[str], mode: str, token: str, rate: float) -> Run:
    path = RESULTS / "requests.tsv"
    path.write_text("\n".join(lines) + "\n")
    r = openloop.run(HOST, port, path, mode, token, rate, cfg.duration, cfg.connections)
    errors = {str(k): v for k, v in r.statuses.items() if k >= 400}
    if r.errors:
        errors["socket"] = r.errors
    return Run(rps=r.done / cfg.duration, p50_ms=r.p50_ms, p99_ms=r.p99_ms, requests=r.done,
               errors=errors)  # fmt: skip


def probe(port: int, line: str, token: str) -> httpx.Response:
    method, path, header, value, _body = line.split("\t")
    headers = {"Authorization": f"Bearer {token}"}
    if header != "-" and method != "PATCH":
        headers[header] = value
    content = None
    if method == "PATCH":
        headers["If-Match"] = f'"{value}"'
        content = b'{"notes":"bench probe"}'
        headers["Content-Type"] = "application/json"
    return httpx.request(
        method, f"http://{HOST}:{port}{path}", headers=headers, content=content, timeout=30
    )


@dataclass
class Row:
    scenario: str
    what: str
    workers: int
    app: Run | None = None
    app_half: Run | None = None
    half_rate: float = 0.0
    baseline: Run | None = None
    load: float | None = None  # the 1-minute load average when the scenario started
    note: str = ""
    targets: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.app and self.baseline and self.baseline.rps:
            return self.app.rps / self.baseline.rps
        return None


def measure(cfg: Config, sc: Scenario, workers: int, app: Server, base: Server, token: str) -> Row:
    row = Row(sc.name, sc.what, workers)
    static = sc.lines() if sc.mode == "static" else None

    def lines(side: int) -> list[str]:
        """The request lines of the app (0) or the baseline (1). For writes: read again, with
        the current versions, once the writes still in flight when the last run stopped have
        committed, so no request is sent with a stale If-Match."""
        if static is not None:
            return static[side]
        time.sleep(1.0)
        return sc.lines()[side]

    first = probe(app.port, lines(0)[0], token)
    if first.status_code == 404 and sc.name == "changes_feed":
        row.note = "not available (404)"
        print(f"  {sc.name:<20} not available (404): skipped", flush=True)
        return row
    if first.status_code != sc.expect:
        raise RuntimeError(f"{sc.name}: the app answered {first.status_code}: {first.text[:300]}")
    got = probe(base.port, lines(1)[0], token)
    if got.status_code != sc.expect:
        raise RuntimeError(f"{sc.name}: the baseline answered {got.status_code}: {got.text[:300]}")
    row.load = os.getloadavg()[0]
    wrk(cfg, app.port, lines(0), sc.mode, token, 1)  # warm-ups
    wrk(cfg, base.port, lines(1), sc.mode, token, 1)
    # Saturation: app and baseline take turns, so a change in what else the machine does
    # falls on both alike.
    part = max(1, round(cfg.duration / cfg.rounds))
    app_runs, base_runs = [], []
    for i in range(cfg.rounds):
        prof = _profile_start(cfg, sc, workers, app, part) if i == 0 else None
        app_runs.append(wrk(cfg, app.port, lines(0), sc.mode, token, part))
        _profile_stop(prof)
        base_runs.append(wrk(cfg, base.port, lines(1), sc.mode, token, part))
    row.app, row.baseline = Run.combine(app_runs), Run.combine(base_runs)
    row.half_rate = row.app.rps / 2
    row.app_half = half(cfg, app.port, lines(0), sc.mode, token, row.half_rate)
    ratio = row.ratio or 0.0
    print(
        f"  {sc.name:<20} app {row.app.rps:8.1f} req/s p50 {row.app.p50_ms:6.1f} p99 "
        f"{row.app.p99_ms:6.1f} ms | at {row.half_rate:.0f} req/s p99 "
        f"{row.app_half.p99_ms:6.1f} ms | baseline {row.baseline.rps:8.1f} req/s | "
        f"ratio {ratio:.2f}"
        + (f" | errors {row.app.errors or row.app_half.errors}" if row.app.errors else ""),
        flush=True,
    )
    return row


def _profile_start(cfg: Config, sc: Scenario, workers: int, app: Server, seconds: int) -> Any:
    """py-spy on the app (one worker) while it is saturated by ``sc``, for the scenarios in
    BENCH_PROFILE ("1": park_detail_200). Samples only threads that hold the GIL, so the
    profile shows where the app's Python time goes (waits on the database are left out)."""
    if cfg.profile is None or sc.name not in cfg.profile or workers != 1:
        return None
    spy = shutil.which("py-spy") or str(ROOT / ".venv" / "bin" / "py-spy")
    if not Path(spy).exists():
        print("  (BENCH_PROFILE: py-spy is not installed: `.venv/bin/pip install py-spy`)")
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"profile-{sc.name}-{stamp}.raw"
    argv = [spy, "record", "--pid", str(app.processes()[-1][0]), "--duration",
            str(seconds), "--rate", "250", "--gil", "--nonblocking", "--format", "raw",
            "--output", str(out)]  # fmt: skip
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, out


def _profile_stop(started: Any) -> None:
    if not started:
        return
    proc, out = started
    proc.wait(timeout=120)
    if not out.exists():
        print("  (py-spy wrote no profile)")
        return
    from bench.profile import summarise

    lines = summarise(out, top=40)
    summary = out.with_suffix(".txt")
    summary.write_text("\n".join(lines) + "\n")
    print(f"  profile: {summary.relative_to(ROOT)} (raw stacks in {out.name}); top:")
    for line in lines[2:16]:
        print(f"    {line}")


# --- the stakeholder import through the served app ----------------------------------------


class _LiveContext:
    """What bench.stakeholders_import needs of bench.run.Context, against the served app."""

    def __init__(self, port: int, token: str) -> None:
        self.label = "postgresql"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.client = httpx.Client(base_url=f"http://{HOST}:{port}", timeout=300)


def measure_import(port: int, token: str) -> list[Row]:
    from bench.stakeholders_import import ROWS, scenario_stakeholders_import

    ctx = _LiveContext(port, token)
    before = {p["id"] for p in _import_parks(ctx)}
    try:
        results = scenario_stakeholders_import(ctx)  # type: ignore[arg-type]
    finally:
        for park in _import_parks(ctx):  # leave the data as generated
            if park["id"] not in before:
                ctx.client.delete(f"/api/v1/parks/{park['id']}", headers=ctx.headers)
    rows = []
    for r in results:
        row = Row("stakeholders_import", f"{r.measured} ({ROWS:,}-row CSV upload)", 1)
        row.note = f"{r.median_ms / 1000:.2f} s (dry run {r.baseline_median_ms / 1000:.2f} s)"
        row.targets.append(f"< {IMPORT_TARGET_S:.0f} s")
        if r.median_ms / 1000 >= IMPORT_TARGET_S:
            row.misses.append(f"{r.median_ms / 1000:.1f} s")
        print(f"  {row.scenario:<20} {r.measured}: {row.note}", flush=True)
        rows.append(row)
    return rows


def _import_parks(ctx: _LiveContext) -> list[dict[str, Any]]:
    r = ctx.client.get("/api/v1/parks", params={"q": "Import ", "limit": 200}, headers=ctx.headers)
    return [p for p in r.json()["items"] if p["name"].startswith("Import ")]


# --- the targets and the report -----------------------------------------------------------


def judge(rows: list[Row], scs: dict[str, Scenario]) -> None:
    by_key = {(r.scenario, r.workers): r for r in rows}
    for row in rows:
        sc = scs.get(row.scenario)
        if sc is None or row.app is None:
            continue
        if sc.ratio_target is not None:
            row.targets.append(f"≥ {sc.ratio_target:.1f}× baseline")
            if (row.ratio or 0) < sc.ratio_target:
                row.misses.append(f"ratio {row.ratio:.2f}")
        if sc.relative_to:
            ref = by_key.get((sc.relative_to, row.workers))
            row.targets.append(f"≥ {RATIO_TARGET:.1f}× {sc.relative_to}")
            if ref and ref.app and row.app.rps < RATIO_TARGET * ref.app.rps:
                row.misses.append(f"{row.app.rps / ref.app.rps:.2f}× first page")
        row.targets.append(f"p99½ ≤ {P99_TARGET_MS:.0f} ms")
        if row.app_half and row.app_half.p99_ms > P99_TARGET_MS:
            row.misses.append(f"p99½ {row.app_half.p99_ms:.0f} ms")
        errors = {**(row.app.errors or {}), **(row.app_half.errors if row.app_half else {})}
        if errors:
            row.misses.append(f"errors {errors}")


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(rows: list[Row], rss: list[tuple[str, int, str, float, float]], cfg: Config) -> str:
    head = (
        "| scenario | workers | app req/s | p50 ms | p99 ms | p50 @½ ms | p99 @½ ms "
        "| baseline req/s | ratio | load | target | result |"
    )
    lines = [head, "|" + " --- |" * 12]
    for r in rows:
        target = ", ".join(r.targets)
        if r.app is None:  # skipped, or measured without load (the import)
            result = r.note if not r.targets else f"{'miss' if r.misses else 'pass'}: {r.note}"
            lines.append(f"| {r.scenario} | {r.workers} |" + " |" * 8 + f" {target} | {result} |")
            continue
        result = "pass" if not r.misses else "miss: " + "; ".join(r.misses)
        lines.append(
            f"| {r.scenario} | {r.workers} | {_fmt(r.app.rps)} | {_fmt(r.app.p50_ms)} "
            f"| {_fmt(r.app.p99_ms)} | {_fmt(r.app_half.p50_ms if r.app_half else None)} "
            f"| {_fmt(r.app_half.p99_ms if r.app_half else None)} "
            f"| {_fmt(r.baseline.rps if r.baseline else None)} | {_fmt(r.ratio, 2)} "
            f"| {_fmt(r.load)} | {target} | {result} |"
        )
    lines += ["", "| process | workers | role | RSS MB | peak MB | target | result |"]
    lines.append("|" + " --- |" * 7)
    for label, workers, role, now, peak in rss:
        is_app = label == "app" and role != "resource tracker"
        target = f"< {RSS_TARGET_MB:.0f} MB" if is_app else ""
        result = ("pass" if peak < RSS_TARGET_MB else "miss") if is_app else ""
        lines.append(
            f"| {label} | {workers} | {role} | {now:.0f} | {peak:.0f} | {target} | {result} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parkregie load benchmark")
    parser.add_argument("--only", action="append", help="scenario name (repeatable)")
    parser.add_argument("--workers", help='worker counts, e.g. "1,2"')
    parser.add_argument("--no-import", action="store_true", help="skip the import scenario")
    args = parser.parse_args(argv)
    cfg = Config.from_env(args)
    if shutil.which("wrk") is None:
        print("bench: wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    t_start = time.perf_counter()
    revision = _revision()
    RESULTS.mkdir(exist_ok=True)
    scale = generate.QUICK if cfg.quick else generate.NATIONAL
    info = generate.ensure(cfg.url, scale)
    data = Data(cfg.url, info)
    sql_file = RESULTS / "shared-interests.sql.json"
    from bench.baseline import compile_shared_interest_sql

    compile_shared_interest_sql(sql_file)
    all_scs = scenarios(data)
    scs = [s for s in all_scs if not cfg.only or s.name in cfg.only]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    print(
        f"bench: {len(scs)} scenarios x workers {cfg.workers}; {cfg.duration} s per measurement, "
        f"{cfg.connections} connections, {cfg.threads} wrk threads; data {info['parks']:,} parks, "
        f"{info['stakeholders']:,} stakeholders, {info['interests']:,} interests",
        flush=True,
    )
    rows: list[Row] = []
    rss: list[tuple[str, int, str, float, float]] = []
    for workers in cfg.workers:
        env = generate.app_env(cfg.url)
        app = Server(
            "app",
            [str(generate.PARKREGIE), "serve", "--host", HOST, "--port", str(_free_port()),
             "--workers", str(workers)],
            env, RESULTS / "logs" / f"app-w{workers}-{stamp}.log",
        )  # fmt: skip
        base_env = {
            **os.environ,
            "BENCH_BASELINE_DATABASE_URL": cfg.url,
            "BENCH_BASELINE_SQL": str(sql_file),
        }
        base = Server(
            "baseline",
            [str(UVICORN), "bench.baseline:app", "--host", HOST, "--port", str(_free_port()),
             "--workers", str(workers), "--no-server-header"],
            base_env, RESULTS / "logs" / f"baseline-w{workers}-{stamp}.log",
        )  # fmt: skip
        try:
            _start_app(app)
            base.start("/healthz")
            token = _login(app.port)
            _same_json(app.port, base.port, data.parks[0][0], token)
            _same_answer(app.port, base.port, token, data)
            print(f"workers={workers}: app on :{app.port}, baseline on :{base.port}", flush=True)
            for sc in scs:
                rows.append(measure(cfg, sc, workers, app, base, token))
            if workers == 1 and not args.no_import and not cfg.only:
                rows += measure_import(app.port, token)
            for server in (app, base):
                for pid, role in server.processes():
                    now, peak = _rss(pid)
                    rss.append((server.label, workers, role, now, peak))
        finally:
            app.stop()
            base.stop()
    judge(rows, {s.name: s for s in all_scs})
    text = table(rows, rss, cfg)
    elapsed = time.perf_counter() - t_start
    header = (
        f"# Parkregie load benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"App at {revision}; {os.cpu_count()} cores; {info['parks']:,} parks, "
        f"{info['stakeholders']:,} "
        f"stakeholders, {info['interests']:,} interests, {info['contact_moments']:,} contact "
        f"moments, {info['changes']:,} changes; {cfg.duration} s of saturation per side and "
        f"scenario, {cfg.connections} connections; half saturation = open loop at half the "
        "app's saturated req/s; "
        f"saturation alternates app and baseline in {cfg.rounds} round(s); "
        f"{'quick' if cfg.quick else 'full'} run in {elapsed / 60:.1f} min; `load` is the "
        f"1-minute load average when the scenario started (what else the machine was doing).\n"
    )
    print("\n" + header + "\n" + text)
    (RESULTS / "latest.md").write_text(header + "\n" + text + "\n")
    (RESULTS / f"load-{stamp}.json").write_text(
        json.dumps({"rows": [asdict(r) | {"ratio": r.ratio} for r in rows], "rss": rss}, indent=2)
    )
    print(f"\nwritten to {(RESULTS / 'latest.md').relative_to(ROOT)}")
    return 0


def _revision() -> str:
    """The commit the app was measured at, and whether backend/ had uncommitted changes (others
    may edit it while the benchmark runs)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "backend", "migrations"],
            cwd=ROOT, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return "unknown"
    return f"{head} (+ uncommitted changes in backend/)" if dirty else head


def _start_app(app: Server) -> None:
    """Start the app; others edit it while it is measured, so one retry after a minute."""
    try:
        app.start("/healthz")
    except RuntimeError as exc:
        print(f"bench: the app did not start ({exc}); retrying in 60 s", flush=True)
        time.sleep(60)
        app.start("/healthz")


def _login(port: int) -> str:
    r = httpx.post(
        f"http://{HOST}:{port}/api/v1/auth/token",
        data={"username": generate.BENCH_EMAIL, "password": generate.BENCH_PASSWORD},
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["access_token"])


def _same_json(app_port: int, base_port: int, park_id: Any, token: str) -> None:
    """The baseline answers a park with the app's fields (and, ideally, the same bytes)."""
    headers = {"Authorization": f"Bearer {token}"}
    # A first request can take seconds on a busy machine (workers warming up): not httpx's 5 s.
    url = f"http://{HOST}:{app_port}/api/v1/parks/{park_id}"
    a = httpx.get(url, headers=headers, timeout=30).json()
    b = httpx.get(f"http://{HOST}:{base_port}/parks/{park_id}", timeout=30).json()
    if list(a) != list(b):
        raise RuntimeError(f"baseline park JSON keys differ: {list(a)} != {list(b)}")
    differ = [k for k in a if a[k] != b[k]]
    if differ:
        print(f"bench: baseline park JSON differs from the app's in {differ}", flush=True)


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two JSON values differ (paths, at most a few)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return [f"{path or '.'} keys {list(a)} != {list(b)}"]
        return [d for k in a for d in _differences(a[k], b[k], f"{path}.{k}")][:5]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path} has {len(a)} items, not {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in _differences(x, y, f"{path}[{i}]")][:5]  # fmt: skip
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def _same_answer(app_port: int, base_port: int, token: str, data: Data) -> None:
    """The baseline's project list, business case and park status are the app's JSON, value for
    value (for the business case: the same figures and shares to the cent, computed
    independently; for the status: the same top three scores, computed in plain Python)."""
    headers = {"Authorization": f"Bearer {token}"}
    pairs: list[tuple[str, ...]] = [
        (f"/api/v1/parks/{data.largest}/projects?limit={PAGE}",
         f"/parks/{data.largest}/projects?limit={PAGE}"),
        (f"/api/v1/projects/{data.big_project}/business-case",
         f"/projects/{data.big_project}/business-case"),
    ]  # fmt: skip
    # The park status of a few parks (the largest, and some spread over those with
    # stakeholders), in both languages: the same JSON and the same ETag.
    sample = data.status_parks
    for pid in dict.fromkeys([data.largest, *sample[:: max(1, len(sample) // 4)]]):
        pairs.append((f"/api/v1/parks/{pid}/status", f"/parks/{pid}/status"))
    pairs.append((*pairs[-1], "en"))
    for app_path, base_path, *lang in pairs:
        extra = {"Accept-Language": lang[0]} if lang else {}
        a = httpx.get(f"http://{HOST}:{app_port}{app_path}", headers=headers | extra, timeout=30)
        b = httpx.get(f"http://{HOST}:{base_port}{base_path}", headers=extra, timeout=30)
        if a.status_code != 200 or b.status_code != 200:
            raise RuntimeError(f"{app_path}: app {a.status_code}, baseline {b.status_code}")
        differ = _differences(a.json(), b.json())
        if a.headers.get("etag") != b.headers.get("etag"):
            differ.append(f"ETag {a.headers.get('etag')} != {b.headers.get('etag')}")
        if differ:
            raise RuntimeError(f"baseline {base_path} differs from the app: {differ}")


if __name__ == "__main__":
    sys.exit(main())
