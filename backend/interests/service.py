"""Rules for themes and interests, and the shared-interest aggregation (in SQL)."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select, update
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Session, col

from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.core.regions import DATA_DIR
from backend.interests import scoring
from backend.interests.models import (
    OBSTACLE_BITS,
    Interest,
    InterestCreate,
    InterestMatrix,
    InterestPublic,
    InterestUpdate,
    MatrixCell,
    MatrixStakeholder,
    SharedInterest,
    SharedInterests,
    Theme,
    ThemePublic,
    ThemeSkip,
    ThemeSkipPublic,
    Track,
    flags_to_obstacles,
    obstacles_to_flags,
)
from backend.interests.models import CoveringProject as CoveringProject  # for other domains
from backend.interests.models import Obstacle as Obstacle  # for other domains
from backend.interests.models import Source as Source  # for other domains
from backend.interests.models import Willingness as Willingness  # for other domains
from backend.stakeholders import service as stakeholder_service
from backend.stakeholders.service import Stakeholder

THEMES_CSV = DATA_DIR / "themes.csv"
AUDITED = (
    "theme_code", "current_situation", "challenge", "vision", "urgency",
    "investment_willingness", "budget_eur", "obstacles", "source",
)  # fmt: skip
MONEY = (Willingness.money.value, Willingness.time_and_money.value)
TIME_ONLY = Willingness.time.value
_OBSTACLE_BITS = [(o.value, bit) for o, bit in OBSTACLE_BITS.items()]  # plain str: hot loop
OBSTACLE_NAMES = [name for name, _ in _OBSTACLE_BITS]


def read_themes_csv(path: Path = THEMES_CSV) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{**row, "position": i} for i, row in enumerate(csv.DictReader(f))]


# --- themes -------------------------------------------------------------------------------------


def all_themes(session: Session) -> list[ThemePublic]:
    """The 17 themes. They change only by a migration, so each process reads them once."""
    global _THEMES
    if _THEMES is None:
        stmt = select(Theme).order_by(col(Theme.position), col(Theme.code))
        _THEMES = [theme_public(t) for t in session.scalars(stmt)]
    return _THEMES


_THEMES: list[ThemePublic] | None = None


def check_theme(session: Session, code: str, field: str = "theme_code") -> None:
    themes = all_themes(session)
    if all(t.code != code for t in themes):
        known = ", ".join(t.code for t in themes)
        raise Unprocessable(
            f"Unknown theme '{code}'. Known themes: {known}.",
            errors=[{"loc": ["body", field], "msg": f"unknown theme '{code}'"}],
        )


def theme_public(theme: Theme) -> ThemePublic:
    return ThemePublic.model_validate(theme)


# --- interests ----------------------------------------------------------------------------------


def _values(i: Interest) -> dict[str, Any]:
    values = {k: getattr(i, k) for k in AUDITED if k != "obstacles"}
    values["obstacles"] = [o.value for o in flags_to_obstacles(i.obstacle_flags)]
    return values


INTEREST = changes.Tracked("interest", AUDITED, read=_values)


def to_public(i: Interest) -> InterestPublic:
    return InterestPublic(
        id=i.id,
        stakeholder_id=i.stakeholder_id,
        park_id=i.park_id,
        theme_code=i.theme_code,
        current_situation=i.current_situation,
        challenge=i.challenge,
        vision=i.vision,
        urgency=i.urgency,
        investment_willingness=Willingness(i.investment_willingness),
        budget_eur=i.budget_eur,
        obstacles=flags_to_obstacles(i.obstacle_flags),
        source=Source(i.source),
        created_at=i.created_at,
        updated_at=i.updated_at,
        version=i.version,
    )


def get_interest(session: Session, interest_id: uuid.UUID) -> Interest:
    interest = session.get(Interest, interest_id)
    if interest is None:
        raise NotFound("There is no interest with this id.")
    return interest


def _check_unique(
    session: Session, stakeholder_id: uuid.UUID, theme: str, own: uuid.UUID | None
) -> None:
    other = session.scalar(
        select(col(Interest.id)).where(
            col(Interest.stakeholder_id) == stakeholder_id, col(Interest.theme_code) == theme
        )
    )
    if other is not None and other != own:
        raise Conflict(
            f"This stakeholder already has an interest in theme '{theme}' ({other}); "
            "change that one instead.",
            extra={"existing_id": str(other)},
        )


def list_interests(
    session: Session,
    *,
    park_id: uuid.UUID | None = None,
    stakeholder_id: uuid.UUID | None = None,
    theme_code: str | None = None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Interest], str | None]:
    stmt = select(Interest)
    if park_id is not None:
        stmt = stmt.where(col(Interest.park_id) == park_id)
    if stakeholder_id is not None:
        stmt = stmt.where(col(Interest.stakeholder_id) == stakeholder_id)
    if theme_code:
        stmt = stmt.where(col(Interest.theme_code) == theme_code)
    if updated_since is not None:
        stmt = stmt.where(col(Interest.updated_at) > updated_since)
        stmt = keyset(stmt, [col(Interest.updated_at), col(Interest.id)], "updated", cursor, limit)
        rows = session.scalars(stmt).all()
        return page_of(rows, limit, "updated", lambda i: [i.updated_at, i.id])
    stmt = keyset(stmt, [col(Interest.created_at), col(Interest.id)], "created", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "created", lambda i: [i.created_at, i.id])


def create_interest(
    session: Session,
    actor: Actor,
    stakeholder: Stakeholder,
    data: InterestCreate,
    *,
    source: Source | None = None,
) -> Interest:
    check_theme(session, data.theme_code)
    _check_unique(session, stakeholder.id, data.theme_code, None)
    values = data.model_dump(exclude={"obstacles"})
    values["investment_willingness"] = data.investment_willingness.value
    values["source"] = (source or data.source).value
    interest = Interest(
        **values,
        stakeholder_id=stakeholder.id,
        park_id=stakeholder.park_id,
        stakeholder_kind=stakeholder.kind,
        obstacle_flags=obstacles_to_flags(data.obstacles or []),
    )
    session.add(interest)
    changes.created(session, actor, INTEREST, interest, park_id=interest.park_id)
    _drop_skip(session, actor, stakeholder.id, data.theme_code)
    return interest


def interests_by_theme(session: Session, stakeholder_id: uuid.UUID) -> dict[str, Interest]:
    rows = session.scalars(select(Interest).where(col(Interest.stakeholder_id) == stakeholder_id))
    return {i.theme_code: i for i in rows}


def record_survey_answer(
    session: Session,
    actor: Actor,
    stakeholder: Stakeholder,
    values: Mapping[str, Any],
    existing: Interest | None,
) -> Interest:
    """An accepted survey answer (the fields of an interest) as the stakeholder's interest in
    its theme (``source: survey``): a new interest, or ``existing`` replaced (the caller
    decided it may be)."""
    answer = InterestCreate.model_validate(dict(values))
    if existing is None:
        return create_interest(session, actor, stakeholder, answer, source=Source.survey)
    before = _values(existing)
    existing.current_situation = answer.current_situation
    existing.challenge = answer.challenge
    existing.vision = answer.vision
    existing.urgency = answer.urgency
    existing.investment_willingness = answer.investment_willingness.value
    existing.budget_eur = answer.budget_eur
    existing.obstacle_flags = obstacles_to_flags(answer.obstacles or [])
    existing.source = Source.survey.value
    changes.updated(session, actor, INTEREST, existing, before, park_id=existing.park_id)
    return existing


def update_interest(
    session: Session, actor: Actor, interest: Interest, data: InterestUpdate
) -> Interest:
    given = data.model_dump(exclude_unset=True)
    for key in ("theme_code", "urgency", "investment_willingness"):
        if key in given and given[key] is None:
            raise Unprocessable(
                f"{key} cannot be empty", errors=[{"loc": ["body", key], "msg": "may not be null"}]
            )
    if "theme_code" in given and given["theme_code"] != interest.theme_code:
        check_theme(session, given["theme_code"])
        _check_unique(session, interest.stakeholder_id, given["theme_code"], interest.id)
        _drop_skip(session, actor, interest.stakeholder_id, given["theme_code"])
    before = _values(interest)
    if "obstacles" in given:
        interest.obstacle_flags = obstacles_to_flags(given.pop("obstacles") or [])
    if "investment_willingness" in given:
        given["investment_willingness"] = Willingness(given["investment_willingness"]).value
    for key, value in given.items():
        setattr(interest, key, value)
    changes.updated(session, actor, INTEREST, interest, before, park_id=interest.park_id)
    return interest


def delete_interest(session: Session, actor: Actor, interest: Interest) -> None:
    changes.deleted(session, actor, INTEREST, interest, park_id=interest.park_id)
    session.delete(interest)
    session.flush()


# --- themes skipped in an interview -------------------------------------------------------------


SKIP = changes.Tracked("theme_skip", ("stakeholder_id", "theme_code"))


def skip_public(skip: ThemeSkip) -> ThemeSkipPublic:
    return ThemeSkipPublic(
        stakeholder_id=skip.stakeholder_id,
        park_id=skip.park_id,
        theme_code=skip.theme_code,
        created_at=skip.created_at,
    )


def skipped_themes(session: Session, stakeholder_id: uuid.UUID) -> list[ThemeSkip]:
    """A stakeholder's skipped themes, in the order they were skipped."""
    return list(
        session.scalars(
            select(ThemeSkip)
            .where(col(ThemeSkip.stakeholder_id) == stakeholder_id)
            .order_by(col(ThemeSkip.created_at), col(ThemeSkip.theme_code))
        )
    )


