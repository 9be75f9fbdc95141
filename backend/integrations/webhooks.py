"""Webhooks: subscriptions, the outbox filled in the transaction of each change, and the
worker that delivers it.

**Events.** ``park.status_changed`` (anything of a park changed: its status ETag moved; once
per park per transaction), ``project.phase_changed`` (with ``from`` and ``to``),
``assessment.created``, and ``ping`` (the "send test event" button). Each delivery's body is
``{"id", "type", "occurred_at", "data": {...}}``; ``data.status_version`` is the change-feed
position, so a receiver can fetch exactly what changed.

**No lost events, no ghost events.** The outbox rows are written by a hook of the change seam
(``changes.before_commit``) in the same transaction as the change: a rolled-back change has no
delivery, a committed one always has.

**Signature.** Every delivery carries ``Parkregie-Signature: t=<unix seconds>,v1=<hex>`` where
``v1`` is HMAC-SHA256 with the webhook's secret over ``"<t>.<raw body>"``; also
``Parkregie-Event`` and ``Parkregie-Delivery`` (its id, the same on every retry: deliveries
are at least once, so a receiver drops ids it has seen). Verify the signature with the secret
given when subscribing, and refuse timestamps older than a few minutes; a tested example is
``examples/verify_webhook.py`` in the repository.

**Delivery.** A 2xx answer within the timeout delivers; anything else is retried with
exponential backoff (30 s, 1, 2, 4 … minutes, at most 6 hours apart) up to
``PARKREGIE_WEBHOOK_MAX_ATTEMPTS`` times, then the delivery is ``failed``. Only http(s) URLs;
loopback, private and link-local addresses are refused (when subscribing and again when
sending, against DNS tricks) unless ``PARKREGIE_WEBHOOKS_ALLOW_PRIVATE`` is set. Several
workers may run at once: on PostgreSQL each claims due rows with ``FOR UPDATE SKIP LOCKED``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Uuid, bindparam, insert, select, tuple_
from sqlmodel import Session, col

from backend.auth.policy import Principal
from backend.changes import service as changes
from backend.core.config import get_settings
from backend.core.errors import NotFound, Unprocessable
from backend.core.pagination import decode_cursor, encode_cursor, keyset, page_of
from backend.core.security import new_secret
from backend.core.types import UTCDateTime, new_id, utcnow
from backend.integrations.models import (
    DeliveryPublic,
    DeliveryStatus,
    EventType,
    Webhook,
    WebhookCreate,
    WebhookDelivery,
    WebhookPublic,
    WebhookWithSecret,
)
from backend.parks import service as park_service

log = logging.getLogger("parkregie.webhooks")
WEBHOOK = changes.Tracked(
    "webhook", ("url", "events", "is_active", "secret"), personal=frozenset({"secret"})
)
BACKOFF_SECONDS = 30
MAX_BACKOFF = timedelta(hours=6)


# --- addresses -------------------------------------------------------------------------------


def _refused(ip: str) -> bool:
    address = ipaddress.ip_address(ip)
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def check_url(url: str) -> str | None:
    """Why this URL may not receive deliveries, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "only http and https URLs can receive webhooks"
    if get_settings().webhooks_allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return f"the host {parts.hostname} cannot be resolved"
    for info in infos:
        if _refused(str(info[4][0])):
            return f"the host {parts.hostname} is a loopback, private or reserved address"
    return None


# --- subscriptions ---------------------------------------------------------------------------


def _owned(p: Principal) -> bool:
    """Whether ``p`` sees only its own webhooks (everyone but admin users)."""
    return not (p.kind == "user" and p.role == "admin")


def to_public(w: Webhook) -> WebhookPublic:
    return WebhookPublic(
        id=w.id,
        url=w.url,
        events=[EventType(e) for e in w.events],
        owner=w.owner_label,
        provinces=list(w.provinces),
        is_active=w.is_active,
        created_at=w.created_at,
        version=w.version,
    )


def create_webhook(session: Session, p: Principal, data: WebhookCreate) -> WebhookWithSecret:
    url = str(data.url)
    problem = check_url(url)
    if problem:
        raise Unprocessable(
            f"This URL cannot receive webhooks: {problem}.",
            errors=[{"loc": ["body", "url"], "msg": problem}],
        )
    hook = Webhook(
        url=url,
        events=[e.value for e in data.events],
        secret="whsec_" + new_secret(24),
        owner_kind=p.kind,
        owner_id=p.id,
        owner_label=p.label,
        provinces=sorted(p.provinces) if p.kind == "client" else [],
    )
    session.add(hook)
    changes.created(session, p.actor, WEBHOOK, hook, park_id=None)
    return WebhookWithSecret(**to_public(hook).model_dump(), secret=hook.secret)


