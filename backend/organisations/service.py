"""Organisations on a park, the organisation-form advice (with the answers saved per park) and
the BIZ vote simulation. The rules live in ``advice.py`` and ``bizvote.py``; this module reads
what they need from the other domains and stores what is written."""

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
from backend.core.errors import NotFound, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.interests import service as interest_service
from backend.organisations import advice as rules
from backend.organisations import bizvote
from backend.organisations.forms import BY_FORM, CATALOGUE, SOURCES, Form
from backend.organisations.models import (
    AdviceAnswers,
    AdviceAnswersPublic,
    AdviceChange,
    AdviceInputs,
    BizCondition,
    BizCount,
    BizNeeded,
    BizVoter,
    BizVoteSimulation,
    BizVoteSimulationRequest,
    CombinationPublic,
    FormFactsPublic,
    Organisation,
    OrganisationAdvice,
    OrganisationAdvicePublic,
    OrganisationCreate,
    OrganisationPublic,
    OrganisationRef,
    OrganisationUpdate,
    ProjectRef,
    ReasonPublic,
    RecommendationPublic,
    SavedAdvicePublic,
    SharedInterestRef,
    SinceSaved,
    SourcePublic,
    StepPublic,
    money,
)
from backend.parks.service import Park
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

FIELDS = ("form", "name", "founded_on", "has_board", "has_core_team", "member_count")
REQUIRED_ON_UPDATE = ("form", "name", "has_board", "has_core_team")
ORGANISATION = changes.Tracked("organisation", FIELDS)
ADVICE = changes.Tracked("organisation_advice", ("answers", "snapshot"))


def _t(language: str, nl: str, en: str) -> str:
    return nl if language == "nl" else en


# --- the catalogue ---------------------------------------------------------------------------


def catalogue(language: str) -> list[FormFactsPublic]:
    return [
        FormFactsPublic(
            form=f.form,
            name=f.name_nl if language == "nl" else f.name_en,
            participation=f.participation,
            legal_person=f.legal_person,
            holds_assets_and_contracts=f.holds_assets,
            may_distribute_profit=f.may_distribute_profit,
            needs_municipal_decision=f.needs_municipal_decision,
            needs_vote=f.needs_vote,
            max_duration_years=f.max_duration_years,
            notes=f.notes_nl if language == "nl" else f.notes_en,
            sources=[SourcePublic(code=s, label=SOURCES[s].text(language)) for s in f.sources],
        )
        for f in CATALOGUE
    ]


# --- organisations ---------------------------------------------------------------------------


def to_public(o: Organisation) -> OrganisationPublic:
    return OrganisationPublic.model_validate(o, from_attributes=True)


def get_organisation(session: Session, organisation_id: uuid.UUID) -> Organisation:
    o = session.get(Organisation, organisation_id)
    if o is None:
        raise NotFound("There is no organisation with this id.")
    return o


def list_organisations(
    session: Session,
    park_id: uuid.UUID,
    *,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Organisation], str | None]:
    stmt = select(Organisation).where(col(Organisation.park_id) == park_id)
    if updated_since is not None:
        stmt = stmt.where(col(Organisation.updated_at) > updated_since)
        cols = [col(Organisation.updated_at), col(Organisation.id)]
        rows = session.scalars(keyset(stmt, cols, "updated", cursor, limit)).all()
        return page_of(rows, limit, "updated", lambda o: [o.updated_at, o.id])
    cols = [col(Organisation.created_at), col(Organisation.id)]
    rows = session.scalars(keyset(stmt, cols, "created", cursor, limit)).all()
    return page_of(rows, limit, "created", lambda o: [o.created_at, o.id])


def create_organisation(
    session: Session, actor: Actor, park: Park, data: OrganisationCreate
) -> Organisation:
    values = data.model_dump()
    values["form"] = data.form.value
    o = Organisation(**values, park_id=park.id)
    session.add(o)
    changes.created(session, actor, ORGANISATION, o, park_id=park.id)
    return o


