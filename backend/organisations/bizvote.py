"""The BIZ vote (*draagvlakmeting*) of the Wet op de bedrijveninvesteringszones, in exact
integer arithmetic (WOZ values in whole cents, no floats anywhere).

The vote passes only if all hold (``shared/domain/organisation-forms.md``):

1. ``turnout``: at least half of those entitled to vote cast a valid vote
   (``2 * voted >= entitled``; exactly half passes);
2. ``two_thirds_in_favour``: at least two thirds of the valid votes are in favour
   (``3 * yes >= 2 * voted``; exactly two thirds passes);
3. ``woz_in_favour``: those in favour together represent a higher WOZ value than those against
   (``woz_yes > woz_no``; equal fails).

With a levy on users *and* owners the same rules apply to all voters together and, in
addition, at least 50% of the voters in each group must be in favour
(``majority_in_favour_users`` / ``_owners``: ``2 * yes_g >= voted_g``). The sources do not say
how a group in which nobody voted counts; Parkregie counts its support as not shown (fails).

``needed`` is the smallest number of additional yes votes — a non-voter who votes yes, or a no
turned into a yes — that makes every condition hold. Within one kind of move (a non-voter of
one group, or a no of one group) the voters with the highest WOZ value come first, so a
solution is four counts; the search over them is exact (see ``_minimal_moves``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import accumulate


class Group(StrEnum):
    user = "user"
    owner = "owner"


class Vote(StrEnum):
    yes = "yes"
    no = "no"
    none = "none"


class LevyOn(StrEnum):
    users = "users"
    owners = "owners"
    both = "both"


@dataclass(frozen=True)
class Voter:
    group: Group
    vote: Vote
    woz_cents: int  # 0 when unknown


@dataclass(frozen=True)
class GroupCount:
    entitled: int
    voted: int
    yes: int
    no: int
    woz_yes_cents: int
    woz_no_cents: int


@dataclass(frozen=True)
class Condition:
    code: str
    passed: bool
    required: int  # votes, or cents for the WOZ condition
    actual: int
    unit: str  # "votes" or "cents"


@dataclass(frozen=True)
class Needed:
    yes_votes: int | None  # None: no number of extra yes votes can make it pass
    from_non_voters: int
    from_no_votes: int
    woz_shortfall_cents: int  # how much more WOZ value in favour the WOZ condition lacks now
    impossible_because: str | None  # a condition code, or "no_voters"


@dataclass(frozen=True)
class Outcome:
    levy_on: LevyOn
    passed: bool
    total: GroupCount
    groups: dict[Group, GroupCount]
    conditions: list[Condition]
    needed: Needed


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def count(voters: Sequence[Voter]) -> GroupCount:
    yes = [v for v in voters if v.vote is Vote.yes]
    no = [v for v in voters if v.vote is Vote.no]
    return GroupCount(
        entitled=len(voters),
        voted=len(yes) + len(no),
        yes=len(yes),
        no=len(no),
        woz_yes_cents=sum(v.woz_cents for v in yes),
        woz_no_cents=sum(v.woz_cents for v in no),
    )


def groups_of(levy_on: LevyOn) -> tuple[Group, ...]:
    if levy_on is LevyOn.users:
        return (Group.user,)
    if levy_on is LevyOn.owners:
        return (Group.owner,)
    return (Group.user, Group.owner)


def conditions(
    levy_on: LevyOn, total: GroupCount, groups: dict[Group, GroupCount]
) -> list[Condition]:
    out = [
        Condition(
            "turnout",
            total.entitled > 0 and 2 * total.voted >= total.entitled,
            ceil_div(total.entitled, 2),
            total.voted,
            "votes",
        ),
        Condition(
            "two_thirds_in_favour",
            total.voted > 0 and 3 * total.yes >= 2 * total.voted,
            ceil_div(2 * total.voted, 3),
            total.yes,
            "votes",
        ),
        Condition(
            "woz_in_favour",
            total.woz_yes_cents > total.woz_no_cents,
            total.woz_no_cents + 1,
            total.woz_yes_cents,
            "cents",
        ),
    ]
    if levy_on is LevyOn.both:
        for group, code in ((Group.user, "majority_in_favour_users"),
                            (Group.owner, "majority_in_favour_owners")):  # fmt: skip
            g = groups[group]
            out.append(
                Condition(
                    code,
                    g.voted > 0 and 2 * g.yes >= g.voted,
                    max(1, ceil_div(g.voted, 2)),
                    g.yes,
                    "votes",
                )
            )
    return out


def simulate(levy_on: LevyOn, voters: Sequence[Voter]) -> Outcome:
    """Count the votes of those entitled (the groups the levy is on) and check each condition."""
    entitled = [v for v in voters if v.group in groups_of(levy_on)]
    total = count(entitled)
    groups = {g: count([v for v in entitled if v.group is g]) for g in Group}
    conds = conditions(levy_on, total, groups)
    passed = all(c.passed for c in conds)
    return Outcome(
        levy_on=levy_on,
        passed=passed,
        total=total,
        groups=groups,
        conditions=conds,
        needed=_needed(levy_on, entitled, total, passed),
    )


# --- the smallest number of extra yes votes ------------------------------------------------


def _desc_prefix(values: list[int]) -> list[int]:
    """Prefix sums of ``values`` sorted from high to low: ``p[k]`` = the k largest together."""
    return [0, *accumulate(sorted(values, reverse=True))]


def _top_of_union(p1: list[int], s1: int, p2: list[int], s2: int, j: int) -> int:
    """The largest sum of ``j`` values from list 1 after its first ``s1`` and list 2 after its
    first ``s2`` (both sorted high to low, given as prefix sums)."""
    n1, n2 = len(p1) - 1 - s1, len(p2) - 1 - s2
    lo, hi = max(0, j - n2), min(j, n1)  # i values from list 1, j - i from list 2

    def v1(i: int) -> int:  # the i-th value (1-based) of the remainder of list 1
        return p1[s1 + i] - p1[s1 + i - 1]

    def v2(i: int) -> int:
        return p2[s2 + i] - p2[s2 + i - 1]

    # The largest i whose i-th value of list 1 is at least the (j-i+1)-th of list 2.
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if v1(mid) >= v2(j - mid + 1):
            lo = mid
        else:
            hi = mid - 1
    i = lo
    return p1[s1 + i] - p1[s1] + p2[s2 + j - i] - p2[s2]


def _least_from(
    p1: list[int], low1: int, p2: list[int], low2: int, at_least: int, woz_target: int
) -> int | None:
    """The fewest picks from two pools (at least ``low1`` from pool 1 and ``low2`` from pool 2,
    together at least ``at_least``) whose best WOZ sum reaches ``woz_target``; None if none."""
    n1, n2 = len(p1) - 1, len(p2) - 1
    if low1 > n1 or low2 > n2:
        return None
    base = p1[low1] + p2[low2]
    start, end = max(low1 + low2, at_least), n1 + n2
    if start > end:
        return None

    def best(t: int) -> int:
        return base + _top_of_union(p1, low1, p2, low2, t - low1 - low2)

    if best(end) < woz_target:
        return None
    lo, hi = start, end
    while lo < hi:
        mid = (lo + hi) // 2
        if best(mid) >= woz_target:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _minimal_moves(levy_on: LevyOn, entitled: Sequence[Voter]) -> tuple[int, int] | None:
    """(extra yes from non-voters, from no votes), fewest in total; None if nothing works.

    Moves: a non-voter of group g votes yes (``a_g``), a no of group g becomes a yes (``b_g``).
    With ``E`` entitled, ``V`` voted, ``Y`` yes and ``D = woz_no - woz_yes``:

    - turnout: ``2 (V + a) >= E``;
    - two thirds: ``3 (Y + a + b) >= 2 (V + a)``;
    - WOZ: the gain ``sum of the a non-voters' WOZ + 2 × the b flipped no votes' WOZ > D``;
    - per group (levy on both): ``2 (Y_g + a_g + b_g) >= V_g + a_g`` and someone voted.

    Every move helps every condition (or leaves it as it is), so more moves never hurt. The
    flips (``b_u``, ``b_o``) are enumerated in order of their total; for each, the fewest
    non-voters follow from ``_least_from``; the search stops when flips alone reach the best
    total found."""
    gs = groups_of(levy_on)
    pools_a = {
        g: [v.woz_cents for v in entitled if v.group is g and v.vote is Vote.none] for g in Group
    }
    pools_b = {
        g: [v.woz_cents for v in entitled if v.group is g and v.vote is Vote.no] for g in Group
    }
    for g in Group:
        if g not in gs:
            pools_a[g], pools_b[g] = [], []
    pa = {g: _desc_prefix(pools_a[g]) for g in Group}
    # A flipped no counts twice for the WOZ difference: it leaves the against side.
    pb = {g: _desc_prefix([2 * w for w in pools_b[g]]) for g in Group}
    total = count(entitled)
    per = {g: count([v for v in entitled if v.group is g]) for g in Group}
    if total.entitled == 0:
        return None
    turnout_short = max(0, ceil_div(total.entitled, 2) - total.voted)  # a >= this
    woz_target = total.woz_no_cents - total.woz_yes_cents + 1  # gain >= this
    nb = {g: len(pools_b[g]) for g in Group}
    best: tuple[int, int] | None = None
    u, o = Group.user, Group.owner
    for flips in range(nb[u] + nb[o] + 1):
        if best is not None and flips >= sum(best):
            break
        for bu in range(max(0, flips - nb[o]), min(flips, nb[u]) + 1):
            bo = flips - bu
            # two thirds: a + 3b >= 2V - 3Y
            a_total = max(turnout_short, 2 * total.voted - 3 * total.yes - 3 * flips)
            low = {}
            for g, b in ((u, bu), (o, bo)):
                if levy_on is LevyOn.both:
                    c = per[g]
                    # 2(Y + a + b) >= V + a  <=>  a >= V - 2Y - 2b; and someone must vote
                    need = max(0, c.voted - 2 * c.yes - 2 * b)
                    if c.voted == 0:
                        need = max(need, 1)
                    low[g] = need
                else:
                    low[g] = 0
            gain_b = pb[u][bu] + pb[o][bo]
            a = _least_from(pa[u], low[u], pa[o], low[o], a_total, woz_target - gain_b)
            if a is None:
                continue
            if best is None or a + flips < sum(best):
                best = (a, flips)  # at equal totals: the fewest no votes to turn
    return best


def _needed(levy_on: LevyOn, entitled: Sequence[Voter], total: GroupCount, passed: bool) -> Needed:
    shortfall = max(0, total.woz_no_cents + 1 - total.woz_yes_cents)
    if passed:
        return Needed(0, 0, 0, 0, None)
    if total.entitled == 0:
        return Needed(None, 0, 0, shortfall, "no_voters")
    moves = _minimal_moves(levy_on, entitled)
    if moves is None:
        # Even with everyone in favour something fails: say which.
        everyone = [Voter(v.group, Vote.yes, v.woz_cents) for v in entitled]
        t = count(everyone)
        groups = {g: count([v for v in everyone if v.group is g]) for g in Group}
        failing = [c.code for c in conditions(levy_on, t, groups) if not c.passed]
        return Needed(None, 0, 0, shortfall, failing[0] if failing else "no_voters")
    a, b = moves
    return Needed(a + b, a, b, shortfall, None)


def woz_cents(value: object) -> int:
    """Euros (a Decimal with at most two places) as whole cents."""
    if value is None:
        return 0
    cents = Decimal(str(value)) * 100
    return int(cents.to_integral_value())