def list_webhooks(
    session: Session, p: Principal, cursor: str | None, limit: int
) -> tuple[list[Webhook], str | None]:
    stmt = select(Webhook)
    if _owned(p):
        stmt = stmt.where(col(Webhook.owner_id) == p.id)
    stmt = keyset(stmt, [col(Webhook.created_at), col(Webhook.id)], "created", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda w: [w.created_at, w.id])


def get_webhook(session: Session, p: Principal, webhook_id: uuid.UUID) -> Webhook:
    hook = session.get(Webhook, webhook_id)
    if hook is None or (_owned(p) and hook.owner_id != p.id):
        raise NotFound("There is no webhook with this id.")
    return hook


def delete_webhook(session: Session, p: Principal, hook: Webhook) -> None:
    changes.deleted(session, p.actor, WEBHOOK, hook, park_id=None)
    session.delete(hook)
    session.flush()


def list_deliveries(
    session: Session, hook: Webhook, cursor: str | None, limit: int
) -> tuple[list[WebhookDelivery], str | None]:
    """Newest first (keyset on created_at, id, descending)."""
    stmt = select(WebhookDelivery).where(col(WebhookDelivery.webhook_id) == hook.id)
    key = tuple_(col(WebhookDelivery.created_at), col(WebhookDelivery.id))
    if cursor:
        at, last = decode_cursor(cursor, "deliveries", 2, [datetime, uuid.UUID])
        stmt = stmt.where(
            key
            < tuple_(
                bindparam("c_at", at, type_=UTCDateTime()), bindparam("c_id", last, type_=Uuid())
            )
        )
    stmt = stmt.order_by(
        col(WebhookDelivery.created_at).desc(), col(WebhookDelivery.id).desc()
    ).limit(limit + 1)
    rows = session.scalars(stmt).all()
    page = list(rows[:limit])
    next_cursor = (
        encode_cursor("deliveries", [page[-1].created_at, page[-1].id])
        if len(rows) > limit
        else None
    )
    return page, next_cursor


def delivery_public(d: WebhookDelivery) -> DeliveryPublic:
    return DeliveryPublic(
        id=d.id,
        webhook_id=d.webhook_id,
        event=d.event,
        payload=d.payload,
        status=DeliveryStatus(d.status),
        attempts=d.attempts,
        next_attempt_at=d.next_attempt_at if d.status == DeliveryStatus.pending.value else None,
        last_status_code=d.last_status_code,
        last_error=d.last_error,
        created_at=d.created_at,
        delivered_at=d.delivered_at,
    )


def _event(kind: str, data: dict[str, Any], at: datetime) -> dict[str, Any]:
    return {"id": str(new_id()), "type": kind, "occurred_at": at.isoformat(), "data": data}


def send_test_event(session: Session, hook: Webhook) -> WebhookDelivery:
    delivery = WebhookDelivery(
        webhook_id=hook.id,
        event=EventType.ping.value,
        payload=_event("ping", {"webhook_id": str(hook.id)}, utcnow()),
    )
    session.add(delivery)
    session.flush()
    return delivery


# --- the outbox, filled in the change's own transaction ----------------------------------------


def _events(
    batch: list[tuple[int, changes.Change]],
) -> list[tuple[str, uuid.UUID | None, dict[str, Any]]]:
    """(event type, park id, data) for a committing transaction's changes."""
    out: list[tuple[str, uuid.UUID | None, dict[str, Any]]] = []
    parks: dict[uuid.UUID, tuple[int, datetime, bool]] = {}
    for position, c in batch:
        if c.park_id is not None:
            gone = c.entity_type == "park" and c.feed_action is changes.ChangeAction.delete
            was = parks.get(c.park_id)
            parks[c.park_id] = (position, c.occurred_at, gone or bool(was and was[2]))
        if (
            c.entity_type == "project"
            and c.before is not None
            and c.after is not None
            and c.before.get("phase") != c.after.get("phase")
        ):
            out.append(
                (
                    EventType.project_phase_changed.value,
                    c.park_id,
                    {
                        "project_id": str(c.entity_id),
                        "park_id": str(c.park_id),
                        "from": c.before.get("phase"),
                        "to": c.after.get("phase"),
                        "status_version": position,
                    },
                )
            )
        if c.entity_type == "assessment" and c.feed_action is changes.ChangeAction.create:
            after = c.after or {}
            out.append(
                (
                    EventType.assessment_created.value,
                    c.park_id,
                    {
                        "assessment_id": str(c.entity_id),
                        "park_id": str(c.park_id),
                        "score": float(after.get("score", 0)),
                        "level": after.get("level"),
                        "status_version": position,
                    },
                )
            )
    for park_id, (position, _at, gone) in parks.items():
        out.append(
            (
                EventType.park_status_changed.value,
                park_id,
                {"park_id": str(park_id), "status_version": position, "deleted": gone},
            )
        )
    return out


