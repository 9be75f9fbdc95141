"""The organisatiegraad rubric: how an assessment's score (0–100) and level (0–4) are made.

No scored model of the degree of organisation is published; this one is Parkregie's own, built
on the guidance's seven points of attention (``../shared/domain/guidance.md``) and what the
park's data shows. It must explain itself and stay comparable over time:

- **60 points from the expert.** Each of the seven points of attention is scored 0–4 by the
  expert; together they give 28 marks, scaled to 60 points (``marks × 60 / 28``).
- **40 points from the data**, in eight components, each with its maximum:

  ========================  ===  ========================================================
  component                 max  full points when
  ========================  ===  ========================================================
  ``core_team``               3  a stakeholder is in the core team, or an organisation
                                 on the park has one
  ``board``                   3  a stakeholder sits on the board, or an organisation has one
  ``legal_entity``            5  an organisation with legal personality (ondernemers-
                                 vereniging, coöperatie, stichting, BV) is active
  ``stable_financing``        6  a BIZ or an ondernemersfonds finances the collaboration
  ``park_manager``            4  a park manager: a parkmanagement organisation or a
                                 stakeholder of kind park manager
  ``reach``                   8  every entrepreneur and property owner was spoken to in
                                 the last 12 months (in proportion: 8 × the share)
  ``realisation``             5  a project is in operation (3 for one in realisation)
  ``both_tracks``             3  running projects cover both tracks, *schoon, heel en
                                 veilig* and *samen toekomstbestendig* (1 for one track)
  ``outside_contacts``        3  contact in the last 12 months with the municipality, the
                                 grid operator and a financier (1 point each)
  ========================  ===  ========================================================

- **Levels**: 0 below 20, 1 from 20, 2 from 40, 3 from 60, 4 from 80 (a boundary belongs to
  the higher level).
- **Comparable over time.** An assessment stores its rubric version, the points of every
  component and the facts they rest on; its score is never computed again. The texts that
  explain a component are looked up by its code when it is shown, so a better wording changes
  no score. When points or weights change, ``RUBRIC_VERSION`` goes up and old assessments keep
  the points of their own version.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

RUBRIC_VERSION = 1
EXPERT_POINTS = Decimal(60)
MAX_MARK = 4
POINTS = (
    "continuity",
    "personal_contact",
    "shared_ambition",
    "integrality",
    "respect_interests",
    "realisation",
    "transparent_process",
)
LEGAL_FORMS = frozenset({"ondernemersvereniging", "cooperatie", "stichting", "bv"})
FINANCING_FORMS = frozenset({"biz", "ondernemersfonds"})


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def in_(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


# What each point of attention asks, and what 0, 2 and 4 look like (the web app shows these).
POINT_TEXTS: dict[str, dict[str, Text]] = {
    "continuity": {
        "title": Text("Continuïteit", "Continuity"),
        "question": Text(
            "Is de samenwerking verankerd in een kernteam en een bestuur, los van één project?",
            "Is the collaboration anchored in a core team and a board, beyond one project?",
        ),
        "0": Text(
            "Alles hangt aan één persoon of één project.",
            "Everything rests on one person or project.",
        ),
        "2": Text(
            "Er is een kerngroep, maar geen vaste structuur.",
            "There is a core group, but no set structure.",
        ),
        "4": Text(
            "Kernteam en bestuur zijn er en dragen de samenwerking door wisselingen heen.",
            "Core team and board exist and carry the collaboration through changes.",
        ),
    },
    "personal_contact": {
        "title": Text("Persoonlijk contact", "Personal contact"),
        "question": Text(
            "Kennen de ondernemers elkaar en de procesbegeleider persoonlijk?",
            "Do the entrepreneurs know each other and the process guide personally?",
        ),
        "0": Text(
            "Alleen mail en brieven; weinig gezichten bekend.",
            "Only mail and letters; few faces known.",
        ),
        "2": Text(
            "De actieve kern is persoonlijk bezocht.", "The active core has been visited in person."
        ),
        "4": Text(
            "Vrijwel iedereen is gesproken; er zijn vaste ontmoetingen.",
            "Nearly everyone has been spoken to; there are regular meetings.",
        ),
    },
    "shared_ambition": {
        "title": Text("Gedeelde ambitie", "Shared ambition"),
        "question": Text(
            "Is er een ambitie die de partners iets oplevert en die ze samen uitspreken?",
            "Is there an ambition that brings the partners something and that they state together?",
        ),
        "0": Text("Geen gezamenlijk doel.", "No shared goal."),
        "2": Text(
            "Een paar gedeelde belangen zijn benoemd.", "A few shared interests have been named."
        ),
        "4": Text(
            "Een gedragen ambitie, vastgelegd en onderschreven.",
            "A supported ambition, written down and endorsed.",
        ),
    },
    "integrality": {
        "title": Text("Integraliteit", "Integrality"),
        "question": Text(
            "Worden meerdere doelen tegelijk gediend, niet één duurzaamheidsdoel alleen?",
            "Are several goals served at once, not one sustainability goal alone?",
        ),
        "0": Text("Eén los onderwerp.", "One isolated topic."),
        "2": Text("Enkele onderwerpen, nog los van elkaar.", "Some topics, still separate."),
        "4": Text(
            "Een samenhangend pakket over beide sporen.",
            "A coherent package across both tracks.",
        ),
    },
    "respect_interests": {
        "title": Text("Recht doen aan ieders belang", "Doing justice to every interest"),
        "question": Text(
            "Voelen alle partijen — ook kleine ondernemers en eigenaren — zich serieus genomen?",
            "Do all parties — small entrepreneurs and owners too — feel taken seriously?",
        ),
        "0": Text("Een partij haakt structureel af.", "A party structurally drops out."),
        "2": Text("De meeste belangen komen aan bod.", "Most interests are heard."),
        "4": Text(
            "Ieders belang is zichtbaar meegewogen in de keuzes.",
            "Everyone's interest is visibly weighed in the choices.",
        ),
    },
    "realisation": {
        "title": Text("Focus op realisatie", "Focus on realisation"),
        "question": Text(
            "Levert de samenwerking zichtbare resultaten op?",
            "Does the collaboration deliver visible results?",
        ),
        "0": Text("Alleen plannen.", "Only plans."),
        "2": Text("Een eerste project is in uitvoering.", "A first project is being carried out."),
        "4": Text(
            "Meerdere resultaten staan; successen worden gedeeld.",
            "Several results are in place; successes are shared.",
        ),
    },
    "transparent_process": {
        "title": Text("Transparant proces", "Transparent process"),
        "question": Text(
            "Weten deelnemers wat er gebeurt, wie beslist en wat het kost?",
            "Do participants know what happens, who decides and what it costs?",
        ),
        "0": Text("Besluiten vallen buiten beeld.", "Decisions are made out of sight."),
        "2": Text(
            "Er wordt gecommuniceerd, maar onregelmatig.", "There is communication, but irregular."
        ),
        "4": Text(
            "Vaste momenten, open verslagen, heldere kosten.",
            "Set moments, open minutes, clear costs.",
        ),
    },
}

LEVELS: list[tuple[int, Text, Text]] = [
    (0, Text("Ongeorganiseerd", "Unorganised"),
     Text("Ieder voor zich; er is nog geen collectief.",
          "Everyone on their own; no collective yet.")),
    (20, Text("Verkennend", "Exploring"),
     Text("Er is contact en een eerste beeld van gedeelde belangen.",
          "There is contact and a first picture of shared interests.")),
    (40, Text("Samenwerkend", "Collaborating"),
     Text("Een kerngroep werkt samen aan projecten.", "A core group works together on projects.")),
    (60, Text("Georganiseerd", "Organised"),
     Text("Een formele organisatie met bestuur brengt projecten tot stand.",
          "A formal organisation with a board delivers projects.")),
    (80, Text("Duurzaam georganiseerd", "Lastingly organised"),
     Text("Een verankerde samenwerking met stabiele financiering en parkmanagement.",
          "An anchored collaboration with stable financing and park management.")),
]  # fmt: skip

COMPONENT_TEXTS: dict[str, Text] = {
    "expert": Text("Oordeel van de procesbegeleider", "The process guide's judgement"),
    "core_team": Text("Kernteam", "Core team"),
    "board": Text("Bestuur", "Board"),
    "legal_entity": Text("Rechtspersoon", "Legal entity"),
    "stable_financing": Text("Stabiele financiering", "Stable financing"),
    "park_manager": Text("Parkmanager", "Park manager"),
    "reach": Text("Bereik (gesproken in 12 maanden)", "Reach (spoken to in 12 months)"),
    "realisation": Text("Gerealiseerde projecten", "Projects realised"),
    "both_tracks": Text("Beide sporen", "Both tracks"),
    "outside_contacts": Text("Contact buiten het terrein", "Contact outside the park"),
}
MAX_POINTS: dict[str, int] = {
    "core_team": 3,
    "board": 3,
    "legal_entity": 5,
    "stable_financing": 6,
    "park_manager": 4,
    "reach": 8,
    "realisation": 5,
    "both_tracks": 3,
    "outside_contacts": 3,
}
OUTSIDE_KINDS = ("municipality", "grid_operator", "financier")


@dataclass(frozen=True)
class ParkFacts:
    """What the data of a park shows, at the moment of the assessment."""

    core_team_members: int  # stakeholders with role core_team
    board_members: int  # stakeholders with role board
    forms: tuple[str, ...]  # organisation forms active on the park
    organisations_with_core_team: int
    organisations_with_board: int
    park_manager_stakeholders: int
    reachable: int  # entrepreneurs and property owners
    reached: int  # of those, spoken to in the last 12 months
    projects_in_operation: int
    projects_in_realisation: int
    running_tracks: tuple[str, ...]  # tracks of the themes of projects that are not stopped
    outside_reached: tuple[str, ...]  # of OUTSIDE_KINDS, those spoken to in 12 months


@dataclass(frozen=True)
class Component:
    code: str
    points: Decimal
    max_points: int
    facts: dict[str, Any]


def _points(value: Decimal | int) -> Decimal:
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def data_components(f: ParkFacts) -> list[Component]:
    share = Decimal(f.reached) / Decimal(f.reachable) if f.reachable else Decimal(0)
    tracks = sorted(set(f.running_tracks))
    return [
        Component(
            "core_team",
            _points(3 if f.core_team_members or f.organisations_with_core_team else 0),
            3,
            {"stakeholders": f.core_team_members, "organisations": f.organisations_with_core_team},
        ),
        Component(
            "board",
            _points(3 if f.board_members or f.organisations_with_board else 0),
            3,
            {"stakeholders": f.board_members, "organisations": f.organisations_with_board},
        ),
        Component(
            "legal_entity",
            _points(5 if LEGAL_FORMS & set(f.forms) else 0),
            5,
            {"forms": sorted(LEGAL_FORMS & set(f.forms))},
        ),
        Component(
            "stable_financing",
            _points(6 if FINANCING_FORMS & set(f.forms) else 0),
            6,
            {"forms": sorted(FINANCING_FORMS & set(f.forms))},
        ),
        Component(
            "park_manager",
            _points(4 if "parkmanagement" in f.forms or f.park_manager_stakeholders else 0),
            4,
            {
                "parkmanagement": "parkmanagement" in f.forms,
                "stakeholders": f.park_manager_stakeholders,
            },
        ),
        Component(
            "reach",
            _points(8 * share),
            8,
            {"reached": f.reached, "reachable": f.reachable},
        ),
        Component(
            "realisation",
            _points(5 if f.projects_in_operation else 3 if f.projects_in_realisation else 0),
            5,
            {"operation": f.projects_in_operation, "realisation": f.projects_in_realisation},
        ),
        Component(
            "both_tracks",
            _points(3 if len(tracks) >= 2 else 1 if tracks else 0),
            3,
            {"tracks": tracks},
        ),
        Component(
            "outside_contacts",
            _points(len(set(f.outside_reached) & set(OUTSIDE_KINDS))),
            3,
            {"reached": sorted(set(f.outside_reached) & set(OUTSIDE_KINDS))},
        ),
    ]


def expert_component(answers: dict[str, int]) -> Component:
    marks = sum(answers[p] for p in POINTS)
    points = _points(EXPERT_POINTS * marks / (MAX_MARK * len(POINTS)))
    return Component("expert", points, 60, {"marks": marks, "max_marks": MAX_MARK * len(POINTS)})


def level_of(score: Decimal | int) -> int:
    level = 0
    for i, (threshold, _, _) in enumerate(LEVELS):
        if score >= threshold:
            level = i
    return level


@dataclass(frozen=True)
class Result:
    score: Decimal
    level: int
    components: list[Component]


def assess(answers: dict[str, int], facts: ParkFacts) -> Result:
    components = [expert_component(answers), *data_components(facts)]
    score = sum((c.points for c in components), Decimal(0))
    score = min(score, Decimal(100))
    return Result(score, level_of(score), components)


def explain(code: str, facts: dict[str, Any], language: str) -> str:
    """Why a component got its points, from the facts stored with it (in today's words)."""
    nl = language == "nl"
    if code == "expert":
        return (
            f"{facts['marks']} van {facts['max_marks']} punten op de zeven aandachtspunten"
            if nl
            else f"{facts['marks']} of {facts['max_marks']} marks on the seven points of attention"
        )
    if code in ("core_team", "board"):
        who = facts["stakeholders"]
        orgs = facts["organisations"]
        if not who and not orgs:
            return (
                ("Niemand in het kernteam" if code == "core_team" else "Niemand in een bestuur")
                if nl
                else ("Nobody in a core team" if code == "core_team" else "Nobody on a board")
            )
        return (
            f"{who} betrokkene(n) met die rol; {orgs} organisatie(s) met een "
            f"{'kernteam' if code == 'core_team' else 'bestuur'}"
            if nl
            else f"{who} stakeholder(s) in that role; {orgs} organisation(s) with a "
            f"{'core team' if code == 'core_team' else 'board'}"
        )
    if code in ("legal_entity", "stable_financing"):
        forms = ", ".join(facts["forms"])
        if forms:
            return f"Actief: {forms}" if nl else f"Active: {forms}"
        if code == "legal_entity":
            return (
                "Geen vereniging, coöperatie, stichting of BV"
                if nl
                else "No association, cooperative, foundation or BV"
            )
        return "Geen BIZ of ondernemersfonds" if nl else "No BIZ or business fund"
    if code == "park_manager":
        if facts["parkmanagement"] or facts["stakeholders"]:
            return "Er is parkmanagement" if nl else "There is park management"
        return "Geen parkmanager" if nl else "No park manager"
    if code == "reach":
        return (
            f"{facts['reached']} van {facts['reachable']} ondernemers en eigenaren gesproken in "
            "de laatste 12 maanden"
            if nl
            else f"{facts['reached']} of {facts['reachable']} entrepreneurs and owners spoken to "
            "in the last 12 months"
        )
    if code == "realisation":
        return (
            f"{facts['operation']} project(en) in beheer, {facts['realisation']} in realisatie"
            if nl
            else f"{facts['operation']} project(s) in operation, {facts['realisation']} in "
            "realisation"
        )
    if code == "both_tracks":
        names = {
            "schoon_heel_veilig": Text("schoon, heel en veilig", "clean, intact and safe"),
            "toekomstbestendig": Text("samen toekomstbestendig", "future-proof together"),
        }
        tracks = [names[t].in_(language) if t in names else t for t in facts["tracks"]]
        if not tracks:
            return "Geen lopende projecten" if nl else "No running projects"
        return ("Lopende projecten in: " if nl else "Running projects in: ") + ", ".join(tracks)
    if code == "outside_contacts":
        kinds = {
            "municipality": Text("gemeente", "municipality"),
            "grid_operator": Text("netbeheerder", "grid operator"),
            "financier": Text("financier", "financier"),
        }
        reached = [kinds[k].in_(language) for k in facts["reached"] if k in kinds]
        if not reached:
            return "Geen contact buiten het terrein in 12 maanden" if nl else "No outside contact"
        return ("Gesproken: " if nl else "Spoken to: ") + ", ".join(reached)
    return ""
