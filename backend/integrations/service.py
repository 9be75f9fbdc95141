"""The park status: what integrations poll. Its version is the position of the newest change to
anything of the park in the change log, so ``If-None-Match`` is answered with one indexed
lookup, without computing the status."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, select
from sqlmodel import Session

from backend.assessments import service as assessment_service
from backend.changes import service as changes
from backend.core.errors import NotFound
from backend.core.pagination import keyset, page_of
from backend.integrations.models import (
    ParkStatus,
    StatusInterest,
    StatusOrganisatiegraad,
    StatusOrganisation,
)
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.parks import service as park_service
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

PHASES = project_service.PHASES
TOP_INTERESTS = 3


class StatusFacts(Protocol):
    """What the status shows of the park itself (a ``Park`` has it, and so has a
    ``StatusPark``)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def name(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def updated_at(self) -> datetime: ...


@dataclass(frozen=True)
class StatusPark:
    """A park as the status needs it, with the position of its newest change (None: none)."""

    id: uuid.UUID
    name: str
    province: str
    updated_at: datetime
    position: int | None


_PARKS = park_service.parks_table()
_STATUS_PARK = select(
    _PARKS.c.id,
    _PARKS.c.name,
    _PARKS.c.province,
    _PARKS.c.updated_at,
    changes.latest_position_subquery(_PARKS.c.id).label("position"),
).where(_PARKS.c.id == bindparam("park_id", type_=_PARKS.c.id.type))


def status_park(session: Session, park_id: uuid.UUID) -> StatusPark:
    """The park and its newest change position in one statement: all that the ETag (and so a
    304) needs; not the park's whole row."""
    row = session.connection().execute(_STATUS_PARK, {"park_id": park_id}).first()
    if row is None:
        raise NotFound("There is no park with this id.")
    position = None if row.position is None else int(row.position)
    return StatusPark(row.id, row.name, row.province, row.updated_at, position)


def status_version(session: Session, park: StatusPark) -> tuple[int, datetime]:
    """(position, moment) of the park's newest change; (0, its updated_at) without one."""
    if park.position is None:
        return 0, park.updated_at
    moment = changes.occurred_at_of(session, [park.position]).get(park.position)
    return park.position, moment or park.updated_at


def park_status(
    session: Session, park: StatusFacts, language: str, version: tuple[int, datetime]
) -> ParkStatus:
    position, updated_at = version
    assessment = assessment_service.latest(session, park.id)
    shared = interest_service.top_shared_interests(
        session, park.id, min_stakeholders=2, limit=TOP_INTERESTS
    )
    projects = dict.fromkeys(PHASES, 0)
    for p in project_service.park_project_summaries(session, park.id):
        projects[p.phase] = projects.get(p.phase, 0) + 1
    graad = None
    if assessment is not None:
        graad = StatusOrganisatiegraad(
            score=float(assessment.score),
            level=assessment.level,
            level_name=assessment_service.level_text(assessment.level, language)[0],
            assessed_at=assessment.created_at,
        )
    return ParkStatus(
        park_id=park.id,
        name=park.name,
        province=park.province,
        organisatiegraad=graad,
        organisations=[
            StatusOrganisation(form=o.form, name=o.name)
            for o in organisation_service.park_organisation_summaries(session, park.id)
        ],
        shared_interests=[
            StatusInterest(
                theme_code=r.tally.theme_code,
                stakeholder_count=r.tally.stakeholder_count,
                score=r.score,
            )
            for r in shared
        ],
        projects=projects,
        stakeholders=dict(sorted(stakeholder_service.counts_by_kind(session, park.id).items())),
        updated_at=updated_at,
        status_version=position,
    )


def list_statuses(
    session: Session,
    *,
    provinces: frozenset[str] | None,
    province: str | None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
    language: str,
) -> tuple[list[ParkStatus], str | None]:
    """The status of many parks, ordered by their newest change (so a dashboard that keeps the
    last ``next_cursor`` gets only what changed since)."""
    table = park_service.parks_table()
    latest = changes.latest_position_subquery(table.c.id).label("position")
    inner = select(table.c.id, latest)
    if province is not None:
        inner = inner.where(table.c.province == province)
    if provinces is not None:
        inner = inner.where(table.c.province.in_(sorted(provinces)))
    sub = inner.subquery()
    stmt = select(sub.c.id, sub.c.position).where(sub.c.position.is_not(None))
    if updated_since is not None:
        stmt = stmt.where(changes.changed_after(sub.c.position, updated_since))
    stmt = keyset(stmt, [sub.c.position, sub.c.id], "status", cursor, limit)
    rows = session.execute(stmt).all()
    page, next_cursor = page_of(rows, limit, "status", lambda r: [r.position, r.id])
    moments = changes.occurred_at_of(session, [r.position for r in page])
    parks = park_service.parks_by_id(session, [r.id for r in page])
    statuses = [
        park_status(session, parks[r.id], language, (r.position, moments[r.position]))
        for r in page
        if r.id in parks
    ]
    return statuses, next_cursor
