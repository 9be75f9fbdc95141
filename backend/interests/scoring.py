"""How a park's shared interests are ranked — pure logic, no database.

The guidance asks for the themes that *many* parties share, that are *urgent*, and that people
are *willing to invest in*, and notes that a collaboration lasts when entrepreneurs, property
owners and the municipality are all in it. The score follows that, per theme:

- ``support``   = stakeholders with an interest in the theme / stakeholders interviewed (0–1).
  Sharing comes first: it multiplies everything else.
- ``intensity`` = ½ · (mean urgency − 1) / 4  +  ½ · willingness, where willingness counts a
  stakeholder who would invest money (or time and money) as 1 and time alone as ½ (0–1).
- ``breadth``   = 1 + 0.15 for each of the three core parties (entrepreneurs, property owners,
  the municipality) beyond the first that share the theme (1.0–1.3): a theme the municipality
  shares with the entrepreneurs weighs more than one of entrepreneurs alone.

    score = 100 · support · (½ + ½ · intensity) · breadth / 1.3        (0–100, one decimal)

Themes with fewer than ``min_stakeholders`` stakeholders are left out. Ties are broken by more
stakeholders, then higher urgency, then the theme code, so the order is always the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CORE_KINDS = ("entrepreneur", "property_owner", "municipality")
BREADTH_STEP = 0.15
MAX_BREADTH = 1 + BREADTH_STEP * (len(CORE_KINDS) - 1)

KIND_NAMES = {
    "nl": {
        "entrepreneur": ("ondernemer", "ondernemers"),
        "property_owner": ("vastgoedeigenaar", "vastgoedeigenaren"),
        "municipality": ("gemeente", "gemeenten"),
        "grid_operator": ("netbeheerder", "netbeheerders"),
        "financier": ("financier", "financiers"),
        "park_manager": ("parkmanager", "parkmanagers"),
        "province": ("provincie", "provincies"),
        "other": ("andere partij", "andere partijen"),
    },
    "en": {
        "entrepreneur": ("entrepreneur", "entrepreneurs"),
        "property_owner": ("property owner", "property owners"),
        "municipality": ("municipality", "municipalities"),
        "grid_operator": ("grid operator", "grid operators"),
        "financier": ("financier", "financiers"),
        "park_manager": ("park manager", "park managers"),
        "province": ("province", "provinces"),
        "other": ("other party", "other parties"),
    },
}


@dataclass(frozen=True)
class ThemeTally:
    """What SQL aggregated for one theme of one park."""

    theme_code: str
    stakeholder_count: int
    urgency_sum: int
    money_count: int  # money, or time and money
    time_only_count: int
    pledged_budget_eur: float
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RankedTheme:
    tally: ThemeTally
    share_of_stakeholders: float
    mean_urgency: float
    score: float
    support: float
    intensity: float
    breadth: float


def score_theme(t: ThemeTally, interviewed: int) -> RankedTheme:
    n = t.stakeholder_count
    support = n / interviewed if interviewed else 0.0
    mean_urgency = t.urgency_sum / n if n else 0.0
    willingness = (t.money_count + 0.5 * t.time_only_count) / n if n else 0.0
    intensity = 0.5 * (mean_urgency - 1) / 4 + 0.5 * willingness
    core = sum(1 for k in CORE_KINDS if t.kinds.get(k, 0) > 0)
    breadth = 1 + BREADTH_STEP * max(core - 1, 0)
    score = 100 * support * (0.5 + 0.5 * intensity) * breadth / MAX_BREADTH
    return RankedTheme(
        tally=t,
        share_of_stakeholders=round(support, 4),
        mean_urgency=round(mean_urgency, 2),
        score=round(score, 1),
        support=support,
        intensity=intensity,
        breadth=breadth,
    )


def rank(tallies: list[ThemeTally], interviewed: int, min_stakeholders: int) -> list[RankedTheme]:
    ranked = [
        score_theme(t, interviewed) for t in tallies if t.stakeholder_count >= min_stakeholders
    ]
    return sorted(
        ranked,
        key=lambda r: (-r.score, -r.tally.stakeholder_count, -r.mean_urgency, r.tally.theme_code),
    )


def _number(value: float, lang: str, decimals: int = 1) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _euros(value: float, lang: str) -> str:
    return f"€ {_number(value, lang, 0)}" if lang == "nl" else f"€{_number(value, lang, 0)}"


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    conj = " en " if lang == "nl" else " and "
    return ", ".join(parts[:-1]) + conj + parts[-1]


def _kinds_phrase(kinds: dict[str, int], lang: str) -> str:
    names = KIND_NAMES[lang]
    ordered = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    return _join([f"{c} {names[k][0] if c == 1 else names[k][1]}" for k, c in ordered if c], lang)


def explain(r: RankedTheme, interviewed: int, position: int, lang: str = "nl") -> str:
    """One or two sentences that say why the theme ranks where it does."""
    t = r.tally
    pct = round(100 * r.share_of_stakeholders)
    willing = t.money_count
    core = [k for k in CORE_KINDS if t.kinds.get(k, 0) > 0]
    if lang == "nl":
        first = (
            f"Gedeeld door {t.stakeholder_count} van de {interviewed} geïnterviewde partijen "
            f"({pct}%: {_kinds_phrase(t.kinds, lang)}), gemiddelde urgentie "
            f"{_number(r.mean_urgency, lang)}; {willing} "
            f"{'wil' if willing == 1 else 'willen'} erin investeren"
            + (f" (samen {_euros(t.pledged_budget_eur, lang)})" if t.pledged_budget_eur else "")
            + "."
        )
        if len(core) == 3:
            second = "Ondernemers, vastgoedeigenaren en gemeente delen dit thema: een brede basis."
        elif r.support < 0.34:
            second = "Weinig partijen delen dit thema; dat drukt de score, hoe urgent ook."
        elif r.support < 0.5:
            second = "Een minderheid deelt dit thema; met meer partijen aan boord stijgt het."
        elif r.intensity < 0.4:
            second = "Breed gedeeld, maar urgentie en investeringsbereidheid zijn nog laag."
        elif position == 1:
            second = "Dit is het sterkste gedeelde belang van het terrein."
        else:
            second = "Breed gedeeld en urgent genoeg om een project omheen te bouwen."
    else:
        first = (
            f"Shared by {t.stakeholder_count} of the {interviewed} interviewed parties "
            f"({pct}%: {_kinds_phrase(t.kinds, lang)}), mean urgency "
            f"{_number(r.mean_urgency, lang)}; {willing} "
            f"{'is' if willing == 1 else 'are'} willing to invest money"
            + (f" ({_euros(t.pledged_budget_eur, lang)} pledged)" if t.pledged_budget_eur else "")
            + "."
        )
        if len(core) == 3:
            second = (
                "Entrepreneurs, property owners and the municipality all share it: a broad base."
            )
        elif r.support < 0.34:
            second = (
                "Few parties share this theme, which holds the score down however urgent it is."
            )
        elif r.support < 0.5:
            second = "A minority shares this theme; more parties on board would lift it."
        elif r.intensity < 0.4:
            second = "Widely shared, but urgency and willingness to invest are still low."
        elif position == 1:
            second = "This is the park's strongest shared interest."
        else:
            second = "Widely shared and urgent enough to build a project around."
    return f"{first} {second}"
