"""Who did something: a user, an API client or the system (imports, the demo)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    kind: str  # user, client or system
    id: uuid.UUID | None
    label: str


SYSTEM = Actor(kind="system", id=None, label="system")
