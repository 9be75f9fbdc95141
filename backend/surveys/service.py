"""Rules for surveys: making them, inviting stakeholders, taking answers through a link without
an account, and the expert's review that turns accepted answers into interests.

- A survey is ``draft``, ``open`` or ``closed``; it takes answers while it is open and its
  ``closes_on`` (inclusive, Dutch time) has not passed.
- A link (personal, open, or an open-link respondent's edit token) that is unknown, revoked,
  or of a survey that takes no answers is the same 404, whatever the reason.
- Answers count nowhere until the expert accepts them: accepting links the response to a
  stakeholder (or creates one) and writes its answers as interests with ``source: survey``.
  An interest recorded otherwise (an interview, an import) is only replaced when the expert
  says so per theme (``overwrite``) or kept (``keep``); otherwise the accept is a 409 that
  lists them, and nothing is written.
- The respondent's contact details are personal data: shown only to who may see contact
  persons, never in the audit values, and erasable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session, col

from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.core.types import utcnow
from backend.interests import service as interest_service
from backend.interests.service import Source
from backend.parks import service as park_service
from backend.parks.service import Park
from backend.stakeholders import service as stakeholder_service
from backend.stakeholders.service import Stakeholder, StakeholderKind
from backend.surveys import tokens
from backend.surveys.models import (
    AcceptRequest,
    Answer,
    AnswerPublic,
    Invitation,
    InvitationCreate,
    InvitationPublic,
    InvitationsCreated,
    KindRate,
    ProposedStakeholder,
    PublicSurvey,
    PublicTheme,
    Respondent,
    ResponseCounts,
    ResponseSaved,
    ResponseStatus,
    ResponseSubmit,
    Survey,
    SurveyCreate,
    SurveyPublic,
    SurveyResponse,
    SurveyResponsePublic,
    SurveyStatus,
    SurveyUpdate,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
RESPONDENT = Actor(kind="respondent", id=None, label="survey respondent")
PERSONAL = ("contact_name", "contact_email", "contact_phone")
INVITE_PURPOSE = "survey-invitation"
OPEN_PURPOSE = "survey-open-link"
# What a respondent reads (no account, so no settings: the request's language).
MESSAGES = {
    "gone": {
        "nl": "Er is geen enquête bij deze link, of de enquête neemt geen antwoorden meer aan.",
        "en": "There is no survey at this link, or it takes no answers any more.",
    },
    "consent": {
        "nl": "Ga akkoord met de privacyverklaring om uw antwoorden te versturen.",
        "en": "Agree to the privacy statement to send your answers.",
    },
    "respondent_personal": {
        "nl": "Deze persoonlijke link weet al wie antwoordt; laat de bedrijfsgegevens weg.",
        "en": "A personal link knows who answers; leave out respondent.",
    },
    "respondent_missing": {
        "nl": "Vul de naam van uw bedrijf in.",
        "en": "Say which company answers: respondent.company_name is required.",
    },
    "themes": {
        "nl": "Sommige antwoorden gaan niet over de thema's van deze enquête.",
        "en": "Some answers are not about this survey's themes.",
    },
}


def say(key: str, language: str) -> str:
    return MESSAGES[key].get(language, MESSAGES[key]["en"])


TRANSITIONS = {
    SurveyStatus.draft: {SurveyStatus.open},
    SurveyStatus.open: {SurveyStatus.closed},
    SurveyStatus.closed: {SurveyStatus.open},
}

SURVEY = changes.Tracked(
    "survey", ("title", "intro", "theme_codes", "closes_on", "open_link", "status")
)
INVITATION = changes.Tracked("survey_invitation", ("stakeholder_id", "revoked_at"))
RESPONSE = changes.Tracked(
    "survey_response",
    ("status", "stakeholder_id", "company_name", "kvk_number", *PERSONAL, "answers",
     "reject_reason"),
    personal=frozenset(PERSONAL),
)  # fmt: skip

changes.cascades("park", "survey", Survey)
changes.cascades("survey", "survey_invitation", Invitation, key="survey_id")
changes.cascades("survey", "survey_response", SurveyResponse, key="survey_id")
changes.cascades("stakeholder", "survey_invitation", Invitation, key="stakeholder_id")


def today() -> date:
    return datetime.now(AMSTERDAM).date()


def accepts_answers(survey: Survey) -> bool:
    return survey.status == SurveyStatus.open.value and (
        survey.closes_on is None or survey.closes_on >= today()
    )


def link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/s/{token}"


def _check_themes(session: Session, codes: list[str], field: str) -> list[str]:
    known = [t.code for t in interest_service.all_themes(session)]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise Unprocessable(
            f"Unknown theme(s): {', '.join(unknown)}. Known themes: {', '.join(known)}.",
            errors=[{"loc": ["body", field], "msg": f"unknown theme '{c}'"} for c in unknown],
        )
    chosen = set(codes)
    return [c for c in known if c in chosen]  # the themes' own order, each once


def _check_closes_on(value: date | None) -> None:
    if value is not None and value < today():
        raise Unprocessable(
            "closes_on lies in the past; a survey closes today at the earliest.",
            errors=[{"loc": ["body", "closes_on"], "msg": "in the past"}],
        )


def _set_open_link(survey: Survey, wanted: bool) -> None:
    if wanted and survey.open_token_nonce is None:
        survey.open_token_nonce = tokens.new_nonce()
        survey.open_token_hash = tokens.digest(
            tokens.token_for(survey.open_token_nonce, OPEN_PURPOSE)
        )
    elif not wanted:
        survey.open_token_nonce = survey.open_token_hash = None
    survey.open_link = wanted


# --- surveys -----------------------------------------------------------------------------------


def get_survey(session: Session, survey_id: uuid.UUID) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None:
        raise NotFound("There is no survey with this id.")
    return survey


def _rates(session: Session, survey: Survey) -> tuple[int, list[KindRate], ResponseCounts]:
    """Per stakeholder kind: invited (links not revoked), responded, accepted; and the responses
    by status. A park has at most a few thousand stakeholders: counted in Python."""
    kinds = {
        sid: kind for sid, _, kind in stakeholder_service.names_and_kinds(session, survey.park_id)
    }
    invited = dict(
        session.execute(
            select(col(Invitation.id), col(Invitation.stakeholder_id)).where(
                col(Invitation.survey_id) == survey.id, col(Invitation.revoked_at).is_(None)
            )
        ).all()
    )
    tally: dict[str, list[int]] = {}
    for sid in invited.values():
        tally.setdefault(kinds.get(sid, "other"), [0, 0, 0])[0] += 1
    by_status = {s.value: 0 for s in ResponseStatus}
    for invitation_id, status in session.execute(
        select(col(SurveyResponse.invitation_id), col(SurveyResponse.status)).where(
            col(SurveyResponse.survey_id) == survey.id
        )
    ):
        by_status[status] = by_status.get(status, 0) + 1
        if invitation_id in invited:
            counts = tally.setdefault(kinds.get(invited[invitation_id], "other"), [0, 0, 0])
            counts[1] += 1
            counts[2] += status == ResponseStatus.accepted.value
    order = list(StakeholderKind)
    rates = [
        KindRate(
            kind=StakeholderKind(k),
            invited=n,
            responded=r,
            accepted=a,
            response_rate=round(r / n, 4) if n else 0.0,
        )
        for k, (n, r, a) in sorted(
            tally.items(), key=lambda kv: order.index(StakeholderKind(kv[0]))
        )
    ]
    responses = ResponseCounts(
        pending=by_status["pending"],
        accepted=by_status["accepted"],
        rejected=by_status["rejected"],
        total=sum(by_status.values()),
    )
    return len(invited), rates, responses


def to_public(session: Session, survey: Survey, base_url: str) -> SurveyPublic:
    invited, rates, counts = _rates(session, survey)
    open_url = (
        link(base_url, tokens.token_for(survey.open_token_nonce, OPEN_PURPOSE))
        if survey.open_link and survey.open_token_nonce
        else None
    )
    return SurveyPublic(
        id=survey.id,
        park_id=survey.park_id,
        title=survey.title,
        intro=survey.intro,
        theme_codes=list(survey.theme_codes),
        closes_on=survey.closes_on,
        open_link=survey.open_link,
        open_link_url=open_url,
        status=SurveyStatus(survey.status),
        accepts_answers=accepts_answers(survey),
        invitations=invited,
        responses=counts,
        rates=rates,
        created_at=survey.created_at,
        updated_at=survey.updated_at,
        version=survey.version,
    )


def list_surveys(
    session: Session, park_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[Survey], str | None]:
    stmt = select(Survey).where(col(Survey.park_id) == park_id)
    stmt = keyset(stmt, [col(Survey.created_at), col(Survey.id)], "survey", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "survey", lambda s: [s.created_at, s.id])


def create_survey(session: Session, actor: Actor, park: Park, data: SurveyCreate) -> Survey:
    codes = data.theme_codes
    themes = (
        [t.code for t in interest_service.all_themes(session)]
        if codes is None
        else _check_themes(session, codes, "theme_codes")
    )
    if not themes:
        raise Unprocessable(
            "A survey asks about at least one theme.",
            errors=[{"loc": ["body", "theme_codes"], "msg": "empty"}],
        )
    _check_closes_on(data.closes_on)
    survey = Survey(
        park_id=park.id,
        title=data.title,
        intro=data.intro,
        theme_codes=themes,
        closes_on=data.closes_on,
    )
    _set_open_link(survey, data.open_link)
    session.add(survey)
    changes.created(session, actor, SURVEY, survey, park_id=park.id)
    return survey


def update_survey(session: Session, actor: Actor, survey: Survey, data: SurveyUpdate) -> Survey:
    given = data.model_dump(exclude_unset=True)
    if "title" in given and given["title"] is None:
        raise Unprocessable(
            "title cannot be empty", errors=[{"loc": ["body", "title"], "msg": "may not be null"}]
        )
    before = SURVEY.values(survey)
    if given.get("theme_codes") is not None:
        survey.theme_codes = _check_themes(session, given["theme_codes"], "theme_codes")
    if "closes_on" in given and given["closes_on"] != survey.closes_on:
        _check_closes_on(given["closes_on"])
        survey.closes_on = given["closes_on"]
    if given.get("open_link") is not None:
        _set_open_link(survey, given["open_link"])
    for key in ("title", "intro"):
        if key in given:
            setattr(survey, key, given[key])
    changes.updated(session, actor, SURVEY, survey, before, park_id=survey.park_id)
    return survey


def transition(session: Session, actor: Actor, survey: Survey, to: SurveyStatus) -> Survey:
    now = SurveyStatus(survey.status)
    if to not in TRANSITIONS[now]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[now]))
        raise Conflict(
            f"A survey that is {now.value} cannot become {to.value}; it can become: {allowed}.",
            extra={"status": now.value},
        )
    if to is SurveyStatus.open and survey.closes_on is not None and survey.closes_on < today():
        raise Conflict(
            f"The survey closed on {survey.closes_on.isoformat()}; move closes_on first.",
            extra={"status": now.value},
        )
    before = SURVEY.values(survey)
    survey.status = to.value
    changes.updated(session, actor, SURVEY, survey, before, park_id=survey.park_id)
    return survey


# --- invitations -------------------------------------------------------------------------------


def invitation_public(
    inv: Invitation,
    name: str,
    kind: str,
    email: str | None,
    responded: bool,
    base_url: str,
) -> InvitationPublic:
    url = None
    if inv.revoked_at is None:
        token = tokens.token_for(inv.token_nonce, INVITE_PURPOSE)
        # After a change of the server's secret key an old link cannot be written again.
        url = link(base_url, token) if tokens.digest(token) == inv.token_hash else None
    return InvitationPublic(
        id=inv.id,
        survey_id=inv.survey_id,
        stakeholder_id=inv.stakeholder_id,
        stakeholder_name=name,
        stakeholder_kind=StakeholderKind(kind),
        email=email,
        url=url,
        responded=responded,
        revoked_at=inv.revoked_at,
        created_at=inv.created_at,
    )


def _new_token(inv: Invitation) -> None:
    inv.token_nonce = tokens.new_nonce()
    inv.token_hash = tokens.digest(tokens.token_for(inv.token_nonce, INVITE_PURPOSE))


def create_invitations(
    session: Session,
    actor: Actor,
    survey: Survey,
    data: InvitationCreate,
    *,
    personal: bool,
    base_url: str,
) -> InvitationsCreated:
    if not data.stakeholder_ids and not data.kinds:
        raise Unprocessable(
            "Name the stakeholders to invite: stakeholder_ids, kinds, or both.",
            errors=[{"loc": ["body", "stakeholder_ids"], "msg": "nothing to invite"}],
        )
    people = stakeholder_service.invitees(
        session, survey.park_id, data.stakeholder_ids or [], [k.value for k in data.kinds or []]
    )
    missing = sorted(str(i) for i in set(data.stakeholder_ids or []) - {p.id for p in people})
    if missing:
        raise Unprocessable(
            f"Not stakeholders of this park: {', '.join(missing[:20])}.",
            errors=[{"loc": ["body", "stakeholder_ids"], "msg": f"unknown stakeholder {m}"}
                    for m in missing[:20]],
        )  # fmt: skip
    existing = {
        i.stakeholder_id: i
        for i in session.scalars(select(Invitation).where(col(Invitation.survey_id) == survey.id))
    }
    created: list[tuple[Invitation, Any]] = []
    already = 0
    for person in people:
        inv = existing.get(person.id)
        if inv is not None and inv.revoked_at is None:
            already += 1
            continue
        if inv is None:
            inv = Invitation(
                survey_id=survey.id, park_id=survey.park_id, stakeholder_id=person.id,
                token_nonce="", token_hash="",
            )  # fmt: skip
            _new_token(inv)
            session.add(inv)
            changes.created(session, actor, INVITATION, inv, park_id=survey.park_id)
        else:  # invited again after a revocation: a new link, the old one stays dead
            before = INVITATION.values(inv)
            _new_token(inv)
            inv.revoked_at = None
            _invitation_changed(session, actor, inv, before)
        created.append((inv, person))
    items = [
        invitation_public(inv, p.name, p.kind, p.email if personal else None, False, base_url)
        for inv, p in created
    ]
    return InvitationsCreated(created=len(items), already_invited=already, items=items)


def list_invitations(
    session: Session, survey: Survey, *, personal: bool, base_url: str
) -> list[InvitationPublic]:
    invitations = list(
        session.scalars(
            select(Invitation)
            .where(col(Invitation.survey_id) == survey.id)
            .order_by(col(Invitation.created_at), col(Invitation.id))
        )
    )
    people = {
        p.id: p
        for p in stakeholder_service.invitees(
            session, survey.park_id, [i.stakeholder_id for i in invitations], []
        )
    }
    answered = set(
        session.scalars(
            select(col(SurveyResponse.invitation_id)).where(
                col(SurveyResponse.survey_id) == survey.id,
                col(SurveyResponse.invitation_id).is_not(None),
            )
        )
    )
    return [
        invitation_public(
            i,
            people[i.stakeholder_id].name,
            people[i.stakeholder_id].kind,
            people[i.stakeholder_id].email if personal else None,
            i.id in answered,
            base_url,
        )
        for i in invitations
        if i.stakeholder_id in people
    ]


def invitations_of(session: Session, survey_id: uuid.UUID) -> list[Invitation]:
    return list(session.scalars(select(Invitation).where(col(Invitation.survey_id) == survey_id)))


def get_invitation(session: Session, invitation_id: uuid.UUID) -> Invitation:
    inv = session.get(Invitation, invitation_id)
    if inv is None:
        raise NotFound("There is no invitation with this id.")
    return inv


def revoke_invitation(session: Session, actor: Actor, inv: Invitation) -> None:
    """The link stops working at once; answers given through it stay for the review."""
    if inv.revoked_at is not None:
        return
    before = INVITATION.values(inv)
    inv.revoked_at = utcnow()
    _invitation_changed(session, actor, inv, before)


def _invitation_changed(
    session: Session, actor: Actor, inv: Invitation, before: dict[str, Any]
) -> None:
    """Record an invitation's change (a revocation, a new link). An invitation has no
    ``updated_at`` for ``changes.updated`` to set, so the change goes through ``changes.bulk``."""
    session.add(inv)
    session.flush()
    rows = [(inv.id, inv.park_id, inv.version, before, INVITATION.values(inv))]
    changes.record(session, changes.bulk(actor, INVITATION, changes.AuditAction.update, rows))


# --- answering through a link ------------------------------------------------------------------


@dataclass
class Link:
    survey: Survey
    invitation: Invitation | None
    response: SurveyResponse | None  # the answers given so far through this link


def resolve(session: Session, token: str, language: str = "en") -> Link:
    """What a link opens, or the one 404 for every link that opens nothing."""
    gone = NotFound(say("gone", language))
    if not tokens.plausible(token):
        raise gone
    digest = tokens.digest(token)
    inv = session.scalar(select(Invitation).where(col(Invitation.token_hash) == digest))
    if inv is not None:
        if inv.revoked_at is not None:
            raise gone
        survey = session.get(Survey, inv.survey_id)
        response = session.scalar(
            select(SurveyResponse).where(col(SurveyResponse.invitation_id) == inv.id)
        )
        found = Link(survey, inv, response) if survey is not None else None
    else:
        survey = session.scalar(select(Survey).where(col(Survey.open_token_hash) == digest))
        if survey is not None:
            found = Link(survey, None, None)
        else:
            response = session.scalar(
                select(SurveyResponse).where(col(SurveyResponse.edit_token_hash) == digest)
            )
            survey = session.get(Survey, response.survey_id) if response is not None else None
            found = (
                Link(survey, None, response) if survey is not None and survey.open_link else None
            )
    if found is None or not accepts_answers(found.survey):
        raise gone
    return found


def _answers_public(answers: Iterable[dict[str, Any]]) -> list[AnswerPublic]:
    return [AnswerPublic.model_validate({"obstacles": [], **a}) for a in answers]


def public_survey(session: Session, found: Link) -> PublicSurvey:
    survey = found.survey
    chosen = set(survey.theme_codes)
    themes = [
        PublicTheme(code=t.code, track=t.track.value, name_nl=t.name_nl, name_en=t.name_en)
        for t in interest_service.all_themes(session)
        if t.code in chosen
    ]
    name = None
    if found.invitation is not None:
        name = stakeholder_service.names_by_id(session, [found.invitation.stakeholder_id]).get(
            found.invitation.stakeholder_id
        )
    r = found.response
    respondent = None
    if r is not None and found.invitation is None and r.company_name:
        respondent = Respondent.model_construct(
            company_name=r.company_name, kvk_number=r.kvk_number, contact_name=r.contact_name,
            email=r.contact_email, phone=r.contact_phone,
        )  # fmt: skip
    return PublicSurvey(
        title=survey.title,
        intro=survey.intro,
        park_name=park_service.get_park(session, survey.park_id).name,
        closes_on=survey.closes_on,
        themes=themes,
        personal=found.invitation is not None,
        stakeholder_name=name,
        answers=_answers_public(r.answers) if r is not None else [],
        respondent=respondent,
        submitted_at=r.submitted_at if r is not None else None,
    )


def preview(session: Session, survey: Survey) -> PublicSurvey:
    """The survey as a respondent will see it, before any link works (a draft too): for a
    personal link when the survey has no open one, with nobody's name or answers."""
    found = Link(survey, None, None)
    shown = public_survey(session, found)
    return shown.model_copy(update={"personal": not survey.open_link})


