"""Every phase rule of a project."""

from __future__ import annotations

import pytest

from backend.projects import phases


def _facts(phase: str, case: bool = False, committed: int = 0, signed: int = 0) -> phases.Facts:
    return phases.Facts(phase, case, committed, signed)


def _broken(facts: phases.Facts, to: str, reason: str | None = None) -> set[str]:
    return {r.code for r in phases.blocked(phases.rules_for(facts, to, reason))}


@pytest.mark.parametrize(
    ("current", "to"),
    [("idea", "exploration"), ("idea", "business_case"), ("exploration", "business_case")],
)
def test_moving_forward_before_realisation_is_free(current, to):
    assert _broken(_facts(current), to) == set()


def test_same_phase_is_refused():
    assert _broken(_facts("idea"), "idea") == {"same_phase"}


def test_realisation_needs_the_business_case_phase_a_case_and_a_commitment():
    assert _broken(_facts("business_case"), "realisation") == {
        "realisation_needs_business_case",
        "realisation_needs_commitment",
    }
    assert _broken(_facts("business_case", case=True), "realisation") == {
        "realisation_needs_commitment"
    }
    assert _broken(_facts("business_case", case=True, committed=1), "realisation") == set()
    assert _broken(_facts("exploration", case=True, committed=1), "realisation") == {
        "realisation_after_business_case"
    }


def test_operation_follows_realisation_with_a_signature():
    assert _broken(_facts("realisation", True, 1, 0), "operation") == {"operation_needs_signature"}
    assert _broken(_facts("realisation", True, 1, 1), "operation") == set()
    assert _broken(_facts("business_case", True, 1, 1), "operation") == {
        "operation_after_realisation"
    }


def test_stopping_needs_a_reason_from_any_phase():
    for phase in phases.ORDER:
        assert _broken(_facts(phase), "stopped") == {"stop_needs_reason"}
        assert _broken(_facts(phase), "stopped", "  ") == {"stop_needs_reason"}
        assert _broken(_facts(phase), "stopped", "Geen budget bij de gemeente") == set()


def test_going_back_needs_a_reason_and_never_from_operation():
    assert _broken(_facts("business_case"), "exploration") == {"back_needs_reason"}
    assert _broken(_facts("business_case"), "exploration", "Netbeheerder zegt nee") == set()
    assert _broken(_facts("operation", True, 1, 1), "idea", "opnieuw") == {
        "no_way_back_from_operation"
    }
    assert _broken(_facts("operation", True, 1, 1), "realisation", "uitbreiding") == {
        "no_way_back_from_operation",
        "realisation_after_business_case",
    }


def test_a_stopped_project_restarts_as_idea_or_exploration_with_a_reason():
    stopped = _facts("stopped")
    assert _broken(stopped, "idea") == {"restart_needs_reason"}
    assert _broken(stopped, "exploration", "Nieuwe subsidie") == set()
    assert _broken(stopped, "business_case", "Nieuwe subsidie") == {"restart_from_stopped"}
    assert _broken(_facts("stopped", True, 1, 1), "realisation", "x") >= {"restart_from_stopped"}


def test_which_steps_need_a_reason():
    assert phases.needs_reason("idea", "stopped")
    assert phases.needs_reason("stopped", "idea")
    assert phases.needs_reason("realisation", "business_case")
    assert not phases.needs_reason("idea", "exploration")