def _find_skip(session: Session, stakeholder_id: uuid.UUID, theme_code: str) -> ThemeSkip | None:
    return session.scalar(
        select(ThemeSkip).where(
            col(ThemeSkip.stakeholder_id) == stakeholder_id,
            col(ThemeSkip.theme_code) == theme_code,
        )
    )


def _known_theme(session: Session, code: str) -> None:
    """For a theme named in the path: an unknown one is not there (404), not a bad body."""
    if all(t.code != code for t in all_themes(session)):
        raise NotFound(f"There is no theme '{code}'; GET /api/v1/themes lists them.")


def skip_theme(
    session: Session, actor: Actor, stakeholder: Stakeholder, theme_code: str
) -> tuple[ThemeSkip, bool]:
    """Mark a theme as skipped for a stakeholder; idempotent. Returns the skip and whether it is
    new. A theme with a recorded interest was not skipped: 409."""
    _known_theme(session, theme_code)
    interest_id = session.scalar(
        select(col(Interest.id)).where(
            col(Interest.stakeholder_id) == stakeholder.id, col(Interest.theme_code) == theme_code
        )
    )
    if interest_id is not None:
        raise Conflict(
            f"This stakeholder has an interest in theme '{theme_code}' ({interest_id}), so the "
            "theme was not skipped; delete the interest first.",
            extra={"existing_id": str(interest_id)},
        )
    existing = _find_skip(session, stakeholder.id, theme_code)
    if existing is not None:
        return existing, False
    skip = ThemeSkip(
        stakeholder_id=stakeholder.id, park_id=stakeholder.park_id, theme_code=theme_code
    )
    session.add(skip)
    changes.created(session, actor, SKIP, skip, park_id=skip.park_id)
    return skip, True


