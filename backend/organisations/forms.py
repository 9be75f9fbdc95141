"""The catalogue of organisation forms: facts with their public sources, as data.

Everything here comes from ``shared/domain/organisation-forms.md``. Where those sources say
nothing (for example whether a stichting or a BV may distribute profit), the value is ``None``
and the note says so: the advice never fills a gap with a guess."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Form(StrEnum):
    biz = "biz"
    ondernemersfonds = "ondernemersfonds"
    ondernemersvereniging = "ondernemersvereniging"
    cooperatie = "cooperatie"
    stichting = "stichting"
    bv = "bv"
    werkgroep = "werkgroep"
    parkmanagement = "parkmanagement"


@dataclass(frozen=True)
class Source:
    code: str
    label: str  # a publication is named as it names itself
    label_en: str | None = None  # for Parkregie's own labels

    def text(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label


SOURCES = {
    s.code: s
    for s in (
        Source(
            "wet_biz",
            "Wet op de bedrijveninvesteringszones (2015); bedrijveninvesteringszone.biz "
            "(gemeentelijke procedure, oprichten van een BIZ, 10 jaar BIZ-zen)",
        ),
        Source(
            "biz_practice", "veca.nu (mislukte stemming, 2022); bizcapellexl.nl; haagsretailpunt.nl"
        ),
        Source(
            "ondernemersfonds",
            "kvk.nl (alles over ondernemersfondsen); blaauwberg.nl; vandenbosch-partners.nl",
        ),
        Source("forms_table", "Parkregie, domain/organisation-forms.md: de vormen (overzicht)"),
        Source(
            "energy_hub",
            "liander.nl (transportovereenkomst voor groepen); energiehubs.nl; "
            "energietransitieutrecht.nl (coöperatie op Lage Weide)",
        ),
        Source(
            "guidance",
            "Kennisbank bedrijventerreinen, Samenwerking organiseren (mei 2024)",
        ),
        Source(
            "park_data", "Parkregie: de gegevens van dit terrein", "Parkregie: this park's data"
        ),
        Source("answers", "Parkregie: uw antwoorden", "Parkregie: your answers"),
        Source(
            "none",
            "Geen bron: de verzamelde bronnen zeggen hier niets over",
            "No source: the gathered sources say nothing about this",
        ),
    )
}


@dataclass(frozen=True)
class FormFacts:
    form: Form
    name_nl: str
    name_en: str
    participation: str  # mandatory | voluntary | no_members | shareholders | as_agreed
    legal_person: str  # yes | no | with_notarial_deed | not_a_form
    holds_assets: str  # yes | no | with_notarial_deed | through_other
    may_distribute_profit: bool | None  # None: the sources say nothing
    needs_municipal_decision: bool | None
    needs_vote: bool
    max_duration_years: int | None
    notes_nl: str
    notes_en: str
    sources: tuple[str, ...]


CATALOGUE: tuple[FormFacts, ...] = (
    FormFacts(
        Form.biz, "BIZ (bedrijveninvesteringszone)", "BIZ (business improvement zone)",
        participation="mandatory", legal_person="no", holds_assets="through_other",
        may_distribute_profit=None, needs_municipal_decision=True, needs_vote=True,
        max_duration_years=5,
        notes_nl="Verplichte heffing voor iedereen in de zone, na een stemming; de gemeente int "
        "en betaalt uit als subsidie aan een vereniging of stichting. Voor de openbare ruimte: "
        "leefbaarheid, veiligheid, ruimtelijke kwaliteit (internet telt als openbare ruimte). "
        "Hoogstens 5 jaar, te verlengen met een nieuwe stemming; doorgaans 6–12 maanden "
        "voorbereiding.",
        notes_en="A mandatory levy for all in the zone, after a vote; the municipality collects "
        "it and pays it out as a subsidy to a vereniging or stichting. For public space: "
        "liveability, safety, spatial quality (the internet counts as public space). At most 5 "
        "years, renewable by a new vote; typically 6–12 months of preparation.",
        sources=("wet_biz", "biz_practice"),
    ),
    FormFacts(
        Form.ondernemersfonds, "Ondernemersfonds", "Business fund (ondernemersfonds)",
        participation="mandatory", legal_person="no", holds_assets="through_other",
        may_distribute_profit=None, needs_municipal_decision=True, needs_vote=False,
        max_duration_years=None,
        notes_nl="Meestal een opslag op de OZB voor niet-woningen, als subsidie naar een "
        "stichting van ondernemers; de raad besluit en weegt het draagvlak zelf, zonder "
        "wettelijke stemming. Een OZB-opslag geldt voor de hele gemeente; één gebied alleen "
        "vraagt een BIZ (trekkingsrechten laten elk gebied besteden wat het inbracht). "
        "Gebruikelijk tarief € 50–70 per € 100.000 WOZ-waarde.",
        notes_en="Usually a surcharge on the OZB (property tax) for non-residential property, "
        "passed on as a subsidy to a stichting run by entrepreneurs; the council decides and "
        "weighs support itself, no statutory vote. An OZB surcharge is municipality-wide; one "
        "area alone needs a BIZ (drawing rights let each area spend what it paid in). Typical "
        "rate €50–70 per €100,000 of WOZ value.",
        sources=("ondernemersfonds",),
    ),
    FormFacts(
        Form.ondernemersvereniging, "Ondernemersvereniging", "Business association (vereniging)",
        participation="voluntary", legal_person="with_notarial_deed",
        holds_assets="with_notarial_deed", may_distribute_profit=False,
        needs_municipal_decision=False, needs_vote=False, max_duration_years=None,
        notes_nl="Vrijwillig lidmaatschap, dus meelifters; mag geen winst uitkeren; een van de "
        "minst bindende vormen. Met notariële akte volledig rechtsbevoegd; zonder akte beperkt "
        "en kan het bestuur persoonlijk aansprakelijk zijn.",
        notes_en="Voluntary membership, so free riders; cannot distribute profit; one of the "
        "least binding forms. With a notarial deed full legal capacity; without one limited, "
        "and the board can be personally liable.",
        sources=("forms_table",),
    ),
    FormFacts(
        Form.cooperatie, "Coöperatie", "Cooperative (coöperatie)",
        participation="voluntary", legal_person="yes", holds_assets="yes",
        may_distribute_profit=True, needs_municipal_decision=False, needs_vote=False,
        max_duration_years=None,
        notes_nl="Vrijwillig lidmaatschap, notariële akte vereist; mag winst uitkeren aan "
        "leden; U.A./B.A./W.A. = aansprakelijkheid van leden uitgesloten/beperkt/volledig. De "
        "gebruikelijke vorm voor opwek en opslag van energie, en voor de overkoepelende partij "
        "van een groepstransportovereenkomst (GTO) van een energiehub.",
        notes_en="Voluntary membership, notarial deed required; may distribute profit to "
        "members; U.A./B.A./W.A. = member liability excluded/limited/full. The usual form for "
        "energy generation and storage, and for the umbrella party of an energy hub's group "
        "transport agreement (GTO).",
        sources=("forms_table", "energy_hub"),
    ),
    FormFacts(
        Form.stichting, "Stichting", "Foundation (stichting)",
        participation="no_members", legal_person="yes", holds_assets="yes",
        may_distribute_profit=None, needs_municipal_decision=False, needs_vote=False,
        max_duration_years=None,
        notes_nl="Geen leden, een bestuur; notariële akte vereist. De gebruikelijke ontvanger "
        "van BIZ- of fondsgeld. Of een stichting winst mag uitkeren, zeggen de verzamelde "
        "bronnen niet: vraag het de notaris.",
        notes_en="No members, run by a board; notarial deed required. The usual holder of BIZ "
        "or fund money. Whether a stichting may distribute profit the gathered sources do not "
        "say: ask a notary.",
        sources=("forms_table", "wet_biz"),
    ),
    FormFacts(
        Form.bv, "BV", "Private limited company (BV)",
        participation="shareholders", legal_person="yes", holds_assets="yes",
        may_distribute_profit=None, needs_municipal_decision=False, needs_vote=False,
        max_duration_years=None,
        notes_nl="Aandeelhouders, beperkte aansprakelijkheid, notariële akte vereist; gebruikt "
        "als uitvoeringsbedrijf voor parkmanagementdiensten. Over winstuitkering zeggen de "
        "verzamelde bronnen niets.",
        notes_en="Shareholders, limited liability, notarial deed required; used as an execution "
        "company for park management services. The gathered sources say nothing about profit "
        "distribution.",
        sources=("forms_table",),
    ),
    FormFacts(
        Form.werkgroep, "Werkgroep", "Working group (werkgroep)",
        participation="voluntary", legal_person="no", holds_assets="no",
        may_distribute_profit=None, needs_municipal_decision=False, needs_vote=False,
        max_duration_years=None,
        notes_nl="Vrijwillig, geen rechtspersoon; kan geen bezit hebben of contracten sluiten. "
        "Het gebruikelijke startvehikel, bijvoorbeeld een KVO-werkgroep van 2–3 ondernemers.",
        notes_en="Voluntary, no legal person; cannot hold assets or sign contracts. The usual "
        "starting vehicle, for example a KVO working group of 2–3 entrepreneurs.",
        sources=("forms_table", "guidance"),
    ),
    FormFacts(
        Form.parkmanagement, "Parkmanagement", "Park management",
        participation="as_agreed", legal_person="not_a_form", holds_assets="through_other",
        may_distribute_profit=None, needs_municipal_decision=None, needs_vote=False,
        max_duration_years=None,
        notes_nl="‘Een manier van organiseren, geen organisatie’: altijd in combinatie met een "
        "van de andere vormen. Op nieuwe terreinen kan deelname verplicht worden via het "
        "gronduitgiftecontract. Het doorlopende werk (verankeren, communiceren met partijen "
        "binnen en buiten het terrein) ligt vaak bij een parkmanager.",
        notes_en="“A way of organising, not an organisation”: always combined with one of the "
        "other forms. On new parks participation can be made compulsory through the land-sale "
        "contract. The continuous work (anchoring, communicating with parties inside and "
        "outside the park) often sits with a park manager.",
        sources=("forms_table", "guidance"),
    ),
)  # fmt: skip

BY_FORM = {f.form: f for f in CATALOGUE}
LEGAL_ENTITIES = frozenset({Form.ondernemersvereniging, Form.cooperatie, Form.stichting, Form.bv})
MANDATORY = frozenset({Form.biz, Form.ondernemersfonds})


def name(form: Form, language: str) -> str:
    facts = BY_FORM[form]
    return facts.name_nl if language == "nl" else facts.name_en
