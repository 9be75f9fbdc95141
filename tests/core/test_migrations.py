"""Migrations go up, down and up again on an empty database, and agree with the models."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from backend.cli import alembic_config
from backend.core.db import metadata, normalise_url
from tests.conftest import DATABASE_URL, IS_POSTGRES


def _fresh_connection(tmp_path: Path):
    if not IS_POSTGRES:
        engine = create_engine(f"sqlite:///{tmp_path / 'migrations.db'}")
        return engine, engine.connect(), None
    engine = create_engine(normalise_url(DATABASE_URL))
    conn = engine.connect()
    schema = f"migrations_{uuid.uuid4().hex[:8]}"
    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    conn.execute(text(f'SET search_path TO "{schema}"'))
    conn.commit()
    return engine, conn, schema


def test_upgrade_downgrade_upgrade_and_no_pending_changes(tmp_path: Path):
    engine, conn, schema = _fresh_connection(tmp_path)
    try:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        cfg.attributes["configure_logger"] = False
        command.upgrade(cfg, "head")
        conn.commit()
        assert {"parks", "users", "audit_events"} <= set(inspect(conn).get_table_names())
        command.downgrade(cfg, "base")
        conn.commit()
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        command.upgrade(cfg, "head")
        conn.commit()
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        if schema:
            conn.rollback()
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            conn.commit()
        conn.close()
        engine.dispose()
