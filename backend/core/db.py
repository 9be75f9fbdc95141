"""Engine and sessions. One transaction per request: services flush, the session dependency
commits when the endpoint returns, and rolls back when it raises."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from backend.core.config import get_settings

# One naming convention for constraints, so migrations name them the same on both databases.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use psycopg 3 for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def build_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        else:
            db_path = url.split("///", 1)[-1]
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No pre-ping (a round trip on every checkout): a connection found dead on the first
    # statement of a request marks the error retryable, and DatabaseFaultMiddleware runs the
    # request again once on a fresh connection (SQLAlchemy has dropped the dead ones by then).
    # As many pooled connections as a busy process has requests in flight (anyio's pool of
    # 40 worker threads would otherwise open and close overflow connections under load).
    engine = create_engine(url, pool_size=20, max_overflow=10)
    watch_for_dead_connections(engine)
    return engine


def watch_for_dead_connections(engine: Engine) -> None:
    """Count the statements run on each checkout, and mark a disconnect on the first one as
    retryable (``exc.parkregie_retryable``): nothing was done yet, so a retry is safe."""

    def checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
        record.info["statements"] = 0

    def before_execute(conn: Any, *_args: Any) -> None:
        conn.info["statements"] = conn.info.get("statements", 0) + 1

    def handle_error(context: Any) -> None:
        conn = context.connection
        first = conn is None or conn.info.get("statements", 0) <= 1
        if context.is_disconnect and first and context.sqlalchemy_exception is not None:
            context.sqlalchemy_exception.parkregie_retryable = True

    event.listen(engine.pool, "checkout", checkout)
    event.listen(engine, "before_cursor_execute", before_execute)
    event.listen(engine, "handle_error", handle_error)


@lru_cache
def _engine_for(url: str) -> Engine:
    return build_engine(url)


def get_engine() -> Engine:
    return _engine_for(get_settings().database_url)


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@lru_cache
def _autocommit(engine: Engine) -> Engine:
    """The same engine and pool, with statements that commit themselves: a read needs no
    BEGIN and no COMMIT round trip (each statement sees committed data, as it would in a READ
    COMMITTED transaction)."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def autocommit_engine() -> Engine:
    """The app's engine with statements that commit themselves (for a write that must not wait
    for, or hold a lock during, the request's own transaction)."""
    return _autocommit(get_engine())


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session. Reads (GET, HEAD) run without a transaction; writes in one
    transaction that commits when the endpoint returns and rolls back when it raises. Runs on
    the event loop: only the commit or rollback, which talk to the database, go to a thread."""
    read_only = request.method in READ_ONLY_METHODS
    engine = get_engine()
    session = Session(_autocommit(engine) if read_only else engine, expire_on_commit=False)
    session.info["read_only"] = read_only
    try:
        yield session
        if not read_only:
            await run_in_threadpool(session.commit)
    except BaseException:
        await run_in_threadpool(session.rollback)
        raise
    finally:
        session.close()


# scope="function": commit before the response is sent, so a failed commit is an error answer.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
