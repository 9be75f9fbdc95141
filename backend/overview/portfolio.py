"""Overviews over many parks: the province overview (``GET /overview``) and a user's start page
(``GET /my-work``).

Both are counted in SQL, whatever the number of stakeholders, interests and contact moments
behind them: each domain gives a subquery with one row per park (its stakeholders and contacts,
the interviewed, the newest assessment, projects per phase, organisations per form), joined here
to the parks and, for the province figures, grouped by province in the same statement.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, Select, and_, bindparam, case, func, literal, or_, select
from sqlmodel import Session

from backend.assessments import service as assessment_service
from backend.changes import service as changes
from backend.core.pagination import keyset, page_of
from backend.core.regions import Province, municipalities, provinces
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.overview.models import (
    ActivityItem,
    LevelCount,
    MyWork,
    ParkRow,
    ProvinceFigures,
    ProvinceOverview,
    StakeholderFigures,
)
from backend.parks import service as park_service
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

PHASES = project_service.PHASES
STALE_AFTER = timedelta(days=365)
MY_PARKS = 12
NEEDS_ASSESSMENT = 8
RECENT_ACTIVITY = 12


@dataclass(frozen=True)
class Scope:
    """Which parks an overview counts: ``provinces`` (None: all) narrowed to ``province``."""

    provinces: frozenset[str] | None
    province: str | None = None

    def where(self, province_column: Any) -> list[Any]:
        out = []
        if self.provinces is not None:
            out.append(province_column.in_(sorted(self.provinces)))
        if self.province is not None:
            out.append(province_column == self.province)
        return out


def _park_rows_statement(scope: Scope, today: date) -> tuple[Select[Any], dict[str, Any]]:
    parks = park_service.parks_table()
    activity = stakeholder_service.activity_per_park(today)
    interviewed = interest_service.interviewed_per_park()
    latest = assessment_service.latest_per_park()
    phases = project_service.phases_per_park()
    running = (
        select(phases.c.park_id, func.sum(phases.c.projects).label("running"))
        .where(phases.c.phase != "stopped")
        .group_by(phases.c.park_id)
        .subquery("running_projects")
    )
    forms = organisation_service.forms_per_park()
    organisations = (
        select(forms.c.park_id, func.sum(forms.c.organisations).label("organisations"))
        .group_by(forms.c.park_id)
        .subquery("park_organisations")
    )
    columns = {
        "stakeholders": func.coalesce(activity.c.stakeholders, 0),
        "interviewed": func.coalesce(interviewed.c.interviewed, 0),
        "last_contact": activity.c.last_contact,
        "open_follow_ups": func.coalesce(activity.c.open_follow_ups, 0),
        "overdue_follow_ups": func.coalesce(activity.c.overdue_follow_ups, 0),
        "level": latest.c.level,
        "score": latest.c.score,
        "assessed_at": latest.c.assessed_at,
        "projects_running": func.coalesce(running.c.running, 0),
        "organisations": func.coalesce(organisations.c.organisations, 0),
    }
    stmt = (
        select(
            parks.c.id,
            parks.c.name,
            parks.c.sort_name,
            parks.c.municipality,
            parks.c.municipality_code,
            parks.c.province,
            parks.c.latitude,
            parks.c.longitude,
            *(c.label(name) for name, c in columns.items()),
        )
        .select_from(parks)
        .outerjoin(activity, activity.c.park_id == parks.c.id)
        .outerjoin(interviewed, interviewed.c.park_id == parks.c.id)
        .outerjoin(latest, latest.c.park_id == parks.c.id)
        .outerjoin(running, running.c.park_id == parks.c.id)
        .outerjoin(organisations, organisations.c.park_id == parks.c.id)
        .where(*scope.where(parks.c.province))
    )
    return stmt, columns


def _active(columns: dict[str, Any]) -> Any:
    """A park where the work has started: stakeholders, an assessment, a project or an
    organisation."""
    return or_(
        columns["stakeholders"] > 0,
        columns["level"].is_not(None),
        columns["projects_running"] > 0,
        columns["organisations"] > 0,
    )


def _row(r: Any, levels: dict[int, str]) -> ParkRow:
    where = park_service.location(r.latitude, r.longitude, r.municipality, r.municipality_code)
    return ParkRow(
        id=r.id,
        name=r.name,
        municipality=r.municipality,
        province=r.province,
        latitude=where[0] if where else None,
        longitude=where[1] if where else None,
        approximate_location=where[2] if where else False,
        stakeholders=int(r.stakeholders),
        interviewed=int(r.interviewed),
        last_contact=r.last_contact,
        open_follow_ups=int(r.open_follow_ups),
        overdue_follow_ups=int(r.overdue_follow_ups),
        level=r.level,
        level_name=levels[r.level] if r.level is not None else None,
        score=float(r.score) if r.score is not None else None,
        assessed_at=r.assessed_at,
        projects_running=int(r.projects_running),
        organisations=int(r.organisations),
    )


# --- the register with figures -----------------------------------------------------------------


class RegisterSort(StrEnum):
    name = "name"  # A–Z
    stakeholders = "stakeholders"  # most first
    interviewed = "interviewed"  # most first
    level = "level"  # highest organisatiegraad first, never assessed last
    last_contact = "last_contact"  # longest ago first, never contacted first


_NEVER = date(1900, 1, 1)


def register_page(
    session: Session,
    scope: Scope,
    language: str,
    *,
    q: str | None,
    active_only: bool,
    sort: RegisterSort,
    cursor: str | None,
    limit: int,
    today: date | None = None,
) -> tuple[list[ParkRow], str | None, int]:
    """A page of parks with their figures, sorted by name or a figure (keyset paging, the name
    and id breaking ties), and how many parks match in all."""
    today = today or date.today()
    levels = assessment_service.level_names(language)
    rows, columns = _park_rows_statement(scope, today)
    parks = park_service.parks_table()
    if q:
        rows = rows.where(park_service.name_matches(parks.c.name, q))
    if active_only:
        rows = rows.where(_active(columns))
    total = int(session.scalar(select(func.count()).select_from(rows.subquery())) or 0)
    first: Any = {
        RegisterSort.name: None,
        RegisterSort.stakeholders: -columns["stakeholders"],
        RegisterSort.interviewed: -columns["interviewed"],
        RegisterSort.level: -func.coalesce(columns["level"], -1),
        RegisterSort.last_contact: func.coalesce(
            columns["last_contact"], bindparam("never", _NEVER, type_=Date)
        ),
    }[sort]
    keys = [k for k in (first, parks.c.sort_name, parks.c.id) if k is not None]
    labelled = [k.label(f"k{i}") for i, k in enumerate(keys)]
    page_rows = session.execute(
        keyset(rows.add_columns(*labelled), keys, f"register-{sort.value}", cursor, limit)
    ).all()
    page, next_cursor = page_of(
        page_rows,
        limit,
        f"register-{sort.value}",
        lambda r: [getattr(r, f"k{i}") for i in range(len(keys))],
    )
    return [_row(r, levels) for r in page], next_cursor, total


# --- the province overview ----------------------------------------------------------------------


def _figures(
    province: str,
    name: str,
    counts: Any,
    by_level: dict[int | None, int],
    phases: dict[str, int],
    forms: dict[str, int],
    levels: dict[int, str],
    never: str,
) -> ProvinceFigures:
    centre = _centre(province)
    return ProvinceFigures(
        province=province,
        province_name=name,
        parks=int(counts.parks or 0) if counts is not None else 0,
        active_parks=int(counts.active_parks or 0) if counts is not None else 0,
        stakeholders=int(counts.stakeholders or 0) if counts is not None else 0,
        interviewed=int(counts.interviewed or 0) if counts is not None else 0,
        assessed_parks=sum(n for level, n in by_level.items() if level is not None),
        by_level=[
            LevelCount(level=level, name=levels[level], parks=by_level.get(level, 0))
            for level in sorted(levels)
        ]
        + [LevelCount(level=None, name=never, parks=by_level.get(None, 0))],
        projects_by_phase={phase: phases.get(phase, 0) for phase in PHASES},
        organisations_by_form=dict(sorted(forms.items())),
        latitude=centre[0],
        longitude=centre[1],
    )


@lru_cache
def _centre(province: str) -> tuple[float, float]:
    """The middle of the province's municipalities: where a map puts the province."""
    places = [m for m in municipalities().values() if m.province == province]
    return (
        round(sum(m.latitude for m in places) / len(places), 5),
        round(sum(m.longitude for m in places) / len(places), 5),
    )


