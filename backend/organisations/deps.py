"""Route dependencies that hand an endpoint an organisation, or a park's saved advice answers,
that the caller may use (``auth/policy.py``).

- ``ReadableOrganisation``: an organisation of a park the caller may read (404 otherwise).
- ``WritableOrganisation``: one the caller may also write, and ``If-Match`` matches (412).
- ``WritableAdviceAnswers``: a park the caller may write in, with its saved answers (if any)
  whose version matches ``If-Match`` (``"0"`` before the first save).
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
from backend.organisations import service
from backend.organisations.models import Organisation, OrganisationAdvice
from backend.parks import service as park_service
from backend.parks.deps import ParkToWriteIn
from backend.parks.service import Park


@dataclass(frozen=True)
class OrganisationAccess:
    organisation: Organisation
    park: Park


def readable_organisation(
    organisation_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> OrganisationAccess:
    organisation = service.get_organisation(session, organisation_id)
    try:
        park = park_service.readable_park(
            session, principal, organisation.park_id, what="organisation"
        )
    except NotFound as exc:
        raise NotFound("There is no organisation with this id.") from exc
    return OrganisationAccess(organisation, park)


ReadableOrganisation = Annotated[OrganisationAccess, Depends(readable_organisation)]


async def writable_organisation(
    access: ReadableOrganisation, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> OrganisationAccess:
    require(principal, Action.park_write, access.park.province)
    check_if_match(if_match, access.organisation.version)
    return access


WritableOrganisation = Annotated[OrganisationAccess, Depends(writable_organisation)]


@dataclass(frozen=True)
class AdviceAnswersAccess:
    park: Park
    saved: OrganisationAdvice | None


def writable_advice_answers(
    park: ParkToWriteIn, session: SessionDep, if_match: IfMatchHeader = None
) -> AdviceAnswersAccess:
    saved = service.saved_advice(session, park.id)
    check_if_match(if_match, saved.version if saved else 0)
    return AdviceAnswersAccess(park, saved)


WritableAdviceAnswers = Annotated[AdviceAnswersAccess, Depends(writable_advice_answers)]
