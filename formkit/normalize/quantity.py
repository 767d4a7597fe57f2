"""Quantities: a numeral with qualifiers and a unit (``约500万元``, ``1,200人``, ``5.2万㎡``,
``百分之六十五``) read as a :class:`Decimal` in the field's own unit.

Units come in families (money, area, percent, counters). A value in another unit of the
field's family is converted (3000元 → 0.3 万元, 12.5平方公里 → 1250 公顷); counters (家, 个,
人 …) are interchangeable; a unit of another family is an error (:class:`UnitMismatch`).
A trailing noun after the unit (``30家企业``) is read as part of the wording.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, NamedTuple

from formkit.model.resources import word, word_section, words
from formkit.normalize.base import NormalizeError, UnitMismatch, nfkc, squash
from formkit.normalize.numerals import (
    BIG_UNITS,
    NUMERAL_CHARS,
    NumeralError,
    parse_numeral,
    to_decimal,
)

LIMIT: Final = Decimal(10**15)
MONEY, AREA, PERCENT, COUNT = "money", "area", "percent", "count"
_FAMILIES: Final = {"money": MONEY, "area": AREA, "percent": PERCENT}


def _unit(spec: list[str | int]) -> tuple[str, Decimal]:
    """A unit's ``[family, factor]`` or ``[family, factor, divisor]`` (亩: 10000 / 15 ㎡)."""
    family, factor, *divisor = map(str, spec)
    return _FAMILIES[family], Decimal(factor) / Decimal(divisor[0]) if divisor else Decimal(factor)


UNITS: Final[dict[str, tuple[str, Decimal]]] = {
    name: _unit(spec)
    for name, spec in word_section("normalize", "units", dict[str, list[str | int]]).items()
}
UNITS.update((c, (COUNT, Decimal(1))) for c in words("normalize", "counters"))
_MULTIPLIERS: Final = {
    k: Decimal(v) for k, v in word_section("normalize", "multipliers", dict[str, int]).items()
}
_UNIT_NAMES = sorted(UNITS, key=len, reverse=True)
_OTHER_MONEY = re.compile(f"({'|'.join(map(re.escape, words('normalize', 'foreign_currencies')))})")


def _alternatives(*keys: str) -> str:
    return "|".join(re.escape(w) for key in keys for w in words("normalize", key))


_PREFIX = re.compile(
    f"^(?:{_alternatives('approximate_prefixes', 'other_prefixes')}|[¥￥≥≤≧≦><=≈~])"
)
_SUFFIX = re.compile(f"(?:{_alternatives('approximate_suffixes', 'other_suffixes')})$")
_BRACKETED_UNIT = re.compile(r"[(\[【]([^()\[\]【】\d]{1,6})[)\]】]$")
_INNER = word("normalize", "approximate_inner")
_INNER_APPROX = re.compile(rf"(?<=[{NUMERAL_CHARS}])[{_INNER}](?=[^{NUMERAL_CHARS}]|$)")
_NUMERAL_HEAD = re.compile(rf"[{re.escape(NUMERAL_CHARS)}]+")
_FOREIGN = re.compile(r"[A-Za-z0-9]")
_ARABIC_DIGIT = re.compile(r"[0-9]")


_APPROX_PREFIX = re.compile(f"^(?:{_alternatives('approximate_prefixes')}|[≥≤≧≦><≈~])")
_APPROX_SUFFIX = re.compile(f"(?:{_alternatives('approximate_suffixes')})$")
_PERCENT, _MINUS = word("normalize", "percent_word"), word("normalize", "minus_word")


def is_approximate(raw: str) -> bool:
    """Whether a quantity is written as a round figure or a bound (约500, 近百家, 超过30家,
    三百余家, 30家以上) rather than the figure itself."""
    text = squash(nfkc(raw)).lower()
    return bool(
        _APPROX_PREFIX.match(text) or _APPROX_SUFFIX.search(text) or _INNER_APPROX.search(text)
    )


class Unit(NamedTuple):
    family: str | None  # None: a word we do not know (天, 平台)
    factor: Decimal  # in the family's base unit (元, 平方米, 1)
    prefix: Decimal  # the multiplier written before it (万 in 万元)


