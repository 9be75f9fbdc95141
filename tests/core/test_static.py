"""The built web app over HTTP: precompressed variants by Accept-Encoding, cache lifetimes,
the SPA fallback, refused paths; and gzip for large JSON answers."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backend.core.config import get_settings
from backend.core.static import COMPRESSION_MIN_BYTES, accepted_encodings, choose_encoding
from tests.conftest import problem

IMMUTABLE = "public, max-age=31536000, immutable"
JS = ("export function app(){return 'Parkregie';}\n" * 60).encode()
BR = b"\x1b\x00fake-brotli-bytes: served as they are, never decoded by the server"
INDEX = b'<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script>'
INDEX += b"</head><body><div id='root'></div></body></html>" + b"\n" * 600
SURVEY = "<!doctype html><title>Enquête</title>".encode()
CSS = (".a{color:red}\n" * 200).encode()  # no precompressed variants


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "app-abc123.js").write_bytes(JS)
    (root / "assets" / "app-abc123.js.br").write_bytes(BR)
    (root / "assets" / "app-abc123.js.gz").write_bytes(gzip.compress(JS))
    (root / "assets" / "plain-def456.css").write_bytes(CSS)
    (root / "index.html").write_bytes(INDEX)
    (root / "index.html.gz").write_bytes(gzip.compress(INDEX))
    (root / "survey.html").write_bytes(SURVEY)
    (root / "robots.txt").write_bytes(b"User-agent: *\n")
    (root / ".vite").mkdir()
    (root / ".vite" / "manifest.json").write_bytes(b"{}")
    (tmp_path / "secret.txt").write_bytes(b"not part of the web app")
    (root / "assets" / "link.txt").symlink_to(tmp_path / "secret.txt")
    monkeypatch.setenv("PARKREGIE_FRONTEND_DIST", str(root))
    get_settings.cache_clear()
    yield root
    get_settings.cache_clear()  # the next get_settings() reads the restored environment


@pytest.fixture
def web(dist: Path) -> Iterator[TestClient]:
    from backend.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def raw_get(web: TestClient, url: str, accept: str, **headers: str) -> tuple[int, dict, bytes]:
    """Status, headers and the body exactly as sent (not decoded by the client)."""
    with web.stream("GET", url, headers={"Accept-Encoding": accept, **headers}) as r:
        return r.status_code, dict(r.headers), b"".join(r.iter_raw())


def test_accept_encoding_is_read_with_its_q_values():
    assert accepted_encodings("gzip, deflate, br;q=0.8, *;q=0") == {
        "gzip": 1.0,
        "deflate": 1.0,
        "br": 0.8,
        "*": 0.0,
    }
    assert choose_encoding("gzip, br", ["br", "gzip"]) == "br"  # equal: brotli first
    assert choose_encoding("br;q=0.5, gzip", ["br", "gzip"]) == "gzip"
    assert choose_encoding("br;q=0, gzip;q=0.1", ["br", "gzip"]) == "gzip"
    assert choose_encoding("x-gzip", ["br", "gzip"]) == "gzip"
    assert choose_encoding("*", ["br", "gzip"]) == "br"
    assert choose_encoding("identity", ["br", "gzip"]) is None
    assert choose_encoding("", ["br", "gzip"]) is None
    assert choose_encoding(None, ["br", "gzip"]) is None
    assert choose_encoding("br;q=nonsense", ["br"]) is None


def test_brotli_is_sent_when_accepted(web: TestClient):
    status, headers, body = raw_get(web, "/assets/app-abc123.js", "gzip, deflate, br")
    assert status == 200
    assert body == BR
    assert headers["content-encoding"] == "br"
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["content-length"] == str(len(BR))
    assert headers["cache-control"] == IMMUTABLE
    assert headers["vary"] == "Accept-Encoding"
    assert headers["x-content-type-options"] == "nosniff"


def test_gzip_is_sent_when_brotli_is_not_accepted(web: TestClient):
    for accept in ("gzip, deflate", "br;q=0, gzip", "gzip;q=1, br;q=0.5"):
        status, headers, body = raw_get(web, "/assets/app-abc123.js", accept)
        assert status == 200
        assert headers["content-encoding"] == "gzip", accept
        assert gzip.decompress(body) == JS  # the .gz file, not compressed again
        assert headers["content-length"] == str(len(body))
        assert headers["content-type"] == "text/javascript; charset=utf-8"
        assert headers["cache-control"] == IMMUTABLE
        assert headers["vary"] == "Accept-Encoding"


def test_the_file_itself_when_no_encoding_is_accepted(web: TestClient):
    for accept in ("identity", "", "gzip;q=0, br;q=0"):
        status, headers, body = raw_get(web, "/assets/app-abc123.js", accept)
        assert status == 200
        assert "content-encoding" not in headers, accept
        assert body == JS
        assert headers["content-length"] == str(len(JS))
        assert headers["cache-control"] == IMMUTABLE
        assert headers["vary"] == "Accept-Encoding"


def test_head_answers_the_headers_of_the_chosen_file(web: TestClient):
    r = web.head("/assets/app-abc123.js", headers={"Accept-Encoding": "br"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "br"
    assert r.headers["content-length"] == str(len(BR))
    assert r.content == b""
    # Only the assets answer HEAD: the web app does not stand in for GET-only API routes.
    for url in ("/healthz", "/api/v1/parks"):
        assert "text/html" not in web.head(url).headers.get("content-type", ""), url


def test_a_file_without_variants_is_compressed_on_the_way(web: TestClient):
    status, headers, body = raw_get(web, "/assets/plain-def456.css", "gzip")
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == CSS
    assert headers["content-type"] == "text/css; charset=utf-8"
    assert headers["cache-control"] == IMMUTABLE
    assert headers["vary"] == "Accept-Encoding"  # named once, by whoever adds it


def test_a_survey_link_gets_the_respondents_page(web: TestClient):
    status, headers, body = raw_get(web, "/s/abc.def", "identity")
    assert status == 200 and body == SURVEY
    assert headers["cache-control"] == "no-cache"
    assert raw_get(web, "/sites", "identity")[2] == INDEX  # only /s/…


def test_index_and_the_spa_fallback_are_revalidated(web: TestClient):
    for url in ("/", "/index.html", "/parken/123", "/parken/123/betrokkenen/"):
        status, headers, body = raw_get(web, url, "gzip, br")
        assert status == 200, url
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert headers["cache-control"] == "no-cache"
        assert headers["content-encoding"] == "gzip"  # there is no index.html.br
        assert gzip.decompress(body) == INDEX
        assert headers["vary"] == "Accept-Encoding"
    status, headers, body = raw_get(web, "/parken", "identity")
    assert body == INDEX and "content-encoding" not in headers
    assert headers["content-length"] == str(len(INDEX))
    assert headers["cache-control"] == "no-cache"


def test_other_files_of_the_build_are_revalidated(web: TestClient):
    r = web.get("/robots.txt", headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200 and r.content == b"User-agent: *\n"
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.headers["cache-control"] == "no-cache"


def test_a_copy_the_browser_has_is_not_sent_again(web: TestClient):
    first = web.get("/", headers={"Accept-Encoding": "gzip"})
    etag = first.headers["etag"]
    again = web.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "no-cache"
    # Another encoding is another file with another ETag: sent whole.
    other = web.get("/", headers={"Accept-Encoding": "identity", "If-None-Match": etag})
    assert other.status_code == 200 and other.content == INDEX
    modified = first.headers["last-modified"]
    since = web.get("/", headers={"Accept-Encoding": "gzip", "If-Modified-Since": modified})
    assert since.status_code == 304


def test_a_missing_asset_is_a_404_not_the_app(web: TestClient):
    body = problem(web.get("/assets/app-000000.js"), 404)
    assert "build" in body["detail"]
    problem(web.get("/assets/"), 404)


def test_unknown_api_paths_are_problems(web: TestClient):
    problem(web.get("/api/v1/nothing-here"), 404)
    problem(web.get("/api"), 404)
    problem(web.post("/parken"), 405)


def test_paths_out_of_the_build_or_to_hidden_files_are_refused(web: TestClient, dist: Path):
    for url in (
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/.vite/manifest.json",
        "/assets/.%2e/index.html",
        "/assets/link.txt",  # a symlink that leads out of dist/
    ):
        r = web.get(url, headers={"Accept-Encoding": "identity"})
        assert r.status_code == 404, url
        assert b"not part of the web app" not in r.content
    assert os.path.islink(dist / "assets" / "link.txt")


def test_large_json_is_gzipped_and_small_json_is_not(web: TestClient, admin):
    status, headers, body = raw_get(
        web, "/api/v1/municipalities", "gzip", Authorization=admin["headers"]["Authorization"]
    )
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["content-type"] == "application/json"
    assert "Accept-Encoding" in headers["vary"] and "Authorization" in headers["vary"]
    data = json.loads(gzip.decompress(body))
    assert len(json.dumps(data)) > COMPRESSION_MIN_BYTES
    assert headers["content-length"] == str(len(body)) and len(body) < len(json.dumps(data))

    plain = web.get(
        "/api/v1/municipalities", headers={**admin["headers"], "Accept-Encoding": "identity"}
    )
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    assert plain.json() == data
    refused = web.get(
        "/api/v1/municipalities", headers={**admin["headers"], "Accept-Encoding": "gzip;q=0"}
    )
    assert "content-encoding" not in refused.headers

    status, headers, body = raw_get(web, "/healthz", "gzip")
    assert status == 200 and len(body) < COMPRESSION_MIN_BYTES
    assert "content-encoding" not in headers
    assert json.loads(body) == {"status": "ok"}
