"""Backup and restore as the README describes them: `pg_dump -Fc` of a running installation,
`pg_restore` into a fresh database, and the app starts on the copy and serves the same data
(and keeps writing: the change log continues where it was)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATABASE_URL, IS_POSTGRES

pytestmark = pytest.mark.skipif(
    not IS_POSTGRES or shutil.which("pg_dump") is None, reason="needs PostgreSQL and pg_dump"
)
ROOT = Path(__file__).resolve().parents[2]
PARKREGIE = str(Path(sys.executable).parent / "parkregie")


def _server_url(database: str) -> str:
    base = DATABASE_URL.split("?")[0]
    return base.rsplit("/", 1)[0] + "/" + database


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", _server_url("postgres"), "-c", sql],
        check=True,
        capture_output=True,
    )


def _env(database: str) -> dict[str, str]:
    return {
        **os.environ,
        "PARKREGIE_ENV": "development",
        "PARKREGIE_DATABASE_URL": _server_url(database),
        "PARKREGIE_SECRET_KEY": "backup-test-secret-key-0123456789-abcdef",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(database: str, *args: str) -> str:
    done = subprocess.run(
        [PARKREGIE, *args], env=_env(database), cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_restored_dump_serves_the_same_data(tmp_path: Path):
    suffix = uuid.uuid4().hex[:8]
    source, copy = f"backup_src_{suffix}", f"backup_dst_{suffix}"
    _psql(f'CREATE DATABASE "{source}"')
    server = None
    try:
        _cli(source, "migrate")
        _cli(source, "import-parks", "backend/data/bedrijventerreinen.json")
        _cli(source, "create-user", "--email", "beheer@example.nl", "--password",
             "een-lang-wachtwoord", "--role", "admin")  # fmt: skip

        dump = tmp_path / "parkregie.dump"
        subprocess.run(["pg_dump", "-Fc", "-f", str(dump), _server_url(source)], check=True)
        _psql(f'CREATE DATABASE "{copy}"')
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", _server_url(copy), str(dump)],
            check=True,
        )
        _psql(f'DROP DATABASE "{source}"')  # the original is gone: only the copy is left

        port = _free_port()
        server = subprocess.Popen(
            [PARKREGIE, "serve", "--port", str(port)],
            env=_env(copy),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the app did not start on the restored copy"
            time.sleep(0.2)

        token = httpx.post(
            f"{base}/api/v1/auth/token",
            data={"username": "beheer@example.nl", "password": "een-lang-wachtwoord"},
        )
        assert token.status_code == 200, token.text
        h = {"Authorization": f"Bearer {token.json()['access_token']}"}
        found = httpx.get(
            f"{base}/api/v1/parks", params={"q": "Lage Weide", "municipality": "Utrecht"}, headers=h
        )
        assert found.status_code == 200 and found.json()["items"], found.text
        park = found.json()["items"][0]
        assert park["municipality"] == "Utrecht" and park["ibis_id"]
        before = httpx.get(f"{base}/api/v1/changes", params={"cursor": "now"}, headers=h)
        changed = httpx.patch(
            f"{base}/api/v1/parks/{park['id']}",
            json={"description": "Na het terugzetten"},
            headers={**h, "If-Match": f'"{park["version"]}"'},
        )
        assert changed.status_code == 200, changed.text
        feed = httpx.get(
            f"{base}/api/v1/changes", params={"cursor": before.json()["next_cursor"]}, headers=h
        )
        assert [i["entity_id"] for i in feed.json()["items"]] == [park["id"]]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        for database in (source, copy):
            _psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