def parse_quantity(
    kind: str, raw: str, unit: str | None, *, default_unit: str | None = None
) -> Decimal:
    """The number a text states, in ``unit`` (or ``default_unit`` when the field names none)."""
    sign, numeral, rest = _split(kind, raw)
    try:
        number = sign * parse_numeral(numeral)
    except NumeralError as exc:
        raise NormalizeError(kind, raw, "not a numeral") from exc
    unit = unit or default_unit
    if not rest and unit and numeral[-1] in BIG_UNITS:  # 500万 in a 万元 field
        return _bounded(kind, raw, number / read_unit(_canon_unit(unit)).prefix)
    arabic = _ARABIC_DIGIT.search(numeral) is not None
    return _bounded(kind, raw, _convert(kind, raw, number, rest, unit, arabic))


def _split(kind: str, raw: str) -> tuple[int, str, str]:
    """(sign, numeral, unit text) of a quantity, qualifiers removed."""
    sign, text = _sign(_clean(raw))
    head = _NUMERAL_HEAD.match(text)
    if not head:
        raise NormalizeError(kind, raw, "no number")
    numeral = head.group().rstrip(".,")
    return sign, numeral, text[len(numeral) :].lstrip(".,")


def typed_quantity(kind: str, value: object) -> Decimal:
    """A spreadsheet's stored number, taken to be in the field's unit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NormalizeError(kind, value, "not a number")
    try:
        return _bounded(kind, value, to_decimal(value))
    except NumeralError as exc:
        raise NormalizeError(kind, value, "not finite") from exc


def _bounded(kind: str, raw: object, number: Decimal) -> Decimal:
    """``number`` if it is a plausible amount of anything on these forms (below 10¹⁵)."""
    if abs(number) >= LIMIT:
        raise NormalizeError(kind, raw, "implausibly large")
    return number


def _clean(raw: str) -> str:
    text = squash(nfkc(raw)).lower()
    previous = None
    while previous != text:
        previous = text
        if text.startswith(_PERCENT):
            text = text[len(_PERCENT) :] + "%"
        text = _PREFIX.sub("", text)
        text = _SUFFIX.sub("", text)
        text = _BRACKETED_UNIT.sub(r"\1", text)
    return _INNER_APPROX.sub("", text)


def _sign(text: str) -> tuple[int, str]:
    if text[:1] in ("-", "−", _MINUS) and len(text) > 1:
        return -1, text[1:]
    return 1, text.lstrip("+")


@functools.lru_cache(maxsize=1024)
def read_unit(text: str) -> Unit:
    """``万元`` → (money, 10000); ``家企业`` → (count, 1); ``天`` → (None, 1)."""
    factor, rest = Decimal(1), text
    for prefix in _MULTIPLIERS:  # in the vocabulary's order: 百万 before 万
        if rest.startswith(prefix) and rest != prefix:
            factor, rest = _MULTIPLIERS[prefix], rest[len(prefix) :]
            break
    for name in _UNIT_NAMES:
        if rest.startswith(name):
            family, base = UNITS[name]
            return Unit(family, factor * base, factor)
    return Unit(None, factor, factor)


@functools.lru_cache(maxsize=256)
def _canon_unit(unit: str) -> str:
    return squash(nfkc(unit)).lower()


def _convert(
    kind: str, raw: str, number: Decimal, rest: str, unit: str | None, spelled_arabic: bool
) -> Decimal:
    if not rest:
        return number
    if unit is not None and rest == _canon_unit(unit):
        return number
    if _OTHER_MONEY.search(rest):
        raise UnitMismatch(kind, raw, f"foreign currency {rest!r}")
    found = read_unit(rest)
    if found.family is None:
        if _FOREIGN.search(rest):
            raise UnitMismatch(kind, raw, f"unknown unit {rest!r}")
        if not spelled_arabic:
            raise NormalizeError(kind, raw, f"a word, not a quantity: {rest!r}")  # 一些, 一流
        return number * found.prefix  # a unit of its own: 30天
    if unit is None:
        return number * found.prefix  # in the value's own unit
    target = read_unit(_canon_unit(unit))
    if target.family is None:
        return number * found.factor / target.prefix
    if target.family != found.family:
        raise UnitMismatch(kind, raw, f"unit {rest!r} is not {unit!r}")
    return number * found.factor / target.factor


def to_plain(number: Decimal, places: int) -> int | float:
    """``number`` rounded half-up to ``places`` decimals: an int when whole, else a float."""
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)