def update_organisation(
    session: Session, actor: Actor, o: Organisation, data: OrganisationUpdate
) -> Organisation:
    given = data.model_dump(exclude_unset=True)
    for key in REQUIRED_ON_UPDATE:
        if key in given and given[key] is None:
            raise Unprocessable(
                f"{key} cannot be empty", errors=[{"loc": ["body", key], "msg": "may not be null"}]
            )
    before = ORGANISATION.values(o)
    if "form" in given:
        given["form"] = Form(given["form"]).value
    for key, value in given.items():
        setattr(o, key, value)
    changes.updated(session, actor, ORGANISATION, o, before, park_id=o.park_id)
    return o


def delete_organisation(session: Session, actor: Actor, o: Organisation) -> None:
    changes.deleted(session, actor, ORGANISATION, o, park_id=o.park_id)
    session.delete(o)
    session.flush()


# A deleted park takes its organisations and its saved advice along: tombstones.
changes.cascades("park", "organisation", Organisation)
changes.cascades("park", "organisation_advice", OrganisationAdvice)


# --- the advice ------------------------------------------------------------------------------


def _answers(data: AdviceAnswers | dict[str, Any] | None) -> rules.Answers:
    if data is None:
        return rules.Answers()
    if isinstance(data, AdviceAnswers):
        return rules.Answers(**data.model_dump())
    values = dict(data)
    if values.get("annual_budget_eur") is not None:
        values["annual_budget_eur"] = Decimal(str(values["annual_budget_eur"]))
    return rules.Answers(**{k: values.get(k) for k in rules.QUESTIONS})


def _answers_json(a: rules.Answers) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(a, k) for k in rules.QUESTIONS}
    if a.annual_budget_eur is not None:
        out["annual_budget_eur"] = f"{a.annual_budget_eur:.2f}"
    return out


def _answers_public(a: rules.Answers) -> AdviceAnswersPublic:
    return AdviceAnswersPublic(**{k: getattr(a, k) for k in rules.QUESTIONS})


def situation(
    session: Session, park: Park, answers: rules.Answers
) -> tuple[rules.Situation, list[project_service.ProjectSummary]]:
    """Everything the advice looks at: the park's data and the answers."""
    counts = stakeholder_service.kind_role_vote_counts(session, park.id)
    kinds: dict[str, int] = {}
    core = yes = no = 0
    woz = Decimal(0)
    voting = {"entrepreneur", "property_owner"}
    for kind, role, vote, n, woz_sum in counts:
        kinds[kind] = kinds.get(kind, 0) + n
        if role in ("core_team", "board"):
            core += n
        if kind in voting:
            yes += n if vote == "yes" else 0
            no += n if vote == "no" else 0
            woz += Decimal(str(woz_sum or 0))
    shared = interest_service.shared_interests(
        session, park.id, min_stakeholders=2, track=None, language="nl"
    )
    names = {t.code: t for t in interest_service.all_themes(session)}
    orgs = session.scalars(
        select(Organisation)
        .where(col(Organisation.park_id) == park.id)
        .order_by(col(Organisation.created_at), col(Organisation.id))
    ).all()
    projects = project_service.park_project_summaries(session, park.id)
    s = rules.Situation(
        company_count=park.company_count,
        stakeholder_count=sum(kinds.values()),
        entrepreneurs=kinds.get("entrepreneur", 0),
        property_owners=kinds.get("property_owner", 0),
        park_managers=kinds.get("park_manager", 0),
        interviewed=shared.interviewed_stakeholders,
        core_team_or_board=core,
        poll_yes=yes,
        poll_no=no,
        woz_known_eur=woz,
        organisations=tuple(
            rules.Existing(
                Form(o.form), o.name, o.has_board, o.has_core_team, o.member_count, o.founded_on
            )
            for o in orgs
        ),
        shared=tuple(
            rules.Theme(
                i.theme_code,
                i.track.value,
                names[i.theme_code].name_nl if i.theme_code in names else i.theme_code,
                names[i.theme_code].name_en if i.theme_code in names else i.theme_code,
                i.stakeholder_count,
                i.willing_to_invest_count,
            )
            for i in shared.items
        ),
        projects=tuple(
            rules.Project(p.title, tuple(p.theme_codes), p.phase, p.organisation_form)
            for p in projects
        ),
        answers=answers,
    )
    return s, projects


