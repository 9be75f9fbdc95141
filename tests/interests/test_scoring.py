"""The ranking of shared interests on small hand-made parks."""

from __future__ import annotations

from backend.interests.scoring import ThemeTally, explain, rank, score_theme


def tally(code: str, n: int, urgency: float, money: int = 0, time: int = 0, budget: float = 0,
          kinds: dict[str, int] | None = None) -> ThemeTally:  # fmt: skip
    return ThemeTally(
        theme_code=code,
        stakeholder_count=n,
        urgency_sum=round(urgency * n),
        money_count=money,
        time_only_count=time,
        pledged_budget_eur=budget,
        kinds=kinds or {"entrepreneur": n},
    )


def test_shared_by_many_beats_one_enthusiast():
    enthusiast = tally("heat", 1, 5, money=1, budget=50_000)
    shared = tally("security", 8, 3, money=2, time=2)
    ranked = rank([enthusiast, shared], interviewed=10, min_stakeholders=1)
    assert [r.tally.theme_code for r in ranked] == ["security", "heat"]
    assert ranked[0].score > 3 * ranked[1].score


def test_min_stakeholders_leaves_out_lone_interests():
    ranked = rank([tally("heat", 1, 5), tally("waste", 2, 2)], interviewed=10, min_stakeholders=2)
    assert [r.tally.theme_code for r in ranked] == ["waste"]
    assert rank([tally("heat", 1, 5)], interviewed=10, min_stakeholders=3) == []


def test_the_municipality_and_owners_add_weight():
    alone = tally("water", 4, 4, money=2, kinds={"entrepreneur": 4})
    with_municipality = tally(
        "greening", 4, 4, money=2, kinds={"entrepreneur": 3, "municipality": 1}
    )
    all_three = tally(
        "parking", 4, 4, money=2, kinds={"entrepreneur": 2, "property_owner": 1, "municipality": 1}
    )
    ranked = rank([alone, with_municipality, all_three], interviewed=8, min_stakeholders=2)
    assert [r.tally.theme_code for r in ranked] == ["parking", "greening", "water"]
    assert ranked[0].breadth == 1.3 and ranked[1].breadth == 1.15 and ranked[2].breadth == 1.0


def test_ties_are_broken_by_count_then_urgency_then_code():
    # Same score, different make-up: more stakeholders first.
    a = tally("fibre", 2, 5, money=2)  # support .2, intensity 1 → .2
    b = tally("signage", 4, 1, money=0)  # support .4, intensity 0 → .2
    assert score_theme(a, 10).score == score_theme(b, 10).score
    assert [r.tally.theme_code for r in rank([a, b], 10, 1)] == ["signage", "fibre"]
    # Identical: by code.
    c, d = tally("waste", 3, 3, money=1), tally("kvo", 3, 3, money=1)
    assert [r.tally.theme_code for r in rank([c, d], 10, 1)] == ["kvo", "waste"]


def test_score_bounds_and_time_counts_half():
    top = score_theme(tally("x", 5, 5, money=5, kinds={"entrepreneur": 3, "property_owner": 1,
                                                       "municipality": 1}), 5)  # fmt: skip
    assert top.score == 100.0
    bottom = score_theme(tally("y", 1, 1), 100)
    assert 0 < bottom.score < 1
    half = score_theme(tally("z", 2, 1, time=2), 2)
    full = score_theme(tally("z", 2, 1, money=2), 2)
    assert half.intensity == full.intensity / 2


def test_explanations_say_why_in_both_languages():
    t = tally("security", 6, 3.5, money=4, budget=12_000,
              kinds={"entrepreneur": 4, "property_owner": 1, "municipality": 1})  # fmt: skip
    r = score_theme(t, 10)
    nl = explain(r, 10, 1, "nl")
    assert nl.startswith("Gedeeld door 6 van de 10 geïnterviewde partijen (60%: 4 ondernemers")
    assert "gemiddelde urgentie 3,5" in nl and "€ 12.000" in nl and "brede basis" in nl
    en = explain(r, 10, 1, "en")
    assert "Shared by 6 of the 10 interviewed parties" in en and "€12,000 pledged" in en
    lone = score_theme(tally("heat", 2, 5, money=2), 10)
    assert "Weinig partijen" in explain(lone, 10, 2, "nl")


def test_a_minority_theme_says_so():
    r = score_theme(tally("waste", 4, 3, money=2), 10)
    assert "Een minderheid deelt dit thema" in explain(r, 10, 3, "nl")
    assert "A minority shares this theme" in explain(r, 10, 3, "en")
