"""The change seam: every create, update and delete of every domain goes through here.

A domain describes what it tracks once (``Tracked``: the entity type, the audited fields, the
fields that are personal data) and reports each write with ``created``, ``updated``,
``deleted`` or ``erased`` (or ``record`` with many ``Change``s at once, for bulk paths). The
seam then, in the request's transaction:

1. runs the handlers other domains registered for that kind of change (``on``), in the same
   transaction — cascades (a tombstone for every stakeholder of a deleted park) and kept
   copies (an interest's copy of its stakeholder's kind) live there, so domains do not call
   each other back;
2. writes, when the transaction commits, one audit event per change (personal fields as
   ``"(redacted)"``: that they changed and by whom, never their values) and one row in the
   ordered change log.

**Order of the change log.** Each committing transaction takes its positions from the single
``change_counter`` row (``UPDATE … SET last_position = last_position + n RETURNING``) as the
last thing it does before COMMIT. That row lock is held until the commit, so a second writer
gets its positions only after the first has committed (or rolled back, which gives the
positions back). Positions therefore become visible in increasing order: a reader that has
seen position *p* will never later see a position below *p* appear, whichever transaction
started first or ran longest. The feed reads the counter first and then only positions up to
it, so "where to continue" is always safe. The lock is held for the few inserts of the commit
only, not for the transaction's work (that is flushed before the counter is taken).
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import bindparam, event, func, insert, select, tuple_, update
from sqlmodel import Session, col

from backend.changes.models import AuditAction as AuditAction  # for the domains
from backend.changes.models import AuditEvent, ChangeCounter, ChangeLogEntry, ChangePublic
from backend.changes.models import ChangeAction as ChangeAction  # for the domains
from backend.core.actor import Actor
from backend.core.errors import Unprocessable
from backend.core.pagination import decode_cursor, encode_cursor, expression, keyset, page_of
from backend.core.types import new_id, utcnow

REDACTED = "(redacted)"
_PENDING = "parkregie.pending_changes"


# --- what a domain tracks --------------------------------------------------------------------


@dataclass(frozen=True)
class Tracked:
    """An entity type whose writes are recorded: its audited fields and its personal ones."""

    entity_type: str
    fields: tuple[str, ...]
    personal: frozenset[str] = frozenset()
    read: Callable[[Any], dict[str, Any]] | None = None  # for fields that need converting

    def values(self, obj: Any) -> dict[str, Any]:
        if self.read is not None:
            return self.read(obj)
        return {k: getattr(obj, k) for k in self.fields}


@dataclass
class Change:
    """One change, as the seam records it and as handlers see it. ``before`` and ``after``
    hold the plain values (personal ones included, in memory only: they are never stored);
    ``audit`` is what the trail keeps."""

    entity_type: str
    entity_id: uuid.UUID
    park_id: uuid.UUID | None
    action: AuditAction
    version: int
    actor: Actor
    audit: dict[str, dict[str, Any]]
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    occurred_at: datetime = field(default_factory=utcnow)

    @property
    def feed_action(self) -> ChangeAction:
        return (
            ChangeAction.update
            if self.action is AuditAction.erase
            else ChangeAction(self.action.value)
        )


Handler = Callable[[Session, list[Change]], None]
CommitHook = Callable[[Session, list[tuple[int, Change]]], None]
_COMMIT_HOOKS: list[CommitHook] = []


def before_commit(hook: CommitHook) -> CommitHook:
    """Register ``hook(session, [(position, change), ...])``: it runs once per committing
    transaction, after the change log is written and before COMMIT, in the same transaction
    (the webhook outbox is filled here, so an event exists exactly when its change does)."""
    if hook not in _COMMIT_HOOKS:
        _COMMIT_HOOKS.append(hook)
    return hook


_HANDLERS: dict[tuple[str, ChangeAction], list[Handler]] = defaultdict(list)


def on(entity_type: str, *actions: ChangeAction) -> Callable[[Handler], Handler]:
    """Register ``handler(session, changes)`` for these changes of ``entity_type``. It runs in
    the writer's transaction, right when the changes are recorded (before a deleted row is
    gone, so a cascade can still read what hangs under it)."""

    def register(handler: Handler) -> Handler:
        for action in actions:
            if handler not in _HANDLERS[(entity_type, action)]:
                _HANDLERS[(entity_type, action)].append(handler)
        return handler

    return register


# --- values as the audit trail keeps them ----------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def diff(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    ignore: Iterable[str] = ("updated_at", "version", "created_at"),
    redact: Iterable[str] = (),
) -> dict[str, dict[str, Any]]:
    """Changed fields as ``{field: {old, new}}``; ``redact`` fields show that, not what, changed."""
    skip, hidden = set(ignore), set(redact)
    out: dict[str, dict[str, Any]] = {}
    for key in sorted(set(before) | set(after)):
        if key in skip:
            continue
        old, new = _jsonable(before.get(key)), _jsonable(after.get(key))
        if old != new:
            out[key] = (
                {"old": REDACTED, "new": REDACTED} if key in hidden else {"old": old, "new": new}
            )
    return out


def snapshot(values: Mapping[str, Any], *, redact: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """The changes of a create: every field from nothing. ``redact`` fields that have a value
    show that they were set, not what to."""
    hidden = set(redact)
    return {
        k: {"old": None, "new": REDACTED if k in hidden and v is not None else _jsonable(v)}
        for k, v in sorted(values.items())
    }


def _gone(values: Mapping[str, Any], redact: Iterable[str]) -> dict[str, dict[str, Any]]:
    return {k: {"old": v["new"], "new": None} for k, v in snapshot(values, redact=redact).items()}


# --- reporting changes -----------------------------------------------------------------------


def record(session: Session, changes: Sequence[Change]) -> None:
    """Record changes (any number, of any type) and run the handlers registered for them."""
    if not changes:
        return
    if session.info.get("read_only"):
        raise RuntimeError("a read-only request (GET) tried to write")
    session.info.setdefault(_PENDING, []).extend(changes)
    groups: dict[tuple[str, ChangeAction], list[Change]] = defaultdict(list)
    for change in changes:
        groups[(change.entity_type, change.feed_action)].append(change)
    for key, group in groups.items():
        for handler in _HANDLERS.get(key, ()):
            handler(session, group)


def created(
    session: Session, actor: Actor, spec: Tracked, obj: Any, *, park_id: uuid.UUID | None
) -> Change:
    session.flush()
    values = spec.values(obj)
    change = Change(
        spec.entity_type, obj.id, park_id, AuditAction.create, obj.version, actor,
        snapshot(values, redact=spec.personal), before=None, after=values,
    )  # fmt: skip
    record(session, [change])
    return change


def updated(
    session: Session,
    actor: Actor,
    spec: Tracked,
    obj: Any,
    before: Mapping[str, Any],
    *,
    park_id: uuid.UUID | None,
) -> Change | None:
    """Record the update of ``obj`` from ``before`` (``spec.values`` taken before the change);
    None, and nothing recorded, when no audited field changed."""
    after = spec.values(obj)
    changed = diff(before, after, redact=spec.personal)
    if not changed:
        return None
    obj.updated_at = utcnow()
    session.add(obj)
    session.flush()
    change = Change(
        spec.entity_type, obj.id, park_id, AuditAction.update, obj.version, actor, changed,
        before=before, after=after,
    )  # fmt: skip
    record(session, [change])
    return change


def deleted(
    session: Session, actor: Actor, spec: Tracked, obj: Any, *, park_id: uuid.UUID | None
) -> Change:
    """Record the deletion of ``obj``; call it before deleting, so cascades can still see what
    hangs under it."""
    values = spec.values(obj)
    change = Change(
        spec.entity_type, obj.id, park_id, AuditAction.delete, obj.version, actor,
        _gone(values, spec.personal), before=values, after=None,
    )  # fmt: skip
    record(session, [change])
    return change


def cascaded_deletes(
    actor: Actor,
    entity_type: str,
    rows: Iterable[tuple[uuid.UUID, uuid.UUID | None, int]],
    cause: Change,
) -> list[Change]:
    """Tombstones for ``(id, park_id, version)`` rows that go with ``cause`` (a deletion)."""
    note = {"deleted_with": {"old": None, "new": f"{cause.entity_type} {cause.entity_id}"}}
    return [
        Change(entity_type, eid, park_id, AuditAction.delete, version, actor, dict(note))
        for eid, park_id, version in rows
    ]


def cascades(parent_type: str, entity_type: str, model: Any, key: str = "park_id") -> None:
    """Register the common cascade: when a ``parent_type`` is deleted, every row of ``model``
    whose ``key`` column holds its id gets a tombstone (the rows themselves go by the
    database's ON DELETE CASCADE). ``model`` has ``id``, ``park_id`` and ``version``."""
    table = model.__table__

    def handler(session: Session, gone: list[Change]) -> None:
        for parent in gone:
            rows = session.execute(
                select(table.c.id, table.c.park_id, table.c.version).where(
                    table.c[key] == parent.entity_id
                )
            ).all()
            record(session, cascaded_deletes(parent.actor, entity_type, rows, parent))

    handler.__name__ = f"_{entity_type}_with_{parent_type}"
    on(parent_type, ChangeAction.delete)(handler)


def bulk(
    actor: Actor,
    spec: Tracked,
    action: AuditAction,
    rows: Iterable[
        tuple[uuid.UUID, uuid.UUID | None, int, Mapping[str, Any] | None, Mapping[str, Any] | None]
    ],
) -> list[Change]:
    """Changes for a bulk path: ``(id, park_id, new version, before, after)`` per row, with the
    same audit values the single-row path records. Pass them to ``record``."""
    out = []
    for eid, park_id, version, before, after in rows:
        if action is AuditAction.create:
            values = snapshot(after or {}, redact=spec.personal)
        else:
            values = diff(before or {}, after or {}, redact=spec.personal)
        out.append(
            Change(spec.entity_type, eid, park_id, action, version, actor, values, before, after)
        )
    return out


# --- writing at commit -----------------------------------------------------------------------


def _write_pending(session: Session) -> None:
    pending: list[Change] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.flush()  # the transaction's own work first: the counter lock comes last
    counter = ChangeCounter.__table__  # type: ignore[attr-defined]
    last = session.execute(
        update(counter)
        .where(counter.c.id == 1)
        .values(last_position=counter.c.last_position + len(pending))
        .returning(counter.c.last_position)
    ).scalar_one()
    first = int(last) - len(pending) + 1
    audit_rows = [
        {
            "id": new_id(),
            "occurred_at": c.occurred_at,
            "actor_kind": c.actor.kind,
            "actor_id": c.actor.id,
            "actor_label": c.actor.label,
            "action": c.action.value,
            "entity_type": c.entity_type,
            "entity_id": c.entity_id,
            "park_id": c.park_id,
            "changes": c.audit,
        }
        for c in pending
    ]
    log_rows = [
        {
            "position": first + i,
            "occurred_at": c.occurred_at,
            "entity_type": c.entity_type,
            "entity_id": c.entity_id,
            "park_id": c.park_id,
            "action": c.feed_action.value,
            "version": c.version,
        }
        for i, c in enumerate(pending)
    ]
    connection = session.connection()
    for start in range(0, len(pending), 1000):
        connection.execute(insert(AuditEvent), audit_rows[start : start + 1000])
        connection.execute(insert(ChangeLogEntry), log_rows[start : start + 1000])
    if _COMMIT_HOOKS:
        positioned = [(first + i, c) for i, c in enumerate(pending)]
        for hook in _COMMIT_HOOKS:
            hook(session, positioned)


def _forget_pending(session: Session, *_: Any) -> None:
    session.info.pop(_PENDING, None)


event.listen(Session, "before_commit", _write_pending)
event.listen(Session, "after_rollback", _forget_pending)


# --- reading: the audit trail and the change feed --------------------------------------------


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})?$"
)