def _reason(r: rules.Reason, language: str) -> ReasonPublic:
    return ReasonPublic(
        text=r.text,
        source=r.source,
        source_label=SOURCES[r.source].text(language),
        points=r.points,
    )


def _inputs(
    s: rules.Situation,
    projects: Sequence[project_service.ProjectSummary],
    answers_from: str,
    language: str,
) -> AdviceInputs:
    return AdviceInputs(
        company_count=s.company_count,
        stakeholder_count=s.stakeholder_count,
        entrepreneurs=s.entrepreneurs,
        property_owners=s.property_owners,
        park_managers=s.park_managers,
        interviewed=s.interviewed,
        core_team_or_board=s.core_team_or_board,
        poll_yes=s.poll_yes,
        poll_no=s.poll_no,
        woz_known_eur=s.woz_known_eur.quantize(Decimal("0.01")),
        organisations=[
            OrganisationRef(
                form=o.form, name=o.name, has_board=o.has_board, has_core_team=o.has_core_team
            )
            for o in s.organisations
        ],
        shared_interests=[
            SharedInterestRef(
                theme_code=t.code,
                theme_name=t.name_nl if language == "nl" else t.name_en,
                track=t.track,
                stakeholder_count=t.stakeholder_count,
                willing_to_invest_count=t.willing_to_invest_count,
            )
            for t in s.shared
        ],
        projects=[
            ProjectRef(
                id=p.id,
                title=p.title,
                phase=p.phase,
                theme_codes=list(p.theme_codes),
                organisation_form=p.organisation_form,
            )
            for p in projects
        ],
        answers=_answers_public(s.answers),
        answers_from=answers_from,
    )


def _snapshot(inputs: AdviceInputs, advice: rules.Advice) -> dict[str, Any]:
    """What is kept of an advice when its answers are saved, to compare later."""
    return {
        "inputs": inputs.model_dump(mode="json", exclude={"answers_from"}),
        "ranking": [
            {"form": r.form.value, "rank": r.rank, "score": r.score, "blocked": bool(r.blockers)}
            for r in advice.recommendations
        ],
        "combination": [f.value for f in advice.combination.forms],
    }


FACT_LABELS = {
    "company_count": ("bedrijven volgens het register", "companies in the register"),
    "stakeholder_count": ("betrokkenen", "stakeholders"),
    "entrepreneurs": ("ondernemers", "entrepreneurs"),
    "property_owners": ("vastgoedeigenaren", "property owners"),
    "park_managers": ("parkmanagers", "park managers"),
    "interviewed": ("gesproken betrokkenen", "stakeholders interviewed"),
    "core_team_or_board": ("in kerngroep of bestuur", "in the core team or board"),
    "poll_yes": ("voor in de proefpeiling", "in favour in the trial poll"),
    "poll_no": ("tegen in de proefpeiling", "against in the trial poll"),
    "woz_known_eur": ("bekende WOZ-waarde (€)", "known WOZ value (€)"),
}
ANSWER_LABELS = {
    "municipality_cooperates": ("gemeente werkt mee", "municipality cooperates"),
    "mandatory_contribution_acceptable": (
        "verplichte bijdrage aanvaardbaar",
        "mandatory contribution acceptable",
    ),
    "needs_legal_entity": ("rechtspersoon nodig", "legal person needed"),
    "will_own_assets": ("gezamenlijk bezit", "shared assets"),
    "distribute_profit": ("winst uitkeren", "distribute profit"),
    "levy_for_this_area_only": ("heffing alleen voor dit gebied", "levy for this area only"),
    "annual_budget_eur": ("jaarbegroting (€)", "annual budget (€)"),
}


