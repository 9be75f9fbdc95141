"""Route dependencies for the park status: a park whose status the caller may read.

``status:read`` is its own scope (a dashboard may read statuses without reading parks); users
may read every status. A park outside an API client's provinces does not exist for it (404).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, readable_provinces, require
from backend.core.db import SessionDep
from backend.core.errors import NotFound
from backend.integrations import service
from backend.integrations.service import StatusPark


def status_readable_park(
    park_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> StatusPark:
    """The park (only what the status shows, and its newest change position: one statement)."""
    require(principal, Action.status_read)
    park = service.status_park(session, park_id)
    visible = readable_provinces(principal)
    if visible is not None and park.province not in visible:
        raise NotFound("There is no park with this id.")
    require(principal, Action.status_read, park.province)
    return park


StatusReadablePark = Annotated[StatusPark, Depends(status_readable_park)]


async def status_provinces(principal: CurrentPrincipal) -> frozenset[str] | None:
    """The provinces whose statuses the caller may read (None: all); 403 without the scope."""
    require(principal, Action.status_read)
    return readable_provinces(principal)


StatusProvinces = Annotated[frozenset[str] | None, Depends(status_provinces)]
