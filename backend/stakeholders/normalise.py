"""Pure normalisation of the values people type: KvK numbers, phone numbers, amounts in euros,
and the folding of headers and words for case- and accent-insensitive matching.

Used by the API schemas and by the file import alike, so both accept the same input."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import phonenumbers

from backend.core.money import check_amount
from backend.core.spreadsheet import format_amount_nl as format_amount_nl  # for this domain

KVK_DIGITS = 8

_KVK_NOISE = re.compile(r"[\s.\-]")


FOLD_CACHED_CHARS = 64  # headers and words; a longer text (a cell of a file) is not kept


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


_fold_cached = lru_cache(maxsize=4096)(_fold)


def fold(text: str) -> str:
    """Lower case, accents removed, only letters and digits: ``"E-mail adres"`` → ``"emailadres"``,
    ``"Betrokkénheid"`` → ``"betrokkenheid"``. Short texts are remembered (imports fold the
    same few words thousands of times); long ones not, so a file cannot fill the memory."""
    return _fold_cached(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


def normalise_kvk(value: str) -> str:
    """Eight digits; spaces, dots and dashes between them are dropped (``"1234 5678"``)."""
    digits = _KVK_NOISE.sub("", value)
    if not digits.isascii() or not digits.isdigit() or len(digits) != KVK_DIGITS:
        raise ValueError("a KvK number has exactly 8 digits, e.g. 12345678")
    return digits


_PHONE_SEPARATORS = str.maketrans("", "", " -./()\u00a0\t")


def _dutch_fast(text: str) -> str | None:
    """The common Dutch ways of writing a number, without the full parser (imports of ten
    thousand rows spend most of their time here otherwise). ``None``: let the parser decide."""
    compact = text.translate(_PHONE_SEPARATORS)
    if compact.startswith("+31"):
        national = compact[3:]
    elif compact.startswith("0031"):
        national = compact[4:]
    elif compact.startswith("0") and not compact.startswith("00"):
        national = compact[1:]
    else:
        return None
    if not (national.isascii() and national.isdigit()) or national.startswith("0"):
        return None
    number = phonenumbers.PhoneNumber(country_code=31, national_number=int(national))
    return "+31" + national if phonenumbers.is_valid_number(number) else None


def normalise_phone(value: str) -> str:
    """A phone number in E.164 (``+31612345678``). Dutch numbers may be written the Dutch way
    (``06-12345678``, ``010 123 4567``, ``+31 (0)6 1234 5678``); foreign ones need their ``+``
    country code."""
    text = value.strip()
    if not text:
        raise ValueError("the phone number is empty")
    text = text.replace("(0)", "")
    fast = _dutch_fast(text)
    if fast is not None:
        return fast
    candidates = [text]
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        candidates.insert(0, "+" + digits[2:])
    elif not text.startswith("+") and digits.startswith("31") and len(digits) == 11:
        # "31612345678": an international number whose "+" a spreadsheet dropped.
        candidates.append("+" + digits)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    raise ValueError(
        "not a valid phone number; write a Dutch number such as 06-12345678 or 010 123 4567, "
        "or a foreign one with its country code (+32 …)"
    )


def display_phone(e164: str) -> str:
    """How a stored number is shown in exports: Dutch numbers the Dutch way (``06 12345678``),
    others internationally (``+32 2 123 45 67``). ``normalise_phone`` reads both back."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt))


_THOUSANDS_LAST = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def parse_amount(value: str) -> Decimal:
    """An amount in euros as people write it: ``1250000``, ``1.250.000``, ``1.250.000,50``,
    ``1,250,000.50``, ``€ 1.250.000,-``, ``1250000,5``.

    The rule for a lone separator: followed by exactly three digits it groups thousands
    (``1.250`` is 1250, as an amount in euros never has three decimals); otherwise it is the
    decimal separator. With both ``.`` and ``,`` the last one is the decimal separator."""
    text = value.strip().replace("€", "").replace("EUR", "").replace("eur", "")
    text = re.sub(r"[\s\u00a0']", "", text)
    if text.endswith((",-", ".-")):
        text = text[:-2]
    if text.startswith("-") and text[1:2].isdigit():
        raise ValueError("an amount cannot be negative")
    if not text or not re.fullmatch(r"[0-9.,]+", text) or not text[0].isdigit():
        raise ValueError("not an amount in euros, e.g. 1250000 or 1.250.000,00")
    if "." in text and "," in text:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _, cents = text.rpartition(decimal_sep)
        if decimal_sep in whole or not re.fullmatch(rf"\d{{1,3}}(\{group_sep}\d{{3}})*", whole):
            raise ValueError("not an amount in euros, e.g. 1250000 or 1.250.000,00")
        text = whole.replace(group_sep, "") + "." + cents
    elif _THOUSANDS_LAST.match(text):
        text = text.replace(".", "").replace(",", "")
    else:
        if text.count(".") + text.count(",") > 1:
            raise ValueError("not an amount in euros, e.g. 1250000 or 1.250.000,00")
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("not an amount in euros, e.g. 1250000 or 1.250.000,00") from exc
    return check_amount(amount)


# Legal forms, as tokens once dots are dropped ("B.V." -> "bv", "B. V." -> "b", "v").
_LEGAL_FORMS: tuple[tuple[str, ...], ...] = (
    ("bv",), ("b", "v"), ("nv",), ("n", "v"), ("vof",), ("v", "o", "f"), ("cv",), ("c", "v"),
    ("io",), ("i", "o"), ("bvba",), ("gmbh",), ("ltd",), ("eenmanszaak",),
)  # fmt: skip
_NAME_DROPPED = re.compile(r"[.'’`´]")
_NAME_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """An organisation's name as the import compares it for likely duplicates: case, accents,
    punctuation, spaces and legal forms at the start or end ignored, so ``"Bakkerij Müller
    B.V."``, ``"bakkerij muller bv"`` and ``"Bakkerij-Muller"`` are the same (``"bakkerijmuller"``).
    A name that is only a legal form keeps it (``"B.V."`` → ``"bv"``), so it matches no other."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    tokens = [t for t in _NAME_SEPARATORS.split(_NAME_DROPPED.sub("", plain)) if t]
    kept = list(tokens)
    changed = True
    while changed and kept:
        changed = False
        for form in _LEGAL_FORMS:
            n = len(form)
            if len(kept) > n and tuple(kept[-n:]) == form:
                kept = kept[:-n]
                changed = True
            elif len(kept) > n and tuple(kept[:n]) == form:
                kept = kept[n:]
                changed = True
    return "".join(kept)