def _shown(value: Any, language: str) -> str | None:
    if value is None:
        return None
    if value is True:
        return _t(language, "ja", "yes")
    if value is False:
        return _t(language, "nee", "no")
    return str(value)


def changes_since(old: dict[str, Any], new: dict[str, Any], language: str) -> list[AdviceChange]:
    """What differs between the saved snapshot and the advice now: facts, answers, the
    organisations, shared interests and projects, the ranking and the combination."""
    out: list[AdviceChange] = []
    before, after = old.get("inputs", {}), new.get("inputs", {})
    unknown = _t(language, "onbekend", "unknown")

    def add(code: str, label: str, b: Any, a: Any) -> None:
        b_text, a_text = _shown(b, language), _shown(a, language)
        out.append(
            AdviceChange(
                code=code,
                text=f"{label}: {b_text or unknown} → {a_text or unknown}",
                before=b_text,
                after=a_text,
            )
        )

    for key, (nl, en) in FACT_LABELS.items():
        if before.get(key) != after.get(key):
            add(key, _t(language, nl, en), before.get(key), after.get(key))
    b_answers, a_answers = before.get("answers", {}), after.get("answers", {})
    for key, (nl, en) in ANSWER_LABELS.items():
        if b_answers.get(key) != a_answers.get(key):
            add(f"answers.{key}", _t(language, nl, en), b_answers.get(key), a_answers.get(key))
    for key, (nl, en), name_of in (
        (
            "organisations",
            ("organisaties", "organisations"),
            lambda o: f"{o['name']} ({o['form']})",
        ),
        ("shared_interests", ("gedeelde belangen", "shared interests"), lambda t: t["theme_code"]),
        ("projects", ("projecten", "projects"), lambda p: f"{p['title']} ({p['phase']})"),
    ):
        b_names = [name_of(x) for x in before.get(key, [])]
        a_names = [name_of(x) for x in after.get(key, [])]
        if b_names != a_names:
            add(key, _t(language, nl, en), ", ".join(b_names) or "–", ", ".join(a_names) or "–")
    b_rank = {r["form"]: r for r in old.get("ranking", [])}
    for r in new.get("ranking", []):
        prev = b_rank.get(r["form"])
        if prev and (prev["rank"], prev["score"]) != (r["rank"], r["score"]):
            label = BY_FORM[Form(r["form"])].name_nl if language == "nl" else r["form"]
            add(
                f"ranking.{r['form']}",
                label,
                f"#{prev['rank']} ({prev['score']})",
                f"#{r['rank']} ({r['score']})",
            )
    if old.get("combination") != new.get("combination"):
        add(
            "combination",
            _t(language, "aanbevolen combinatie", "recommended combination"),
            " + ".join(old.get("combination", [])),
            " + ".join(new.get("combination", [])),
        )
    return out


def saved_advice(session: Session, park_id: uuid.UUID) -> OrganisationAdvice | None:
    return session.scalar(
        select(OrganisationAdvice).where(col(OrganisationAdvice.park_id) == park_id)
    )


def _compute(
    session: Session, park: Park, answers: rules.Answers, answers_from: str, language: str
) -> tuple[OrganisationAdvicePublic, dict[str, Any]]:
    s, projects = situation(session, park, answers)
    advice = rules.advise(s, language)
    inputs = _inputs(s, projects, answers_from, language)
    snapshot = _snapshot(inputs, advice)
    public = OrganisationAdvicePublic(
        park_id=park.id,
        language=language,
        recommendations=[
            RecommendationPublic(
                form=r.form,
                name=rules.form_name(r.form, language),
                rank=r.rank,
                score=r.score,
                reasons=[_reason(x, language) for x in r.reasons],
                blockers=[_reason(x, language) for x in r.blockers],
            )
            for r in advice.recommendations
        ],
        combination=CombinationPublic(
            forms=list(advice.combination.forms), rationale=advice.combination.rationale
        ),
        path=[
            StepPublic(
                text=st.text,
                requires=list(st.requires),
                source=st.source,
                source_label=SOURCES[st.source].text(language),
                form=st.form,
                done=st.done,
            )
            for st in advice.path
        ],
        open_questions=[_reason(q, language) for q in advice.open_questions],
        inputs=inputs,
        since_saved=None,
    )
    return public, snapshot


