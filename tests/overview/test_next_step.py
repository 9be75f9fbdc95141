"""The rules that choose a park's next step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from backend.overview import next_step as rules

DONE = rules.Situation(
    stakeholders=30,
    entrepreneurs=23,
    entrepreneurs_interviewed=20,
    shared_interests=5,
    uncovered_top_theme=None,
    running_projects=2,
    projects_at_business_case_or_later=1,
    first_running_project="Energiehub",
    organisations=1,
    last_assessment=date(2026, 6, 1),
    open_follow_ups=0,
    today=date(2026, 12, 2),
)


def _step(**change) -> rules.Todo:
    return rules.next_step(replace(DONE, **change), "nl")


def test_a_park_that_did_everything_keeps_it_up():
    assert _step().code == "keep_up"
    assert rules.next_step(DONE, "en").text.startswith("Keep the organisatiegraad up")


def test_the_rules_in_the_order_of_the_guidance():
    empty = _step(
        stakeholders=0,
        entrepreneurs=0,
        entrepreneurs_interviewed=0,
        shared_interests=0,
        running_projects=0,
        projects_at_business_case_or_later=0,
        organisations=0,
        last_assessment=None,
    )
    assert empty.code == "add_stakeholders"
    step = _step(entrepreneurs_interviewed=14)
    assert (step.code, step.text) == ("interview", "Nog 9 van de 23 ondernemers spreken")
    assert _step(entrepreneurs_interviewed=16).code != "interview"  # two thirds will do for now
    assert _step(shared_interests=0).code == "find_shared_interests"
    step = _step(uncovered_top_theme="Energiehub en netcongestie")
    assert (
        step.text
        == "Gedeelde belangen gevonden — start een project rond Energiehub en netcongestie"
    )
    step = _step(projects_at_business_case_or_later=0)
    assert (step.code, step.text) == ("business_case", "Werk de businesscase uit voor Energiehub")
    assert _step(organisations=0).code == "choose_organisation"
    assert _step(last_assessment=None).code == "assess"
    step = _step(last_assessment=date(2025, 10, 1))
    assert (step.code, step.text) == (
        "reassess",
        "Laatste meting 14 maanden geleden — meet de organisatiegraad opnieuw",
    )
    assert _step(last_assessment=date(2025, 12, 2)).code == "keep_up"  # exactly 12 months
    assert _step(open_follow_ups=3).text == "Er staan 3 vervolgafspraken open — plan ze in"


def test_all_rules_that_apply_are_listed_for_the_blocks():
    found = rules.todos(replace(DONE, organisations=0, last_assessment=None), "en")
    assert list(found) == ["choose_organisation", "assess"]
