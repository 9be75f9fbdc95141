"""The advice's rules on a table of realistic parks: the top form, the combination, the
blockers, and that every reason names a known source."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from backend.organisations.advice import (
    RULES,
    Answers,
    Existing,
    Project,
    Situation,
    Theme,
    advise,
)
from backend.organisations.forms import CATALOGUE, SOURCES, Form

FUTURE = {
    "energy_generation", "energy_hub", "energy_saving", "ev_charging", "water", "greening",
    "circularity", "heat", "mobility",
}  # fmt: skip


def T(code: str, n: int = 6, willing: int = 3) -> Theme:
    track = "toekomstbestendig" if code in FUTURE else "schoon_heel_veilig"
    return Theme(code, track, f"{code} (nl)", f"{code} (en)", n, willing)


SITUATIONS = {
    "new_park_nothing_known": Situation(
        company_count=40, stakeholder_count=3, entrepreneurs=3, interviewed=1
    ),
    "first_interviews_security": Situation(
        company_count=60,
        stakeholder_count=12,
        entrepreneurs=10,
        interviewed=8,
        shared=(T("security"), T("kvo")),
    ),
    "core_team_security_levy_ok": Situation(
        company_count=120,
        stakeholder_count=20,
        entrepreneurs=16,
        property_owners=2,
        interviewed=15,
        core_team_or_board=3,
        poll_yes=9,
        poll_no=3,
        woz_known_eur=Decimal(25_000_000),
        shared=(T("security"), T("public_space"), T("waste")),
        answers=Answers(
            municipality_cooperates=True,
            mandatory_contribution_acceptable=True,
            levy_for_this_area_only=True,
        ),
    ),
    "municipality_refuses": Situation(
        company_count=120,
        stakeholder_count=20,
        entrepreneurs=16,
        interviewed=15,
        core_team_or_board=3,
        shared=(T("security"), T("public_space")),
        answers=Answers(municipality_cooperates=False),
    ),
    "no_mandatory_contribution": Situation(
        company_count=80,
        stakeholder_count=15,
        entrepreneurs=12,
        interviewed=12,
        core_team_or_board=2,
        shared=(T("security"), T("signage")),
        answers=Answers(mandatory_contribution_acceptable=False, needs_legal_entity=True),
    ),
    "energy_hub_grid_congestion": Situation(
        company_count=300,
        stakeholder_count=14,
        entrepreneurs=10,
        property_owners=2,
        interviewed=14,
        core_team_or_board=4,
        shared=(T("energy_hub", 8, 6), T("energy_generation", 6, 4), T("security")),
        answers=Answers(will_own_assets=True, distribute_profit=True),
    ),
    "solar_park_profit": Situation(
        company_count=50,
        stakeholder_count=10,
        entrepreneurs=9,
        interviewed=9,
        core_team_or_board=2,
        organisations=(Existing(Form.ondernemersvereniging, "OV Zuid", has_board=True),),
        shared=(T("energy_generation", 6, 5),),
        projects=(Project("Zonnepark", ("energy_generation",), "business_case"),),
        answers=Answers(will_own_assets=True, distribute_profit=True, needs_legal_entity=True),
    ),
    "fund_municipality_wide": Situation(
        company_count=90,
        stakeholder_count=18,
        entrepreneurs=15,
        interviewed=14,
        core_team_or_board=3,
        poll_yes=4,
        poll_no=5,
        woz_known_eur=Decimal(40_000_000),
        shared=(T("public_space"), T("greening")),
        answers=Answers(
            municipality_cooperates=True,
            mandatory_contribution_acceptable=True,
            levy_for_this_area_only=False,
            annual_budget_eur=Decimal(20_000),
        ),
    ),
    "fund_budget_too_big": Situation(
        company_count=90,
        stakeholder_count=18,
        entrepreneurs=15,
        interviewed=14,
        core_team_or_board=3,
        woz_known_eur=Decimal(10_000_000),
        shared=(T("public_space"),),
        answers=Answers(
            municipality_cooperates=True,
            mandatory_contribution_acceptable=True,
            levy_for_this_area_only=False,
            annual_budget_eur=Decimal(100_000),
        ),
    ),
    "existing_biz_renewal": Situation(
        company_count=200,
        stakeholder_count=30,
        entrepreneurs=25,
        interviewed=20,
        core_team_or_board=4,
        park_managers=1,
        organisations=(
            Existing(Form.biz, "BIZ Noord", founded_on=date(2022, 1, 1)),
            Existing(Form.stichting, "Stichting BIZ Noord", has_board=True),
            Existing(Form.parkmanagement, "Parkmanagement Noord"),
        ),
        shared=(T("security"), T("parking")),
        answers=Answers(municipality_cooperates=True, mandatory_contribution_acceptable=True),
    ),
    "existing_association_voluntary": Situation(
        company_count=70,
        stakeholder_count=20,
        entrepreneurs=18,
        interviewed=16,
        core_team_or_board=3,
        organisations=(
            Existing(Form.ondernemersvereniging, "OV Westpoort", has_board=True, member_count=40),
        ),
        shared=(T("mobility"), T("greening")),
        answers=Answers(
            mandatory_contribution_acceptable=False, will_own_assets=False, distribute_profit=False
        ),
    ),
    "poll_fails_users": Situation(
        company_count=100,
        stakeholder_count=25,
        entrepreneurs=20,
        interviewed=20,
        core_team_or_board=3,
        poll_yes=6,
        poll_no=7,
        shared=(T("security"), T("public_space")),
        answers=Answers(municipality_cooperates=True),
    ),
    "park_manager_large_park": Situation(
        company_count=450,
        stakeholder_count=40,
        entrepreneurs=30,
        property_owners=5,
        park_managers=1,
        interviewed=30,
        core_team_or_board=6,
        organisations=(
            Existing(
                Form.ondernemersvereniging,
                "Vereniging Parkstad",
                has_board=True,
                has_core_team=True,
                member_count=120,
            ),
        ),
        shared=(T("public_space"), T("security"), T("ev_charging", 5, 1)),
        answers=Answers(
            municipality_cooperates=True,
            mandatory_contribution_acceptable=True,
            levy_for_this_area_only=True,
        ),
    ),
    "legal_entity_needed_no_levy_unknown": Situation(
        company_count=30,
        stakeholder_count=8,
        entrepreneurs=7,
        interviewed=6,
        core_team_or_board=2,
        shared=(T("waste"), T("circularity")),
        answers=Answers(needs_legal_entity=True, will_own_assets=False),
    ),
}

# situation -> (the form ranked first, the recommended combination)
EXPECTED = {
    "new_park_nothing_known": (Form.werkgroep, [Form.werkgroep]),
    "first_interviews_security": (Form.werkgroep, [Form.werkgroep]),
    "core_team_security_levy_ok": (Form.biz, [Form.biz, Form.ondernemersvereniging]),
    "municipality_refuses": (Form.ondernemersvereniging, [Form.ondernemersvereniging]),
    "no_mandatory_contribution": (Form.ondernemersvereniging, [Form.ondernemersvereniging]),
    "energy_hub_grid_congestion": (Form.cooperatie, [Form.cooperatie]),
    "solar_park_profit": (Form.cooperatie, [Form.cooperatie]),
    "fund_municipality_wide": (Form.ondernemersfonds, [Form.ondernemersfonds, Form.stichting]),
    "fund_budget_too_big": (Form.biz, [Form.biz, Form.ondernemersvereniging]),
    "existing_biz_renewal": (Form.biz, [Form.biz, Form.stichting, Form.parkmanagement]),
    "existing_association_voluntary": (Form.ondernemersvereniging, [Form.ondernemersvereniging]),
    "poll_fails_users": (Form.ondernemersvereniging, [Form.ondernemersvereniging]),
    "park_manager_large_park": (
        Form.biz,
        [Form.biz, Form.ondernemersvereniging, Form.parkmanagement],
    ),
    "legal_entity_needed_no_levy_unknown": (
        Form.ondernemersvereniging,
        [Form.ondernemersvereniging],
    ),
}


def blocked(advice, form: Form) -> bool:
    return any(r.form is form and r.blockers for r in advice.recommendations)


@pytest.mark.parametrize("case", list(SITUATIONS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_table_of_parks(case: str, language: str):
    advice = advise(SITUATIONS[case], language)
    top, combination = EXPECTED[case]
    assert advice.recommendations[0].form is top, [
        (r.form.value, r.score) for r in advice.recommendations
    ]
    assert list(advice.combination.forms) == combination
    assert advice.combination.rationale
    # Every form, ranked 1..8, each score 0–100; open forms before blocked ones.
    recs = advice.recommendations
    assert sorted(r.form for r in recs) == sorted(f.form for f in CATALOGUE)
    assert [r.rank for r in recs] == list(range(1, 9))
    assert all(0 <= r.score <= 100 for r in recs)
    flags = [bool(r.blockers) for r in recs]
    assert flags == sorted(flags)
    # Every reason and blocker has a text without a left-over placeholder, and a known source.
    for r in recs:
        for reason in (*r.reasons, *r.blockers):
            assert reason.text and "{" not in reason.text and reason.source in SOURCES
    for step in advice.path:
        assert step.text and step.source in SOURCES and "{" not in step.text
    # Deterministic.
    assert advise(SITUATIONS[case], language) == advice


def test_what_blocks_what():
    refuses = advise(SITUATIONS["municipality_refuses"])
    assert blocked(refuses, Form.biz) and blocked(refuses, Form.ondernemersfonds)
    no_levy = advise(SITUATIONS["no_mandatory_contribution"])
    assert blocked(no_levy, Form.biz) and blocked(no_levy, Form.ondernemersfonds)
    assert blocked(no_levy, Form.werkgroep)  # a legal person is needed
    profit = advise(SITUATIONS["solar_park_profit"])
    assert blocked(profit, Form.ondernemersvereniging) and blocked(profit, Form.werkgroep)
    area = advise(SITUATIONS["core_team_security_levy_ok"])
    assert blocked(area, Form.ondernemersfonds)  # an OZB surcharge is municipality-wide
    assert not blocked(area, Form.biz)


def test_unknown_answers_are_said_not_guessed():
    advice = advise(SITUATIONS["new_park_nothing_known"])
    texts = " ".join(q.text for q in advice.open_questions)
    assert "gemeente meewerkt" in texts and "stichting en BV zeggen de bronnen niets" in texts
    assert len(advice.open_questions) == 7
    known = advise(SITUATIONS["fund_municipality_wide"])
    assert len(known.open_questions) == 3


def test_the_fund_estimate_uses_the_usual_rate_on_the_known_woz_value():
    advice = advise(SITUATIONS["fund_municipality_wide"])
    fund = next(r for r in advice.recommendations if r.form is Form.ondernemersfonds)
    estimate = next(r for r in fund.reasons if "WOZ" in r.text)
    # €40M WOZ × €50–70 per €100,000 = €20,000–28,000 a year.
    assert "20.000–28.000" in estimate.text and estimate.points == 5
    short = advise(SITUATIONS["fund_budget_too_big"])
    fund = next(r for r in short.recommendations if r.form is Form.ondernemersfonds)
    assert any("5.000–7.000" in r.text and r.points == -10 for r in fund.reasons)


def test_the_path_starts_where_the_park_is():
    start = advise(SITUATIONS["new_park_nothing_known"])
    assert [s.form for s in start.path] == [None, Form.werkgroep]  # inventory, then a werkgroep
    biz = advise(SITUATIONS["core_team_security_levy_ok"])
    assert [s.form for s in biz.path] == [Form.biz] * 3 + [Form.ondernemersvereniging]
    assert any("twee derde" in r for r in biz.path[2].requires)
    renewal = advise(SITUATIONS["existing_biz_renewal"])
    assert renewal.path[0].done and "2027-01-01" in renewal.path[0].text


def test_projects_count_for_the_advice():
    base = SITUATIONS["first_interviews_security"]
    with_hub = replace(base, projects=(Project("Energiehub", ("energy_hub",), "business_case"),))
    advice = advise(with_hub)
    coop = next(r for r in advice.recommendations if r.form is Form.cooperatie)
    assert any(r.source == "energy_hub" for r in coop.reasons)
    werkgroep = next(r for r in advice.recommendations if r.form is Form.werkgroep)
    assert any("Energiehub" in r.text for r in werkgroep.reasons)
    stopped = replace(base, projects=(Project("Energiehub", ("energy_hub",), "stopped"),))
    assert advise(stopped) == advise(base)


def test_every_rule_names_a_known_source_and_both_languages():
    for rule in RULES:
        assert rule.source in SOURCES and rule.nl and rule.en and rule.nl != rule.en