def organisation_advice(
    session: Session, park: Park, answers: AdviceAnswers | None, language: str
) -> OrganisationAdvicePublic:
    """The advice for the park with these answers (none given: the saved ones), and what
    changed since the advice was last saved."""
    saved = saved_advice(session, park.id)
    if answers is not None:
        chosen, answers_from = _answers(answers), "request"
    elif saved is not None:
        chosen, answers_from = _answers(saved.answers), "saved"
    else:
        chosen, answers_from = rules.Answers(), "none"
    public, snapshot = _compute(session, park, chosen, answers_from, language)
    if saved is not None:
        public.since_saved = SinceSaved(
            saved_at=saved.updated_at,
            saved_by=saved.saved_by,
            changes=changes_since(saved.snapshot, snapshot, language),
        )
    return public


def saved_public(park: Park, saved: OrganisationAdvice | None) -> SavedAdvicePublic:
    if saved is None:
        return SavedAdvicePublic(
            park_id=park.id,
            answers=_answers_public(rules.Answers()),
            saved=False,
            saved_at=None,
            saved_by=None,
            version=0,
        )
    return SavedAdvicePublic(
        park_id=park.id,
        answers=_answers_public(_answers(saved.answers)),
        saved=True,
        saved_at=saved.updated_at,
        saved_by=saved.saved_by,
        version=saved.version,
    )


def save_answers(
    session: Session, actor: Actor, park: Park, data: AdviceAnswers
) -> OrganisationAdvice:
    """Keep the answers with the park, with the advice they give now (to compare later)."""
    answers = _answers(data)
    _public, snapshot = _compute(session, park, answers, "request", "nl")
    saved = saved_advice(session, park.id)
    if saved is None:
        saved = OrganisationAdvice(
            park_id=park.id, answers=_answers_json(answers), snapshot=snapshot, saved_by=actor.label
        )
        session.add(saved)
        changes.created(session, actor, ADVICE, saved, park_id=park.id)
        return saved
    before = ADVICE.values(saved)
    saved.answers = _answers_json(answers)
    saved.snapshot = snapshot
    saved.saved_by = actor.label
    # Nothing recorded when neither the answers nor the advice they give changed.
    changes.updated(session, actor, ADVICE, saved, before, park_id=park.id)
    return saved


# --- the BIZ vote ----------------------------------------------------------------------------


def _voters(
    session: Session, park: Park, req: BizVoteSimulationRequest
) -> tuple[list[bizvote.Voter], int, str]:
    """The voters, how many have no WOZ value, and where they came from."""
    if req.use_park_stakeholders:
        votes = {"yes": bizvote.Vote.yes, "no": bizvote.Vote.no}
        rows = stakeholder_service.poll_voters(session, park.id)
        voters = [
            bizvote.Voter(
                bizvote.Group.user if kind == "entrepreneur" else bizvote.Group.owner,
                votes.get(vote, bizvote.Vote.none),
                bizvote.woz_cents(woz),
            )
            for kind, vote, woz in rows
        ]
        entitled = bizvote.groups_of(req.levy_on)
        missing = sum(1 for v, (_k, _v, woz) in zip(voters, rows, strict=True)
                      if woz is None and v.group in entitled)  # fmt: skip
        return voters, missing, "park_stakeholders"
    given: list[BizVoter] = req.voters or []
    allowed = bizvote.groups_of(req.levy_on)
    errors = [
        {"loc": ["body", "voters", i, "group"], "msg": f"the levy is on {req.levy_on.value}"}
        for i, v in enumerate(given)
        if v.group not in allowed
    ]
    if errors:
        raise Unprocessable(
            f"With a levy on {req.levy_on.value} only "
            + " and ".join(g.value + "s" for g in allowed)
            + " are entitled to vote.",
            errors=errors[:20],
        )
    voters = [bizvote.Voter(v.group, v.vote, bizvote.woz_cents(v.woz_value_eur)) for v in given]
    missing = sum(1 for v in given if v.woz_value_eur is None)
    return voters, missing, "request"


