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
_COUNTERS = (
    "人次",
    "家次",
    "户次",
    *"家个人名位次项场所户件台套间栋座处条部种批期届支只款张篇本类组",
)
UNITS: Final[dict[str, tuple[str, Decimal]]] = {
    "元": (MONEY, Decimal(1)),
    "块": (MONEY, Decimal(1)),
    "元人民币": (MONEY, Decimal(1)),
    "平方米": (AREA, Decimal(1)),
    "平米": (AREA, Decimal(1)),
    "m2": (AREA, Decimal(1)),
    "平方": (AREA, Decimal(1)),
    "公顷": (AREA, Decimal(10**4)),
    "ha": (AREA, Decimal(10**4)),
    "hm2": (AREA, Decimal(10**4)),
    "平方公里": (AREA, Decimal(10**6)),
    "平方千米": (AREA, Decimal(10**6)),
    "km2": (AREA, Decimal(10**6)),
    "亩": (AREA, Decimal(10**4) / 15),
    "%": (PERCENT, Decimal(1)),
    **{c: (COUNT, Decimal(1)) for c in _COUNTERS},
}
_MULTIPLIERS: Final = {
    "万": Decimal(10**4),
    "亿": Decimal(10**8),
    "千": Decimal(1000),
    "百": Decimal(100),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
}
_UNIT_NAMES = sorted(UNITS, key=len, reverse=True)
_OTHER_MONEY = re.compile(r"(美元|美金|欧元|日元|英镑|港元|港币|usd|eur|\$)")

_PREFIX = re.compile(
    r"^(?:约合|约为|大约|大概|约|将近|接近|近|超过|超|逾|多于|高于|大于|不少于|不低于|不超过|不高于|"
    r"低于|少于|小于|至少|最少|最多|达到|达|力争|争取|预计|共计|合计|总计|累计|共|计|为|人民币|rmb|cny|"
    r"[¥￥≥≤≧≦><=≈~])"
)
_SUFFIX = re.compile(r"(?:及以上|及以下|以上|以下|以内|之内|左右|上下|整|人民币)$")
_BRACKETED_UNIT = re.compile(r"[(\[【]([^()\[\]【】\d]{1,6})[)\]】]$")
_INNER_APPROX = re.compile(rf"(?<=[{NUMERAL_CHARS}])[余多](?=[^{NUMERAL_CHARS}]|$)")
_NUMERAL_HEAD = re.compile(rf"[{re.escape(NUMERAL_CHARS)}]+")
_FOREIGN = re.compile(r"[A-Za-z0-9]")
_ARABIC_DIGIT = re.compile(r"[0-9]")


_APPROX_PREFIX = re.compile(
    r"^(?:约合|约为|大约|大概|约|将近|接近|近|超过|超|逾|多于|高于|大于|不少于|不低于|不超过|不高于|"
    r"低于|少于|小于|至少|最少|最多|[≥≤≧≦><≈~])"
)
_APPROX_SUFFIX = re.compile(r"(?:及以上|及以下|以上|以下|以内|之内|左右|上下)$")


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
        if text.startswith("百分之"):
            text = text[3:] + "%"
        text = _PREFIX.sub("", text)
        text = _SUFFIX.sub("", text)
        text = _BRACKETED_UNIT.sub(r"\1", text)
    return _INNER_APPROX.sub("", text)


def _sign(text: str) -> tuple[int, str]:
    if text[:1] in ("-", "−", "负") and len(text) > 1:
        return -1, text[1:]
    return 1, text.lstrip("+")


@functools.lru_cache(maxsize=1024)
def read_unit(text: str) -> Unit:
    """``万元`` → (money, 10000); ``家企业`` → (count, 1); ``天`` → (None, 1)."""
    factor, rest = Decimal(1), text
    for prefix in ("百万", "千万", "万", "亿", "千", "百"):
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
