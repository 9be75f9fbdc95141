"""The published OpenAPI document matches the app, and every route is documented."""

from __future__ import annotations

import json

from backend.cli import OPENAPI_PATH
from backend.main import create_app


def test_openapi_file_has_not_drifted():
    current = json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
    assert OPENAPI_PATH.read_text(encoding="utf-8") == current, (
        "openapi/openapi.json is out of date: run `make openapi`"
    )


def test_every_route_has_one_tag_an_operation_id_and_documented_errors():
    spec = create_app().openapi()
    ids = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            assert len(op.get("tags", [])) == 1, (method, path)
            assert op.get("operationId"), (method, path)
            ids.append(op["operationId"])
            if path.startswith("/api/v1/public/"):  # survey links: no account, no 401
                assert not op.get("security") and "401" not in op["responses"], (method, path)
            elif path.startswith("/api/v1/") and path != "/api/v1/auth/token":
                assert "401" in op["responses"], (method, path)
            for status, resp in op["responses"].items():
                if status.startswith(("4", "5")):
                    assert "application/problem+json" in resp.get("content", {}), (method, path)
    assert len(ids) == len(set(ids))
