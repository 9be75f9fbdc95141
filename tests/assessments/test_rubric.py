"""The organisatiegraad rubric: each component, the level boundaries, and that a stored
assessment keeps its score when the rubric's words change."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from backend.assessments import rubric

NOTHING = rubric.ParkFacts(
    core_team_members=0, board_members=0, forms=(), organisations_with_core_team=0,
    organisations_with_board=0, park_manager_stakeholders=0, reachable=0, reached=0,
    projects_in_operation=0, projects_in_realisation=0, running_tracks=(), outside_reached=(),
)  # fmt: skip
ALL_FOUR = dict.fromkeys(rubric.POINTS, 4)
ALL_ZERO = dict.fromkeys(rubric.POINTS, 0)


def _points(facts: rubric.ParkFacts) -> dict[str, Decimal]:
    return {c.code: c.points for c in rubric.data_components(facts)}


def test_nothing_scores_nothing_and_everything_scores_100():
    result = rubric.assess(ALL_ZERO, NOTHING)
    assert result.score == 0 and result.level == 0
    full = rubric.ParkFacts(
        core_team_members=3, board_members=2, forms=("biz", "stichting", "parkmanagement"),
        organisations_with_core_team=1, organisations_with_board=1, park_manager_stakeholders=0,
        reachable=40, reached=40, projects_in_operation=1, projects_in_realisation=0,
        running_tracks=("schoon_heel_veilig", "toekomstbestendig"),
        outside_reached=("municipality", "grid_operator", "financier"),
    )  # fmt: skip
    result = rubric.assess(ALL_FOUR, full)
    assert result.score == 100 and result.level == 4
    assert sum(c.max_points for c in result.components) == 100


@pytest.mark.parametrize(
    ("change", "code", "points"),
    [
        ({"core_team_members": 1}, "core_team", 3),
        ({"organisations_with_core_team": 1}, "core_team", 3),
        ({"board_members": 1}, "board", 3),
        ({"organisations_with_board": 2}, "board", 3),
        ({"forms": ("ondernemersvereniging",)}, "legal_entity", 5),
        ({"forms": ("werkgroep",)}, "legal_entity", 0),  # no legal person
        ({"forms": ("biz",)}, "stable_financing", 6),
        ({"forms": ("ondernemersfonds",)}, "stable_financing", 6),
        ({"forms": ("werkgroep",)}, "stable_financing", 0),
        ({"forms": ("parkmanagement",)}, "park_manager", 4),
        ({"park_manager_stakeholders": 1}, "park_manager", 4),
        ({"reachable": 30, "reached": 10}, "reach", Decimal("2.7")),  # 8 × 1/3 = 2.67
        ({"reachable": 8, "reached": 8}, "reach", 8),
        ({"reachable": 0, "reached": 0}, "reach", 0),
        ({"projects_in_realisation": 2}, "realisation", 3),
        ({"projects_in_operation": 1, "projects_in_realisation": 1}, "realisation", 5),
        ({"running_tracks": ("toekomstbestendig",)}, "both_tracks", 1),
        ({"running_tracks": ("schoon_heel_veilig", "toekomstbestendig")}, "both_tracks", 3),
        ({"outside_reached": ("municipality",)}, "outside_contacts", 1),
        (
            {"outside_reached": ("municipality", "financier", "grid_operator")},
            "outside_contacts",
            3,
        ),
    ],
)
def test_each_data_component(change, code, points):
    got = _points(replace(NOTHING, **change))
    assert got[code] == Decimal(points)
    assert all(v == 0 for k, v in got.items() if k != code)


def test_the_expert_part_scales_28_marks_to_60_points():
    assert rubric.expert_component(ALL_FOUR).points == 60
    assert rubric.expert_component({**ALL_ZERO, "continuity": 1}).points == Decimal("2.1")
    half = {p: 2 for p in rubric.POINTS}
    assert rubric.expert_component(half).points == 30


@pytest.mark.parametrize(
    ("score", "level"),
    [(0, 0), (Decimal("19.9"), 0), (20, 1), (Decimal("39.9"), 1), (40, 2), (59, 2), (60, 3),
     (Decimal("79.9"), 3), (80, 4), (100, 4)],
)  # fmt: skip
def test_level_boundaries_belong_to_the_higher_level(score, level):
    assert rubric.level_of(score) == level


def test_every_point_and_component_has_texts_in_both_languages():
    for code in rubric.POINTS:
        texts = rubric.POINT_TEXTS[code]
        assert {"title", "question", "0", "2", "4"} <= set(texts)
        assert all(t.nl and t.en and t.nl != t.en for t in texts.values())
    assert set(rubric.MAX_POINTS) | {"expert"} == set(rubric.COMPONENT_TEXTS)
    assert sum(rubric.MAX_POINTS.values()) + 60 == 100
    for c in rubric.data_components(NOTHING):
        assert rubric.explain(c.code, c.facts, "nl") and rubric.explain(c.code, c.facts, "en")
