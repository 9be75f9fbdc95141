"""The ``parkregie`` command. Errors are one clear line and a non-zero exit."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from backend.core.config import PROJECT_ROOT, get_settings

OPENAPI_PATH = PROJECT_ROOT / "openapi" / "openapi.json"

DEMO_USERS = [
    # email, password, role, provinces, name
    ("admin@parkregie.demo", "parkregie-admin", "admin", [], "Demo beheerder"),
    ("expert@parkregie.demo", "parkregie-expert", "expert", ["UT", "GE"], "Demo procesbegeleider"),
    ("viewer@parkregie.demo", "parkregie-viewer", "viewer", [], "Demo meelezer"),
]


class CliError(Exception):
    pass


def _session() -> Session:
    import backend.wiring  # noqa: F401  (every domain's change handlers)
    from backend.core.db import get_engine

    return Session(get_engine(), expire_on_commit=False)


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return cfg


def cmd_migrate(args: argparse.Namespace) -> None:
    from alembic import command

    command.upgrade(alembic_config(), args.revision)
    print(f"database at {args.revision}: {_safe_url()}")


def _safe_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def cmd_import_parks(args: argparse.Namespace) -> None:
    from backend.core.actor import Actor
    from backend.parks.register import RegisterFileError, import_register

    path = Path(args.file)
    with _session() as session:
        try:
            report = import_register(session, Actor("system", None, "import-parks"), path)
        except RegisterFileError as exc:
            raise CliError(str(exc)) from exc
        session.commit()
    for line in report.lines() if args.verbose else report.lines()[:1]:
        print(line)
    if not args.verbose:
        extra = len(report.lines()) - 1
        if extra:
            print(f"({extra} notes about the source data; --verbose shows them)")


def cmd_create_user(args: argparse.Namespace) -> None:
    from backend.auth import service
    from backend.auth.models import UserCreate
    from backend.core.actor import SYSTEM
    from backend.core.errors import DomainError

    try:
        data = UserCreate(
            email=args.email,
            full_name=args.name or args.email,
            password=args.password,
            role=args.role,
            provinces=args.province or [],
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
    with _session() as session:
        try:
            user = service.create_user(session, SYSTEM, data)
        except DomainError as exc:
            raise CliError(exc.detail) from exc
        session.commit()
    print(f"created {user.role} {user.email} ({user.id})")


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from backend.auth import service
    from backend.auth.models import Role
    from backend.core.actor import Actor
    from backend.demo import load_examples
    from backend.parks.register import import_register

    if get_settings().env == "production":
        raise CliError("seed-demo creates accounts with known passwords; not in production")
    with _session() as session:
        actor = Actor("system", None, "seed-demo")
        report = import_register(session, actor)
        examples = load_examples(session, actor)
        created = []
        for email, password, role, provinces, name in DEMO_USERS:
            _, new = service.ensure_user(session, email, password, Role(role), provinces, name)
            if new:
                created.append(email)
        session.commit()
    print(f"parks from the national register: {report.lines()[0]}")
    print(f"demo accounts: {', '.join(created) if created else 'already there'}")
    if examples:
        print(f"example parks with (fictitious) stakeholders and interests: {', '.join(examples)}")


def cmd_export_openapi(args: argparse.Namespace) -> None:
    from backend.main import create_app

    text = json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
    target = Path(args.output)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            raise CliError(f"{target} is out of date: run `parkregie export-openapi`")
        print(f"{target} is up to date")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    s = get_settings()
    host, port = args.host or s.host, args.port or s.port
    if s.env == "development":
        print(f"Parkregie on http://localhost:{port}  (API docs: http://localhost:{port}/docs)")
        print("Demo accounts: " + ", ".join(f"{e} / {p}" for e, p, *_ in DEMO_USERS))
    uvicorn.run(
        "backend.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=args.workers,
        proxy_headers=s.trust_forwarded_for,
        server_header=False,  # no "server: uvicorn" banner
    )


def cmd_worker(args: argparse.Namespace) -> None:
    import threading

    import backend.wiring  # noqa: F401
    from backend.integrations import worker

    print("parkregie worker: delivering webhooks; stop with Ctrl-C")
    with contextlib.suppress(KeyboardInterrupt):
        worker.run(threading.Event())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parkregie", description="Parkregie service commands")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="serve the API and the web app")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("migrate", help="upgrade the database schema")
    p.add_argument("revision", nargs="?", default="head")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("seed-demo", help="load the national park register and demo accounts")
    p.set_defaults(func=cmd_seed_demo)

    p = sub.add_parser("import-parks", help="import the national register of business parks")
    p.add_argument("file", help="bedrijventerreinen.json (IBIS per municipality code)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every note on the data")
    p.set_defaults(func=cmd_import_parks)

    p = sub.add_parser("create-user", help="create a user")
    p.add_argument("--email", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--role", required=True, choices=["admin", "expert", "viewer"])
    p.add_argument("--province", action="append", help="for experts; repeat for several")
    p.add_argument("--name")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser("worker", help="deliver webhooks (when the app processes do not)")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("export-openapi", help="write openapi/openapi.json from the app")
    p.add_argument("--output", default=str(OPENAPI_PATH))
    p.add_argument("--check", action="store_true", help="fail when the file differs")
    p.set_defaults(func=cmd_export_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], None] = args.func
    try:
        func(args)
    except CliError as exc:
        print(f"parkregie {args.command}: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:  # settings from the environment, or bad input
        print(f"parkregie {args.command}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        print(f"parkregie {args.command}: database error: {exc.orig}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
