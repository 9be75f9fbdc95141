"""Assessments of the organisatiegraad: the facts the data shows, the rubric's result, the
history. An assessment is kept as it was computed (see ``rubric.py``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from backend.assessments import rubric
from backend.assessments.models import (
    Assessment,
    AssessmentAnswers,
    AssessmentCreate,
    AssessmentPublic,
    ComponentPublic,
    Rubric,
    RubricComponent,
    RubricLevel,
    RubricPoint,
    RubricScore,
)
from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import NotFound
from backend.core.pagination import keyset, page_of
from backend.core.types import utcnow
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.parks.service import Park
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

ASSESSMENT = changes.Tracked("assessment", ("rubric_version", "score", "level"))
REACH_DAYS = 365


def park_facts(session: Session, park_id: uuid.UUID, today: date) -> rubric.ParkFacts:
    inventory = stakeholder_service.park_inventory(
        session, park_id, today - timedelta(days=REACH_DAYS)
    )
    organisations = organisation_service.park_organisation_summaries(session, park_id)
    projects = project_service.park_project_summaries(session, park_id)
    tracks = {t.code: t.track.value for t in interest_service.all_themes(session)}
    running = [p for p in projects if p.phase != "stopped"]
    return rubric.ParkFacts(
        core_team_members=inventory.by_role.get("core_team", 0),
        board_members=inventory.by_role.get("board", 0),
        forms=tuple(sorted({o.form for o in organisations})),
        organisations_with_core_team=sum(o.has_core_team for o in organisations),
        organisations_with_board=sum(o.has_board for o in organisations),
        park_manager_stakeholders=inventory.by_kind.get("park_manager", 0),
        reachable=inventory.reachable,
        reached=inventory.reached_since,
        projects_in_operation=sum(p.phase == "operation" for p in projects),
        projects_in_realisation=sum(p.phase == "realisation" for p in projects),
        running_tracks=tuple(
            sorted({tracks[c] for p in running for c in p.theme_codes if c in tracks})
        ),
        outside_reached=tuple(
            k for k in inventory.kinds_reached_since if k in rubric.OUTSIDE_KINDS
        ),
    )


def create_assessment(
    session: Session,
    actor: Actor,
    park: Park,
    data: AssessmentCreate,
    *,
    at: datetime | None = None,
) -> Assessment:
    at = at or utcnow()
    answers = data.answers.model_dump()
    marks = {point: answers[point]["score"] for point in rubric.POINTS}
    result = rubric.assess(marks, park_facts(session, park.id, at.date()))
    assessment = Assessment(
        park_id=park.id,
        rubric_version=rubric.RUBRIC_VERSION,
        answers=answers,
        score=result.score,
        level=result.level,
        components=[
            {"code": c.code, "points": str(c.points), "max_points": c.max_points, "facts": c.facts}
            for c in result.components
        ],
        created_at=at,
        created_by=actor.label,
    )
    session.add(assessment)
    changes.created(session, actor, ASSESSMENT, assessment, park_id=park.id)
    return assessment


def list_assessments(
    session: Session, park_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[Assessment], str | None]:
    stmt = select(Assessment).where(col(Assessment.park_id) == park_id)
    stmt = keyset(stmt, [col(Assessment.created_at), col(Assessment.id)], "created", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda a: [a.created_at, a.id])


def latest(session: Session, park_id: uuid.UUID) -> Assessment | None:
    return session.scalar(
        select(Assessment)
        .where(col(Assessment.park_id) == park_id)
        .order_by(col(Assessment.created_at).desc(), col(Assessment.id).desc())
        .limit(1)
    )


def latest_per_park() -> Any:
    """A subquery for overviews over many parks: each assessed park's newest assessment
    (``park_id``, ``level``, ``score``, ``assessed_at``)."""
    a = Assessment
    ranked = select(
        col(a.park_id).label("park_id"),
        col(a.level).label("level"),
        col(a.score).label("score"),
        col(a.created_at).label("assessed_at"),
        func.row_number()
        .over(partition_by=col(a.park_id), order_by=(col(a.created_at).desc(), col(a.id).desc()))
        .label("n"),
    ).subquery("ranked_assessments")
    return (
        select(ranked.c.park_id, ranked.c.level, ranked.c.score, ranked.c.assessed_at)
        .where(ranked.c.n == 1)
        .subquery("latest_assessment")
    )


def level_names(language: str) -> dict[int, str]:
    """Every level of the organisatiegraad and its name."""
    return {i: name.in_(language) for i, (_, name, _) in enumerate(rubric.LEVELS)}


def latest_or_404(session: Session, park_id: uuid.UUID) -> Assessment:
    found = latest(session, park_id)
    if found is None:
        raise NotFound("This park has not been assessed yet; POST an assessment to make one.")
    return found


def history(session: Session, park_id: uuid.UUID) -> list[tuple[datetime, Decimal, int]]:
    """(when, score, level) of every assessment of the park, oldest first."""
    rows = session.execute(
        select(col(Assessment.created_at), col(Assessment.score), col(Assessment.level))
        .where(col(Assessment.park_id) == park_id)
        .order_by(col(Assessment.created_at), col(Assessment.id))
    )
    return [(at, Decimal(score), level) for at, score, level in rows]


def level_text(level: int, language: str) -> tuple[str, str]:
    _, name, meaning = rubric.LEVELS[level]
    return name.in_(language), meaning.in_(language)


def to_public(a: Assessment, language: str) -> AssessmentPublic:
    name, meaning = level_text(a.level, language)
    return AssessmentPublic(
        id=a.id,
        park_id=a.park_id,
        rubric_version=a.rubric_version,
        answers=AssessmentAnswers.model_validate(a.answers),
        score=float(a.score),
        level=a.level,
        level_name=name,
        level_meaning=meaning,
        components=[_component(c, language) for c in a.components],
        created_at=a.created_at,
        created_by=a.created_by,
    )


def _component(stored: dict[str, Any], language: str) -> ComponentPublic:
    code = stored["code"]
    text = rubric.COMPONENT_TEXTS.get(code)
    return ComponentPublic(
        code=code,
        name=text.in_(language) if text else code,
        points=float(Decimal(stored["points"])),
        max_points=stored["max_points"],
        explanation=rubric.explain(code, stored["facts"], language),
        facts=stored["facts"],
    )


def rubric_public(language: str) -> Rubric:
    return Rubric(
        version=rubric.RUBRIC_VERSION,
        language=language,
        points=[
            RubricPoint(
                code=code,
                title=texts["title"].in_(language),
                question=texts["question"].in_(language),
                examples=[RubricScore(score=int(s), text=texts[s].in_(language)) for s in "024"],
            )
            for code, texts in rubric.POINT_TEXTS.items()
        ],
        expert_points=int(rubric.EXPERT_POINTS),
        components=[
            RubricComponent(
                code=code, name=rubric.COMPONENT_TEXTS[code].in_(language), max_points=m
            )
            for code, m in rubric.MAX_POINTS.items()
        ],
        levels=[
            RubricLevel(level=i, from_score=t, name=n.in_(language), meaning=m.in_(language))
            for i, (t, n, m) in enumerate(rubric.LEVELS)
        ],
        description=rubric.__doc__ or "",
    )


# A deleted park's assessments go with it (the database cascades): tombstones.
changes.cascades("park", "assessment", Assessment)
