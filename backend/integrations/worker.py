"""The webhook worker: a loop that delivers what is due. It runs in a thread of each app
process by default (``PARKREGIE_WEBHOOK_WORKER``), or on its own as ``parkregie worker``;
several at once are safe (each claims rows with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL)."""

from __future__ import annotations

import logging
import threading

from sqlmodel import Session

from backend.core.config import get_settings
from backend.core.db import get_engine
from backend.integrations import webhooks

log = logging.getLogger("parkregie.webhooks")


def new_session() -> Session:
    return Session(get_engine(), expire_on_commit=False)


def run(stop: threading.Event) -> None:
    """Deliver until ``stop`` is set; never dies of a delivery's or the database's error."""
    poll = get_settings().webhook_poll_seconds
    while not stop.is_set():
        try:
            while webhooks.deliver_due(new_session) and not stop.is_set():
                pass
        except Exception:  # the loop must survive a database restart
            log.exception("webhook delivery failed; trying again in %s s", poll)
        stop.wait(poll)


def start_in_background() -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=run, args=(stop,), name="webhook-worker", daemon=True).start()
    return stop