def _stored_answer(a: Answer) -> dict[str, Any]:
    return {
        "theme_code": a.theme_code,
        "current_situation": a.current_situation,
        "challenge": a.challenge,
        "vision": a.vision,
        "urgency": a.urgency,
        "investment_willingness": a.investment_willingness.value,
        "budget_eur": None if a.budget_eur is None else str(a.budget_eur),
        "obstacles": [o.value for o in a.obstacles or []],
    }


def submit(session: Session, found: Link, data: ResponseSubmit, language: str) -> ResponseSaved:
    """Save the answers given so far (the page saves after every step): they replace what this
    link gave before. An answer that was reviewed and is changed goes back to the review."""
    survey = found.survey
    if not data.consent:
        raise Unprocessable(
            say("consent", language),
            errors=[{"loc": ["body", "consent"], "msg": "must be true"}],
        )
    personal = found.invitation is not None
    if personal and data.respondent is not None:
        raise Unprocessable(
            say("respondent_personal", language),
            errors=[{"loc": ["body", "respondent"], "msg": "not allowed on a personal link"}],
        )
    if not personal and data.respondent is None:
        raise Unprocessable(
            say("respondent_missing", language),
            errors=[{"loc": ["body", "respondent", "company_name"], "msg": "required"}],
        )
    chosen = set(survey.theme_codes)
    seen: set[str] = set()
    errors = []
    for n, a in enumerate(data.answers):
        if a.theme_code not in chosen:
            errors.append({"loc": ["body", "answers", n, "theme_code"],
                           "msg": f"theme '{a.theme_code}' is not in this survey"})  # fmt: skip
        elif a.theme_code in seen:
            errors.append({"loc": ["body", "answers", n, "theme_code"],
                           "msg": f"theme '{a.theme_code}' answered twice"})  # fmt: skip
        seen.add(a.theme_code)
    if errors:
        raise Unprocessable(say("themes", language), errors=errors)

    answers = [_stored_answer(a) for a in data.answers]
    r = found.response
    edit_token = None
    now = utcnow()
    if r is None:
        r = SurveyResponse(
            survey_id=survey.id,
            park_id=survey.park_id,
            invitation_id=found.invitation.id if found.invitation else None,
            stakeholder_id=found.invitation.stakeholder_id if found.invitation else None,
            answers=answers,
            language=language,
            consent_at=now,
            submitted_at=now,
        )
        if not personal:
            edit_token = tokens.new_edit_token()
            r.edit_token_hash = tokens.digest(edit_token)
        _respondent(r, data.respondent)
        session.add(r)
        changes.created(session, RESPONDENT, RESPONSE, r, park_id=survey.park_id)
    else:
        before = RESPONSE.values(r)
        r.answers = answers
        r.language = language
        r.submitted_at = now
        _respondent(r, data.respondent)
        if RESPONSE.values(r) != before and r.status != ResponseStatus.pending.value:
            r.status = ResponseStatus.pending.value  # changed after the review: review again
            r.reviewed_at = None
            r.reviewed_by = None
            r.reject_reason = None
        changes.updated(session, RESPONDENT, RESPONSE, r, before, park_id=survey.park_id)
        session.add(r)
        session.flush()
    return ResponseSaved(submitted_at=r.submitted_at, answers=len(answers), edit_token=edit_token)


