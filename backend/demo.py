"""Three worked example parks for the demo: real parks from the national register, with
stakeholders, conversations and interests that are made up (and say so).

Each park tells a story the guidance describes: Lage Weide (Utrecht) is large and held back by
grid congestion — an energy hub is the shared need; Isselt (Amersfoort) is an older park where
security and public space come first (*schoon, heel en veilig*); Frankeneng (Ede) has food
companies that share greening, water and mobility. Loading is idempotent."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlmodel import Session, col

from backend.assessments import service as assessment_service
from backend.assessments.models import AssessmentAnswers, AssessmentCreate, PointAnswer
from backend.core.actor import Actor
from backend.interests import service as interest_service
from backend.interests.models import InterestCreate, Obstacle, Willingness
from backend.organisations import service as organisation_service
from backend.organisations.forms import Form
from backend.organisations.models import AdviceAnswers, OrganisationCreate
from backend.parks import service as park_service
from backend.parks.models import Park, ParkUpdate
from backend.projects import service as project_service
from backend.projects.models import (
    BusinessCaseInput,
    Commitment,
    CostSplit,
    OrganisationForm,
    ParticipantUpdate,
    Phase,
    ProjectCreate,
    ProjectUpdate,
    TransitionRequest,
)
from backend.stakeholders import service as stakeholder_service
from backend.stakeholders.models import (
    ContactChannel,
    ContactMomentCreate,
    PollVote,
    Stakeholder,
    StakeholderCreate,
    StakeholderKind,
    StakeholderRole,
)
from backend.surveys import service as survey_service
from backend.surveys.models import (
    Answer,
    InvitationCreate,
    Respondent,
    ResponseSubmit,
    SurveyCreate,
    SurveyStatus,
)

FICTITIOUS = "Fictief voorbeeld voor de demo: deze partij en de gesprekken zijn verzonnen."
PARK_NOTE = (
    "Voorbeeldterrein in de demo: het terrein staat in het landelijke register (IBIS), maar de "
    "partijen, gesprekken en belangen hieronder zijn verzonnen."
)


@dataclass(frozen=True)
class Party:
    name: str
    kind: StakeholderKind
    sector: str | None
    employees: int | None
    role: StakeholderRole
    influence: int
    involvement: int
    contact: str | None


@dataclass(frozen=True)
class Story:
    ibis_id: str
    parties: list[Party]
    # theme -> (share of the entrepreneurs, base urgency, willingness weights, obstacles)
    themes: dict[str, tuple[float, int, tuple[int, int, int, int], tuple[Obstacle, ...]]]
    municipality_themes: tuple[str, ...]
    owner_themes: tuple[str, ...]


E, OWNER, M = (
    StakeholderKind.entrepreneur,
    StakeholderKind.property_owner,
    StakeholderKind.municipality,
)
N, MEM, CORE, BOARD = (
    StakeholderRole.none,
    StakeholderRole.member,
    StakeholderRole.core_team,
    StakeholderRole.board,
)


def _e(
    name: str, sector: str, employees: int, role: StakeholderRole = N, contact: str | None = None
) -> Party:
    influence = 2 + (employees > 50) + (employees > 200) + (role in (CORE, BOARD))
    involvement = 2 + (role is MEM) + 2 * (role in (CORE, BOARD))
    return Party(name, E, sector, employees, role, min(influence, 5), min(involvement, 5), contact)


STORIES = [
    Story(
        ibis_id="155053",  # Lage Weide, Utrecht
        parties=[
            _e(
                "Transportbedrijf Van Dijk",
                "Transport en logistiek",
                180,
                BOARD,
                "Marieke van Dijk",
            ),
            _e("Utrechtse Betonwerken", "Bouwmaterialen", 95, CORE, "Henk Smit"),
            _e("Koelhuis Lage Weide", "Koel- en vrieshuizen", 60, MEM, "Fatima El Amrani"),
            _e("Drukkerij De Vaart", "Grafische industrie", 45, MEM, "Joost Verbeek"),
            _e("Metaalbewerking Oudenrijn", "Metaal", 120, CORE, "Sanne de Boer"),
            _e("Bakkerij Gouden Korenaar", "Voedingsmiddelen", 220, MEM, "Pieter Mulder"),
            _e("Autoschade Kanaalweg", "Autobranche", 12, N, "Ahmed Yilmaz"),
            _e("Datacenter Noordwest", "ICT", 35, N, "Lotte Jansen"),
            _e("Installatietechniek Vleuten", "Installatie", 70, MEM, "Rob Visser"),
            _e("Recycling Centrum Utrecht", "Afval en recycling", 55, N, "Ingrid Bakker"),
            Party(
                "Vastgoedfonds Kanaalzone", OWNER, "Vastgoed", None, CORE, 4, 4, "Wouter Hendriks"
            ),
            Party("Bedrijfshallen Lage Weide BV", OWNER, "Vastgoed", None, N, 3, 2, "Karin de Wit"),
            Party("Gemeente Utrecht", M, "Overheid", None, CORE, 5, 4, "Accountmanager bedrijven"),
            Party(
                "Netbeheerder Midden", StakeholderKind.grid_operator, "Energie", None, N, 5, 3, None
            ),
        ],
        themes={
            "energy_hub": (0.8, 5, (0, 1, 3, 4), (Obstacle.grid_congestion, Obstacle.knowledge)),
            "energy_generation": (0.6, 4, (1, 1, 3, 2), (Obstacle.grid_congestion, Obstacle.money)),
            "security": (0.5, 3, (1, 2, 2, 1), (Obstacle.money,)),
            "parking": (0.4, 3, (2, 2, 1, 0), (Obstacle.regulation,)),
            "ev_charging": (0.3, 3, (1, 1, 2, 1), (Obstacle.grid_congestion,)),
            "heat": (0.2, 4, (1, 0, 1, 1), (Obstacle.knowledge, Obstacle.money)),
        },
        municipality_themes=("energy_hub", "energy_generation", "parking"),
        owner_themes=("energy_generation", "security"),
    ),
    Story(
        ibis_id="4924",  # Isselt, Amersfoort
        parties=[
            _e("Garagebedrijf Isselt", "Autobranche", 18, MEM, "Bert Kok"),
            _e("Houthandel Eemkade", "Groothandel", 40, CORE, "Anja Peters"),
            _e("Steigerbouw Amersfoort", "Bouw", 65, N, "Dennis Vos"),
            _e("Cateraar De Keuken", "Horeca", 25, MEM, "Yasmin Öztürk"),
            _e("Sportschool Power Isselt", "Sport", 10, N, "Mark Dekker"),
            _e("Kringloop Eemland", "Detailhandel", 30, N, "Els van Leeuwen"),
            _e("Glashandel Van den Berg", "Groothandel", 22, MEM, "Tom van den Berg"),
            _e("Schildersbedrijf Kleurrijk", "Bouw", 14, N, "Nina Brouwer"),
            Party("Vastgoed Eemhaven CV", OWNER, "Vastgoed", None, MEM, 3, 3, "Frank Meijer"),
            Party(
                "Gemeente Amersfoort", M, "Overheid", None, CORE, 5, 4, "Gebiedsregisseur Isselt"
            ),
            Party(
                "Parkmanagement Eemland",
                StakeholderKind.park_manager,
                "Dienstverlening",
                3,
                CORE,
                3,
                5,
                "Rianne Kuipers",
            ),
        ],
        themes={
            "security": (0.9, 4, (0, 1, 3, 3), (Obstacle.money,)),
            "kvo": (0.6, 3, (0, 3, 1, 1), (Obstacle.time, Obstacle.knowledge)),
            "public_space": (0.7, 4, (1, 2, 1, 1), (Obstacle.money, Obstacle.regulation)),
            "waste": (0.5, 3, (1, 2, 1, 0), (Obstacle.other,)),
            "water": (0.3, 4, (1, 1, 1, 0), (Obstacle.knowledge,)),
            "signage": (0.3, 2, (2, 1, 0, 0), ()),
        },
        municipality_themes=("security", "public_space", "water"),
        owner_themes=("security", "public_space"),
    ),
    Story(
        ibis_id="918",  # Frankeneng, Ede
        parties=[
            _e("Zuivelfabriek De Vallei", "Voedingsmiddelen", 260, BOARD, "Gert-Jan Hoekstra"),
            _e("Vleeswarenbedrijf Ede", "Voedingsmiddelen", 140, CORE, "Miriam Schouten"),
            _e("Groente Verwerking Gelderland", "Voedingsmiddelen", 90, MEM, "Kees Bosman"),
            _e("Verpakkingen Frankeneng", "Verpakkingsindustrie", 75, MEM, "Laura Prins"),
            _e("Koeltransport Veluwe", "Transport en logistiek", 50, N, "Hasan Demir"),
            _e("Laboratorium FoodCheck", "Onderzoek", 30, CORE, "Eva de Graaf"),
            _e("Bouwbedrijf Heestereng", "Bouw", 45, N, "Gerrit van Dam"),
            _e("Kantoorvakhandel Ede", "Groothandel", 15, N, "Sophie Willems"),
            Party(
                "Beleggingsmaatschappij Ede-Oost", OWNER, "Vastgoed", None, N, 3, 2, "Paul Jacobs"
            ),
            Party("Gemeente Ede", M, "Overheid", None, CORE, 5, 5, "Programmamanager werklocaties"),
            Party(
                "Regionale Ontwikkelingsbank",
                StakeholderKind.financier,
                "Financiering",
                None,
                N,
                4,
                2,
                None,
            ),
        ],
        themes={
            "greening": (0.6, 3, (1, 2, 2, 1), (Obstacle.knowledge,)),
            "water": (0.6, 4, (0, 1, 2, 2), (Obstacle.money, Obstacle.regulation)),
            "mobility": (0.7, 4, (0, 2, 2, 2), (Obstacle.time,)),
            "circularity": (0.5, 3, (1, 1, 2, 1), (Obstacle.regulation, Obstacle.knowledge)),
            "ev_charging": (0.4, 3, (1, 1, 1, 1), (Obstacle.grid_congestion,)),
            "energy_saving": (0.5, 3, (1, 1, 2, 1), (Obstacle.knowledge, Obstacle.money)),
        },
        municipality_themes=("greening", "water", "mobility"),
        owner_themes=("water", "energy_saving"),
    ),
]

SITUATIONS = {
    "energy_hub": (
        "Aansluiting vol; uitbreiding pas over jaren",
        "Wachtrij bij de netbeheerder",
        "Een collectief contract (GTO) met buren",
    ),
    "energy_generation": (
        "Dak grotendeels leeg",
        "Zonnepanelen kunnen niet terugleveren",
        "Daken vol zon, opslag op het terrein",
    ),
    "security": (
        "Meerdere inbraken en vandalisme",
        "Geen toezicht 's nachts",
        "Collectief cameratoezicht en surveillance",
    ),
    "parking": (
        "Vrachtwagens parkeren in de berm",
        "Te weinig plekken, overlast",
        "Een bewaakte truckparking",
    ),
    "ev_charging": (
        "Enkele laadpalen voor eigen wagenpark",
        "Te weinig capaciteit",
        "Gedeelde laadpleinen",
    ),
    "heat": (
        "Restwarmte gaat verloren",
        "Geen afnemer in de buurt",
        "Een klein warmtenet met de buren",
    ),
    "kvo": ("Veiligheid niet geregeld", "Niemand trekt het", "KVO-certificaat voor het terrein"),
    "public_space": (
        "Verwaarloosd groen en kapotte stoepen",
        "Onderhoud blijft liggen",
        "Verzorgd en heel terrein",
    ),
    "waste": (
        "Zwerfafval en dumpingen",
        "Ieder regelt eigen afval, duur",
        "Gezamenlijke inzameling",
    ),
    "water": (
        "Wateroverlast bij hevige buien",
        "Riool kan het niet aan",
        "Meer groen en waterberging",
    ),
    "signage": ("Bezoekers rijden verkeerd", "Verouderde borden", "Eén heldere bewegwijzering"),
    "greening": ("Veel verharding", "Hittestress in de zomer", "Groene zones en biodiversiteit"),
    "mobility": (
        "Personeel komt vooral met de auto",
        "Slecht OV, parkeerdruk",
        "Gedeelde pendelbus vanaf het station",
    ),
    "circularity": (
        "Reststromen worden afgevoerd",
        "Geen zicht op elkaars stromen",
        "Reststromen uitwisselen",
    ),
    "energy_saving": (
        "Hoog energieverbruik koeling",
        "Weinig kennis van maatregelen",
        "Samen inkopen en besparen",
    ),
}


def load_examples(session: Session, actor: Actor, today: date | None = None) -> list[str]:
    """Add the example stakeholders and interests to the three parks; returns the parks done."""
    today = today or date.today()
    done = []
    for story in STORIES:
        park = session.scalar(select(Park).where(col(Park.ibis_id) == story.ibis_id))
        if park is None:
            continue
        existing = session.scalar(
            select(func.count()).select_from(Stakeholder).where(col(Stakeholder.park_id) == park.id)
        )
        if existing:
            continue
        _load_story(session, actor, park, story, today)
        done.append(park.name)
    for story in STORIES:
        park = session.scalar(select(Park).where(col(Park.ibis_id) == story.ibis_id))
        if park is not None and not project_service.park_project_summaries(session, park.id):
            _load_projects(session, actor, park, PROJECTS.get(story.ibis_id, []))
    for story in STORIES:
        park = session.scalar(select(Park).where(col(Park.ibis_id) == story.ibis_id))
        if park is not None:
            _load_organisations(session, actor, park)
    for story in STORIES:
        park = session.scalar(select(Park).where(col(Park.ibis_id) == story.ibis_id))
        if park is not None and assessment_service.latest(session, park.id) is None:
            _load_assessments(session, actor, park, ASSESSMENTS.get(story.ibis_id, []), today)
    park = session.scalar(select(Park).where(col(Park.ibis_id) == STORIES[0].ibis_id))
    if park is not None and not survey_service.list_surveys(session, park.id, None, 1)[0]:
        _load_survey(session, actor, park, today)
    return done


# --- a survey ----------------------------------------------------------------------------------

SURVEY_THEMES = ["security", "energy_generation", "energy_hub", "ev_charging", "water"]
# (theme, urgency, willingness, challenge) per respondent; the last one came by the open link.
SURVEY_ANSWERS: list[list[tuple[str, int, Willingness, str]]] = [
    [("energy_hub", 5, Willingness.time_and_money, "Geen extra vermogen voor de nieuwe koelcel."),
     ("ev_charging", 4, Willingness.money, "Twaalf bestelbussen moeten straks elektrisch.")],
    [("security", 4, Willingness.time, "Twee keer ingebroken in het voorjaar."),
     ("water", 3, Willingness.none, "De laad- en losplaats loopt onder bij hoosbuien.")],
    [("energy_generation", 4, Willingness.money, "Een dak van 6.000 m2 dat nog leeg is.")],
    [("energy_hub", 4, Willingness.time_and_money, "Wij willen stroom delen met de buren.")],
]  # fmt: skip


def _load_survey(session: Session, actor: Actor, park: Park, today: date) -> None:
    """An open survey of the park with a few answers waiting for the expert's review."""
    survey = survey_service.create_survey(
        session, actor, park,
        SurveyCreate(
            title="Enquête energie en veiligheid",
            intro="Vijf vragen over wat uw bedrijf op het terrein nodig heeft. "
            "Het invullen duurt ongeveer vijf minuten.",
            theme_codes=SURVEY_THEMES, closes_on=today + timedelta(days=30), open_link=True,
        ),
    )  # fmt: skip
    survey_service.transition(session, actor, survey, SurveyStatus.open)
    survey_service.create_invitations(
        session, actor, survey, InvitationCreate(kinds=[E, OWNER]), personal=False, base_url="/"
    )
    invitations = sorted(
        (i for i in survey_service.invitations_of(session, survey.id)), key=lambda i: i.created_at
    )
    links = [survey_service.Link(survey, i, None) for i in invitations[:3]]
    links.append(survey_service.Link(survey, None, None))
    for found, answers in zip(links, SURVEY_ANSWERS, strict=False):
        survey_service.submit(
            session, found,
            ResponseSubmit(
                consent=True,
                respondent=None if found.invitation else Respondent(
                    company_name="Koeltechniek Lage Weide", kvk_number="90807060",
                    contact_name="Sanne de Wit", email="sanne@koeltechniek.example",
                ),
                answers=[Answer(theme_code=t, urgency=u, investment_willingness=w, challenge=c)
                         for t, u, w, c in answers],
            ),
            "nl",
        )  # fmt: skip


