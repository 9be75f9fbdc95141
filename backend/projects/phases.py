"""The phase rules of a project, as an expert would recognise them.

A project moves forward through idea → exploration → business_case → realisation →
operation, and may be stopped at any time. Each rule below has a code (the web app shows its
own words for it), applies to some steps only, and either holds or not; a step is allowed when
every rule that applies to it holds. A refused step is a 409 that names the rules that blocked it.

- ``same_phase`` (every step): the project is not already in that phase;
- ``stop_needs_reason`` (→ stopped): a reason is given;
- ``back_needs_reason`` (a step back): a reason is given;
- ``no_way_back_from_operation`` (operation → an earlier phase): never holds; a running
  project can only be stopped;
- ``restart_from_stopped`` (stopped → …): the project restarts as an idea or an exploration;
- ``restart_needs_reason`` (stopped → …): a reason is given;
- ``realisation_after_business_case`` (→ realisation): the project is in the business-case
  phase;
- ``realisation_needs_business_case`` (→ realisation): the project has a business case;
- ``realisation_needs_commitment`` (→ realisation): at least one participant has committed or
  signed;
- ``operation_after_realisation`` (→ operation): the project is being realised;
- ``operation_needs_signature`` (→ operation): at least one participant has signed.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDER = ("idea", "exploration", "business_case", "realisation", "operation")
STOPPED = "stopped"
PHASES = (*ORDER, STOPPED)


@dataclass(frozen=True)
class Facts:
    """What the rules look at."""

    phase: str
    has_business_case: bool
    committed_participants: int  # committed or signed
    signed_participants: int


@dataclass(frozen=True)
class Rule:
    code: str
    passed: bool
    text: str


def _back(current: str, to: str) -> bool:
    return current in ORDER and to in ORDER and ORDER.index(to) < ORDER.index(current)


def rules_for(facts: Facts, to: str, reason: str | None) -> list[Rule]:
    """Every rule that applies to the step from ``facts.phase`` to ``to``, held or not."""
    current = facts.phase
    has_reason = bool(reason and reason.strip())
    rules = [Rule("same_phase", current != to, f"The project is already in phase '{to}'.")]
    if current == to:
        return rules
    if to == STOPPED:
        rules.append(Rule("stop_needs_reason", has_reason, "Say why the project stops."))
    if current == STOPPED:
        rules.append(
            Rule(
                "restart_from_stopped",
                to in ("idea", "exploration"),
                "A stopped project restarts as an idea or an exploration.",
            )
        )
        rules.append(Rule("restart_needs_reason", has_reason, "Say why the project restarts."))
    if current == "operation" and to in ORDER:
        rules.append(
            Rule(
                "no_way_back_from_operation",
                False,
                "A project in operation cannot go back to an earlier phase; it can be stopped.",
            )
        )
    elif _back(current, to):
        rules.append(Rule("back_needs_reason", has_reason, "Say why the project goes back."))
    if to == "realisation":
        rules += [
            Rule(
                "realisation_after_business_case",
                current == "business_case",
                "Realisation follows the business-case phase.",
            ),
            Rule(
                "realisation_needs_business_case",
                facts.has_business_case,
                "Realisation needs a business case.",
            ),
            Rule(
                "realisation_needs_commitment",
                facts.committed_participants > 0,
                "Realisation needs at least one participant who has committed or signed.",
            ),
        ]
    if to == "operation":
        rules += [
            Rule(
                "operation_after_realisation",
                current == "realisation",
                "Operation follows realisation.",
            ),
            Rule(
                "operation_needs_signature",
                facts.signed_participants > 0,
                "Operation needs at least one participant who has signed.",
            ),
        ]
    return rules


def needs_reason(current: str, to: str) -> bool:
    return to == STOPPED or current == STOPPED or _back(current, to)


def blocked(rules: list[Rule]) -> list[Rule]:
    return [r for r in rules if not r.passed]
