"""Rules for projects: creating one (also from a shared interest), its phase steps, its
participants and its business case; the themes the park's projects cover."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.core.types import utcnow
from backend.interests import service as interest_service
from backend.interests.service import CoveringProject
from backend.parks.service import Park
from backend.projects import business_case as bc
from backend.projects import phases
from backend.projects.models import (
    BusinessCase,
    BusinessCaseFigures,
    BusinessCaseInput,
    BusinessCasePublic,
    Commitment,
    CostSplit,
    CustomShareOut,
    Participant,
    ParticipantCreate,
    ParticipantPublic,
    ParticipantShare,
    ParticipantUpdate,
    PhaseChange,
    PhaseChangePublic,
    PhaseHistory,
    PhaseOption,
    PhaseRule,
    Project,
    ProjectCreate,
    ProjectPublic,
    ProjectUpdate,
    ShareBasis,
    TransitionRequest,
)
from backend.projects.models import OrganisationForm as OrganisationForm  # for other domains
from backend.projects.models import Phase as Phase  # for other domains
from backend.projects.phases import PHASES as PHASES  # for other domains
from backend.stakeholders import service as stakeholder_service

PROJECT_FIELDS = (
    "title", "description", "theme_codes", "phase", "organisation_form", "owner_stakeholder_id",
)  # fmt: skip
PARTICIPANT_FIELDS = ("stakeholder_id", "commitment", "contribution_eur")
BUSINESS_CASE_FIELDS = (
    "capex_eur", "opex_eur_per_year", "benefits_eur_per_year", "subsidy_eur", "lifetime_years",
    "discount_rate", "cost_split", "custom_shares",
)  # fmt: skip

PROJECT = changes.Tracked("project", PROJECT_FIELDS)
PARTICIPANT = changes.Tracked("project_participant", PARTICIPANT_FIELDS)
BUSINESS_CASE = changes.Tracked("business_case", BUSINESS_CASE_FIELDS)
COMMITTED = (Commitment.committed.value, Commitment.signed.value)


# --- what other domains may know -------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSummary:
    id: uuid.UUID
    title: str
    theme_codes: tuple[str, ...]
    phase: str
    organisation_form: str | None


def phases_per_park() -> Any:
    """A subquery for overviews over many parks: ``park_id``, ``phase``, ``projects``."""
    return (
        select(
            col(Project.park_id).label("park_id"),
            col(Project.phase).label("phase"),
            func.count().label("projects"),
        )
        .group_by(col(Project.park_id), col(Project.phase))
        .subquery("project_phases")
    )


def titles_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(col(Project.id), col(Project.title)).where(col(Project.id).in_(wanted))
    )
    return {i: t for i, t in rows}


def park_project_summaries(session: Session, park_id: uuid.UUID) -> list[ProjectSummary]:
    """Every project of the park (stopped ones too), oldest first."""
    rows = session.execute(
        select(
            col(Project.id),
            col(Project.title),
            col(Project.theme_codes),
            col(Project.phase),
            col(Project.organisation_form),
        )
        .where(col(Project.park_id) == park_id)
        .order_by(col(Project.created_at), col(Project.id))
    )
    return [ProjectSummary(i, t, tuple(codes or ()), p, f) for i, t, codes, p, f in rows]


@interest_service.covers_themes
def _covered(session: Session, park_id: uuid.UUID) -> dict[str, list[CoveringProject]]:
    covered: dict[str, list[CoveringProject]] = {}
    for p in park_project_summaries(session, park_id):
        if p.phase == Phase.stopped.value:
            continue
        for code in p.theme_codes:
            covered.setdefault(code, []).append(
                CoveringProject(id=p.id, title=p.title, phase=p.phase)
            )
    return covered


# --- projects --------------------------------------------------------------------------------


def to_public(p: Project) -> ProjectPublic:
    return ProjectPublic(
        id=p.id,
        park_id=p.park_id,
        title=p.title,
        description=p.description,
        theme_codes=list(p.theme_codes),
        phase=Phase(p.phase),
        organisation_form=OrganisationForm(p.organisation_form) if p.organisation_form else None,
        owner_stakeholder_id=p.owner_stakeholder_id,
        phase_changed_at=p.phase_changed_at,
        created_at=p.created_at,
        updated_at=p.updated_at,
        version=p.version,
    )


def get_project(session: Session, project_id: uuid.UUID) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound("There is no project with this id.")
    return project


def list_projects(
    session: Session,
    park_id: uuid.UUID,
    *,
    phase: Phase | None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Project], str | None]:
    stmt = select(Project).where(col(Project.park_id) == park_id)
    if phase is not None:
        stmt = stmt.where(col(Project.phase) == phase.value)
    if updated_since is not None:
        stmt = stmt.where(col(Project.updated_at) > updated_since)
        stmt = keyset(stmt, [col(Project.updated_at), col(Project.id)], "updated", cursor, limit)
        rows = session.scalars(stmt).all()
        return page_of(rows, limit, "updated", lambda p: [p.updated_at, p.id])
    stmt = keyset(stmt, [col(Project.created_at), col(Project.id)], "created", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda p: [p.created_at, p.id])


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(msg, errors=[{"loc": ["body", field], "msg": msg}])


def _check_themes(session: Session, codes: Sequence[str]) -> None:
    for i, code in enumerate(codes):
        interest_service.check_theme(session, code, field=f"theme_codes.{i}")


def _check_stakeholder_of(
    session: Session, park_id: uuid.UUID, stakeholder_id: uuid.UUID, field: str
) -> stakeholder_service.StakeholderFacts:
    facts = stakeholder_service.facts_of(session, [stakeholder_id]).get(stakeholder_id)
    if facts is None or facts.park_id != park_id:
        raise _invalid(field, "not a stakeholder of this project's park")
    return facts


def _history(
    session: Session, actor: Actor, project: Project, before: str | None, reason: str | None
) -> None:
    session.add(
        PhaseChange(
            project_id=project.id,
            from_phase=before,
            to_phase=project.phase,
            reason=reason,
            actor_kind=actor.kind,
            actor_id=actor.id,
            actor_label=actor.label,
            occurred_at=project.phase_changed_at,
        )
    )


def create_project(
    session: Session, actor: Actor, park: Park, data: ProjectCreate, language: str
) -> Project:
    codes = list(data.theme_codes or [])
    title = data.title
    interested: list[uuid.UUID] = []
    if data.from_theme is not None:
        interest_service.check_theme(session, data.from_theme, field="from_theme")
        if data.from_theme not in codes:
            codes.insert(0, data.from_theme)
        if title is None:
            theme = next(
                t for t in interest_service.all_themes(session) if t.code == data.from_theme
            )
            title = theme.name_nl if language == "nl" else theme.name_en
        interested = interest_service.stakeholders_interested_in(session, park.id, data.from_theme)
    if title is None:
        raise _invalid("title", "give a title (or start from a theme with from_theme)")
    if not codes:
        raise _invalid("theme_codes", "give at least one theme (or start from a theme)")
    _check_themes(session, codes)
    if data.owner_stakeholder_id is not None:
        _check_stakeholder_of(session, park.id, data.owner_stakeholder_id, "owner_stakeholder_id")
    project = Project(
        park_id=park.id,
        title=title,
        description=data.description or None,
        theme_codes=codes,
        phase=Phase.idea.value,
        organisation_form=data.organisation_form.value if data.organisation_form else None,
        owner_stakeholder_id=data.owner_stakeholder_id,
    )
    session.add(project)
    changes.created(session, actor, PROJECT, project, park_id=park.id)
    _history(session, actor, project, None, None)
    for sid in interested:
        participant = Participant(project_id=project.id, park_id=park.id, stakeholder_id=sid)
        session.add(participant)
        changes.created(session, actor, PARTICIPANT, participant, park_id=park.id)
    return project


def update_project(
    session: Session, actor: Actor, project: Project, data: ProjectUpdate
) -> Project:
    given = data.model_dump(exclude_unset=True)
    for key in ("title", "theme_codes"):
        if key in given and given[key] is None:
            raise _invalid(key, "may not be null")
    if "theme_codes" in given:
        _check_themes(session, given["theme_codes"])
    if given.get("owner_stakeholder_id") is not None:
        _check_stakeholder_of(
            session, project.park_id, given["owner_stakeholder_id"], "owner_stakeholder_id"
        )
    if "organisation_form" in given and given["organisation_form"] is not None:
        given["organisation_form"] = OrganisationForm(given["organisation_form"]).value
    if "description" in given:
        given["description"] = given["description"] or None
    before = PROJECT.values(project)
    for key, value in given.items():
        setattr(project, key, value)
    changes.updated(session, actor, PROJECT, project, before, park_id=project.park_id)
    return project


def delete_project(session: Session, actor: Actor, project: Project) -> None:
    """Delete the project; its participants and business case go with it (tombstones)."""
    changes.deleted(session, actor, PROJECT, project, park_id=project.park_id)
    session.delete(project)
    session.flush()


# --- phases ----------------------------------------------------------------------------------


def _facts(session: Session, project: Project) -> phases.Facts:
    committed, signed = session.execute(
        select(
            func.count().filter(col(Participant.commitment).in_(COMMITTED)),
            func.count().filter(col(Participant.commitment) == Commitment.signed.value),
        ).where(col(Participant.project_id) == project.id)
    ).one()
    has_case = session.scalar(
        select(func.count()).where(col(BusinessCase.project_id) == project.id)
    )
    return phases.Facts(project.phase, bool(has_case), int(committed or 0), int(signed or 0))


def transition(session: Session, actor: Actor, project: Project, req: TransitionRequest) -> Project:
    to = req.to.value
    rules = phases.rules_for(_facts(session, project), to, req.reason)
    broken = phases.blocked(rules)
    if broken:
        raise Conflict(
            f"The project cannot go from '{project.phase}' to '{to}': "
            + " ".join(r.text for r in broken),
            extra={"rules": [{"code": r.code, "text": r.text} for r in broken]},
        )
    before_values = PROJECT.values(project)
    before = project.phase
    project.phase = to
    project.phase_changed_at = utcnow()
    changes.updated(session, actor, PROJECT, project, before_values, park_id=project.park_id)
    _history(session, actor, project, before, req.reason or None)
    return project


def phase_history(session: Session, project: Project) -> PhaseHistory:
    rows = session.scalars(
        select(PhaseChange)
        .where(col(PhaseChange.project_id) == project.id)
        .order_by(col(PhaseChange.occurred_at), col(PhaseChange.id))
    ).all()
    facts = _facts(session, project)
    options = []
    for to in phases.PHASES:
        if to == project.phase:
            continue
        # Without a reason: a rule that needs one shows as not (yet) held.
        rules = phases.rules_for(facts, to, None)
        needs_reason = phases.needs_reason(project.phase, to)
        allowed = all(r.passed for r in rules if not r.code.endswith("needs_reason"))
        options.append(
            PhaseOption(
                to=Phase(to),
                allowed=allowed,
                needs_reason=needs_reason,
                rules=[PhaseRule(code=r.code, passed=r.passed, text=r.text) for r in rules],
            )
        )
    return PhaseHistory(
        project_id=project.id,
        phase=Phase(project.phase),
        items=[
            PhaseChangePublic(
                from_phase=Phase(r.from_phase) if r.from_phase else None,
                to_phase=Phase(r.to_phase),
                reason=r.reason,
                actor=r.actor_label,
                occurred_at=r.occurred_at,
            )
            for r in rows
        ],
        options=options,
    )


# --- participants ----------------------------------------------------------------------------


def get_participant(
    session: Session, project_id: uuid.UUID, participant_id: uuid.UUID
) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None or participant.project_id != project_id:
        raise NotFound("This project has no participant with this id.")
    return participant


def participants_of(session: Session, project_id: uuid.UUID) -> list[Participant]:
    return list(
        session.scalars(
            select(Participant)
            .where(col(Participant.project_id) == project_id)
            .order_by(col(Participant.created_at), col(Participant.id))
        )
    )


def list_participants(
    session: Session, project_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[Participant], str | None]:
    stmt = select(Participant).where(col(Participant.project_id) == project_id)
    stmt = keyset(
        stmt, [col(Participant.created_at), col(Participant.id)], "created", cursor, limit
    )
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda p: [p.created_at, p.id])


def participants_public(session: Session, rows: Sequence[Participant]) -> list[ParticipantPublic]:
    facts = stakeholder_service.facts_of(session, [r.stakeholder_id for r in rows])
    return [
        participant_public(r, facts[r.stakeholder_id]) for r in rows if r.stakeholder_id in facts
    ]


def participant_public(
    p: Participant, facts: stakeholder_service.StakeholderFacts
) -> ParticipantPublic:
    return ParticipantPublic(
        id=p.id,
        project_id=p.project_id,
        stakeholder_id=p.stakeholder_id,
        stakeholder_name=facts.name,
        stakeholder_kind=stakeholder_service.StakeholderKind(facts.kind),
        commitment=Commitment(p.commitment),
        contribution_eur=p.contribution_eur,
        created_at=p.created_at,
        updated_at=p.updated_at,
        version=p.version,
    )


def add_participant(
    session: Session, actor: Actor, project: Project, data: ParticipantCreate
) -> tuple[Participant, stakeholder_service.StakeholderFacts]:
    facts = _check_stakeholder_of(session, project.park_id, data.stakeholder_id, "stakeholder_id")
    existing = session.scalar(
        select(col(Participant.id)).where(
            col(Participant.project_id) == project.id,
            col(Participant.stakeholder_id) == data.stakeholder_id,
        )
    )
    if existing is not None:
        raise Conflict(
            f"{facts.name} already takes part in this project; change that participant instead.",
            extra={"existing_id": str(existing)},
        )
    participant = Participant(
        project_id=project.id,
        park_id=project.park_id,
        stakeholder_id=data.stakeholder_id,
        commitment=data.commitment.value,
        contribution_eur=data.contribution_eur,
    )
    session.add(participant)
    changes.created(session, actor, PARTICIPANT, participant, park_id=project.park_id)
    return participant, facts


def update_participant(
    session: Session, actor: Actor, participant: Participant, data: ParticipantUpdate
) -> Participant:
    given = data.model_dump(exclude_unset=True)
    if "commitment" in given:
        if given["commitment"] is None:
            raise _invalid("commitment", "may not be null")
        given["commitment"] = Commitment(given["commitment"]).value
    before = PARTICIPANT.values(participant)
    for key, value in given.items():
        setattr(participant, key, value)
    changes.updated(session, actor, PARTICIPANT, participant, before, park_id=participant.park_id)
    return participant


def remove_participant(session: Session, actor: Actor, participant: Participant) -> None:
    changes.deleted(session, actor, PARTICIPANT, participant, park_id=participant.park_id)
    session.delete(participant)
    session.flush()


# --- business case ---------------------------------------------------------------------------


def _parties(session: Session, project_id: uuid.UUID) -> list[bc.Party]:
    rows = participants_of(session, project_id)
    facts = stakeholder_service.facts_of(session, [r.stakeholder_id for r in rows])
    return [
        bc.Party(
            participant_id=r.id,
            stakeholder_id=r.stakeholder_id,
            name=facts[r.stakeholder_id].name,
            commitment=r.commitment,
            contribution=r.contribution_eur,
            employees=facts[r.stakeholder_id].employees,
            woz_value=facts[r.stakeholder_id].woz_value_eur,
        )
        for r in rows
        if r.stakeholder_id in facts
    ]


def _inputs(data: BusinessCaseInput) -> bc.Inputs:
    custom = None
    if data.custom_shares is not None:
        custom = {}
        for i, s in enumerate(data.custom_shares):
            if s.participant_id in custom:
                raise _invalid(f"custom_shares.{i}", "this participant is given twice")
            custom[s.participant_id] = s.share_eur
    return bc.Inputs(
        capex=data.capex_eur,
        opex_per_year=data.opex_eur_per_year,
        benefits_per_year=data.benefits_eur_per_year,
        subsidy=data.subsidy_eur,
        lifetime_years=data.lifetime_years,
        rate=data.discount_rate,
        split=data.cost_split.value,
        custom=custom,
    )


def _stored_inputs(case: BusinessCase) -> BusinessCaseInput:
    return BusinessCaseInput.model_validate(
        {
            "capex_eur": case.capex_eur,
            "opex_eur_per_year": case.opex_eur_per_year,
            "benefits_eur_per_year": case.benefits_eur_per_year,
            "subsidy_eur": case.subsidy_eur,
            "lifetime_years": case.lifetime_years,
            "discount_rate": case.discount_rate,
            "cost_split": case.cost_split,
            "custom_shares": (
                None
                if case.custom_shares is None
                else [
                    {"participant_id": pid, "share_eur": Decimal(v)}
                    for pid, v in case.custom_shares.items()
                ]
            ),
        }
    )


def _public(
    project_id: uuid.UUID,
    data: BusinessCaseInput,
    figures: bc.Figures,
    case: BusinessCase | None,
) -> BusinessCasePublic:
    warnings = [*figures.warnings, *(msg for _, msg in figures.problems)]
    return BusinessCasePublic(
        project_id=project_id,
        capex_eur=data.capex_eur,
        opex_eur_per_year=data.opex_eur_per_year,
        benefits_eur_per_year=data.benefits_eur_per_year,
        subsidy_eur=data.subsidy_eur,
        lifetime_years=data.lifetime_years,
        discount_rate=float(data.discount_rate),
        cost_split=data.cost_split,
        custom_shares=(
            None
            if data.custom_shares is None
            else [
                CustomShareOut(participant_id=s.participant_id, share_eur=s.share_eur)
                for s in data.custom_shares
            ]
        ),
        figures=BusinessCaseFigures(
            net_investment_eur=figures.net_investment,
            yearly_net_benefit_eur=figures.yearly_net_benefit,
            simple_payback_years=(
                None if figures.payback_years is None else float(figures.payback_years)
            ),
            npv_eur=figures.npv,
            total_net_benefit_eur=figures.total_net_benefit,
            shares=[
                ParticipantShare(
                    participant_id=s.party.participant_id,
                    stakeholder_id=s.party.stakeholder_id,
                    stakeholder_name=s.party.name,
                    commitment=Commitment(s.party.commitment),
                    basis=ShareBasis(s.basis),
                    weight=s.weight,
                    share_eur=s.amount,
                )
                for s in figures.shares
            ],
            unallocated_eur=figures.unallocated,
            warnings=warnings,
        ),
        updated_at=case.updated_at if case else None,
        version=case.version if case else None,
    )


def get_business_case(session: Session, project: Project) -> BusinessCase:
    case = session.scalar(select(BusinessCase).where(col(BusinessCase.project_id) == project.id))
    if case is None:
        raise NotFound("This project has no business case yet; PUT one to make it.")
    return case


def find_business_case(session: Session, project: Project) -> BusinessCase | None:
    return session.scalar(select(BusinessCase).where(col(BusinessCase.project_id) == project.id))


def business_case_public(
    session: Session, project: Project, case: BusinessCase
) -> BusinessCasePublic:
    data = _stored_inputs(case)
    figures = bc.calculate(_inputs(data), _parties(session, project.id))
    return _public(project.id, data, figures, case)


def calculate(session: Session, project: Project, data: BusinessCaseInput) -> BusinessCasePublic:
    """The figures for these inputs, without keeping them (problems show as warnings)."""
    figures = bc.calculate(_inputs(data), _parties(session, project.id))
    return _public(project.id, data, figures, None)


def _custom_json(data: BusinessCaseInput) -> dict[str, str] | None:
    if data.cost_split is not CostSplit.custom or data.custom_shares is None:
        return None
    return {str(s.participant_id): f"{s.share_eur:.2f}" for s in data.custom_shares}


def put_business_case(
    session: Session,
    actor: Actor,
    project: Project,
    case: BusinessCase | None,
    data: BusinessCaseInput,
) -> tuple[BusinessCase, BusinessCasePublic, bool]:
    """Keep the business case (created or replaced); 422 when the inputs do not add up."""
    figures = bc.calculate(_inputs(data), _parties(session, project.id))
    if figures.problems:
        raise Unprocessable(
            "The business case does not add up: " + "; ".join(m for _, m in figures.problems) + ".",
            errors=[{"loc": ["body", f], "msg": m} for f, m in figures.problems],
        )
    cent, basis_point = Decimal("0.01"), Decimal("0.0001")
    # Stored as the columns keep them, so saving the same inputs again changes nothing.
    values: dict[str, Any] = {
        "capex_eur": data.capex_eur.quantize(cent),
        "opex_eur_per_year": data.opex_eur_per_year.quantize(cent),
        "benefits_eur_per_year": data.benefits_eur_per_year.quantize(cent),
        "subsidy_eur": data.subsidy_eur.quantize(cent),
        "lifetime_years": data.lifetime_years,
        "discount_rate": data.discount_rate.quantize(basis_point),
        "cost_split": data.cost_split.value,
        "custom_shares": _custom_json(data),
    }
    created = case is None
    if case is None:
        case = BusinessCase(project_id=project.id, park_id=project.park_id, **values)
        session.add(case)
        changes.created(session, actor, BUSINESS_CASE, case, park_id=project.park_id)
    else:
        before = BUSINESS_CASE.values(case)
        for key, value in values.items():
            setattr(case, key, value)
        changes.updated(session, actor, BUSINESS_CASE, case, before, park_id=project.park_id)
    return case, _public(project.id, data, figures, case), created


# --- reacting to other domains' changes ------------------------------------------------------


# A deleted park takes its projects along, and a deleted project its participants and its
# business case (the database cascades): tombstones.
changes.cascades("park", "project", Project)
changes.cascades("project", "project_participant", Participant, key="project_id")
changes.cascades("project", "business_case", BusinessCase, key="project_id")


@changes.on("stakeholder", changes.ChangeAction.delete)
def _stakeholders_deleted(session: Session, gone: list[changes.Change]) -> None:
    """A deleted stakeholder leaves the projects it took part in (tombstones), and a project it
    led has no owner any more (an ordinary, recorded update)."""
    by_id = {c.entity_id: c for c in gone}
    ids = list(by_id)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        rows = session.execute(
            select(
                col(Participant.id),
                col(Participant.stakeholder_id),
                col(Participant.park_id),
                col(Participant.version),
            ).where(col(Participant.stakeholder_id).in_(chunk))
        ).all()
        changes.record(
            session,
            [
                tombstone
                for pid, sid, park_id, version in rows
                for tombstone in changes.cascaded_deletes(
                    by_id[sid].actor, "project_participant", [(pid, park_id, version)], by_id[sid]
                )
            ],
        )
        for project in session.scalars(
            select(Project).where(col(Project.owner_stakeholder_id).in_(chunk))
        ):
            before = PROJECT.values(project)
            project.owner_stakeholder_id = None
            cause = by_id[before["owner_stakeholder_id"]]
            changes.updated(session, cause.actor, PROJECT, project, before, park_id=project.park_id)