def _load_story(session: Session, actor: Actor, park: Park, story: Story, today: date) -> None:
    rng = random.Random(story.ibis_id)
    if not park.description:
        park_service.update_park(session, actor, park, ParkUpdate(description=PARK_NOTE))
    for index, party in enumerate(story.parties):
        slug = "".join(ch for ch in party.name.lower() if ch.isalnum())[:20]
        data = StakeholderCreate(
            name=party.name,
            kind=party.kind,
            kvk_number=f"{9000_0000 + int(story.ibis_id) % 9000 * 10 + index:08d}"[-8:]
            if party.kind is E or party.kind is OWNER
            else None,
            contact_name=party.contact,
            email=f"contact@{slug}.example" if party.contact else None,
            phone=f"06-{rng.randint(10_000_000, 59_999_999)}" if party.contact else None,
            sector=party.sector,
            employees=party.employees,
            role=party.role,
            influence=party.influence,
            involvement=party.involvement,
            woz_value_eur=Decimal(rng.randrange(400, 6000) * 1000)
            if party.kind in (E, OWNER)
            else None,
            trial_poll_vote=rng.choice([PollVote.yes, PollVote.yes, PollVote.no, PollVote.unknown])
            if party.kind in (E, OWNER)
            else PollVote.unknown,
            notes=FICTITIOUS,
        )
        st = stakeholder_service.create_stakeholder(session, actor, park, data)
        if party.contact:
            visit = today - timedelta(days=rng.randint(5, 60))
            stakeholder_service.create_contact(
                session,
                actor,
                st,
                ContactMomentCreate(
                    date=visit,
                    channel=rng.choice(
                        [ContactChannel.visit, ContactChannel.phone, ContactChannel.meeting]
                    ),
                    summary=f"Kennismaking; {party.contact} vertelde over de situatie op het terrein.",
                    follow_up_date=today + timedelta(days=rng.randint(1, 21))
                    if rng.random() < 0.5
                    else None,
                ),
            )
        if party.kind is E:
            themes = [
                code for code, (share, *_rest) in story.themes.items() if rng.random() < share
            ] or [next(iter(story.themes))]
        elif party.kind is M:
            themes = list(story.municipality_themes)
        elif party.kind is OWNER:
            themes = list(story.owner_themes)
        else:
            themes = [next(iter(story.themes))]
        for code in themes:
            _share, urgency, weights, obstacles = story.themes[code]
            willingness = rng.choices(list(Willingness), weights=weights)[0]
            if party.kind is M:
                willingness = Willingness.time_and_money
            situation, challenge, vision = SITUATIONS[code]
            budget = (
                Decimal(rng.randrange(5, 100) * 500)
                if willingness in (Willingness.money, Willingness.time_and_money)
                else None
            )
            interest_service.create_interest(
                session,
                actor,
                st,
                InterestCreate(
                    theme_code=code,
                    current_situation=situation,
                    challenge=challenge,
                    vision=vision,
                    urgency=max(1, min(5, urgency + rng.choice([-1, 0, 0, 1]))),
                    investment_willingness=willingness,
                    budget_eur=budget,
                    obstacles=[o for o in obstacles if rng.random() < 0.7],
                ),
            )


