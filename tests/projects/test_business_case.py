"""The business-case arithmetic, against cases computed by hand."""

from __future__ import annotations

import uuid
from decimal import Decimal
from fractions import Fraction

import pytest

from backend.projects import business_case as bc

D = Decimal


def _party(name: str, **kw) -> bc.Party:
    return bc.Party(uuid.uuid4(), uuid.uuid4(), name, kw.pop("commitment", "interested"), **kw)


def _inputs(**kw) -> bc.Inputs:
    base = dict(
        capex=D("100000.00"),
        opex_per_year=D("2000.00"),
        benefits_per_year=D("12000.00"),
        subsidy=D("20000.00"),
        lifetime_years=15,
        rate=D("0.04"),
        split="equal",
    )
    return bc.Inputs(**{**base, **kw})


def test_figures_of_a_solar_roof_by_hand():
    # net investment 100,000 − 20,000 = 80,000; net benefit 12,000 − 2,000 = 10,000 a year
    f = bc.calculate(_inputs(), [])
    assert f.net_investment == D("80000.00")
    assert f.yearly_net_benefit == D("10000.00")
    assert f.payback_years == D("8.00")
    assert f.total_net_benefit == D("150000.00")
    # annuity factor at 4% over 15 years: (1 − 1.04^−15) / 0.04 = 11.118387…
    # NPV = −80,000 + 10,000 × 11.1183874 = 31,183.87
    assert f.npv == D("31183.87")
    assert "no participants" in f.warnings[0]


def test_npv_at_zero_rate_is_the_plain_sum_and_payback_rounds_half_up():
    f = bc.calculate(_inputs(rate=D("0"), lifetime_years=3, subsidy=D("0")), [])
    assert f.npv == D("-70000.00")  # −100,000 + 3 × 10,000
    # 100,000 / 30,000 is 3.333… years
    f = bc.calculate(_inputs(subsidy=D("0"), benefits_per_year=D("32000.00")), [])
    assert f.payback_years == D("3.33")
    # 10,000 / 8,000 = 1.25 exactly; 10,000 / 6,000 = 1.666… → 1.67
    f = bc.calculate(
        _inputs(
            capex=D("10000"), subsidy=D("0"), benefits_per_year=D("8000"), opex_per_year=D("0")
        ),
        [],
    )
    assert f.payback_years == D("1.25")
    f = bc.calculate(
        _inputs(
            capex=D("10000"), subsidy=D("0"), benefits_per_year=D("6000"), opex_per_year=D("0")
        ),
        [],
    )
    assert f.payback_years == D("1.67")


def test_one_year_npv_and_a_project_that_never_pays_back():
    # one year at 10%: −1,000 + 1,100 / 1.1 = 0.00
    f = bc.calculate(
        _inputs(
            capex=D("1000"),
            subsidy=D("0"),
            benefits_per_year=D("1100"),
            opex_per_year=D("0"),
            lifetime_years=1,
            rate=D("0.1"),
        ),
        [],
    )
    assert f.npv == D("0.00") and f.payback_years == D("0.91")
    f = bc.calculate(_inputs(benefits_per_year=D("2000.00")), [])
    assert f.payback_years is None and f.yearly_net_benefit == D("0.00")
    assert any("never pays back" in w for w in f.warnings)
    f = bc.calculate(_inputs(benefits_per_year=D("1000.00")), [])
    assert f.yearly_net_benefit == D("-1000.00") and f.payback_years is None


def test_fully_subsidised_pays_back_at_once_and_over_subsidy_is_a_problem():
    f = bc.calculate(_inputs(subsidy=D("100000.00")), [])
    assert f.net_investment == D("0.00") and f.payback_years == D("0.00")
    f = bc.calculate(_inputs(subsidy=D("100000.01")), [])
    assert f.problems == [("subsidy_eur", "the subsidy is larger than the investment (capex)")]


def test_payback_longer_than_the_lifetime_is_warned():
    f = bc.calculate(_inputs(lifetime_years=5), [])
    assert any("longer than the lifetime" in w for w in f.warnings)


def test_equal_split_rounds_to_the_cent_and_adds_up():
    parties = [_party("A"), _party("B"), _party("C")]
    f = bc.calculate(_inputs(capex=D("100.00"), subsidy=D("0")), parties)
    # 100.00 / 3 = 33.333…: one cent left over goes to the first
    assert [s.amount for s in f.shares] == [D("33.34"), D("33.33"), D("33.33")]
    assert sum(s.amount for s in f.shares) == D("100.00") and f.unallocated == D("0.00")


