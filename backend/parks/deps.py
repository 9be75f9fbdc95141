"""Route dependencies that hand an endpoint a park it may use, as ``auth/policy.py`` decides.

- ``ReadablePark``: the park of the path, if the caller may read it (404 or 403 otherwise).
- ``ParkToWriteIn``: a readable park the caller may also write in (to add what hangs under it).
- ``WritablePark``: the same, and ``If-Match`` (when sent) matches the park's version (412).
- ``CreatablePark`` / ``ParkUpdateAllowed``: a new park's body, or a change that may move a
  park to another province, checked against the province it will be in.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, require
from backend.core.db import SessionDep
from backend.core.etag import IfMatchHeader, check_if_match
from backend.parks import service
from backend.parks.models import Park, ParkCreate, ParkUpdate


def readable_park(park_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> Park:
    return service.readable_park(session, principal, park_id)


ReadablePark = Annotated[Park, Depends(readable_park)]


async def park_to_write_in(park: ReadablePark, principal: CurrentPrincipal) -> Park:
    require(principal, Action.park_write, park.province)
    return park


ParkToWriteIn = Annotated[Park, Depends(park_to_write_in)]


async def writable_park(park: ParkToWriteIn, if_match: IfMatchHeader = None) -> Park:
    check_if_match(if_match, park.version)
    return park


WritablePark = Annotated[Park, Depends(writable_park)]


async def creatable_park(data: ParkCreate, principal: CurrentPrincipal) -> ParkCreate:
    require(principal, Action.park_create, service.planned_province_of_new(data))
    return data


CreatablePark = Annotated[ParkCreate, Depends(creatable_park)]


async def park_update_allowed(
    park: WritablePark, data: ParkUpdate, principal: CurrentPrincipal
) -> ParkUpdate:
    """A move to another province needs the right to write there too."""
    require(principal, Action.park_write, service.planned_province(park, data))
    return data


ParkUpdateAllowed = Annotated[ParkUpdate, Depends(park_update_allowed)]