def _count(c: bizvote.GroupCount) -> BizCount:
    return BizCount(
        entitled=c.entitled,
        voted=c.voted,
        yes=c.yes,
        no=c.no,
        not_voted=c.entitled - c.voted,
        woz_in_favour_eur=money(c.woz_yes_cents),
        woz_against_eur=money(c.woz_no_cents),
    )


def _eur(cents: int) -> str:
    return f"{money(cents):.2f}"


def _eur_text(cents: int, language: str) -> str:
    """€ 1.250.000,00 in Dutch, €1,250,000.00 in English."""
    text = f"{money(cents):,.2f}"
    if language == "nl":
        return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")
    return "€" + text


def _explain(c: bizvote.Condition, total: bizvote.GroupCount, language: str) -> str:
    ok = _t(language, "gehaald", "met") if c.passed else _t(language, "niet gehaald", "not met")
    if c.code == "turnout":
        return _t(
            language,
            f"Opkomst: {c.actual} van {total.entitled} stemgerechtigden stemden; ten minste "
            f"{c.required} (de helft) nodig — {ok}.",
            f"Turnout: {c.actual} of {total.entitled} entitled voters voted; at least "
            f"{c.required} (half) needed — {ok}.",
        )
    if c.code == "two_thirds_in_favour":
        return _t(
            language,
            f"Voor: {c.actual} van {total.voted} geldige stemmen; ten minste {c.required} (twee "
            f"derde) nodig — {ok}.",
            f"In favour: {c.actual} of {total.voted} valid votes; at least {c.required} (two "
            f"thirds) needed — {ok}.",
        )
    if c.code == "woz_in_favour":
        return _t(
            language,
            f"WOZ-waarde voor {_eur_text(c.actual, 'nl')} tegen "
            f"{_eur_text(total.woz_no_cents, 'nl')}; voor moet meer zijn (gelijk is niet "
            f"genoeg) — {ok}.",
            f"WOZ value in favour {_eur_text(c.actual, 'en')} against "
            f"{_eur_text(total.woz_no_cents, 'en')}; in favour must be more (equal is not "
            f"enough) — {ok}.",
        )
    group = c.code.removeprefix("majority_in_favour_")
    name = {"users": ("gebruikers", "users"), "owners": ("eigenaren", "owners")}[group]
    return _t(
        language,
        f"Ten minste de helft van de stemmende {name[0]} voor: {c.actual} voor, {c.required} "
        f"nodig — {ok}.",
        f"At least half of the voting {name[1]} in favour: {c.actual} in favour, {c.required} "
        f"needed — {ok}.",
    )


def _needed_text(n: bizvote.Needed, language: str) -> str:
    if n.yes_votes == 0:
        return _t(language, "De stemming is aangenomen.", "The vote passes.")
    if n.yes_votes is None:
        reasons = {
            "no_voters": (
                "Niemand is stemgerechtigd: voeg de stemgerechtigden toe.",
                "Nobody is entitled to vote: add the voters.",
            ),
            "woz_in_favour": (
                "Zelfs met iedereen voor is de WOZ-waarde voor niet hoger dan tegen: vul de "
                "WOZ-waarden in.",
                "Even with everyone in favour the WOZ value in favour is not higher than "
                "against: fill in the WOZ values.",
            ),
        }
        nl, en = reasons.get(
            n.impossible_because or "",
            (
                "Geen aantal extra ja-stemmen maakt de stemming aangenomen.",
                "No number of extra yes votes makes the vote pass.",
            ),
        )
        return _t(language, nl, en)
    return _t(
        language,
        f"Nog {n.yes_votes} ja-stem(men) nodig: {n.from_non_voters} van wie nog niet stemde en "
        f"{n.from_no_votes} die van nee naar ja gaan (de hoogste WOZ-waarden eerst).",
        f"{n.yes_votes} more yes vote(s) needed: {n.from_non_voters} from those who did not vote "
        f"and {n.from_no_votes} turning from no to yes (highest WOZ values first).",
    )