def _bound(value: str, name: str, *, end: bool) -> datetime:
    """A period bound: a moment (RFC 3339, UTC when no offset is given) as it is, or a date
    (UTC): its start for ``from``, the start of the next day for ``to`` (so ``to`` takes the
    whole day in)."""
    try:
        if _DAY.match(value):
            day = datetime.combine(date.fromisoformat(value), time.min, tzinfo=UTC)
            return day + timedelta(days=1) if end else day
        if _MOMENT.match(value):
            moment = datetime.fromisoformat(value.upper())
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    except ValueError:
        pass
    msg = "give a date (YYYY-MM-DD) or a moment in RFC 3339, e.g. 2026-12-02T10:00:00Z"
    raise Unprocessable(f"{name}: {msg}", errors=[{"loc": ["query", name], "msg": msg}])


def period(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """``from`` and ``to`` of the audit trail as ``[start, end)``; 422 when unreadable or
    when ``from`` lies after ``to``."""
    start = _bound(since, "from", end=False) if since else None
    end = _bound(until, "to", end=True) if until else None
    to_is_day = bool(until and _DAY.match(until))
    if start is not None and end is not None and (start > end or (start == end and to_is_day)):
        msg = "`from` lies after `to`"
        raise Unprocessable(msg, errors=[{"loc": ["query", "from"], "msg": msg}])
    return start, end


class AuditOrder(StrEnum):
    """The order of the audit trail: ``oldest`` first (the default) or ``newest`` first."""

    oldest = "oldest"
    newest = "newest"


AUDIT_SORT = {AuditOrder.oldest: "audit", AuditOrder.newest: "audit-newest"}


def list_events(
    session: Session,
    *,
    entity_type: str | None,
    entity_id: uuid.UUID | None,
    park_id: uuid.UUID | None,
    actor_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
    since: datetime | None = None,
    before: datetime | None = None,
    order: AuditOrder = AuditOrder.oldest,
) -> tuple[list[AuditEvent], str | None]:
    """Audit events in ``order`` by ``(occurred_at, id)``, from ``since`` (inclusive) to
    ``before`` (exclusive). A cursor belongs to one order: one of the other is a 400."""
    stmt = select(AuditEvent)
    if entity_type:
        stmt = stmt.where(col(AuditEvent.entity_type) == entity_type)
    if entity_id:
        stmt = stmt.where(col(AuditEvent.entity_id) == entity_id)
    if park_id:
        stmt = stmt.where(col(AuditEvent.park_id) == park_id)
    if actor_id:
        stmt = stmt.where(col(AuditEvent.actor_id) == actor_id)
    if since is not None:
        stmt = stmt.where(col(AuditEvent.occurred_at) >= since)
    if before is not None:
        stmt = stmt.where(col(AuditEvent.occurred_at) < before)
    sort = AUDIT_SORT[order]
    cols = [expression(col(AuditEvent.occurred_at)), expression(col(AuditEvent.id))]
    if order is AuditOrder.oldest:
        stmt = keyset(stmt, cols, sort, cursor, limit)
    else:
        # Newest first: the same keyset, mirrored (before the cursor, descending).
        if cursor:
            at, eid = decode_cursor(cursor, sort, 2, [datetime, uuid.UUID])
            stmt = stmt.where(
                tuple_(*cols)
                < tuple_(
                    bindparam(None, at, type_=cols[0].type),
                    bindparam(None, eid, type_=cols[1].type),
                )
            )
        stmt = stmt.order_by(cols[0].desc(), cols[1].desc()).limit(limit + 1)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, sort, lambda e: [e.occurred_at, e.id])