NEVER_ASSESSED = {"nl": "Nooit gemeten", "en": "Never assessed"}
ALL_PROVINCES = {"nl": "Alle provincies", "en": "All provinces"}


def province_overview(
    session: Session, scope: Scope, language: str, today: date | None = None
) -> ProvinceOverview:
    today = today or date.today()
    levels = assessment_service.level_names(language)
    rows, columns = _park_rows_statement(scope, today)
    per_park = rows.subquery("per_park")
    active = _active({name: per_park.c[name] for name in columns})
    counts = session.execute(
        select(
            per_park.c.province,
            func.count().label("parks"),
            func.sum(case((active, 1), else_=0)).label("active_parks"),
            func.sum(per_park.c.stakeholders).label("stakeholders"),
            func.sum(per_park.c.interviewed).label("interviewed"),
        ).group_by(per_park.c.province)
    ).all()
    level_rows = session.execute(
        select(per_park.c.province, per_park.c.level, func.count())
        .where(active)
        .group_by(per_park.c.province, per_park.c.level)
    ).all()
    parks = park_service.parks_table()
    phase_sub = project_service.phases_per_park()
    phase_rows = session.execute(
        select(parks.c.province, phase_sub.c.phase, func.sum(phase_sub.c.projects))
        .join(phase_sub, phase_sub.c.park_id == parks.c.id)
        .where(*scope.where(parks.c.province))
        .group_by(parks.c.province, phase_sub.c.phase)
    ).all()
    form_sub = organisation_service.forms_per_park()
    form_rows = session.execute(
        select(parks.c.province, form_sub.c.form, func.sum(form_sub.c.organisations))
        .join(form_sub, form_sub.c.park_id == parks.c.id)
        .where(*scope.where(parks.c.province))
        .group_by(parks.c.province, form_sub.c.form)
    ).all()

    by_province = {r.province: r for r in counts}
    levels_of: dict[str, dict[int | None, int]] = {}
    for province, level, n in level_rows:
        levels_of.setdefault(province, {})[level] = int(n)
    phases_of: dict[str, dict[str, int]] = {}
    for province, phase, n in phase_rows:
        phases_of.setdefault(province, {})[phase] = int(n)
    forms_of: dict[str, dict[str, int]] = {}
    for province, form, n in form_rows:
        forms_of.setdefault(province, {})[form] = int(n)

    names = provinces()
    wanted = (
        [scope.province]
        if scope.province
        else sorted(
            (str(p) for p in names if scope.provinces is None or str(p) in scope.provinces),
            key=lambda p: names[Province(p)].name,
        )
    )
    never = NEVER_ASSESSED.get(language, NEVER_ASSESSED["en"])
    figures = [
        _figures(
            p,
            names[Province(p)].name,
            by_province.get(p),
            levels_of.get(p, {}),
            phases_of.get(p, {}),
            forms_of.get(p, {}),
            levels,
            never,
        )
        for p in wanted
    ]
    totals = _sum(figures, scope.province, language)

    park_rows = None
    if scope.province is not None:
        listed = session.execute(
            rows.where(_active(columns)).order_by(
                columns["level"].desc().nulls_last(), parks.c.sort_name, parks.c.id
            )
        ).all()
        park_rows = [_row(r, levels) for r in listed]
    return ProvinceOverview(
        province=scope.province,
        language=language,
        totals=totals,
        provinces=figures,
        parks=park_rows,
    )


