"""The organisation-form advice: rules as data, and small functions that apply them.

How it works, for an expert who wants to check or change it:

1. ``Situation`` is everything the advice looks at: the park's data (companies, stakeholders,
   the organisations already there, the shared interests and the projects) and the answers to
   the questions (each may be unknown).
2. ``RULES`` is a table. Each rule names a form, a condition on the situation, its effect —
   points added to (or taken from) the form's score, or ``BLOCK`` — a text in Dutch and English
   and the source the text rests on (``forms.SOURCES``). Facts about the forms come from the
   sources; the points and thresholds (``THRESHOLDS``) are Parkregie's own design, set here.
3. Every form starts at ``BASE`` points; the rules that hold add up; the score is kept within
   0–100. Forms without a blocker rank first (highest score first), then the blocked ones; at
   equal scores the catalogue order decides. The same situation always gives the same advice.
4. ``combination`` and ``path`` are small functions below, each step with what must be true
   first. Where the sources say nothing (an unknown answer, a fact not in the sources), the
   advice says so (``open_questions``) instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from backend.organisations.forms import BY_FORM, CATALOGUE, LEGAL_ENTITIES, Form, name

BLOCK = None  # a rule's effect that rules a form out for now
BASE = 50

# Parkregie's own thresholds (no source gives any).
THRESHOLDS = {
    "few_entrepreneurs": 5,  # fewer known entrepreneurs than this: too early for a levy vote
    "large_park_companies": 50,  # a park this large has much continuous work (parkmanagement)
    "poll_min_votes": 3,  # a trial poll counts from this many yes/no answers
    "core_team_min": 2,  # stakeholders in the core team or board that make a core team
}

ENERGY_ASSET_THEMES = frozenset({"energy_hub", "energy_generation", "heat"})
# The BIZ is for public space: liveability, safety, spatial quality (the internet counts).
PUBLIC_SPACE_THEMES = frozenset(
    {"security", "kvo", "public_space", "waste", "signage", "parking", "road_safety", "fibre",
     "greening", "water"}
)  # fmt: skip
ADVANCED_PHASES = frozenset({"business_case", "realisation", "operation"})


# --- the situation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    municipality_cooperates: bool | None = None
    mandatory_contribution_acceptable: bool | None = None
    needs_legal_entity: bool | None = None
    will_own_assets: bool | None = None
    distribute_profit: bool | None = None
    levy_for_this_area_only: bool | None = None
    annual_budget_eur: Decimal | None = None


QUESTIONS = (
    "municipality_cooperates",
    "mandatory_contribution_acceptable",
    "needs_legal_entity",
    "will_own_assets",
    "distribute_profit",
    "levy_for_this_area_only",
    "annual_budget_eur",
)


@dataclass(frozen=True)
class Existing:
    form: Form
    name: str
    has_board: bool = False
    has_core_team: bool = False
    member_count: int | None = None
    founded_on: date | None = None


@dataclass(frozen=True)
class Theme:
    code: str
    track: str  # schoon_heel_veilig | toekomstbestendig
    name_nl: str
    name_en: str
    stakeholder_count: int
    willing_to_invest_count: int  # money, or time and money


@dataclass(frozen=True)
class Project:
    title: str
    theme_codes: tuple[str, ...]
    phase: str
    organisation_form: str | None = None


@dataclass(frozen=True)
class Situation:
    company_count: int | None = None  # the national register's count
    stakeholder_count: int = 0
    entrepreneurs: int = 0
    property_owners: int = 0
    park_managers: int = 0
    interviewed: int = 0  # stakeholders with at least one interest recorded
    core_team_or_board: int = 0  # stakeholders with the role core_team or board
    poll_yes: int = 0  # the trial poll among entrepreneurs and property owners
    poll_no: int = 0
    woz_known_eur: Decimal = Decimal(0)  # entrepreneurs' and owners' WOZ values added up
    organisations: tuple[Existing, ...] = ()
    shared: tuple[Theme, ...] = ()  # the shared interests, best first
    projects: tuple[Project, ...] = ()
    answers: Answers = field(default_factory=Answers)


# --- what the rules ask of a situation (each a small, named question) ----------------------


def has(s: Situation, form: Form) -> bool:
    return any(o.form is form for o in s.organisations)


def has_legal_entity(s: Situation) -> bool:
    return any(o.form in LEGAL_ENTITIES for o in s.organisations)


def has_biz_recipient(s: Situation) -> bool:
    """A vereniging or stichting that can receive BIZ or fund money."""
    return has(s, Form.ondernemersvereniging) or has(s, Form.stichting)


def core_team(s: Situation) -> bool:
    return s.core_team_or_board >= THRESHOLDS["core_team_min"] or any(
        o.has_core_team or o.has_board for o in s.organisations
    )


def live_projects(s: Situation) -> tuple[Project, ...]:
    return tuple(p for p in s.projects if p.phase != "stopped")


def energy_themes(s: Situation) -> list[str]:
    """Energy assets in view: a shared energy interest someone would invest in, or a project."""
    codes = [
        t.code for t in s.shared if t.code in ENERGY_ASSET_THEMES and t.willing_to_invest_count
    ]
    for p in live_projects(s):
        codes += [c for c in p.theme_codes if c in ENERGY_ASSET_THEMES and c not in codes]
    return codes


def public_space_themes(s: Situation) -> list[str]:
    """Shared interests (the top five) and projects in the public space."""
    codes = [t.code for t in s.shared[:5] if t.code in PUBLIC_SPACE_THEMES]
    for p in live_projects(s):
        codes += [c for c in p.theme_codes if c in PUBLIC_SPACE_THEMES and c not in codes]
    return codes


def public_space_leads(s: Situation) -> bool:
    """The top shared interest is in the public space."""
    return bool(s.shared and s.shared[0].code in PUBLIC_SPACE_THEMES)


def energy_only(s: Situation) -> bool:
    return bool(energy_themes(s)) and not public_space_themes(s)


def advanced_projects(s: Situation) -> list[Project]:
    return [p for p in live_projects(s) if p.phase in ADVANCED_PHASES]


def poll_votes(s: Situation) -> int:
    return s.poll_yes + s.poll_no


def poll_two_thirds(s: Situation) -> bool:
    return poll_votes(s) >= THRESHOLDS["poll_min_votes"] and 3 * s.poll_yes >= 2 * poll_votes(s)


def poll_short(s: Situation) -> bool:
    return poll_votes(s) >= THRESHOLDS["poll_min_votes"] and 3 * s.poll_yes < 2 * poll_votes(s)


def levy_possible(s: Situation) -> bool:
    """Nothing known rules out a mandatory levy (BIZ or fund)."""
    a = s.answers
    return (
        a.municipality_cooperates is not False and a.mandatory_contribution_acceptable is not False
    )


def early(s: Situation) -> bool:
    """No organisation and no core team yet: the start of the path."""
    return not s.organisations and not core_team(s)


def fund_yield_eur(s: Situation) -> tuple[Decimal, Decimal]:
    """What the usual fund rate (€50–70 per €100,000 WOZ) raises a year on the WOZ known."""
    base = s.woz_known_eur / Decimal(100_000)
    return (base * 50).quantize(Decimal(1)), (base * 70).quantize(Decimal(1))


def budget_within_fund_yield(s: Situation) -> bool | None:
    budget = s.answers.annual_budget_eur
    if budget is None or not s.woz_known_eur:
        return None
    return budget <= fund_yield_eur(s)[1]


# --- the rules -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    form: Form
    when: Callable[[Situation], bool]
    points: int | None  # None (BLOCK): not now
    nl: str
    en: str
    source: str


def _a(s: Situation) -> Answers:
    return s.answers


RULES: tuple[Rule, ...] = (
    # --- BIZ ---
    Rule(Form.biz, lambda s: _a(s).municipality_cooperates is False, BLOCK,
         "De gemeenteraad stelt de BIZ-heffing vast en de gemeente int die: zonder medewerking "
         "van de gemeente komt er geen BIZ.",
         "The council sets the BIZ levy and the municipality collects it: without the "
         "municipality's cooperation there is no BIZ.", "wet_biz"),
    Rule(Form.biz, lambda s: _a(s).mandatory_contribution_acceptable is False, BLOCK,
         "Een BIZ verplicht iedereen in de zone te betalen; u gaf aan dat een verplichte "
         "bijdrage niet aanvaardbaar is.",
         "A BIZ makes everyone in the zone pay; you said a mandatory contribution is not "
         "acceptable.", "wet_biz"),
    Rule(Form.biz, lambda s: _a(s).municipality_cooperates is True, 10,
         "De gemeente werkt mee: zij stelt de verordening vast en int de heffing.",
         "The municipality cooperates: it adopts the bylaw and collects the levy.", "wet_biz"),
    Rule(Form.biz, lambda s: _a(s).mandatory_contribution_acceptable is True, 10,
         "Een verplichte bijdrage is aanvaardbaar: met een BIZ betaalt iedereen in de zone, "
         "geen meelifters.",
         "A mandatory contribution is acceptable: with a BIZ everyone in the zone pays, no "
         "free riders.", "wet_biz"),
    Rule(Form.biz, lambda s: _a(s).levy_for_this_area_only is True, 15,
         "Een heffing voor dit gebied alleen kan met een BIZ (een OZB-opslag geldt voor de hele "
         "gemeente).",
         "A levy for this area alone is what a BIZ does (an OZB surcharge is municipality-wide).",
         "ondernemersfonds"),
    Rule(Form.biz, public_space_leads, 15,
         "Het belangrijkste gedeelde belang ligt in de openbare ruimte ({public_themes}): "
         "leefbaarheid, veiligheid en ruimtelijke kwaliteit zijn waar een BIZ voor is.",
         "The leading shared interest is in the public space ({public_themes}): liveability, "
         "safety and spatial quality are what a BIZ is for.", "wet_biz"),
    Rule(Form.biz, lambda s: bool(public_space_themes(s)) and not public_space_leads(s), 5,
         "Ook gedeelde belangen of projecten in de openbare ruimte ({public_themes}), waar een "
         "BIZ voor is, maar niet het belangrijkste belang.",
         "Shared interests or projects in the public space too ({public_themes}), which a BIZ is "
         "for, but not the leading interest.", "wet_biz"),
    Rule(Form.biz, energy_only, -10,
         "De gedeelde belangen gaan over energie die bedrijven samen zouden bezitten "
         "({energy_themes}); een BIZ is voor de openbare ruimte.",
         "The shared interests are about energy the companies would own together "
         "({energy_themes}); a BIZ is for public space.", "wet_biz"),
    Rule(Form.biz, poll_two_thirds, 10,
         "In de proefpeiling is {poll_yes} van de {poll_votes} voor: ten minste twee derde, "
         "zoals de stemming vraagt.",
         "In the trial poll {poll_yes} of {poll_votes} are in favour: at least two thirds, as "
         "the vote requires.", "wet_biz"),
    Rule(Form.biz, poll_short, -15,
         "In de proefpeiling is {poll_yes} van de {poll_votes} voor: minder dan de twee derde "
         "die de stemming vraagt (een stemming met net onder de helft voor is in de praktijk "
         "mislukt).",
         "In the trial poll {poll_yes} of {poll_votes} are in favour: less than the two thirds "
         "the vote requires (in practice a vote with just under half in favour failed).",
         "biz_practice"),
    Rule(Form.biz, has_biz_recipient, 5,
         "Er is al een vereniging of stichting die de BIZ-gelden als subsidie kan ontvangen.",
         "There is already a vereniging or stichting that can receive the BIZ money as a "
         "subsidy.", "wet_biz"),
    Rule(Form.biz, lambda s: s.entrepreneurs < THRESHOLDS["few_entrepreneurs"], -15,
         "Pas {entrepreneurs} ondernemers in beeld: bij een stemming zijn alle ondernemers in de "
         "zone stemgerechtigd, en de opkomst moet ten minste de helft zijn.",
         "Only {entrepreneurs} entrepreneurs known: in a vote every entrepreneur in the zone is "
         "entitled to vote, and at least half must turn out.", "wet_biz"),
    Rule(Form.biz, lambda s: not core_team(s), -10,
         "Een BIZ-plan, de organisatie en de uitvoeringsovereenkomst vragen een kerngroep die "
         "het trekt; die is er nog niet.",
         "A BIZ plan, the organisation and the implementation agreement need a core team to "
         "carry them; there is none yet.", "guidance"),
    Rule(Form.biz, lambda s: has(s, Form.biz), 20,
         "Er is al een BIZ op het terrein: die loopt hoogstens 5 jaar en wordt met een nieuwe "
         "stemming verlengd.",
         "There is already a BIZ on the park: it runs at most 5 years and is renewed by a new "
         "vote.", "wet_biz"),
    # --- ondernemersfonds ---
    Rule(Form.ondernemersfonds, lambda s: _a(s).municipality_cooperates is False, BLOCK,
         "Over een ondernemersfonds beslist de gemeenteraad: zonder de gemeente geen fonds.",
         "The council decides on a business fund: without the municipality there is no fund.",
         "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: _a(s).mandatory_contribution_acceptable is False, BLOCK,
         "In een ondernemersfonds betaalt iedereen (ook non-profit) via de OZB; u gaf aan dat "
         "een verplichte bijdrage niet aanvaardbaar is.",
         "In a business fund everyone pays (non-profits too) through the OZB; you said a "
         "mandatory contribution is not acceptable.", "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: _a(s).levy_for_this_area_only is True, BLOCK,
         "Een OZB-opslag kan alleen voor de hele gemeente; voor één gebied alleen is een BIZ "
         "nodig.",
         "An OZB surcharge can only be municipality-wide; one area alone needs a BIZ.",
         "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: _a(s).levy_for_this_area_only is False, 15,
         "Een gemeentebrede heffing is geen bezwaar: met trekkingsrechten besteedt elk gebied "
         "wat het inbracht.",
         "A municipality-wide levy is fine: with drawing rights each area spends what it paid "
         "in.", "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: _a(s).municipality_cooperates is True, 10,
         "De gemeente werkt mee; de raad besluit over het fonds en weegt het draagvlak zelf.",
         "The municipality cooperates; the council decides on the fund and weighs support "
         "itself.", "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: _a(s).mandatory_contribution_acceptable is True, 5,
         "Een verplichte bijdrage is aanvaardbaar: in een fonds betaalt iedereen.",
         "A mandatory contribution is acceptable: in a fund everyone pays.", "ondernemersfonds"),
    Rule(Form.ondernemersfonds, poll_short, 0,
         "De proefpeiling haalt geen twee derde voor; een fonds vraagt geen wettelijke stemming "
         "(de raad weegt het draagvlak).",
         "The trial poll falls short of two thirds; a fund needs no statutory vote (the council "
         "weighs support).", "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: budget_within_fund_yield(s) is True, 5,
         "Het gebruikelijke tarief (€ 50–70 per € 100.000 WOZ) levert op de bekende WOZ-waarde "
         "(€ {woz_known}) € {fund_low}–{fund_high} per jaar op: genoeg voor de begroting van "
         "€ {budget}.",
         "The usual rate (€50–70 per €100,000 WOZ) raises €{fund_low}–{fund_high} a year on the "
         "known WOZ value (€{woz_known}): enough for the budget of €{budget}.",
         "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: budget_within_fund_yield(s) is False, -10,
         "Het gebruikelijke tarief (€ 50–70 per € 100.000 WOZ) levert op de bekende WOZ-waarde "
         "(€ {woz_known}) € {fund_low}–{fund_high} per jaar op: minder dan de begroting van "
         "€ {budget}.",
         "The usual rate (€50–70 per €100,000 WOZ) raises €{fund_low}–{fund_high} a year on the "
         "known WOZ value (€{woz_known}): less than the budget of €{budget}.",
         "ondernemersfonds"),
    Rule(Form.ondernemersfonds, lambda s: not core_team(s), -10,
         "Het geld gaat naar een stichting van ondernemers; een kerngroep die die stichting "
         "draagt is er nog niet.",
         "The money goes to a stichting run by entrepreneurs; a core team to carry it is not "
         "there yet.", "guidance"),
    Rule(Form.ondernemersfonds, lambda s: has(s, Form.ondernemersfonds), 20,
         "Er is al een ondernemersfonds.", "There is already a business fund.", "ondernemersfonds"),
    # --- ondernemersvereniging ---
    Rule(Form.ondernemersvereniging, lambda s: _a(s).distribute_profit is True, BLOCK,
         "Een vereniging mag geen winst uitkeren.", "A vereniging cannot distribute profit.",
         "forms_table"),
    Rule(Form.ondernemersvereniging, lambda s: _a(s).mandatory_contribution_acceptable is False, 15,
         "Geen verplichte bijdrage: een vereniging werkt met vrijwillig lidmaatschap.",
         "No mandatory contribution: a vereniging works with voluntary membership.",
         "forms_table"),
    Rule(Form.ondernemersvereniging, lambda s: _a(s).mandatory_contribution_acceptable is True, -5,
         "Lidmaatschap is vrijwillig, dus meelifters: een van de minst bindende vormen.",
         "Membership is voluntary, so free riders: one of the least binding forms.",
         "forms_table"),
    Rule(Form.ondernemersvereniging, lambda s: has(s, Form.ondernemersvereniging), 15,
         "Er is al een ondernemersvereniging ({vereniging}): daarop voortbouwen.",
         "There is already a business association ({vereniging}): build on it.", "park_data"),
    Rule(Form.ondernemersvereniging, lambda s: core_team(s) and not has_legal_entity(s), 10,
         "Er is een kerngroep maar nog geen rechtspersoon: een vereniging met notariële akte is "
         "de volgende stap (zonder akte kan het bestuur persoonlijk aansprakelijk zijn).",
         "There is a core team but no legal person yet: a vereniging with a notarial deed is the "
         "next step (without a deed the board can be personally liable).", "forms_table"),
    Rule(Form.ondernemersvereniging, lambda s: _a(s).needs_legal_entity is True, 5,
         "Met notariële akte is een vereniging volledig rechtsbevoegd.",
         "With a notarial deed a vereniging has full legal capacity.", "forms_table"),
    Rule(Form.ondernemersvereniging,
         lambda s: levy_possible(s) and bool(public_space_themes(s)) and not has(s, Form.stichting),
         5,
         "Een vereniging kan de gelden van een BIZ als subsidie ontvangen.",
         "A vereniging can receive a BIZ's money as a subsidy.", "wet_biz"),
    # --- coöperatie ---
    Rule(Form.cooperatie, lambda s: bool(energy_themes(s)), 25,
         "Energie die bedrijven samen willen opwekken, opslaan of delen ({energy_themes}): de "
         "coöperatie is daarvoor de gebruikelijke vorm, en de overkoepelende partij van een "
         "groepstransportovereenkomst (zoals vijf bedrijven op Lage Weide deden).",
         "Energy the companies want to generate, store or share ({energy_themes}): the "
         "coöperatie is the usual form for that, and the umbrella party of a group transport "
         "agreement (as five companies on Lage Weide did).", "energy_hub"),
    Rule(Form.cooperatie, lambda s: _a(s).will_own_assets is True, 15,
         "Gezamenlijk bezit en contracten: een coöperatie is een rechtspersoon die dat kan.",
         "Shared assets and contracts: a coöperatie is a legal person that can hold them.",
         "forms_table"),
    Rule(Form.cooperatie, lambda s: _a(s).distribute_profit is True, 15,
         "Een coöperatie mag winst uitkeren aan haar leden.",
         "A coöperatie may distribute profit to its members.", "forms_table"),
    Rule(Form.cooperatie, lambda s: _a(s).will_own_assets is False and not energy_themes(s), -20,
         "Geen gezamenlijk bezit en geen energieproject: wat een coöperatie vooral kan "
         "(bezit, opwek, een GTO) is hier niet nodig.",
         "No shared assets and no energy project: what a coöperatie is mostly for (assets, "
         "generation, a GTO) is not needed here.", "forms_table"),
    Rule(Form.cooperatie,
         lambda s: _a(s).will_own_assets is None and not energy_themes(s), -10,
         "Nog geen gezamenlijk bezit of energieproject in beeld.",
         "No shared assets or energy project in view yet.", "park_data"),
    Rule(Form.cooperatie, lambda s: has(s, Form.cooperatie), 15,
         "Er is al een coöperatie op het terrein.", "There is already a coöperatie on the park.",
         "park_data"),
    # --- stichting ---
    Rule(Form.stichting, lambda s: levy_possible(s) and bool(public_space_themes(s)), 10,
         "Een stichting is de gebruikelijke ontvanger van BIZ- of fondsgeld.",
         "A stichting is the usual holder of BIZ or fund money.", "forms_table"),
    Rule(Form.stichting, lambda s: levy_possible(s) and _a(s).levy_for_this_area_only is False, 5,
         "Een ondernemersfonds betaalt zijn subsidie uit aan een stichting.",
         "A business fund pays its subsidy to a stichting.", "ondernemersfonds"),
    Rule(Form.stichting, lambda s: _a(s).needs_legal_entity is True, 5,
         "Een stichting is een rechtspersoon (notariële akte).",
         "A stichting is a legal person (notarial deed).", "forms_table"),
    Rule(Form.stichting, lambda s: True, -10,
         "Een stichting heeft geen leden: een bestuur beslist, ondernemers doen niet als lid mee.",
         "A stichting has no members: a board decides, entrepreneurs do not take part as "
         "members.", "forms_table"),
    Rule(Form.stichting, lambda s: has(s, Form.stichting), 15,
         "Er is al een stichting op het terrein.", "There is already a stichting on the park.",
         "park_data"),
    # --- BV ---
    Rule(Form.bv, lambda s: True, -15,
         "De bronnen noemen de BV alleen als uitvoeringsbedrijf voor parkmanagementdiensten, "
         "niet als samenwerkingsvorm van de ondernemers.",
         "The sources name the BV only as an execution company for park management services, "
         "not as the entrepreneurs' form of collaboration.", "forms_table"),
    Rule(Form.bv, lambda s: s.park_managers > 0 or has(s, Form.parkmanagement), 15,
         "Er is parkmanagement op het terrein: een BV kan de diensten ervan uitvoeren.",
         "There is park management on the park: a BV can carry out its services.",
         "forms_table"),
    Rule(Form.bv, lambda s: _a(s).will_own_assets is True, 5,
         "Een BV kan bezit hebben en contracten sluiten, met beperkte aansprakelijkheid.",
         "A BV can hold assets and sign contracts, with limited liability.", "forms_table"),
    Rule(Form.bv, lambda s: has(s, Form.bv), 15,
         "Er is al een BV op het terrein.", "There is already a BV on the park.", "park_data"),
    # --- werkgroep ---
    Rule(Form.werkgroep, lambda s: _a(s).needs_legal_entity is True, BLOCK,
         "Een werkgroep is geen rechtspersoon; u gaf aan dat er een nodig is.",
         "A werkgroep is no legal person; you said one is needed.", "forms_table"),
    Rule(Form.werkgroep, lambda s: _a(s).will_own_assets is True, BLOCK,
         "Een werkgroep kan geen bezit hebben of contracten sluiten.",
         "A werkgroep cannot hold assets or sign contracts.", "forms_table"),
    Rule(Form.werkgroep, early, 25,
         "Nog geen organisatie en geen kerngroep: een werkgroep van 2–3 ondernemers is het "
         "gebruikelijke begin.",
         "No organisation and no core team yet: a working group of 2–3 entrepreneurs is the "
         "usual start.", "forms_table"),
    Rule(Form.werkgroep, lambda s: any(t.code in ("kvo", "security") for t in s.shared[:3]), 5,
         "Veiligheid is een gedeeld belang: het Keurmerk Veilig Ondernemen begint met een "
         "werkgroep.",
         "Security is a shared interest: the Safe Business Quality Mark (KVO) starts with a "
         "working group.", "guidance"),
    Rule(Form.werkgroep, has_legal_entity, -25,
         "Er is al een rechtspersoon; een werkgroep kan daarbinnen werken, maar is geen nieuwe "
         "vorm meer.",
         "There is already a legal person; a working group can work within it but is no new "
         "form.", "park_data"),
    Rule(Form.werkgroep, lambda s: bool(advanced_projects(s)), -15,
         "Projecten in businesscase, realisatie of exploitatie ({advanced_projects}) vragen een "
         "partij die contracten kan sluiten.",
         "Projects in business case, realisation or operation ({advanced_projects}) need a "
         "party that can sign contracts.", "forms_table"),
    # --- parkmanagement ---
    Rule(Form.parkmanagement, lambda s: s.park_managers > 0 or has(s, Form.parkmanagement), 20,
         "Er is al een parkmanager: het doorlopende werk (verankeren, communiceren met partijen "
         "binnen en buiten het terrein) ligt vaak bij een parkmanager.",
         "There is a park manager already: the continuous work (anchoring, communicating with "
         "parties inside and outside the park) often sits with a park manager.", "guidance"),
    Rule(Form.parkmanagement,
         lambda s: (s.company_count or 0) >= THRESHOLDS["large_park_companies"], 10,
         "Een groot terrein ({company_count} bedrijven volgens het register): veel doorlopend "
         "werk om te organiseren.",
         "A large park ({company_count} companies in the register): much continuous work to "
         "organise.", "guidance"),
    Rule(Form.parkmanagement, early, -20,
         "Parkmanagement is ‘een manier van organiseren, geen organisatie’: eerst moet er een "
         "samenwerking zijn om het aan te hangen.",
         "Park management is “a way of organising, not an organisation”: first there must be a "
         "collaboration to attach it to.", "forms_table"),
)  # fmt: skip


# --- applying the rules --------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    text: str
    source: str  # a code in forms.SOURCES
    points: int | None = None


@dataclass(frozen=True)
class Recommendation:
    form: Form
    rank: int
    score: int
    reasons: tuple[Reason, ...]
    blockers: tuple[Reason, ...]


@dataclass(frozen=True)
class Step:
    text: str
    requires: tuple[str, ...]
    source: str
    form: Form | None = None
    done: bool = False


@dataclass(frozen=True)
class Combination:
    forms: tuple[Form, ...]
    rationale: str


@dataclass(frozen=True)
class Advice:
    recommendations: tuple[Recommendation, ...]
    combination: Combination
    path: tuple[Step, ...]
    open_questions: tuple[Reason, ...]


def _money(value: Decimal) -> str:
    return f"{int(value):,}".replace(",", ".")


def placeholders(s: Situation, language: str) -> dict[str, str]:
    def theme_names(codes: list[str]) -> str:
        names = {t.code: (t.name_nl if language == "nl" else t.name_en) for t in s.shared}
        return ", ".join(names.get(c, c) for c in codes)

    low, high = fund_yield_eur(s)
    vereniging = next((o.name for o in s.organisations if o.form is Form.ondernemersvereniging), "")
    return {
        "public_themes": theme_names(public_space_themes(s)[:3]),
        "energy_themes": theme_names(energy_themes(s)[:3]),
        "poll_yes": str(s.poll_yes),
        "poll_votes": str(poll_votes(s)),
        "entrepreneurs": str(s.entrepreneurs),
        "company_count": str(s.company_count or 0),
        "woz_known": _money(s.woz_known_eur),
        "fund_low": _money(low),
        "fund_high": _money(high),
        "budget": _money(s.answers.annual_budget_eur or Decimal(0)),
        "vereniging": vereniging,
        "advanced_projects": ", ".join(p.title for p in advanced_projects(s)),
    }


def rank(s: Situation, language: str = "nl") -> tuple[Recommendation, ...]:
    values = placeholders(s, language)
    scored = []
    for position, facts in enumerate(CATALOGUE):
        reasons, blockers, points = [], [], 0
        for rule in RULES:
            if rule.form is not facts.form or not rule.when(s):
                continue
            text = (rule.nl if language == "nl" else rule.en).format(**values)
            if rule.points is BLOCK:
                blockers.append(Reason(text, rule.source))
            else:
                points += rule.points
                reasons.append(Reason(text, rule.source, rule.points))
        score = max(0, min(100, BASE + points))
        scored.append((bool(blockers), -score, position, facts.form, score, reasons, blockers))
    scored.sort(key=lambda x: (x[0], x[1], x[2]))
    return tuple(
        Recommendation(form, i, score, tuple(reasons), tuple(blockers))
        for i, (_b, _s, _p, form, score, reasons, blockers) in enumerate(scored, start=1)
    )


def _open(recs: tuple[Recommendation, ...], form: Form) -> bool:
    return any(r.form is form and not r.blockers for r in recs)


def _score(recs: tuple[Recommendation, ...], form: Form) -> int:
    return next(r.score for r in recs if r.form is form)


COMBINE_MIN = 65  # a form joins the combination from this score (Parkregie's design)

ROLE = {
    "nl": {
        Form.biz: "de BIZ voor de verplichte heffing in de zone",
        Form.ondernemersfonds: "het ondernemersfonds voor de verplichte heffing",
        Form.ondernemersvereniging: "de ondernemersvereniging voor de leden en hun stem",
        Form.cooperatie: "de coöperatie voor het gezamenlijke energiebezit en de contracten",
        Form.stichting: "de stichting die het geld ontvangt en besteedt",
        Form.bv: "de BV als uitvoeringsbedrijf",
        Form.werkgroep: "de werkgroep om mee te beginnen",
        Form.parkmanagement: "parkmanagement voor het doorlopende werk",
    },
    "en": {
        Form.biz: "the BIZ for the mandatory levy in the zone",
        Form.ondernemersfonds: "the business fund for the mandatory levy",
        Form.ondernemersvereniging: "the association for the members and their say",
        Form.cooperatie: "the coöperatie for the shared energy assets and contracts",
        Form.stichting: "the stichting that receives and spends the money",
        Form.bv: "the BV as the execution company",
        Form.werkgroep: "the working group to start with",
        Form.parkmanagement: "park management for the continuous work",
    },
}


def combination(
    s: Situation, recs: tuple[Recommendation, ...], language: str = "nl"
) -> Combination:
    """The top form, with what it needs beside it: a BIZ or fund needs a vereniging or
    stichting for its money; park management needs a form to attach to; energy assets need a
    coöperatie; park management joins when it scores well."""
    open_recs = [r for r in recs if not r.blockers]
    if not open_recs:
        text = (
            "Geen vorm past nu: los eerst de blokkades op."
            if language == "nl"
            else "No form fits now: resolve the blockers first."
        )
        return Combination((), text)
    top = open_recs[0].form
    if top is Form.parkmanagement:  # never on its own: with the best other form
        top = next((r.form for r in open_recs if r.form is not Form.parkmanagement), top)
    forms = [top]
    if top in (Form.biz, Form.ondernemersfonds):
        if top is Form.biz and has(s, Form.ondernemersvereniging):
            recipient = Form.ondernemersvereniging
        elif has(s, Form.stichting) or top is Form.ondernemersfonds:
            recipient = Form.stichting
        else:
            recipient = max(
                (Form.stichting, Form.ondernemersvereniging),
                key=lambda f: (_open(recs, f), _score(recs, f), f is Form.stichting),
            )
        forms.append(recipient)
    if top is not Form.werkgroep:
        if energy_themes(s) and _open(recs, Form.cooperatie) and Form.cooperatie not in forms:
            forms.append(Form.cooperatie)
        if _open(recs, Form.parkmanagement) and _score(recs, Form.parkmanagement) >= COMBINE_MIN:
            forms.append(Form.parkmanagement)
    roles = [ROLE[language][f] for f in forms]
    joined = (
        roles[0]
        if len(roles) == 1
        else ", ".join(roles[:-1]) + (" en " if language == "nl" else " and ") + roles[-1]
    )
    return Combination(tuple(forms), joined[0].upper() + joined[1:] + ".")


def _t(language: str, nl: str, en: str) -> str:
    return nl if language == "nl" else en


def path(s: Situation, combo: Combination, lang: str = "nl") -> tuple[Step, ...]:
    """The next steps from where the park is now, each with what must be true first."""
    steps: list[Step] = []
    top_theme = s.shared[0] if s.shared else None
    theme_name = (top_theme.name_nl if lang == "nl" else top_theme.name_en) if top_theme else ""
    if not s.shared or s.interviewed * 2 < s.stakeholder_count:
        steps.append(Step(
            _t(lang, "Inventariseer de opgaven en belangen: spreek ondernemers, eigenaren en de "
               "gemeente.", "Take stock of the challenges and interests: talk to entrepreneurs, "
               "owners and the municipality."),
            (_t(lang, f"nu {s.interviewed} van {s.stakeholder_count} betrokkenen gesproken",
                f"{s.interviewed} of {s.stakeholder_count} stakeholders interviewed so far"),),
            "guidance",
        ))  # fmt: skip
    if not core_team(s):
        steps.append(Step(
            _t(lang, "Vorm een werkgroep (kerngroep) van 2–3 ondernemers"
               + (f" rond ‘{theme_name}’." if theme_name else "."),
               "Form a working group (core team) of 2–3 entrepreneurs"
               + (f" around “{theme_name}”." if theme_name else ".")),
            (_t(lang, "een gedeeld belang waarin ondernemers willen investeren",
                "a shared interest entrepreneurs are willing to invest in"),),
            "guidance", Form.werkgroep,
        ))  # fmt: skip
    for form in combo.forms:
        if form is Form.werkgroep:
            continue
        steps += _form_steps(s, form, lang)
    if s.organisations:
        steps.append(Step(
            _t(lang, "Houd de samenwerking gaande: een kerngroep en bestuur, persoonlijk contact, "
               "en communicatie met iedereen binnen en buiten het terrein (gemeente, "
               "netbeheerder, financier).",
               "Keep the collaboration going: a core team and board, personal contact, and "
               "communication with everyone inside and outside the park (municipality, grid "
               "operator, financier)."),
            (_t(lang, "iemand die het doorlopende werk doet, vaak een parkmanager",
                "someone to do the continuous work, often a park manager"),),
            "guidance",
        ))  # fmt: skip
    return tuple(steps)


def _form_steps(s: Situation, form: Form, lang: str) -> list[Step]:
    present = has(s, form)
    if form is Form.biz:
        if present:
            since = next((o.founded_on for o in s.organisations if o.form is Form.biz), None)
            when = ""
            if since and not (since.month == 2 and since.day == 29):
                start, end = since.isoformat(), since.replace(year=since.year + 5).isoformat()
                when = _t(
                    lang, f" (gestart {start}: uiterlijk {end})", f" (started {start}: by {end})"
                )
            return [Step(
                _t(lang, "Bereid de verlenging voor: een BIZ loopt hoogstens 5 jaar, een nieuwe "
                   "stemming verlengt hem" + when + ".",
                   "Prepare the renewal: a BIZ runs at most 5 years, a new vote renews it"
                   + when + "."),
                (_t(lang, "een nieuw BIZ-plan en opnieuw draagvlak",
                    "a new BIZ plan and support again"),),
                "wet_biz", form, True,
            )]  # fmt: skip
        return [
            Step(
                _t(lang, "Schrijf een BIZ-plan (gebied, doelen, activiteiten, begroting, "
                   "periode, wie betaalt, heffingsmaatstaf) en houd een proefpeiling.",
                   "Write a BIZ plan (area, goals, activities, budget, period, who pays, levy "
                   "method) and hold a trial poll."),
                (_t(lang, "de gemeente werkt mee", "the municipality cooperates"),
                 _t(lang, "een kerngroep die het plan trekt", "a core team that carries the plan")),
                "wet_biz", form,
            ),
            Step(
                _t(lang, "Sluit de uitvoeringsovereenkomst met de gemeente; de raad stelt de "
                   "BIZ-verordening vast.",
                   "Sign the implementation agreement with the municipality; the council adopts "
                   "the BIZ bylaw."),
                (_t(lang, "een vereniging of stichting die de gelden ontvangt",
                    "a vereniging or stichting to receive the money"),),
                "wet_biz", form,
            ),
            Step(
                _t(lang, "Formele stemming; de heffing begint het jaar erna (reken op 6–12 maanden "
                   "vanaf het plan).",
                   "The formal vote; the levy starts the next year (count on 6–12 months from "
                   "the plan)."),
                (_t(lang, "opkomst ten minste de helft", "turnout at least half"),
                 _t(lang, "ten minste twee derde van de stemmen voor",
                    "at least two thirds in favour"),
                 _t(lang, "meer WOZ-waarde voor dan tegen",
                    "more WOZ value in favour than against")),
                "wet_biz", form,
            ),
        ]  # fmt: skip
    texts = {
        Form.ondernemersfonds: (
            ("Vraag de gemeenteraad een ondernemersfonds in te stellen (meestal een OZB-opslag).",
             "Ask the council to set up a business fund (usually an OZB surcharge)."),
            (("de gemeente werkt mee", "the municipality cooperates"),
             ("een stichting van ondernemers die het geld ontvangt",
              "a stichting run by entrepreneurs to receive the money")),
            "ondernemersfonds",
        ),
        Form.ondernemersvereniging: (
            ("Richt de ondernemersvereniging op bij de notaris (akte: volledige "
             "rechtsbevoegdheid).",
             "Found the business association with a notarial deed (full legal capacity)."),
            (("ondernemers die lid willen worden", "entrepreneurs who want to join"),
             ("een bestuur", "a board")),
            "forms_table",
        ),
        Form.stichting: (
            ("Richt de stichting op bij de notaris, met een bestuur van ondernemers.",
             "Found the stichting with a notarial deed, with a board of entrepreneurs."),
            (("bestuurders die het geld willen beheren", "board members to manage the money"),),
            "forms_table",
        ),
        Form.cooperatie: (
            ("Richt een coöperatie op bij de notaris (kies U.A., B.A. of W.A.) voordat u "
             "investeert of een groepstransportovereenkomst tekent.",
             "Found a coöperatie with a notarial deed (choose U.A., B.A. or W.A.) before "
             "investing or signing a group transport agreement."),
            (("de bedrijven die meedoen en hun afspraken over de capaciteit",
              "the participating companies and their agreement on capacity"),
             ("een energiemanagementsysteem (voor een GTO)",
              "an energy management system (for a GTO)")),
            "energy_hub",
        ),
        Form.bv: (
            ("Richt een BV op als uitvoeringsbedrijf voor de parkmanagementdiensten.",
             "Found a BV as the execution company for the park management services."),
            (("diensten die verkocht worden", "services to sell"),),
            "forms_table",
        ),
        Form.parkmanagement: (
            ("Stel parkmanagement in: een parkmanager voor het doorlopende werk en de "
             "communicatie binnen en buiten het terrein.",
             "Set up park management: a park manager for the continuous work and the "
             "communication inside and outside the park."),
            (("een vorm om het aan te hangen, en geld om het te betalen",
              "a form to attach it to, and money to pay for it"),),
            "guidance",
        ),
    }  # fmt: skip
    (nl, en), requires, source = texts[form]
    if form is Form.parkmanagement and s.park_managers and not present:
        nl = (
            "Leg het parkmanagement vast: er is al een parkmanager betrokken; spreek taken, "
            "betaling en de vorm waaraan het hangt af."
        )
        en = (
            "Put park management on a firm footing: a park manager is involved already; agree "
            "the tasks, the payment and the form it is attached to."
        )
    if present:
        names = ", ".join(o.name for o in s.organisations if o.form is form)
        nl = f"Al aanwezig: {BY_FORM[form].name_nl} ({names}); bouw erop voort."
        en = f"Already there: {BY_FORM[form].name_en} ({names}); build on it."
    return [
        Step(_t(lang, nl, en), tuple(_t(lang, a, b) for a, b in requires), source, form, present)
    ]


OPEN_QUESTIONS = {
    "municipality_cooperates": (
        "Onbekend of de gemeente meewerkt: dat beslist of een BIZ of ondernemersfonds kan.",
        "Unknown whether the municipality cooperates: that decides whether a BIZ or a fund is "
        "possible.", "wet_biz",
    ),
    "mandatory_contribution_acceptable": (
        "Onbekend of een verplichte bijdrage aanvaardbaar is: BIZ en fonds verplichten iedereen.",
        "Unknown whether a mandatory contribution is acceptable: a BIZ and a fund make everyone "
        "pay.", "wet_biz",
    ),
    "needs_legal_entity": (
        "Onbekend of er een rechtspersoon nodig is (voor contracten, subsidie, personeel).",
        "Unknown whether a legal person is needed (for contracts, subsidies, staff).",
        "forms_table",
    ),
    "will_own_assets": (
        "Onbekend of er gezamenlijk bezit komt (zonnepark, opslag, een GTO): dat vraagt een "
        "rechtspersoon.",
        "Unknown whether there will be shared assets (a solar park, storage, a GTO): they need a "
        "legal person.", "forms_table",
    ),
    "distribute_profit": (
        "Onbekend of er winst uitgekeerd moet worden: een coöperatie mag dat, een vereniging "
        "niet; over stichting en BV zeggen de bronnen niets.",
        "Unknown whether profit must be distributed: a coöperatie may, a vereniging may not; "
        "the sources say nothing about a stichting or a BV.", "forms_table",
    ),
    "levy_for_this_area_only": (
        "Onbekend of de heffing alleen voor dit terrein moet gelden: dan is het een BIZ, geen "
        "OZB-opslag.",
        "Unknown whether the levy must cover this park only: then it is a BIZ, not an OZB "
        "surcharge.", "ondernemersfonds",
    ),
    "annual_budget_eur": (
        "Geen jaarbegroting opgegeven. De bronnen geven voor geen enkele vorm een "
        "begrotingsgrens; alleen het fondstarief (€ 50–70 per € 100.000 WOZ) wordt ermee "
        "vergeleken.",
        "No annual budget given. The sources give no budget threshold for any form; only the "
        "fund rate (€50–70 per €100,000 WOZ) is compared with it.", "none",
    ),
}  # fmt: skip


def open_questions(s: Situation, language: str = "nl") -> tuple[Reason, ...]:
    out = []
    for code in QUESTIONS:
        if getattr(s.answers, code) is None:
            nl, en, source = OPEN_QUESTIONS[code]
            out.append(Reason(_t(language, nl, en), source))
    if s.answers.annual_budget_eur is not None and not s.woz_known_eur:
        out.append(Reason(_t(
            language,
            "Geen WOZ-waarden bekend: de opbrengst van een fonds is niet te schatten.",
            "No WOZ values known: what a fund would raise cannot be estimated.",
        ), "ondernemersfonds"))  # fmt: skip
    return tuple(out)


def advise(s: Situation, language: str = "nl") -> Advice:
    recs = rank(s, language)
    combo = combination(s, recs, language)
    return Advice(recs, combo, path(s, combo, language), open_questions(s, language))


def form_name(form: Form, language: str) -> str:
    return name(form, language)