def _respondent(r: SurveyResponse, who: Respondent | None) -> None:
    if who is None:
        return
    r.company_name = who.company_name
    r.kvk_number = who.kvk_number
    r.contact_name = who.contact_name
    r.contact_email = str(who.email) if who.email else None
    r.contact_phone = who.phone


# --- review ------------------------------------------------------------------------------------


def get_response(session: Session, response_id: uuid.UUID) -> SurveyResponse:
    r = session.get(SurveyResponse, response_id)
    if r is None:
        raise NotFound("There is no survey response with this id.")
    return r


def responses_public(
    session: Session, rows: list[SurveyResponse], *, personal: bool
) -> list[SurveyResponsePublic]:
    """The responses as the API shows them, with a proposed stakeholder for the pending ones:
    the invited stakeholders' names in one query, the park's stakeholders read once to match
    the others."""
    pending = [r for r in rows if r.status == ResponseStatus.pending.value]
    names = stakeholder_service.names_by_id(
        session, [r.stakeholder_id for r in pending if r.stakeholder_id is not None]
    )
    matchers: dict[uuid.UUID, stakeholder_service.Match] = {}

    def proposal(r: SurveyResponse) -> ProposedStakeholder | None:
        if r.status != ResponseStatus.pending.value:
            return None
        if r.stakeholder_id is not None:
            name = names.get(r.stakeholder_id)
            return (
                ProposedStakeholder(id=r.stakeholder_id, name=name, reason="invited")
                if name
                else None
            )
        if r.park_id not in matchers:
            matchers[r.park_id] = stakeholder_service.matcher(session, r.park_id)
        found = matchers[r.park_id](r.kvk_number, r.company_name)
        return (
            None
            if found is None
            else ProposedStakeholder(id=found[0], name=found[1], reason=found[2])
        )

    return [_response_public(r, proposal(r), personal) for r in rows]


