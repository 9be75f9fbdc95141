"""Route dependencies that hand an endpoint an interest it may use (``auth/policy.py``).

- ``ReadableInterest``: an interest of a park the caller may read (404 otherwise).
- ``WritableInterest``: one the caller may also write, and ``If-Match`` matches (412).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, require
from backend.core.db import SessionDep
from backend.core.errors import NotFound
from backend.core.etag import IfMatchHeader, check_if_match
from backend.interests import service
from backend.interests.models import Interest
from backend.parks import service as park_service
from backend.parks.service import Park


@dataclass(frozen=True)
class InterestAccess:
    interest: Interest
    park: Park


def readable_interest(
    interest_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> InterestAccess:
    interest = service.get_interest(session, interest_id)
    try:
        park = park_service.readable_park(session, principal, interest.park_id, what="interest")
    except NotFound as exc:
        raise NotFound("There is no interest with this id.") from exc
    return InterestAccess(interest, park)


ReadableInterest = Annotated[InterestAccess, Depends(readable_interest)]


async def writable_interest(
    access: ReadableInterest, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> InterestAccess:
    require(principal, Action.park_write, access.park.province)
    check_if_match(if_match, access.interest.version)
    return access


WritableInterest = Annotated[InterestAccess, Depends(writable_interest)]