# --- projects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExampleProject:
    """A project of an example park: started from a shared interest, walked to ``phase``."""

    theme: str
    title: str
    more_themes: tuple[str, ...]
    form: OrganisationForm | None
    phase: Phase
    case: BusinessCaseInput | None = None
    committed: int = 0  # how many of the interested participants commit (the first ones)
    signed: int = 0  # of those, how many have signed
    reason: str | None = None  # for a stopped project


def _case(
    capex: int, subsidy: int, opex: int, benefits: int, years: int, rate: str, split: CostSplit
) -> BusinessCaseInput:
    return BusinessCaseInput(
        capex_eur=Decimal(capex),
        subsidy_eur=Decimal(subsidy),
        opex_eur_per_year=Decimal(opex),
        benefits_eur_per_year=Decimal(benefits),
        lifetime_years=years,
        discount_rate=Decimal(rate),
        cost_split=split,
    )


PROJECTS: dict[str, list[ExampleProject]] = {
    "155053": [  # Lage Weide: the energy hub is the shared need
        ExampleProject(
            "energy_hub",
            "Energiehub Lage Weide",
            ("energy_generation",),
            OrganisationForm.cooperatie,
            Phase.realisation,
            _case(850_000, 250_000, 15_000, 95_000, 15, "0.05", CostSplit.by_employees),
            committed=5,
            signed=2,
        ),
        ExampleProject("parking", "Bewaakte truckparking", (), None, Phase.exploration),
        ExampleProject("ev_charging", "Gedeelde laadpleinen", (), None, Phase.idea),
    ],
    "4924": [  # Isselt: schoon, heel en veilig first
        ExampleProject(
            "security",
            "Collectief cameratoezicht Isselt",
            ("kvo",),
            OrganisationForm.biz,
            Phase.operation,
            _case(120_000, 30_000, 18_000, 42_000, 8, "0.04", CostSplit.equal),
            committed=6,
            signed=4,
        ),
        ExampleProject(
            "public_space",
            "Heel en groen Isselt",
            (),
            None,
            Phase.business_case,
            _case(60_000, 20_000, 9_000, 14_000, 10, "0.04", CostSplit.by_woz_value),
            committed=2,
        ),
        ExampleProject(
            "waste",
            "Gezamenlijke afvalinzameling",
            (),
            None,
            Phase.stopped,
            reason="Te weinig deelnemers: de meeste bedrijven hebben een lopend contract tot 2028.",
        ),
    ],
    "918": [  # Frankeneng: greening, water and mobility
        ExampleProject(
            "water", "Waterberging en vergroening", ("greening",), None, Phase.exploration
        ),
        ExampleProject(
            "mobility",
            "Pendelbus station Ede-Wageningen",
            (),
            OrganisationForm.ondernemersvereniging,
            Phase.business_case,
            _case(0, 0, 48_000, 52_000, 5, "0.03", CostSplit.by_employees),
            committed=3,
        ),
    ],
}