def response_public(session: Session, r: SurveyResponse, *, personal: bool) -> SurveyResponsePublic:
    return responses_public(session, [r], personal=personal)[0]


def _response_public(
    r: SurveyResponse, proposed: ProposedStakeholder | None, personal: bool
) -> SurveyResponsePublic:
    return SurveyResponsePublic(
        id=r.id,
        survey_id=r.survey_id,
        park_id=r.park_id,
        status=ResponseStatus(r.status),
        personal_link=r.invitation_id is not None,
        stakeholder_id=r.stakeholder_id if r.status == ResponseStatus.accepted.value else None,
        proposed=proposed,
        company_name=r.company_name,
        kvk_number=r.kvk_number,
        contact_name=r.contact_name if personal else None,
        contact_email=r.contact_email if personal else None,
        contact_phone=r.contact_phone if personal else None,
        personal_data_erased_at=r.personal_data_erased_at,
        answers=_answers_public(r.answers),
        submitted_at=r.submitted_at,
        reviewed_at=r.reviewed_at,
        reviewed_by=r.reviewed_by,
        reject_reason=r.reject_reason,
        version=r.version,
    )


def list_responses(
    session: Session,
    survey: Survey,
    status: ResponseStatus | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[SurveyResponse], str | None]:
    stmt = select(SurveyResponse).where(col(SurveyResponse.survey_id) == survey.id)
    if status is not None:
        stmt = stmt.where(col(SurveyResponse.status) == status.value)
    cols = [col(SurveyResponse.submitted_at), col(SurveyResponse.id)]
    rows = session.scalars(keyset(stmt, cols, "response", cursor, limit)).all()
    return page_of(rows, limit, "response", lambda r: [r.submitted_at, r.id])


