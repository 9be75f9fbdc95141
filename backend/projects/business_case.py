"""The business case of a project: its figures and each participant's share, exactly.

All amounts are ``Decimal`` euros with two decimals; nothing goes through a float.

- **net investment** = capex − subsidy (a subsidy larger than the investment is refused);
- **yearly net benefit** = benefits per year − running costs per year (may be negative);
- **simple payback** = net investment ÷ yearly net benefit, in years with two decimals;
  ``None`` when the yearly net benefit is zero or negative (it never pays back), 0 when
  nothing needs to be paid back;
- **net present value** = −net investment + Σ yearly net benefit ÷ (1 + rate)^t for
  t = 1 … lifetime, rounded to the cent at the end;
- **shares**: a participant with a fixed contribution pays exactly that. What remains of the
  net investment is split among the other participants: ``equal``, ``by_employees`` (their
  number of employees), ``by_woz_value`` (their WOZ value) or ``custom`` (amounts given per
  participant, which must add up to what remains). Splits are done in whole cents by the
  largest-remainder method, so the shares add up to the total to the cent; a tie for the last
  cent goes to the participant who joined first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
_CTX = Context(prec=50)


@dataclass(frozen=True)
class Inputs:
    capex: Decimal
    opex_per_year: Decimal
    benefits_per_year: Decimal
    subsidy: Decimal
    lifetime_years: int
    rate: Decimal
    split: str  # equal | by_employees | by_woz_value | custom
    custom: dict[uuid.UUID, Decimal] | None = None


@dataclass(frozen=True)
class Party:
    """A participant as the split sees it (in the order they joined)."""

    participant_id: uuid.UUID
    stakeholder_id: uuid.UUID
    name: str
    commitment: str
    contribution: Decimal | None = None
    employees: int | None = None
    woz_value: Decimal | None = None


@dataclass(frozen=True)
class Share:
    party: Party
    basis: str  # fixed | split
    weight: Decimal | None
    amount: Decimal


@dataclass
class Figures:
    net_investment: Decimal
    yearly_net_benefit: Decimal
    payback_years: Decimal | None
    npv: Decimal
    total_net_benefit: Decimal
    shares: list[Share]
    unallocated: Decimal
    warnings: list[str] = field(default_factory=list)
    # What makes the inputs unacceptable to keep: (field, message). A calculation shows them
    # as warnings; keeping the business case refuses them (422).
    problems: list[tuple[str, str]] = field(default_factory=list)


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP, context=_CTX)


def npv(net_investment: Decimal, yearly: Decimal, lifetime: int, rate: Decimal) -> Decimal:
    """−net investment + Σ yearly ÷ (1 + rate)^t, t = 1 … lifetime; rounded to the cent."""
    if rate == 0:
        return cents(-net_investment + yearly * lifetime)
    factor = _CTX.add(Decimal(1), rate)
    total = Decimal(0)
    discount = Decimal(1)
    for _ in range(lifetime):
        discount = _CTX.divide(discount, factor)
        total = _CTX.add(total, _CTX.multiply(yearly, discount))
    return cents(_CTX.subtract(total, net_investment))


def payback(net_investment: Decimal, yearly: Decimal) -> Decimal | None:
    if net_investment <= 0:
        return Decimal("0.00")
    if yearly <= 0:
        return None
    return _CTX.divide(net_investment, yearly).quantize(CENT, rounding=ROUND_HALF_UP)


def allocate(total_cents: int, weights: list[Fraction]) -> list[int]:
    """Split ``total_cents`` in proportion to ``weights`` (largest remainder; ties to the
    first). The parts add up to ``total_cents`` exactly. Weights must not all be zero."""
    weight_sum = sum(weights, Fraction(0))
    exact = [Fraction(total_cents) * w / weight_sum for w in weights]
    parts = [int(e) for e in exact]  # floor: every value is ≥ 0
    left = total_cents - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def _weight(party: Party, split: str) -> Decimal | None:
    if split == "by_employees":
        return Decimal(party.employees) if party.employees else None
    if split == "by_woz_value":
        return party.woz_value if party.woz_value else None
    return Decimal(1)


def _names(parties: list[Party]) -> str:
    return ", ".join(p.name for p in parties)


def _split(remainder: Decimal, parties: list[Party], inputs: Inputs, figures: Figures) -> None:
    """Add the split shares of ``remainder`` among ``parties`` to ``figures``."""
    split = inputs.split
    if split == "custom":
        given = inputs.custom or {}
        known = {p.participant_id for p in parties}
        for pid in given:
            if pid not in known:
                figures.problems.append(
                    ("custom_shares", f"{pid} is not a participant without a fixed contribution")
                )
        missing = [p for p in parties if p.participant_id not in given]
        if missing:
            figures.problems.append(("custom_shares", f"no share given for {_names(missing)}"))
        total = sum((given.get(p.participant_id, Decimal(0)) for p in parties), Decimal(0))
        if total != remainder:
            figures.problems.append(
                (
                    "custom_shares",
                    f"the custom shares add up to {total:.2f}, but {remainder:.2f} must be split "
                    "(the net investment minus the fixed contributions)",
                )
            )
        for p in parties:
            amount = given.get(p.participant_id, Decimal(0))
            figures.shares.append(Share(p, "split", None, cents(amount)))
        return

    weights = [_weight(p, split) for p in parties]
    lacking = [p for p, w in zip(parties, weights, strict=True) if w is None]
    if len(lacking) == len(parties):
        what = "a number of employees" if split == "by_employees" else "a WOZ value"
        figures.warnings.append(
            f"None of the participants has {what}: the investment is split equally instead."
        )
        weights = [Decimal(1)] * len(parties)
    elif lacking:
        what = "number of employees" if split == "by_employees" else "WOZ value"
        figures.warnings.append(f"No {what} known for {_names(lacking)}: they get no share.")
    amounts = allocate(
        int(remainder * 100), [Fraction(w) if w is not None else Fraction(0) for w in weights]
    )
    for p, w, part in zip(parties, weights, amounts, strict=True):
        shown = w if split in ("by_employees", "by_woz_value") else None
        figures.shares.append(Share(p, "split", shown, Decimal(part) / 100))


def calculate(inputs: Inputs, parties: list[Party]) -> Figures:
    net_investment = inputs.capex - inputs.subsidy
    yearly = inputs.benefits_per_year - inputs.opex_per_year
    figures = Figures(
        net_investment=cents(net_investment),
        yearly_net_benefit=cents(yearly),
        payback_years=payback(net_investment, yearly),
        npv=npv(net_investment, yearly, inputs.lifetime_years, inputs.rate),
        total_net_benefit=cents(yearly * inputs.lifetime_years),
        shares=[],
        unallocated=Decimal(0),
    )
    if net_investment < 0:
        figures.problems.append(
            ("subsidy_eur", "the subsidy is larger than the investment (capex)")
        )
    if figures.payback_years is None:
        figures.warnings.append(
            "The yearly benefits do not exceed the running costs: the project never pays back."
        )
    elif inputs.lifetime_years < figures.payback_years:
        figures.warnings.append(
            f"The payback time ({figures.payback_years} years) is longer than the lifetime "
            f"({inputs.lifetime_years} years)."
        )
    if inputs.split != "custom" and inputs.custom:
        figures.problems.append(("custom_shares", "custom shares go with cost_split 'custom'"))

    fixed = [p for p in parties if p.contribution is not None]
    rest = [p for p in parties if p.contribution is None]
    for p in fixed:
        assert p.contribution is not None
        figures.shares.append(Share(p, "fixed", None, cents(p.contribution)))
    remainder = net_investment - sum((p.contribution or Decimal(0) for p in fixed), Decimal(0))
    if not parties:
        figures.warnings.append("The project has no participants yet to share the investment.")
    elif remainder < 0:
        figures.warnings.append(
            f"The fixed contributions exceed the net investment by {-remainder:.2f}."
        )
        figures.shares += [Share(p, "split", None, Decimal("0.00")) for p in rest]
        if inputs.split == "custom":
            figures.problems.append(
                ("custom_shares", "the fixed contributions already exceed the net investment")
            )
    elif rest:
        _split(max(remainder, Decimal(0)), rest, inputs, figures)
    elif remainder > 0:
        figures.warnings.append(
            f"{remainder:.2f} is not covered: every participant has a fixed contribution."
        )
    order = {p.participant_id: i for i, p in enumerate(parties)}
    figures.shares.sort(key=lambda s: order[s.party.participant_id])
    figures.unallocated = cents(
        net_investment - sum((s.amount for s in figures.shares), Decimal(0))
    )
    return figures