_ROUTE = {
    Phase.idea: (),
    Phase.exploration: (Phase.exploration,),
    Phase.business_case: (Phase.exploration, Phase.business_case),
    Phase.realisation: (Phase.exploration, Phase.business_case, Phase.realisation),
    Phase.operation: (Phase.exploration, Phase.business_case, Phase.realisation, Phase.operation),
    Phase.stopped: (Phase.exploration, Phase.stopped),
}


def _load_projects(
    session: Session, actor: Actor, park: Park, examples: list[ExampleProject]
) -> None:
    for example in examples:
        project = project_service.create_project(
            session,
            actor,
            park,
            ProjectCreate(
                from_theme=example.theme,
                title=example.title,
                theme_codes=[example.theme, *example.more_themes],
                organisation_form=example.form,
            ),
            "nl",
        )
        people = project_service.participants_of(session, project.id)
        if people and example.committed:
            owner = ProjectUpdate(owner_stakeholder_id=people[0].stakeholder_id)
            project_service.update_project(session, actor, project, owner)
        for i, participant in enumerate(people[: example.committed]):
            commitment = Commitment.signed if i < example.signed else Commitment.committed
            project_service.update_participant(
                session, actor, participant, ParticipantUpdate(commitment=commitment)
            )
        for step in _ROUTE[example.phase]:
            if step is Phase.business_case and example.case is not None:
                project_service.transition(session, actor, project, TransitionRequest(to=step))
                project_service.put_business_case(session, actor, project, None, example.case)
                continue
            reason = example.reason if step is Phase.stopped else None
            project_service.transition(
                session, actor, project, TransitionRequest(to=step, reason=reason)
            )


