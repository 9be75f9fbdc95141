"""The parkregie command: bad input is one clear line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.cli import main


def test_import_parks_reports_a_missing_or_broken_file(tmp_path: Path, capsys):
    assert main(["import-parks", str(tmp_path / "missing.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("parkregie import-parks:") and "no such file" in err
    assert "\n" not in err and "Traceback" not in err

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["import-parks", str(broken)]) == 1
    assert "not a JSON file" in capsys.readouterr().err

    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"parks": []}', encoding="utf-8")
    assert main(["import-parks", str(wrong)]) == 1
    assert "per_gemeente" in capsys.readouterr().err


def test_create_user_validates_and_refuses_duplicates(capsys):
    args = ["create-user", "--email", "e@regio.nl", "--password", "long-password", "--role"]
    assert main([*args, "expert", "--province", "UT"]) == 0
    assert "created expert e@regio.nl" in capsys.readouterr().out
    assert main([*args, "viewer"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (
        main(["create-user", "--email", "bad", "--password", "long-password", "--role", "viewer"])
        == 1
    )
    assert "email" in capsys.readouterr().err
    assert main([*args[:-1], "--role", "expert", "--province", "XX"]) == 1


def test_unknown_role_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["create-user", "--email", "a@b.nl", "--password", "long-password", "--role", "god"])
    assert exc.value.code == 2


def test_export_openapi_check(tmp_path: Path, capsys):
    target = tmp_path / "openapi.json"
    assert main(["export-openapi", "--output", str(target), "--check"]) == 1
    assert main(["export-openapi", "--output", str(target)]) == 0
    assert main(["export-openapi", "--output", str(target), "--check"]) == 0