def unskip_theme(session: Session, actor: Actor, stakeholder: Stakeholder, theme_code: str) -> None:
    """Take a skip back, so the theme is open again; 404 when it was not skipped."""
    _known_theme(session, theme_code)
    if not _drop_skip(session, actor, stakeholder.id, theme_code):
        raise NotFound(f"Theme '{theme_code}' is not skipped for this stakeholder.")


def _drop_skip(session: Session, actor: Actor, stakeholder_id: uuid.UUID, theme_code: str) -> bool:
    skip = _find_skip(session, stakeholder_id, theme_code)
    if skip is None:
        return False
    changes.deleted(session, actor, SKIP, skip, park_id=skip.park_id)
    session.delete(skip)
    session.flush()
    return True


changes.cascades("stakeholder", "theme_skip", ThemeSkip, key="stakeholder_id")


# --- reacting to stakeholder changes ------------------------------------------------------------


@changes.on("stakeholder", changes.ChangeAction.update)
def _stakeholder_kind_changed(session: Session, updated: list[changes.Change]) -> None:
    """An interest keeps its stakeholder's kind (for the aggregation): follow a new kind."""
    moved = [
        {"b_id": c.entity_id, "b_kind": c.after["kind"]}
        for c in updated
        if c.before and c.after and c.before.get("kind") != c.after.get("kind")
    ]
    if not moved:
        return
    i = Interest.__table__  # type: ignore[attr-defined]
    stmt = (
        update(i)
        .where(i.c.stakeholder_id == bindparam("b_id"))
        .values(stakeholder_kind=bindparam("b_kind"))
    )
    for start in range(0, len(moved), 1000):
        session.connection().execute(stmt, moved[start : start + 1000])