def simulate_biz_vote(
    session: Session, park: Park, req: BizVoteSimulationRequest, language: str
) -> BizVoteSimulation:
    voters, missing, voters_from = _voters(session, park, req)
    out = bizvote.simulate(req.levy_on, voters)
    warnings = []
    if missing:
        warnings.append(
            _t(
                language,
                f"{missing} stemgerechtigde(n) zonder WOZ-waarde: geteld als € 0.",
                f"{missing} entitled voter(s) without a WOZ value: counted as €0.",
            )
        )
    if voters_from == "park_stakeholders":
        warnings.append(
            _t(
                language,
                "Uit de proefpeiling: ‘onthouding’ en ‘onbekend’ tellen als niet gestemd. "
                "Alleen de betrokkenen die in Parkregie staan, tellen mee.",
                "From the trial poll: abstain and unknown count as not voting. Only the "
                "stakeholders recorded in Parkregie count.",
            )
        )
    conditions = [
        BizCondition(
            code=c.code,
            passed=c.passed,
            unit="eur" if c.unit == "cents" else "votes",
            required=_eur(c.required) if c.unit == "cents" else str(c.required),
            actual=_eur(c.actual) if c.unit == "cents" else str(c.actual),
            explanation=_explain(c, out.total, language),
        )
        for c in out.conditions
    ]
    n = out.needed
    return BizVoteSimulation(
        park_id=park.id,
        levy_on=req.levy_on,
        voters_from=voters_from,
        passed=out.passed,
        conditions=conditions,
        needed=BizNeeded(
            yes_votes=n.yes_votes,
            from_non_voters=n.from_non_voters,
            from_no_votes=n.from_no_votes,
            woz_shortfall_eur=money(n.woz_shortfall_cents),
            explanation=_needed_text(n, language),
        ),
        total=_count(out.total),
        users=_count(out.groups[bizvote.Group.user]),
        owners=_count(out.groups[bizvote.Group.owner]),
        warnings=warnings,
    )


# --- what other domains may know -------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSummary:
    id: uuid.UUID
    form: str
    name: str
    has_board: bool
    has_core_team: bool


def forms_per_park() -> Any:
    """A subquery for overviews over many parks: ``park_id``, ``form``, ``organisations``."""
    return (
        select(
            col(Organisation.park_id).label("park_id"),
            col(Organisation.form).label("form"),
            func.count().label("organisations"),
        )
        .group_by(col(Organisation.park_id), col(Organisation.form))
        .subquery("organisation_forms")
    )


def names_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(col(Organisation.id), col(Organisation.name)).where(col(Organisation.id).in_(wanted))
    )
    return {i: n for i, n in rows}


def park_organisation_summaries(session: Session, park_id: uuid.UUID) -> list[OrganisationSummary]:
    """The organisations active on the park, oldest first."""
    rows = session.execute(
        select(
            col(Organisation.id),
            col(Organisation.form),
            col(Organisation.name),
            col(Organisation.has_board),
            col(Organisation.has_core_team),
        )
        .where(col(Organisation.park_id) == park_id)
        .order_by(col(Organisation.created_at), col(Organisation.id))
    )
    return [OrganisationSummary(*row) for row in rows]


@dataclass(frozen=True)
class AdviceSummary:
    first_form: str | None
    combination: tuple[str, ...]
    saved_at: datetime


def saved_advice_summary(session: Session, park_id: uuid.UUID) -> AdviceSummary | None:
    """The first form and the combination of the advice as it was when its answers were saved."""
    saved = saved_advice(session, park_id)
    if saved is None:
        return None
    ranking = saved.snapshot.get("ranking") or []
    first = next((r["form"] for r in ranking if not r.get("blocked")), None)
    return AdviceSummary(first, tuple(saved.snapshot.get("combination") or ()), saved.updated_at)
