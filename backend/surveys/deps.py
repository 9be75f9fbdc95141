"""Route dependencies that hand an endpoint a survey (or its invitation or response) it may
use, as ``auth/policy.py`` decides.

- ``ReadableSurvey``: a survey of a park the caller may read (404 otherwise), and whether the
  caller may see personal data (contact persons) in that park.
- ``SurveyToWriteIn``: one the caller may write in (invite, review); ``WritableSurvey``: and
  ``If-Match`` matches (412).
- ``ReadableResponse`` / ``ResponseToReview``: a survey response, to read or to review.
- ``InvitationToRevoke``: an invitation of a survey the caller may write in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, allowed, require
from backend.core.db import SessionDep
from backend.core.errors import NotFound
from backend.core.etag import IfMatchHeader, check_if_match
from backend.parks import service as park_service
from backend.parks.service import Park
from backend.surveys import service
from backend.surveys.models import Invitation, Survey, SurveyResponse


@dataclass(frozen=True)
class SurveyAccess:
    survey: Survey
    park: Park
    personal: bool  # may see contact persons' data in this park


def _park_of(
    session: SessionDep, principal: CurrentPrincipal, park_id: uuid.UUID, what: str
) -> Park:
    try:
        return park_service.readable_park(session, principal, park_id, what=what)
    except NotFound as exc:
        raise NotFound(f"There is no {what} with this id.") from exc


def readable_survey(
    survey_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> SurveyAccess:
    survey = service.get_survey(session, survey_id)
    park = _park_of(session, principal, survey.park_id, "survey")
    return SurveyAccess(survey, park, allowed(principal, Action.personal_data_read, park.province))


ReadableSurvey = Annotated[SurveyAccess, Depends(readable_survey)]


async def survey_to_write_in(access: ReadableSurvey, principal: CurrentPrincipal) -> SurveyAccess:
    require(principal, Action.park_write, access.park.province)
    return access


SurveyToWriteIn = Annotated[SurveyAccess, Depends(survey_to_write_in)]


async def writable_survey(access: SurveyToWriteIn, if_match: IfMatchHeader = None) -> SurveyAccess:
    check_if_match(if_match, access.survey.version)
    return access


WritableSurvey = Annotated[SurveyAccess, Depends(writable_survey)]


@dataclass(frozen=True)
class ResponseAccess:
    response: SurveyResponse
    park: Park
    personal: bool


def readable_response(
    response_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> ResponseAccess:
    r = service.get_response(session, response_id)
    park = _park_of(session, principal, r.park_id, "survey response")
    return ResponseAccess(r, park, allowed(principal, Action.personal_data_read, park.province))


ReadableResponse = Annotated[ResponseAccess, Depends(readable_response)]


async def response_to_review(
    access: ReadableResponse, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> ResponseAccess:
    require(principal, Action.park_write, access.park.province)
    check_if_match(if_match, access.response.version)
    return access


ResponseToReview = Annotated[ResponseAccess, Depends(response_to_review)]


async def response_personal_data_erasable(
    access: ResponseToReview, principal: CurrentPrincipal
) -> ResponseAccess:
    require(principal, Action.personal_data_read, access.park.province)
    return access


ResponsePersonalDataErasable = Annotated[ResponseAccess, Depends(response_personal_data_erasable)]


def invitation_to_revoke(
    invitation_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> Invitation:
    inv = service.get_invitation(session, invitation_id)
    park = _park_of(session, principal, inv.park_id, "invitation")
    require(principal, Action.park_write, park.province)
    return inv


InvitationToRevoke = Annotated[Invitation, Depends(invitation_to_revoke)]
