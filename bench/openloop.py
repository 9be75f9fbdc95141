"""An open-loop load generator for the half-saturation runs (wrk cannot limit its rate).

Requests are scheduled at a fixed rate, whatever the answers do; each one's latency is counted
from the moment it was scheduled, so time spent waiting for a free connection counts too (no
coordinated omission). HTTP/1.1 keep-alive over at most ``connections`` sockets (the load
benchmark uses as many as wrk does at saturation, so the server sees no more concurrency than
there), asyncio (with uvloop when installed). Bounded: exactly ``rate * duration`` requests,
each with a timeout, and the whole run stops ``timeout`` seconds after the last one was due.

The request file is the one bench/wrk.lua reads (METHOD PATH HEADER VALUE BODY, tab-separated,
``-`` for none; in ``write`` mode VALUE is the row's version, sent as If-Match and counted up).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class OpenLoopResult:
    rate: float
    sent: int
    done: int
    duration_s: float
    p50_ms: float
    p99_ms: float
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0

    @property
    def achieved(self) -> float:
        return self.done / self.duration_s if self.duration_s else 0.0


KEEP_ALIVE = 3.0  # seconds an idle connection is reused (uvicorn closes them after 5)


class _Conn:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.last = asyncio.get_running_loop().time()

    async def request(self, raw: bytes) -> int:
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length, chunked = 0, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if chunked:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


def _raw(method: str, target: str, headers: dict[str, str], body: bytes | None, host: str) -> bytes:
    head = [f"{method} {target} HTTP/1.1", f"Host: {host}"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    if body is not None:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")


async def _run(
    host: str,
    port: int,
    lines: list[tuple[str, ...]],
    mode: str,
    token: str,
    rate: float,
    duration: float,
    connections: int,
    timeout: float,
) -> OpenLoopResult:
    loop = asyncio.get_running_loop()
    total = max(1, int(rate * duration))
    idle: list[_Conn] = []
    free = asyncio.Semaphore(connections)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors = 0
    versions = [int(line[3]) if mode == "write" else 0 for line in lines]
    authority = f"{host}:{port}"

    def build(i: int) -> bytes:
        k = i % len(lines)
        method, target, header, value, body = lines[k][:5]
        headers = {"Authorization": f"Bearer {token}"}
        payload: bytes | None = None
        if mode == "write":
            headers["If-Match"] = f'"{versions[k]}"'
            versions[k] += 1
            headers["Content-Type"] = "application/json"
            payload = f'{{"notes":"open-loop {i}"}}'.encode()
        else:
            if header != "-":
                headers[header] = value
            if body != "-":
                headers["Content-Type"] = "application/json"
                payload = body.encode()
        return _raw(method, target, headers, payload, authority)

    async def connection() -> _Conn:
        # The server closes a keep-alive connection after a few idle seconds (uvicorn: 5):
        # such a one is not reused.
        while idle:
            conn = idle.pop()
            if loop.time() - conn.last < KEEP_ALIVE:
                return conn
            conn.close()
        return _Conn(*await asyncio.open_connection(host, port))

    async def one(raw: bytes, due: float) -> None:
        nonlocal errors
        async with free:
            conn: _Conn | None = None
            try:
                conn = await connection()
                status = await asyncio.wait_for(conn.request(raw), timeout)
                conn.last = loop.time()
                statuses[status] += 1
                idle.append(conn)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                if conn is not None:
                    conn.close()
                return
        latencies.append(loop.time() - due)

    start = loop.time() + 0.05
    tasks = []
    for i in range(total):
        due = start + i / rate
        raw = build(i)
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(raw, due)))
    await asyncio.wait(tasks, timeout=timeout + 1)
    for task in tasks:
        task.cancel()
    elapsed = loop.time() - start
    for conn in idle:
        conn.close()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else []
    return OpenLoopResult(
        rate=rate,
        sent=total,
        done=len(latencies),
        duration_s=elapsed,
        p50_ms=(q[49] if q else 0.0) * 1000,
        p99_ms=(q[98] if q else 0.0) * 1000,
        statuses=dict(statuses),
        errors=errors,
    )


def run(
    host: str,
    port: int,
    request_file: Path,
    mode: str,
    token: str,
    rate: float,
    duration: float,
    connections: int = 64,
    timeout: float = 10.0,
) -> OpenLoopResult:
    """``rate`` requests per second for ``duration`` seconds; see the module's text."""
    lines = [tuple(line.split("\t")) for line in request_file.read_text().splitlines()]
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:  # pragma: no cover
        runner = asyncio.run
    t0 = time.perf_counter()
    result = runner(
        _run(host, port, lines, mode, token, rate, duration, connections, timeout)  # type: ignore[arg-type]
    )
    result.duration_s = min(result.duration_s, time.perf_counter() - t0)
    return result
