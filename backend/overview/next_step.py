"""Which step comes next for a park: the rules of the overview, in the order of the guidance.

Each rule looks at the park's numbers and, when it applies, names what is missing. The first
rule that applies is the park's **next step**; every block of the overview shows the rules of
its own step. In order:

1. ``add_stakeholders`` — nobody is recorded yet;
2. ``interview`` — fewer than two thirds of the entrepreneurs have been interviewed (have an
   interest recorded): "Nog 9 van de 23 ondernemers spreken";
3. ``find_shared_interests`` — no theme is shared by two or more stakeholders yet;
4. ``start_project`` — the best-ranked shared interest has no project (that is not stopped);
5. ``business_case`` — projects run, but none has reached the business-case phase;
6. ``choose_organisation`` — no organisation form is active on the park;
7. ``assess`` — the organisatiegraad was never assessed;
8. ``reassess`` — the last assessment is more than 12 months old;
9. ``follow_up`` — follow-ups of conversations are still open;
10. ``keep_up`` — otherwise: keep the collaboration going.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from backend.overview.models import Todo


@dataclass(frozen=True)
class Situation:
    stakeholders: int
    entrepreneurs: int
    entrepreneurs_interviewed: int
    shared_interests: int
    uncovered_top_theme: str | None  # the name of the best-ranked theme without a project
    running_projects: int
    projects_at_business_case_or_later: int
    first_running_project: str | None  # its title
    organisations: int
    last_assessment: date | None
    open_follow_ups: int
    today: date


def _months(since: date, today: date) -> int:
    return (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)


def _todo(code: str, language: str, nl: str, en: str) -> Todo:
    return Todo(code=code, text=nl if language == "nl" else en)


def todos(s: Situation, language: str) -> dict[str, Todo]:
    """Every rule that applies, by code, in the order of the guidance."""
    out: dict[str, Todo] = {}

    def add(code: str, nl: str, en: str) -> None:
        out[code] = _todo(code, language, nl, en)

    if s.stakeholders == 0:
        add(
            "add_stakeholders",
            "Breng de betrokkenen in kaart: voeg ondernemers, eigenaren en de gemeente toe of "
            "importeer een lijst",
            "Map the stakeholders: add entrepreneurs, owners and the municipality, or import "
            "a list",
        )
    if s.entrepreneurs and s.entrepreneurs_interviewed * 3 < s.entrepreneurs * 2:
        left = s.entrepreneurs - s.entrepreneurs_interviewed
        add(
            "interview",
            f"Nog {left} van de {s.entrepreneurs} ondernemers spreken",
            f"Talk to {left} more of the {s.entrepreneurs} entrepreneurs",
        )
    if s.stakeholders and s.shared_interests == 0:
        add(
            "find_shared_interests",
            "Nog geen gedeeld belang: vraag meer betrokkenen naar hun uitdagingen",
            "No shared interest yet: ask more stakeholders about their challenges",
        )
    if s.uncovered_top_theme:
        add(
            "start_project",
            f"Gedeelde belangen gevonden — start een project rond {s.uncovered_top_theme}",
            f"Shared interests found — start a project around {s.uncovered_top_theme}",
        )
    if s.running_projects and not s.projects_at_business_case_or_later:
        title = s.first_running_project or ""
        add(
            "business_case",
            f"Werk de businesscase uit voor {title}",
            f"Work out the business case for {title}",
        )
    if s.stakeholders and s.organisations == 0:
        add(
            "choose_organisation",
            "Nog geen organisatievorm: vraag het advies en kies wat past",
            "No organisation form yet: ask for the advice and choose what fits",
        )
    if s.stakeholders and s.last_assessment is None:
        add(
            "assess",
            "Meet de organisatiegraad voor het eerst",
            "Assess the organisatiegraad for the first time",
        )
    elif s.last_assessment is not None and _months(s.last_assessment, s.today) > 12:
        months = _months(s.last_assessment, s.today)
        add(
            "reassess",
            f"Laatste meting {months} maanden geleden — meet de organisatiegraad opnieuw",
            f"Last assessed {months} months ago — assess the organisatiegraad again",
        )
    if s.open_follow_ups:
        add(
            "follow_up",
            f"Er staan {s.open_follow_ups} vervolgafspraken open — plan ze in",
            f"{s.open_follow_ups} follow-ups are open — plan them",
        )
    return out


def next_step(s: Situation, language: str) -> Todo:
    found = todos(s, language)
    if found:
        return next(iter(found.values()))
    return _todo(
        "keep_up",
        language,
        "Houd de organisatiegraad op peil: plan het volgende overleg met het kernteam",
        "Keep the organisatiegraad up: plan the next meeting with the core team",
    )