@changes.on("stakeholder", changes.ChangeAction.delete)
def _stakeholders_deleted(session: Session, gone: list[changes.Change]) -> None:
    """A deleted stakeholder's interests go with it (the database cascades): tombstones."""
    by_id = {c.entity_id: c for c in gone}
    ids = list(by_id)
    for start in range(0, len(ids), 1000):
        rows = session.execute(
            select(col(Interest.id), col(Interest.stakeholder_id), col(Interest.version)).where(
                col(Interest.stakeholder_id).in_(ids[start : start + 1000])
            )
        ).all()
        tombstones = [
            tombstone
            for iid, sid, version in rows
            for tombstone in changes.cascaded_deletes(
                by_id[sid].actor, "interest", [(iid, by_id[sid].park_id, version)], by_id[sid]
            )
        ]
        changes.record(session, tombstones)


# --- shared interests ---------------------------------------------------------------------------


CoverageFinder = Callable[[Session, uuid.UUID], dict[str, list[CoveringProject]]]
_COVERAGE: list[CoverageFinder] = []


def covers_themes(finder: CoverageFinder) -> CoverageFinder:
    """Register ``finder(session, park_id) -> {theme_code: [CoveringProject]}``: a higher
    domain (projects) tells the ranking which themes its work already covers."""
    if finder not in _COVERAGE:
        _COVERAGE.append(finder)
    return finder


def _covered_themes(session: Session, park_id: uuid.UUID) -> dict[str, list[CoveringProject]]:
    covered: dict[str, list[CoveringProject]] = {}
    for finder in _COVERAGE:
        for code, found in finder(session, park_id).items():
            covered.setdefault(code, []).extend(found)
    return covered


def interviewed_by_kind(session: Session, park_id: uuid.UUID) -> dict[str, int]:
    """Stakeholders with at least one recorded interest, per kind (one GROUP BY)."""
    rows = session.execute(
        select(
            col(Interest.stakeholder_kind), func.count(func.distinct(col(Interest.stakeholder_id)))
        )
        .where(col(Interest.park_id) == park_id)
        .group_by(col(Interest.stakeholder_kind))
    )
    return {kind: n for kind, n in rows}


def stakeholders_interested_in(
    session: Session, park_id: uuid.UUID, theme_code: str
) -> list[uuid.UUID]:
    """The stakeholders of the park with an interest in the theme, most urgent first."""
    rows = session.execute(
        select(col(Interest.stakeholder_id))
        .where(col(Interest.park_id) == park_id, col(Interest.theme_code) == theme_code)
        .order_by(col(Interest.urgency).desc(), col(Interest.created_at), col(Interest.id))
    )
    return [sid for (sid,) in rows]