@changes.before_commit
def _fill_outbox(session: Session, batch: list[tuple[int, changes.Change]]) -> None:
    hooks = session.execute(
        select(col(Webhook.id), col(Webhook.events), col(Webhook.provinces)).where(
            col(Webhook.is_active).is_(True)
        )
    ).all()
    if not hooks:
        return
    events = _events(batch)
    if not events:
        return
    provinces: dict[uuid.UUID, str] = {}
    if any(p for _, _, p in hooks):
        for _, c in batch:  # a deleted park is gone from its table; its change remembers it
            if c.entity_type == "park" and c.before and c.before.get("province"):
                provinces[c.entity_id] = str(c.before["province"])
        ids = [pid for _, pid, _ in events if pid is not None and pid not in provinces]
        provinces.update(
            {pid: park.province for pid, park in park_service.parks_by_id(session, ids).items()}
        )
    now = utcnow()
    rows = []
    for kind, park_id, data in events:
        body = _event(kind, data, now)
        for hook_id, subscribed, limited in hooks:
            if kind not in subscribed:
                continue
            if limited and (park_id is None or provinces.get(park_id) not in limited):
                continue
            rows.append(
                {
                    "id": new_id(),
                    "webhook_id": hook_id,
                    "event": kind,
                    "payload": body,
                    "status": DeliveryStatus.pending.value,
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
            )
    for start in range(0, len(rows), 1000):
        session.connection().execute(insert(WebhookDelivery), rows[start : start + 1000])


# --- delivering ------------------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=BACKOFF_SECONDS * 2 ** (attempts - 1)), MAX_BACKOFF)


def _attempt(
    hook: Webhook | None, d: WebhookDelivery, send: Callable[..., httpx.Response]
) -> tuple[int | None, str | None]:
    """Send one delivery: the answer's status code (if any) and what went wrong (None: it was
    delivered)."""
    if hook is None or not hook.is_active:
        return None, "the webhook is disabled"
    problem = check_url(hook.url)
    if problem:
        return None, problem
    body = json.dumps(d.payload, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Parkregie-Webhooks/1",
        "Parkregie-Event": d.event,
        "Parkregie-Delivery": str(d.id),
        "Parkregie-Signature": sign(hook.secret, int(time.time()), body),
    }
    try:
        code = send(hook.url, content=body, headers=headers).status_code
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]
    return code, None if 200 <= code < 300 else f"answered {code}"


def deliver_due(
    session_factory: Callable[[], Session],
    *,
    limit: int = 20,
    post: Callable[..., httpx.Response] | None = None,
) -> int:
    """Send up to ``limit`` due deliveries; returns how many were tried."""
    s = get_settings()
    with session_factory() as session:
        now = utcnow()
        due = session.scalars(
            select(WebhookDelivery)
            .where(
                col(WebhookDelivery.status) == DeliveryStatus.pending.value,
                col(WebhookDelivery.next_attempt_at) <= now,
            )
            .order_by(col(WebhookDelivery.next_attempt_at))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        if not due:
            return 0
        hooks = {
            h.id: h
            for h in session.scalars(
                select(Webhook).where(col(Webhook.id).in_({d.webhook_id for d in due}))
            )
        }
        with httpx.Client(timeout=s.webhook_timeout_seconds, follow_redirects=False) as http:
            send = post or http.post
            for d in due:
                d.attempts += 1
                code, error = _attempt(hooks.get(d.webhook_id), d, send)
                d.last_status_code = code
                d.last_error = error
                if error is None:
                    d.status = DeliveryStatus.delivered.value
                    d.delivered_at = utcnow()
                elif d.attempts >= s.webhook_max_attempts:
                    d.status = DeliveryStatus.failed.value
                else:
                    d.next_attempt_at = utcnow() + _backoff(d.attempts)
                session.add(d)
        session.commit()
        return len(due)
