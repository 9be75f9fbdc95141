"""The park overview: every step of the guidance in one answer, counted in SQL by the domains
that own the data (a handful of aggregate queries, whatever the size of the park)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from backend.assessments import service as assessment_service
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.overview import next_step as rules
from backend.overview.models import (
    HistoryPoint,
    InventoryBlock,
    OrganisatiegraadBlock,
    OrganisationBlock,
    OrganisationRef,
    ParkOverview,
    ProjectRef,
    ProjectsBlock,
    RegisterData,
    SharedInterestsBlock,
    Todo,
    TopInterest,
)
from backend.parks.service import Park
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

PHASES = project_service.PHASES
LATER = ("business_case", "realisation", "operation")


def park_overview(
    session: Session, park: Park, language: str, today: date | None = None
) -> ParkOverview:
    today = today or date.today()
    inventory = stakeholder_service.park_inventory(session, park.id, today - timedelta(days=365))
    interviewed = interest_service.interviewed_by_kind(session, park.id)
    shared = interest_service.shared_interests(
        session, park.id, min_stakeholders=2, track=None, language=language
    )
    projects = project_service.park_project_summaries(session, park.id)
    organisations = organisation_service.park_organisation_summaries(session, park.id)
    advice = organisation_service.saved_advice_summary(session, park.id)
    history = assessment_service.history(session, park.id)

    by_phase = dict.fromkeys(PHASES, 0)
    for p in projects:
        by_phase[p.phase] = by_phase.get(p.phase, 0) + 1
    running = [p for p in projects if p.phase != "stopped"]
    furthest = max(running, key=lambda p: PHASES.index(p.phase), default=None)
    uncovered = next((i for i in shared.items if not i.covered_by_project), None)
    top_uncovered = uncovered.theme_name if uncovered is not None and uncovered.rank == 1 else None
    entrepreneurs = inventory.by_kind.get("entrepreneur", 0)
    situation = rules.Situation(
        stakeholders=sum(inventory.by_kind.values()),
        entrepreneurs=entrepreneurs,
        entrepreneurs_interviewed=interviewed.get("entrepreneur", 0),
        shared_interests=len(shared.items),
        uncovered_top_theme=top_uncovered,
        running_projects=len(running),
        projects_at_business_case_or_later=sum(p.phase in LATER for p in running),
        first_running_project=running[0].title if running else None,
        organisations=len(organisations),
        last_assessment=history[-1][0].date() if history else None,
        open_follow_ups=inventory.open_follow_ups,
        today=today,
    )
    todos = rules.todos(situation, language)

    def todo(*codes: str) -> Todo | None:
        return next((todos[c] for c in codes if c in todos), None)

    last = history[-1] if history else None
    level_name = assessment_service.level_text(last[2], language)[0] if last else None
    return ParkOverview(
        park_id=park.id,
        language=language,
        next_step=rules.next_step(situation, language),
        park=RegisterData(
            id=park.id,
            name=park.name,
            municipality=park.municipality,
            province=park.province,
            ibis_id=park.ibis_id,
            area_ha=park.area_ha,
            company_count=park.company_count,
            latitude=park.latitude,
            longitude=park.longitude,
        ),
        inventory=InventoryBlock(
            stakeholders=situation.stakeholders,
            by_kind=dict(sorted(inventory.by_kind.items())),
            entrepreneurs=entrepreneurs,
            interviewed=sum(interviewed.values()),
            entrepreneurs_interviewed=situation.entrepreneurs_interviewed,
            spoken_to_last_12_months=inventory.reached_since,
            reachable=inventory.reachable,
            last_contact=inventory.last_contact,
            open_follow_ups=inventory.open_follow_ups,
            todo=todo("add_stakeholders", "interview", "follow_up"),
        ),
        shared_interests=SharedInterestsBlock(
            count=len(shared.items),
            top=[
                TopInterest(
                    theme_code=i.theme_code,
                    theme_name=i.theme_name,
                    score=i.score,
                    stakeholder_count=i.stakeholder_count,
                    covered_by_project=i.covered_by_project,
                )
                for i in shared.items[:3]
            ],
            todo=todo("find_shared_interests"),
        ),
        projects=ProjectsBlock(
            total=len(projects),
            by_phase=by_phase,
            furthest=ProjectRef(id=furthest.id, title=furthest.title, phase=furthest.phase)
            if furthest
            else None,
            todo=todo("start_project", "business_case"),
        ),
        organisation=OrganisationBlock(
            organisations=[
                OrganisationRef(id=o.id, form=o.form, name=o.name) for o in organisations
            ],
            advice_first_form=advice.first_form if advice else None,
            advice_saved_at=advice.saved_at if advice else None,
            todo=todo("choose_organisation"),
        ),
        organisatiegraad=OrganisatiegraadBlock(
            score=float(last[1]) if last else None,
            level=last[2] if last else None,
            level_name=level_name,
            assessed_at=last[0] if last else None,
            history=[HistoryPoint(assessed_at=a, score=float(s), level=lv) for a, s, lv in history],
            todo=todo("assess", "reassess"),
        ),
    )
