"""Who may do what — decided here and nowhere else.

Every endpoint asks ``require(principal, Action.X, province)``; lists ask
``readable_provinces``. The rules:

- ``admin``: everything.
- ``expert``: reads everything; writes parks (and what hangs under them) in the provinces
  assigned to them; sees personal data of contact persons in those provinces.
- ``viewer``: reads; sees no personal data.
- API clients: what their scopes grant (``SCOPE_ACTIONS``), optionally limited to provinces
  (parks elsewhere do not exist for them; the change feed, which spans every province, is for
  clients without that limit); no personal data; never user or client management.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from backend.core.actor import Actor
from backend.core.errors import Forbidden


class Action(StrEnum):
    park_read = "park:read"
    park_create = "park:create"
    park_write = "park:write"  # update or delete a park, or anything under it
    personal_data_read = "personal_data:read"
    user_manage = "user:manage"
    audit_read = "audit:read"
    change_read = "changes:read"  # the change feed
    status_read = "status:read"
    client_manage = "api_client:manage"
    webhook_manage = "webhook:manage"
    overview_read = "overview:read"  # figures over many parks (the province overview)
    my_work_read = "my_work:read"  # a user's start page
    address_search = "address:search"  # look up an address to place a park


# Scopes an API client can be given, and the actions each grants.
SCOPE_ACTIONS: dict[str, frozenset[Action]] = {
    "parks:read": frozenset({Action.park_read, Action.change_read, Action.overview_read}),
    "parks:write": frozenset(
        {Action.park_read, Action.park_create, Action.park_write, Action.address_search}
    ),
    "status:read": frozenset({Action.status_read, Action.overview_read}),
    "webhooks:manage": frozenset({Action.webhook_manage}),
}
# Actions a client limited to provinces may not take: the change feed spans every province.
_ALL_PROVINCES_ONLY = frozenset({Action.change_read})


def scope_for(action: Action) -> str | None:
    """The scopes that grant ``action``, for the 403 message: ``parks:read or status:read``."""
    scopes = [scope for scope, actions in SCOPE_ACTIONS.items() if action in actions]
    return " or ".join(scopes) or None


_READ_ACTIONS = frozenset(
    {Action.park_read, Action.status_read, Action.overview_read, Action.my_work_read}
)
_PROVINCE_WRITE_ACTIONS = frozenset(
    {Action.park_create, Action.park_write, Action.personal_data_read}
)


@dataclass(frozen=True)
class Principal:
    id: uuid.UUID
    kind: str  # "user" or "client"
    label: str
    role: str | None = None  # users only
    provinces: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)  # clients only

    @property
    def actor(self) -> Actor:
        return Actor(kind=self.kind, id=self.id, label=self.label)


def allowed(p: Principal, action: Action, province: str | None = None) -> bool:
    if p.kind == "user":
        if p.role == "admin":
            return True
        if action in _READ_ACTIONS:
            return True
        if p.role == "expert" and action is Action.address_search:
            return bool(p.provinces)  # who places parks somewhere
        if p.role == "expert" and action in _PROVINCE_WRITE_ACTIONS:
            return province is not None and province in p.provinces
        return False
    if p.kind == "client":
        if action not in granted_actions(p):
            return False
        if p.provinces and action in _ALL_PROVINCES_ONLY:
            return False
        return not p.provinces or province is None or province in p.provinces
    return False


def granted_actions(p: Principal) -> frozenset[Action]:
    return frozenset().union(*(SCOPE_ACTIONS.get(s, frozenset()) for s in p.scopes))


def require(p: Principal, action: Action, province: str | None = None) -> None:
    if allowed(p, action, province):
        return
    if p.kind == "client":
        scope = scope_for(action)
        if action not in granted_actions(p):
            raise Forbidden(
                f"This API client lacks the scope {scope}."
                if scope
                else "API clients may not do this; it needs a user account."
            )
        if action in _ALL_PROVINCES_ONLY:
            raise Forbidden(
                "The change feed spans every province; this API client is limited to "
                f"{', '.join(sorted(p.provinces))}. Use GET /api/v1/park-status?updated_since= "
                "to follow its parks."
            )
    if province is not None and action in _PROVINCE_WRITE_ACTIONS | _READ_ACTIONS:
        raise Forbidden(f"You may not do this for parks in province {province}.")
    raise Forbidden("Your account may not do this.")


def writable_provinces(p: Principal) -> frozenset[str] | None:
    """Provinces whose parks ``p`` works on (may write); ``None`` means all, empty means none."""
    if p.kind == "user":
        if p.role == "admin":
            return None
        return p.provinces if p.role == "expert" else frozenset()
    if p.kind == "client" and allowed(p, Action.park_write):
        return p.provinces or None
    return frozenset()


def require_work_provinces(p: Principal) -> frozenset[str] | None:
    """Like ``writable_provinces``, but refuses principals who work on no park at all."""
    provinces = writable_provinces(p)
    if provinces is not None and not provinces:
        raise Forbidden("This list shows the parks you work on; your account works on none.")
    return provinces


def readable_provinces(p: Principal) -> frozenset[str] | None:
    """Provinces whose parks ``p`` may read; ``None`` means all."""
    if p.kind == "client" and p.provinces:
        return p.provinces
    return None
