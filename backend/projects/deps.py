"""Route dependencies that hand an endpoint a project (or one of its participants) it may use,
as ``auth/policy.py`` decides.

- ``ReadableProject``: a project of a park the caller may read (404 otherwise).
- ``ProjectToWriteIn``: one the caller may write in (add participants, keep a business case).
- ``WritableProject``: the same, and ``If-Match`` matches the project's version (412).
- ``ReadableParticipant`` / ``WritableParticipant``: a participant of such a project.
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
from backend.parks import service as park_service
from backend.parks.service import Park
from backend.projects import service
from backend.projects.models import Participant, Project


@dataclass(frozen=True)
class ProjectAccess:
    project: Project
    park: Park


@dataclass(frozen=True)
class ParticipantAccess:
    participant: Participant
    project: Project
    park: Park


def readable_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> ProjectAccess:
    project = service.get_project(session, project_id)
    try:
        park = park_service.readable_park(session, principal, project.park_id, what="project")
    except NotFound as exc:
        raise NotFound("There is no project with this id.") from exc
    return ProjectAccess(project, park)


ReadableProject = Annotated[ProjectAccess, Depends(readable_project)]


async def project_to_write_in(
    access: ReadableProject, principal: CurrentPrincipal
) -> ProjectAccess:
    require(principal, Action.park_write, access.park.province)
    return access


ProjectToWriteIn = Annotated[ProjectAccess, Depends(project_to_write_in)]


async def writable_project(
    access: ProjectToWriteIn, if_match: IfMatchHeader = None
) -> ProjectAccess:
    check_if_match(if_match, access.project.version)
    return access


WritableProject = Annotated[ProjectAccess, Depends(writable_project)]


def readable_participant(
    participant_id: uuid.UUID, access: ReadableProject, session: SessionDep
) -> ParticipantAccess:
    participant = service.get_participant(session, access.project.id, participant_id)
    return ParticipantAccess(participant, access.project, access.park)


ReadableParticipant = Annotated[ParticipantAccess, Depends(readable_participant)]


async def writable_participant(
    access: ReadableParticipant, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> ParticipantAccess:
    require(principal, Action.park_write, access.park.province)
    check_if_match(if_match, access.participant.version)
    return access


WritableParticipant = Annotated[ParticipantAccess, Depends(writable_participant)]