FEED = "changes"
NOW = "now"


def _position(cursor: str | None) -> int:
    if not cursor:
        return 0
    (position,) = decode_cursor(cursor, FEED, 1, [int])
    return int(position)


def feed(
    session: Session,
    *,
    cursor: str | None,
    types: Sequence[str],
    park_id: uuid.UUID | None,
    limit: int,
) -> tuple[list[ChangePublic], str]:
    """The changes after ``cursor`` (from the start without one; ``now``: none, just the
    present), oldest first, and where to continue."""
    counter = ChangeCounter.__table__  # type: ignore[attr-defined]
    # The counter first: every position up to it is committed (or was given back), so this
    # is how far the answer may safely reach.
    present = int(session.execute(select(counter.c.last_position)).scalar_one())
    if cursor == NOW:
        return [], encode_cursor(FEED, [present])
    after = _position(cursor)
    table = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    stmt = select(table).where(table.c.position > after, table.c.position <= present)
    if types:
        stmt = stmt.where(table.c.entity_type.in_(types))
    if park_id is not None:
        stmt = stmt.where(table.c.park_id == park_id)
    rows = session.execute(stmt.order_by(table.c.position).limit(limit + 1)).all()
    items = [
        ChangePublic(
            cursor=encode_cursor(FEED, [r.position]),
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            park_id=r.park_id,
            action=ChangeAction(r.action),
            version=r.version,
            occurred_at=r.occurred_at,
        )
        for r in rows[:limit]
    ]
    if len(rows) > limit:
        return items, items[-1].cursor
    return items, encode_cursor(FEED, [max(present, after)])


