"""The BIZ vote arithmetic: each boundary with integers, and ``needed`` against brute force."""

from __future__ import annotations

import itertools
import random

import pytest

from backend.organisations.bizvote import Group, LevyOn, Vote, Voter, conditions, count, simulate

U, OW = Group.user, Group.owner
Y, N, X = Vote.yes, Vote.no, Vote.none


def voters(spec: list[tuple[Group, Vote, int]]) -> list[Voter]:
    return [Voter(g, v, w) for g, v, w in spec]


def cond(outcome, code):
    return next(c for c in outcome.conditions if c.code == code)


def test_exactly_half_turnout_passes_and_one_less_fails():
    # 10 entitled; 5 vote (all yes, with WOZ): exactly half.
    half = voters([(U, Y, 100)] * 5 + [(U, X, 100)] * 5)
    out = simulate(LevyOn.users, half)
    assert cond(out, "turnout").passed and cond(out, "turnout").required == 5
    assert out.passed and out.needed.yes_votes == 0
    less = voters([(U, Y, 100)] * 4 + [(U, X, 100)] * 6)
    out = simulate(LevyOn.users, less)
    assert not cond(out, "turnout").passed
    assert out.needed.yes_votes == 1 and out.needed.from_non_voters == 1
    # An odd electorate: 7 entitled need 4 votes (3.5 rounded up).
    odd = voters([(U, Y, 1)] * 3 + [(U, X, 1)] * 4)
    assert not cond(simulate(LevyOn.users, odd), "turnout").passed
    assert cond(simulate(LevyOn.users, odd), "turnout").required == 4


def test_exactly_two_thirds_in_favour_passes_and_just_under_fails():
    exact = voters([(U, Y, 10)] * 6 + [(U, N, 1)] * 3)  # 6 of 9
    out = simulate(LevyOn.users, exact)
    assert cond(out, "two_thirds_in_favour").passed
    assert cond(out, "two_thirds_in_favour").required == 6
    under = voters([(U, Y, 10)] * 5 + [(U, N, 1)] * 3)  # 5 of 8 = 62.5%
    out = simulate(LevyOn.users, under)
    assert not cond(out, "two_thirds_in_favour").passed
    assert cond(out, "two_thirds_in_favour").required == 6  # ceil(16 / 3)
    assert out.needed.yes_votes == 1 and out.needed.from_no_votes == 1


def test_equal_woz_fails_and_one_cent_more_passes():
    equal = voters([(U, Y, 50_000)] * 2 + [(U, N, 100_000)])
    out = simulate(LevyOn.users, equal)
    assert cond(out, "two_thirds_in_favour").passed and cond(out, "turnout").passed
    woz = cond(out, "woz_in_favour")
    assert not woz.passed and woz.actual == woz.required - 1 == 100_000
    assert not out.passed and out.needed.woz_shortfall_cents == 1
    more = voters([(U, Y, 50_000), (U, Y, 50_001), (U, N, 100_000)])
    assert simulate(LevyOn.users, more).passed


def test_both_groups_need_half_in_favour_each():
    # Together 7 of 10 in favour, but owners 1 of 3: fails on the owners' majority only.
    spec = [(U, Y, 100)] * 6 + [(U, N, 10)] + [(OW, Y, 100)] + [(OW, N, 10)] * 2
    out = simulate(LevyOn.both, voters(spec))
    assert [c.code for c in out.conditions if not c.passed] == ["majority_in_favour_owners"]
    assert cond(out, "majority_in_favour_owners").required == 2
    assert out.needed.yes_votes == 1 and out.needed.from_no_votes == 1
    # Exactly half of a group passes.
    spec = [(U, Y, 100)] * 6 + [(OW, Y, 100)] + [(OW, N, 10)]
    assert simulate(LevyOn.both, voters(spec)).passed


def test_a_group_without_votes_shows_no_support():
    spec = [(U, Y, 100)] * 4 + [(OW, X, 10)]
    out = simulate(LevyOn.both, voters(spec))
    assert not cond(out, "majority_in_favour_owners").passed
    assert out.needed.yes_votes == 1


def test_levy_on_users_ignores_owners():
    spec = [(U, Y, 100)] * 2 + [(OW, N, 10_000)] * 5
    out = simulate(LevyOn.users, voters(spec))
    assert out.total.entitled == 2 and out.passed


def test_nobody_entitled_and_impossible_cases_say_why():
    out = simulate(LevyOn.owners, voters([(U, Y, 1)]))
    assert not out.passed and out.needed.yes_votes is None
    assert out.needed.impossible_because == "no_voters"
    # Without any WOZ value known the WOZ condition cannot hold whoever votes yes.
    out = simulate(LevyOn.users, voters([(U, X, 0)] * 3))
    assert out.needed.yes_votes is None
    assert out.needed.impossible_because == "woz_in_favour"


def _brute_force(levy_on: LevyOn, vs: list[Voter]) -> int | None:
    """Try every set of moves, smallest first."""
    movable = [i for i, v in enumerate(vs) if v.vote is not Vote.yes]
    for k in range(len(movable) + 1):
        for chosen in itertools.combinations(movable, k):
            changed = [
                Voter(v.group, Vote.yes, v.woz_cents) if i in chosen else v
                for i, v in enumerate(vs)
            ]
            if simulate_plain(levy_on, changed):
                return k
    return None


def simulate_plain(levy_on: LevyOn, vs: list[Voter]) -> bool:
    from backend.organisations.bizvote import groups_of

    entitled = [v for v in vs if v.group in groups_of(levy_on)]
    groups = {g: count([v for v in entitled if v.group is g]) for g in Group}
    return all(c.passed for c in conditions(levy_on, count(entitled), groups))


@pytest.mark.parametrize("seed", range(300))
def test_needed_is_the_smallest_number_of_moves(seed: int):
    rng = random.Random(seed)
    n = rng.randint(1, 9)
    vs = [
        Voter(rng.choice([U, OW]), rng.choice([Y, N, X, X]), rng.choice([0, 1, 5, 20, 100]))
        for _ in range(n)
    ]
    levy_on = rng.choice(list(LevyOn))
    only = [
        v for v in vs if levy_on is LevyOn.both or v.group is (U if levy_on is LevyOn.users else OW)
    ]
    expected = _brute_force(levy_on, only) if only else None
    out = simulate(levy_on, vs)
    assert out.needed.yes_votes == expected, (levy_on, vs)
    if expected is not None:
        assert out.needed.from_non_voters + out.needed.from_no_votes == expected