def _sum(figures: list[ProvinceFigures], province: str | None, language: str) -> ProvinceFigures:
    if province is not None and len(figures) == 1:
        return figures[0]

    def add(dicts: Iterable[dict[str, int]]) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in dicts:
            for k, v in d.items():
                out[k] = out.get(k, 0) + v
        return out

    levels: dict[int | None, LevelCount] = {}
    for f in figures:
        for lc in f.by_level:
            if lc.level in levels:
                levels[lc.level].parks += lc.parks
            else:
                levels[lc.level] = lc.model_copy()
    return ProvinceFigures(
        province="",
        province_name=ALL_PROVINCES.get(language, ALL_PROVINCES["en"]),
        parks=sum(f.parks for f in figures),
        active_parks=sum(f.active_parks for f in figures),
        stakeholders=sum(f.stakeholders for f in figures),
        interviewed=sum(f.interviewed for f in figures),
        assessed_parks=sum(f.assessed_parks for f in figures),
        by_level=list(levels.values()),
        projects_by_phase=add(f.projects_by_phase for f in figures),
        organisations_by_form=dict(sorted(add(f.organisations_by_form for f in figures).items())),
        latitude=None,
        longitude=None,
    )


def export_rows(
    session: Session, scope: Scope, language: str, today: date | None = None
) -> list[ParkRow]:
    """Every park in scope (active or not), by province and name: what the export writes."""
    today = today or date.today()
    levels = assessment_service.level_names(language)
    rows, _ = _park_rows_statement(scope, today)
    parks = park_service.parks_table()
    listed = session.execute(rows.order_by(parks.c.province, parks.c.sort_name, parks.c.id)).all()
    return [_row(r, levels) for r in listed]