# --- organisations and the advice's answers ------------------------------------------------

# Three parks, three advices (README, "Worked examples: the organisation-form advice").
ORGANISATIONS: dict[str, list[OrganisationCreate]] = {
    "155053": [  # Lage Weide: five companies formed a coöperatie for the energy hub's GTO
        OrganisationCreate(
            form=Form.cooperatie,
            name="Coöperatie Energiehub Lage Weide U.A.",
            founded_on=date(2025, 6, 1),
            has_board=True,
            member_count=5,
        ),
        OrganisationCreate(form=Form.werkgroep, name="Kerngroep Lage Weide", has_core_team=True),
    ],
    "4924": [  # Isselt: a BIZ pays for the cameras; its stichting receives the levy
        OrganisationCreate(
            form=Form.biz, name="BIZ Isselt", founded_on=date(2023, 1, 1), member_count=38
        ),
        OrganisationCreate(
            form=Form.stichting, name="Stichting BIZ Isselt", founded_on=date(2022, 9, 1),
            has_board=True,
        ),
    ],
    "918": [  # Frankeneng: a voluntary association runs the shuttle bus
        OrganisationCreate(
            form=Form.ondernemersvereniging,
            name="Ondernemersvereniging Frankeneng",
            founded_on=date(2016, 4, 12),
            has_board=True,
            member_count=31,
        ),
    ],
}  # fmt: skip
ADVICE_ANSWERS: dict[str, AdviceAnswers] = {
    "155053": AdviceAnswers(
        municipality_cooperates=True,
        needs_legal_entity=True,
        will_own_assets=True,
        distribute_profit=True,
    ),
    "4924": AdviceAnswers(
        municipality_cooperates=True,
        mandatory_contribution_acceptable=True,
        levy_for_this_area_only=True,
        annual_budget_eur=Decimal(45_000),
    ),
    "918": AdviceAnswers(
        municipality_cooperates=True,
        mandatory_contribution_acceptable=False,
        needs_legal_entity=True,
        will_own_assets=False,
        distribute_profit=False,
    ),
}


