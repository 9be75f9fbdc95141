"""Money in euros (``*_eur``): decimals with at most two places, answered as a string with two
(``"1250000.00"``) so that no client rounds it through a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer
from pydantic import Field as PField

MONEY_MAX = Decimal("999999999999.99")  # Numeric(14, 2)
CENT = Decimal("0.01")
_CONTEXT = Context(prec=40)  # plenty for 14 digits; amounts are range-checked first


def check_amount(amount: Decimal) -> Decimal:
    """At most two decimals, not negative, at most 999,999,999,999.99; given with two decimals.
    The range is checked before any rounding, so ``1e400`` or a 5,000-digit number is a clear
    "too large", never an arithmetic error."""
    if not amount.is_finite():
        raise ValueError("not an amount in euros")
    if amount < 0:
        raise ValueError("an amount cannot be negative")
    if amount > MONEY_MAX:
        raise ValueError("the amount is larger than 999,999,999,999.99")
    try:
        rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP, context=_CONTEXT)
    except InvalidOperation as exc:
        raise ValueError("not an amount in euros") from exc
    if amount != rounded:
        raise ValueError("an amount in euros has at most two decimals")
    return abs(rounded)  # -0.00 is 0.00


MoneyIn = Annotated[
    Decimal,
    AfterValidator(check_amount),
    PField(
        description='Euros, at most two decimals; a JSON number or a string such as `"1250000.00"`',
        # Not negative (check_amount refuses it); said in JSON Schema's own words.
        json_schema_extra={"minimum": 0},
    ),
]
MoneyOut = Annotated[
    Decimal,
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json"),
    PField(description='Euros as a decimal string with two decimals, e.g. `"1250000.00"`'),
]