# --- the start page -----------------------------------------------------------------------------


def my_work(
    session: Session,
    scope: Scope,
    language: str,
    *,
    works_on_parks: bool,
    today: date | None = None,
) -> MyWork:
    today = today or date.today()
    levels = assessment_service.level_names(language)
    rows, columns = _park_rows_statement(scope, today)
    parks = park_service.parks_table()
    active = _active(columns)
    latest_change = changes.latest_position_subquery(parks.c.id)
    mine = session.execute(
        rows.where(active)
        .order_by(latest_change.desc().nulls_last(), parks.c.sort_name, parks.c.id)
        .limit(MY_PARKS)
    ).all()

    per_park = rows.subquery("per_park")
    per_active = _active({name: per_park.c[name] for name in columns})
    stale_before = datetime.combine(today - STALE_AFTER, datetime.min.time(), tzinfo=UTC)
    is_stale = or_(per_park.c.assessed_at.is_(None), per_park.c.assessed_at < stale_before)
    counts = session.execute(
        select(
            func.count().label("active"),
            func.coalesce(func.sum(per_park.c.open_follow_ups), 0).label("open"),
            func.coalesce(func.sum(per_park.c.overdue_follow_ups), 0).label("overdue"),
            func.coalesce(
                func.sum(case((and_(per_park.c.stakeholders > 0, is_stale), 1), else_=0)), 0
            ).label("stale"),
        ).where(per_active)
    ).one()
    needing = session.execute(
        rows.where(
            columns["stakeholders"] > 0,
            or_(columns["assessed_at"].is_(None), columns["assessed_at"] < stale_before),
        )
        .order_by(
            case((columns["assessed_at"].is_(None), literal(0)), else_=literal(1)),
            columns["assessed_at"],
            columns["stakeholders"].desc(),
            parks.c.sort_name,
        )
        .limit(NEEDS_ASSESSMENT)
    ).all()
    return MyWork(
        scope=sorted(scope.provinces) if scope.provinces is not None else None,
        active_parks=int(counts.active),
        parks=[_row(r, levels) for r in mine],
        open_follow_ups=int(counts.open) if works_on_parks else None,
        overdue_follow_ups=int(counts.overdue) if works_on_parks else None,
        stale_assessments=int(counts.stale),
        needs_assessment=[_row(r, levels) for r in needing],
        recent_activity=recent_activity(session, scope),
    )


_LABELLED = {
    "stakeholder": stakeholder_service.names_by_id,
    "project": project_service.titles_by_id,
    "organisation": organisation_service.names_by_id,
}


def recent_activity(
    session: Session, scope: Scope, limit: int = RECENT_ACTIVITY
) -> list[ActivityItem]:
    """The newest changes to parks in scope and what hangs under them (from the audit trail,
    without the values: those may hold personal data)."""
    parks = park_service.parks_table()
    in_scope = select(parks.c.id).where(*scope.where(parks.c.province))
    rows = changes.recent_events(session, in_scope, limit)
    park_ids = list({r.park_id for r in rows})
    names = (
        dict(
            session.execute(select(parks.c.id, parks.c.name).where(parks.c.id.in_(park_ids))).all()
        )
        if park_ids
        else {}
    )
    labels: dict[uuid.UUID, str] = {}
    for entity_type, find in _LABELLED.items():
        labels.update(find(session, [r.entity_id for r in rows if r.entity_type == entity_type]))
    return [
        ActivityItem(
            occurred_at=r.occurred_at,
            actor=r.actor_label,
            action=r.action,
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            label=labels.get(r.entity_id),
            park_id=r.park_id,
            park_name=names.get(r.park_id, ""),
        )
        for r in rows
        if r.park_id in names
    ]


def stakeholder_figures(
    session: Session, park_id: uuid.UUID, today: date | None = None
) -> list[StakeholderFigures]:
    today = today or date.today()
    contacts = stakeholder_service.contact_figures(session, park_id, today)
    interests = interest_service.interest_counts(session, park_id)
    out = []
    for sid in sorted(set(contacts) | set(interests), key=str):
        c = contacts.get(sid)
        out.append(
            StakeholderFigures(
                stakeholder_id=sid,
                interests=interests.get(sid, 0),
                last_contact=c.last_contact if c else None,
                open_follow_ups=int(c.open_follow_ups or 0) if c else 0,
                overdue_follow_ups=int(c.overdue_follow_ups or 0) if c else 0,
            )
        )
    return out