def recent_events(session: Session, park_ids: Any, limit: int) -> list[Any]:
    """The newest audit events of the parks in ``park_ids`` (a statement selecting park ids),
    newest first, without their values (those may hold personal data): ``occurred_at``,
    ``actor_label``, ``action``, ``entity_type``, ``entity_id``, ``park_id``."""
    a = AuditEvent
    return list(
        session.execute(
            select(
                col(a.occurred_at),
                col(a.actor_label),
                col(a.action),
                col(a.entity_type),
                col(a.entity_id),
                col(a.park_id),
            )
            .where(col(a.park_id).in_(park_ids))
            .order_by(col(a.occurred_at).desc(), col(a.id).desc())
            .limit(limit)
        ).all()
    )


def latest_for_park(session: Session, park_id: uuid.UUID) -> tuple[int, datetime] | None:
    """The position and moment of the newest change to anything of the park (one lookup on
    the ``(park_id, position)`` index): what a park's status ETag is made of."""
    row = session.execute(
        select(col(ChangeLogEntry.position), col(ChangeLogEntry.occurred_at))
        .where(col(ChangeLogEntry.park_id) == park_id)
        .order_by(col(ChangeLogEntry.position).desc())
        .limit(1)
    ).first()
    return (int(row[0]), row[1]) if row else None


def latest_position_subquery(park_id_column: Any) -> Any:
    """A correlated scalar subquery: the newest change position of the park in
    ``park_id_column``, for another domain's statement."""
    table = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    return (
        select(func.max(table.c.position))
        .where(table.c.park_id == park_id_column)
        .scalar_subquery()
    )


def occurred_at_of(session: Session, positions: Iterable[int]) -> dict[int, datetime]:
    wanted = list(positions)
    if not wanted:
        return {}
    rows = session.execute(
        select(col(ChangeLogEntry.position), col(ChangeLogEntry.occurred_at)).where(
            col(ChangeLogEntry.position).in_(wanted)
        )
    )
    return {int(p): at for p, at in rows}


def changed_after(position_column: Any, moment: datetime) -> Any:
    """A condition: the change at ``position_column`` happened after ``moment``."""
    table = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    return (
        select(table.c.position)
        .where(table.c.position == position_column, table.c.occurred_at > moment)
        .exists()
    )
