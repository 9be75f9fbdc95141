"""Money in euros (``*_eur``): decimals with at most two places, answered as a string with two
(``"1250000.00"``) so that no client rounds it through a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer
from pydantic import Field as PField

MONEY_MAX = Decimal("999999999999.99")  # Numeric(14, 2)
CENT = Decimal("0.01")


def check_amount(amount: Decimal) -> Decimal:
    """At most two decimals, not negative, at most 999,999,999,999.99; given with two decimals."""
    if not amount.is_finite():
        raise ValueError("not an amount in euros")
    if amount < 0:
        raise ValueError("an amount cannot be negative")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError("an amount in euros has at most two decimals")
    if amount > MONEY_MAX:
        raise ValueError("the amount is larger than 999,999,999,999.99")
    return amount.quantize(CENT)


MoneyIn = Annotated[
    Decimal,
    AfterValidator(check_amount),
    PField(
        ge=0,
        description='Euros, at most two decimals; a JSON number or a string such as `"1250000.00"`',
    ),
]
MoneyOut = Annotated[
    Decimal,
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json"),
    PField(description='Euros as a decimal string with two decimals, e.g. `"1250000.00"`'),
]