def test_split_by_employees_with_largest_remainder():
    parties = [_party("A", employees=1), _party("B", employees=1), _party("C", employees=4)]
    f = bc.calculate(_inputs(capex=D("1000.01"), subsidy=D("0"), split="by_employees"), parties)
    # exact: 166.668333…, 166.668333…, 666.673333… → floors 166.66, 166.66, 666.67 (99,999 ct
    # of 100,001): the two cents left go to the largest remainders, A and B (0.8333 > 0.3333)
    assert [s.amount for s in f.shares] == [D("166.67"), D("166.67"), D("666.67")]
    assert [s.weight for s in f.shares] == [D(1), D(1), D(4)]
    assert sum(s.amount for s in f.shares) == D("1000.01")


def test_split_by_woz_value_leaves_out_unknowns_and_falls_back_to_equal():
    parties = [
        _party("A", woz_value=D("3000000.00")),
        _party("B", woz_value=D("1000000.00")),
        _party("C"),
    ]
    f = bc.calculate(_inputs(capex=D("80000.00"), subsidy=D("0"), split="by_woz_value"), parties)
    assert [s.amount for s in f.shares] == [D("60000.00"), D("20000.00"), D("0.00")]
    assert any("No WOZ value known for C" in w for w in f.warnings)
    nobody = [_party("A"), _party("B")]
    f = bc.calculate(_inputs(capex=D("10.01"), subsidy=D("0"), split="by_woz_value"), nobody)
    assert [s.amount for s in f.shares] == [D("5.01"), D("5.00")]
    assert any("split equally instead" in w for w in f.warnings)


def test_fixed_contributions_come_first_and_the_rest_is_split():
    a, b, c = _party("A", contribution=D("30000.00")), _party("B"), _party("C")
    f = bc.calculate(_inputs(), [a, b, c])  # 80,000 net: 30,000 fixed, 50,000 split
    assert [(s.basis, s.amount) for s in f.shares] == [
        ("fixed", D("30000.00")),
        ("split", D("25000.00")),
        ("split", D("25000.00")),
    ]
    over = bc.calculate(_inputs(), [_party("A", contribution=D("90000.00")), _party("B")])
    assert over.unallocated == D("-10000.00")
    assert any("exceed the net investment by 10000.00" in w for w in over.warnings)
    short = bc.calculate(_inputs(), [_party("A", contribution=D("50000.00"))])
    assert short.unallocated == D("30000.00")
    assert any("30000.00 is not covered" in w for w in short.warnings)


def test_custom_shares_must_cover_everyone_and_add_up():
    a, b = _party("A"), _party("B")
    ok = bc.calculate(
        _inputs(
            split="custom", custom={a.participant_id: D("50000"), b.participant_id: D("30000")}
        ),
        [a, b],
    )
    assert ok.problems == [] and [s.amount for s in ok.shares] == [D("50000.00"), D("30000.00")]
    off = bc.calculate(
        _inputs(
            split="custom", custom={a.participant_id: D("50000"), b.participant_id: D("29999.99")}
        ),
        [a, b],
    )
    assert off.problems and "add up to 79999.99, but 80000.00 must be split" in off.problems[0][1]
    missing = bc.calculate(_inputs(split="custom", custom={a.participant_id: D("80000")}), [a, b])
    assert ("custom_shares", "no share given for B") in missing.problems
    stranger = uuid.uuid4()
    odd = bc.calculate(
        _inputs(split="custom", custom={a.participant_id: D("80000"), stranger: D("0")}), [a]
    )
    assert any(str(stranger) in m for _, m in odd.problems)
    wrong_split = bc.calculate(_inputs(custom={a.participant_id: D("1")}), [a])
    assert ("custom_shares", "custom shares go with cost_split 'custom'") in wrong_split.problems


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (100, [1, 1, 1], [34, 33, 33]),
        (1, [1, 1], [1, 0]),
        (0, [1, 2], [0, 0]),
        (10, [0, 1], [0, 10]),
        (7, [Fraction(1, 3), Fraction(2, 3)], [2, 5]),  # 2.33 / 4.67: the cent to the .67
    ],
)
def test_allocate_always_adds_up(total, weights, expected):
    parts = bc.allocate(total, [Fraction(w) for w in weights])
    assert parts == expected and sum(parts) == total