def _load_organisations(session: Session, actor: Actor, park: Park) -> None:
    if park.ibis_id is None or organisation_service.saved_advice(session, park.id) is not None:
        return
    existing, _ = organisation_service.list_organisations(
        session, park.id, updated_since=None, cursor=None, limit=1
    )
    if not existing:
        for data in ORGANISATIONS.get(park.ibis_id, []):
            organisation_service.create_organisation(session, actor, park, data)
    answers = ADVICE_ANSWERS.get(park.ibis_id)
    if answers is not None:
        organisation_service.save_answers(session, actor, park, answers)


# --- assessments of the organisatiegraad -------------------------------------------------------

# Per park: (days ago, the expert's marks on the seven points in rubric order, a note on the
# first point) — a year of progress.
ASSESSMENTS: dict[str, list[tuple[int, tuple[int, ...], str]]] = {
    "155053": [  # Lage Weide: from a loose group around grid congestion to a cooperative
        (380, (1, 2, 1, 1, 2, 0, 1), "Losse contacten; de netcongestie brengt mensen samen."),
        (200, (2, 3, 3, 2, 2, 1, 2), "Kerngroep energie opgericht."),
        (20, (3, 3, 3, 3, 3, 2, 3), "Coöperatie opgericht; de energiehub wordt gebouwd."),
    ],
    "4924": [  # Isselt: a BIZ for security, well organised
        (360, (3, 3, 3, 2, 3, 3, 3), "De BIZ draait; camera's hangen."),
        (30, (4, 3, 3, 3, 3, 4, 3), "BIZ verlengd; groenonderhoud als volgend project."),
    ],
    "918": [  # Frankeneng: just starting
        (300, (0, 1, 1, 1, 1, 0, 1), "Eerste kennismakingen."),
        (40, (1, 2, 2, 2, 2, 0, 2), "Werkgroep water en mobiliteit gestart."),
    ],
}


def _load_assessments(
    session: Session,
    actor: Actor,
    park: Park,
    examples: list[tuple[int, tuple[int, ...], str]],
    today: date,
) -> None:
    from backend.assessments.rubric import POINTS

    for days_ago, marks, note in examples:
        answers = {
            point: PointAnswer(score=mark, note=note if i == 0 else None)
            for i, (point, mark) in enumerate(zip(POINTS, marks, strict=True))
        }
        at = datetime.combine(today - timedelta(days=days_ago), time(10, 0), tzinfo=UTC)
        assessment_service.create_assessment(
            session, actor, park, AssessmentCreate(answers=AssessmentAnswers(**answers)), at=at
        )