def _build_shared_interest_queries() -> tuple[Select[Any], Select[Any]]:
    """Built once: the two statements of ``shared_interests``, with ``:park_id`` bound later."""
    i = sa_inspect(Interest).local_table.c
    park = bindparam("park_id", type_=i.park_id.type)

    def answered_by(survey: bool) -> Any:
        by_survey = i.source == Source.survey.value
        return func.count(
            func.distinct(case((by_survey if survey else ~by_survey, i.stakeholder_id)))
        )

    # Interviewed (any source), the park's stakeholders, and who answered how: one pass over the
    # park's interests.
    counts = select(
        func.count(func.distinct(i.stakeholder_id)),
        stakeholder_service.count_in_park(park),
        answered_by(survey=False),
        answered_by(survey=True),
    ).where(i.park_id == park)

    def count_if(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    # An integer count per obstacle (``(flags & bit) / bit`` was compiled as a numeric division
    # on PostgreSQL, which made the GROUP BY almost three times slower).
    obstacle_sums = [
        func.sum(case((i.obstacle_flags.op("&")(bit) != 0, 1), else_=0))
        for _, bit in _OBSTACLE_BITS
    ]
    groups = (
        select(
            i.theme_code,
            i.stakeholder_kind,
            func.count(),
            func.sum(i.urgency),
            count_if(i.investment_willingness.in_(MONEY)),
            count_if(i.investment_willingness == TIME_ONLY),
            func.sum(i.budget_eur),
            *obstacle_sums,
        )
        .where(i.park_id == park)
        .group_by(i.theme_code, i.stakeholder_kind)
    )
    return counts, groups


_COUNTS, _GROUPS = _build_shared_interest_queries()


def _build_ranking_query() -> Select[Any]:
    """Built once: what the ranking alone needs (``top_shared_interests``), per theme × kind,
    with the number of stakeholders interviewed on every row (one statement, not two)."""
    i = sa_inspect(Interest).local_table.c
    park = bindparam("park_id", type_=i.park_id.type)
    interviewed = (
        select(func.count(func.distinct(i.stakeholder_id)))
        .where(i.park_id == park)
        .scalar_subquery()
    )
    return (
        select(
            i.theme_code,
            i.stakeholder_kind,
            func.count(),
            func.sum(i.urgency),
            func.sum(case((i.investment_willingness.in_(MONEY), 1), else_=0)),
            func.sum(case((i.investment_willingness == TIME_ONLY, 1), else_=0)),
            interviewed,
        )
        .where(i.park_id == park)
        .group_by(i.theme_code, i.stakeholder_kind)
    )


_RANKING = _build_ranking_query()


def top_shared_interests(
    session: Session, park_id: uuid.UUID, *, min_stakeholders: int, limit: int
) -> list[scoring.RankedTheme]:
    """The first ``limit`` themes of ``shared_interests`` (every track), ranked and scored
    alike, without what only the full answer shows (names, explanations, budgets, obstacles,
    covering projects): one statement. The tallies' ``pledged_budget_eur`` is 0 here."""
    known = {t.code for t in all_themes(session)}
    acc: dict[str, list[Any]] = {}
    interviewed = 0
    for code, kind, count, urgency_sum, money, time_only, asked in session.execute(
        _RANKING, {"park_id": park_id}
    ):
        interviewed = int(asked or 0)
        if code not in known:
            continue
        a = acc.get(code)
        if a is None:
            a = acc[code] = [0, 0, 0, 0, {}]
        a[0] += count
        a[1] += int(urgency_sum or 0)
        a[2] += int(money or 0)
        a[3] += int(time_only or 0)
        a[4][kind] = a[4].get(kind, 0) + count
    tallies = [
        scoring.ThemeTally(
            theme_code=code,
            stakeholder_count=n,
            urgency_sum=urgency,
            money_count=money,
            time_only_count=time_only,
            pledged_budget_eur=0.0,
            kinds=kinds,
        )
        for code, (n, urgency, money, time_only, kinds) in acc.items()
    ]
    return scoring.rank(tallies, interviewed, min_stakeholders)[:limit]


def shared_interests(
    session: Session,
    park_id: uuid.UUID,
    *,
    min_stakeholders: int,
    track: str | None,
    language: str,
) -> SharedInterests:
    params = {"park_id": park_id}
    interviewed, stakeholder_count, by_interview, by_survey = (
        int(n or 0) for n in session.execute(_COUNTS, params).one()
    )
    themes = {t.code: t for t in all_themes(session) if track is None or t.track == track}

    # One GROUP BY (theme × stakeholder kind) in SQL; Python adds up its few hundred groups.
    acc: dict[str, dict[str, Any]] = {}
    for (
        code,
        kind,
        count,
        urgency_sum,
        money,
        time_only,
        budget,
        *obstacle_counts,
    ) in session.execute(_GROUPS, params):
        if code not in themes:
            continue
        a = acc.get(code)
        if a is None:
            a = acc[code] = {
                "n": 0,
                "urgency": 0,
                "money": 0,
                "time": 0,
                "budget": Decimal(0),
                "kinds": {},
                "obstacles": dict.fromkeys(OBSTACLE_NAMES, 0),
            }
        a["n"] += count
        a["urgency"] += int(urgency_sum or 0)
        a["money"] += int(money or 0)
        a["time"] += int(time_only or 0)
        a["budget"] += Decimal(str(budget or 0))
        a["kinds"][kind] = a["kinds"].get(kind, 0) + count
        for name, value in zip(OBSTACLE_NAMES, obstacle_counts, strict=True):
            a["obstacles"][name] += int(value or 0)

    tallies = [
        scoring.ThemeTally(
            theme_code=code,
            stakeholder_count=a["n"],
            urgency_sum=a["urgency"],
            money_count=a["money"],
            time_only_count=a["time"],
            pledged_budget_eur=float(a["budget"]),
            kinds=a["kinds"],
        )
        for code, a in acc.items()
    ]
    covered = _covered_themes(session, park_id)
    ranked = scoring.rank(tallies, interviewed, min_stakeholders)
    items = []
    for position, r in enumerate(ranked, start=1):
        code = r.tally.theme_code
        theme = themes[code]
        items.append(
            SharedInterest(
                theme_code=code,
                theme_name=theme.name_nl if language == "nl" else theme.name_en,
                track=Track(theme.track),
                rank=position,
                stakeholder_count=r.tally.stakeholder_count,
                share_of_stakeholders=r.share_of_stakeholders,
                kinds=dict(sorted(r.tally.kinds.items())),
                mean_urgency=r.mean_urgency,
                willing_to_invest_count=r.tally.money_count,
                willing_time_only_count=r.tally.time_only_count,
                pledged_budget_eur=acc[code]["budget"].quantize(Decimal("0.01")),
                obstacles=acc[code]["obstacles"],
                covered_by_project=code in covered,
                covering_projects=covered.get(code, []),
                score=r.score,
                explanation=scoring.explain(r, interviewed, position, language),
            )
        )
    return SharedInterests(
        park_id=park_id,
        interviewed_stakeholders=interviewed,
        answered_by_interview=by_interview,
        answered_by_survey=by_survey,
        stakeholder_count=stakeholder_count,
        min_stakeholders=min_stakeholders,
        language=language,
        items=items,
    )


def interest_matrix(session: Session, park_id: uuid.UUID) -> InterestMatrix:
    stakeholders = stakeholder_service.names_and_kinds(session, park_id)
    cells = session.execute(
        select(
            col(Interest.stakeholder_id),
            col(Interest.theme_code),
            col(Interest.urgency),
            col(Interest.investment_willingness),
        ).where(col(Interest.park_id) == park_id)
    ).all()
    return InterestMatrix(
        park_id=park_id,
        stakeholders=[MatrixStakeholder(id=a, name=b, kind=c) for a, b, c in stakeholders],
        themes=all_themes(session),
        cells=[
            MatrixCell(stakeholder_id=a, theme_code=b, urgency=c, investment_willingness=d)
            for a, b, c, d in cells
        ],
    )


def interviewed_per_park() -> Any:
    """A subquery for overviews over many parks: ``park_id`` and ``interviewed``, the number of
    its stakeholders with at least one recorded interest."""
    return (
        select(
            col(Interest.park_id).label("park_id"),
            func.count(func.distinct(col(Interest.stakeholder_id))).label("interviewed"),
        )
        .group_by(col(Interest.park_id))
        .subquery("interviewed")
    )


def interest_counts(session: Session, park_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Per stakeholder of the park with recorded interests: how many (one GROUP BY)."""
    rows = session.execute(
        select(col(Interest.stakeholder_id), func.count())
        .where(col(Interest.park_id) == park_id)
        .group_by(col(Interest.stakeholder_id))
    )
    return {sid: int(n) for sid, n in rows}
