"""Numerals as people type them: Arabic with thousands separators, Chinese (一百二十, 伍佰,
一万二, 二〇〇六, 三点五) and mixtures (1亿2000万, 3.5万) — read exactly as :class:`Decimal`.

``parse_numeral`` reads a whole string that is only a numeral; ``NUMERAL_CHARS`` lets the
quantity parser find where a numeral ends and its unit begins.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from formkit.model.resources import word, word_section

DIGITS: Final = word_section("normalize", "digits", dict[str, int])
SMALL_UNITS: Final = word_section("normalize", "small_units", dict[str, int])
BIG_UNITS: Final = word_section("normalize", "big_units", dict[str, int])
POINT: Final = word("normalize", "decimal_point")  # 三点五
NUMERAL_CHARS: Final = (
    "0123456789.," + POINT + "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
)

_ARABIC = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\.\d+")
_TOKEN = re.compile(
    r"(?P<arabic>\d[\d,]*(?:\.\d+)?)"
    rf"|(?P<frac>{POINT}[{''.join(DIGITS)}]+)"
    rf"|(?P<digit>[{''.join(DIGITS)}])"
    rf"|(?P<small>[{''.join(SMALL_UNITS)}])"
    rf"|(?P<big>[{''.join(BIG_UNITS)}])"
)


class NumeralError(ValueError):
    """The text is not a numeral."""


def parse_numeral(text: str) -> Decimal:
    """The value of a numeral: ``"1,234.5"``, ``"一百二十"``, ``"伍佰"``, ``"1亿2000万"``."""
    if _ARABIC.fullmatch(text):
        return Decimal(text.replace(",", ""))
    tokens = _tokens(text)
    if all(kind == "digit" for kind, _ in tokens) and _spelled_by_digit(tokens):
        return Decimal("".join(str(DIGITS[t]) for _, t in tokens))  # 二〇〇六
    return _positional(tokens, text)


def _spelled_by_digit(tokens: list[tuple[str, str]]) -> bool:
    """二〇〇六, 一二〇: digits read one by one (two digits alone, 三四, mean “three or four”)."""
    return len(tokens) > 2 or (len(tokens) == 2 and DIGITS[tokens[1][1]] == 0)


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        if not found or found.lastgroup is None:
            raise NumeralError(text)
        tokens.append((found.lastgroup, found.group()))
        pos = found.end()
    if not tokens:
        raise NumeralError(text)
    return tokens


def _arabic(token: str, text: str) -> Decimal:
    if not _ARABIC.fullmatch(token):
        raise NumeralError(text)  # a misplaced thousands separator: 1,23
    return Decimal(token.replace(",", ""))


def _positional(tokens: list[tuple[str, str]], text: str) -> Decimal:
    """Read 亿/万 sections of 千百十 groups, the way a numeral is spoken."""
    total = section = current = Decimal(0)
    digit: Decimal | None = None
    last_unit = 0  # the unit just read, for the spoken short form 一万二 = 12000
    seen_digit = zero_before = False
    for kind, token in tokens:
        if kind in ("arabic", "digit"):
            if digit is not None:
                raise NumeralError(text)  # two numbers in a row: 三四, 12 3
            digit = _arabic(token, text) if kind == "arabic" else Decimal(DIGITS[token])
            zero_before = zero_before or (kind == "digit" and digit == 0)
            if kind == "digit" and digit == 0:
                digit = None
            seen_digit = True
        elif kind == "frac":
            digit = (digit or Decimal(0)) + _fraction(token)
            seen_digit = True
        elif kind == "small":
            current += (digit if digit is not None else Decimal(1)) * SMALL_UNITS[token]
            digit, last_unit, zero_before, seen_digit = None, SMALL_UNITS[token], False, True
        else:
            unit = BIG_UNITS[token]
            if not seen_digit:
                raise NumeralError(text)  # 万 with nothing before it
            if unit == 10**8:
                total = (total + section + current + (digit or 0)) * unit
                section = Decimal(0)
            else:
                section = (section + current + (digit or 0)) * unit
            current, digit, last_unit, zero_before = Decimal(0), None, unit, False
    if not seen_digit:
        raise NumeralError(text)
    tail = digit or Decimal(0)
    if digit is not None and last_unit >= 100 and not zero_before and tokens[-1][0] == "digit":
        tail = digit * last_unit // 10  # 一万二 = 12000, 三百五 = 350
    return total + section + current + tail


def _fraction(token: str) -> Decimal:
    return Decimal("0." + "".join(str(DIGITS[c]) for c in token[1:]))


def to_decimal(value: object) -> Decimal:
    """An int or float from a spreadsheet as the decimal a person typed (0.1 stays 0.1)."""
    try:
        result = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation as exc:
        raise NumeralError(str(value)) from exc
    if not result.is_finite():
        raise NumeralError(str(value))
    return result