def _reviewed(r: SurveyResponse, actor: Actor) -> None:
    r.reviewed_at = utcnow()
    r.reviewed_by = actor.label


def accept(
    session: Session, actor: Actor, r: SurveyResponse, data: AcceptRequest
) -> SurveyResponse:
    if data.create_stakeholder == (data.stakeholder_id is not None) and r.invitation_id is None:
        raise Unprocessable(
            "Give either stakeholder_id (an existing stakeholder of the park) or "
            "create_stakeholder: true.",
            errors=[{"loc": ["body", "stakeholder_id"], "msg": "one of the two"}],
        )
    if r.invitation_id is not None and (data.create_stakeholder or data.stakeholder_id not in (
        None, r.stakeholder_id
    )):  # fmt: skip
        raise Unprocessable(
            "This response came through a personal link; it belongs to the invited stakeholder.",
            errors=[{"loc": ["body", "stakeholder_id"], "msg": "the invited stakeholder only"}],
        )
    if r.status == ResponseStatus.accepted.value:
        raise Conflict("This response has been accepted already.", extra={"status": r.status})

    target: Stakeholder | None = None
    sid = data.stakeholder_id or r.stakeholder_id
    if sid is not None:
        target = stakeholder_service.get_stakeholder(session, sid)
        if target.park_id != r.park_id:
            raise Unprocessable(
                "That stakeholder belongs to another park.",
                errors=[{"loc": ["body", "stakeholder_id"], "msg": "another park"}],
            )

    # Themes where an interest recorded otherwise would be replaced: the expert decides.
    existing = interest_service.interests_by_theme(session, target.id) if target else {}
    answers = [Answer.model_validate(a) for a in r.answers]
    clash = sorted(
        a.theme_code
        for a in answers
        if a.theme_code in existing and existing[a.theme_code].source != Source.survey.value
    )
    both = set(data.overwrite) & set(data.keep)
    open_ = [c for c in clash if c not in data.overwrite and c not in data.keep]
    if both:
        raise Unprocessable(
            f"A theme cannot be both overwritten and kept: {', '.join(sorted(both))}.",
            errors=[
                {"loc": ["body", "keep"], "msg": f"also in overwrite: {c}"} for c in sorted(both)
            ],
        )
    if open_:
        raise Conflict(
            f"{target.name if target else 'The stakeholder'} already has interests recorded "
            f"otherwise in {', '.join(open_)}. Say per theme whether the survey answer replaces "
            "it (overwrite) or the recorded interest stays (keep).",
            extra={
                "conflicts": [
                    {"theme_code": c, "interest_id": str(existing[c].id),
                     "source": existing[c].source} for c in open_
                ]
            },
        )  # fmt: skip

    if target is None:
        target = stakeholder_service.create_from_survey(
            session, actor, park_service.get_park(session, r.park_id),
            name=r.company_name or "", kind=data.kind.value, kvk_number=r.kvk_number,
            contact_name=r.contact_name, email=r.contact_email, phone=r.contact_phone,
        )  # fmt: skip
    for a in answers:
        if a.theme_code in data.keep and a.theme_code in clash:
            continue
        interest_service.record_survey_answer(
            session, actor, target, a.model_dump(), existing.get(a.theme_code)
        )
    before = RESPONSE.values(r)
    r.status = ResponseStatus.accepted.value
    r.stakeholder_id = target.id
    r.reject_reason = None
    _reviewed(r, actor)
    changes.updated(session, actor, RESPONSE, r, before, park_id=r.park_id)
    return r


