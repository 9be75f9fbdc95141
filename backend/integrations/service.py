"""The park status: what integrations poll. Its version is the position of the newest change to
anything of the park in the change log, so ``If-None-Match`` is answered with one indexed
lookup, without computing the status."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from backend.assessments import service as assessment_service
from backend.changes import service as changes
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
from backend.parks.service import Park
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

PHASES = project_service.PHASES


def status_version(session: Session, park: Park) -> tuple[int, datetime]:
    latest = changes.latest_for_park(session, park.id)
    return latest if latest is not None else (0, park.updated_at)


def park_status(
    session: Session, park: Park, language: str, version: tuple[int, datetime] | None = None
) -> ParkStatus:
    position, updated_at = version or status_version(session, park)
    assessment = assessment_service.latest(session, park.id)
    shared = interest_service.shared_interests(
        session, park.id, min_stakeholders=2, track=None, language=language
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
                theme_code=i.theme_code, stakeholder_count=i.stakeholder_count, score=i.score
            )
            for i in shared.items[:3]
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


def get_park(session: Session, park_id: uuid.UUID) -> Park:
    return park_service.get_park(session, park_id)