def reject(session: Session, actor: Actor, r: SurveyResponse, reason: str) -> SurveyResponse:
    """Rejected answers count nowhere; interests already written by an earlier acceptance stay
    (they are the stakeholder's now; delete them there)."""
    if r.status == ResponseStatus.rejected.value:
        raise Conflict("This response has been rejected already.", extra={"status": r.status})
    before = RESPONSE.values(r)
    r.status = ResponseStatus.rejected.value
    r.reject_reason = reason
    _reviewed(r, actor)
    changes.updated(session, actor, RESPONSE, r, before, park_id=r.park_id)
    return r


def erase_personal_data(session: Session, actor: Actor, r: SurveyResponse) -> SurveyResponse:
    """The respondent's contact details go; the audit trail records that, not the values."""
    before = RESPONSE.values(r)
    for field in PERSONAL:
        setattr(r, field, None)
    r.personal_data_erased_at = utcnow()
    erased = {f: {"old": changes.REDACTED, "new": None} for f in PERSONAL if before.get(f)}
    session.add(r)
    session.flush()
    changes.record(session, [changes.Change("survey_response", r.id, r.park_id,
                                            changes.AuditAction.erase, r.version, actor,
                                            erased)])  # fmt: skip
    return r


@changes.on("stakeholder", changes.ChangeAction.update)
def _stakeholder_erased(session: Session, updated: list[changes.Change]) -> None:
    """A stakeholder's contact person erased: the contact details its survey responses hold
    go too (they are the same person's)."""
    for c in updated:
        if c.action is not changes.AuditAction.erase:
            continue
        for r in session.scalars(
            select(SurveyResponse).where(
                col(SurveyResponse.stakeholder_id) == c.entity_id,
                col(SurveyResponse.personal_data_erased_at).is_(None),
            )
        ):
            erase_personal_data(session, c.actor, r)
