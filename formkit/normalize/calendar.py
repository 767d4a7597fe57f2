"""Months (``YYYY-MM``), dates (``YYYY-MM-DD``) and periods from every spelling people use:
2006年3月, 2006.03, 2006.3, 2006-03, 2006/3, 200603, 二〇〇六年三月, Excel date cells and
serial numbers, and the catalogue's ``YYYY.MM`` numbers that Excel shortened (2006.10 → 2006.1).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Final

from formkit.model.resources import word, words
from formkit.normalize.base import NormalizeError, nfkc, squash
from formkit.normalize.numerals import DIGITS, NumeralError, parse_numeral

MIN_YEAR, MAX_YEAR = 1900, 2100
EXCEL_EPOCH: Final = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (after Lotus' leap-day bug)
SERIAL_RANGE: Final = (
    (dt.date(1950, 1, 1) - EXCEL_EPOCH).days,
    (dt.date(2100, 12, 31) - EXCEL_EPOCH).days,
)

_YEAR, _MONTH = word("calendar", "year"), word("calendar", "month")
_DAYS, _MONTH_SUFFIX = word("calendar", "days"), word("calendar", "month_suffix")
_DAY, _UNTIL = word("calendar", "day"), word("calendar", "period_until")
_CN = "".join(DIGITS) + word("normalize", "tens")
_Y = rf"(?P<y>\d{{4}}|[{_CN}]{{4}})"
_M = rf"(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})"
_D = rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,4}})"
_SEP = r"[.\-/]"
_MONTH_FORMS = (
    re.compile(rf"{_Y}{_YEAR}{_M}{_MONTH}(?:{_MONTH_SUFFIX})?(?:{_D}[{_DAYS}])?"),
    re.compile(rf"{_Y}{_SEP}{_M}(?:{_SEP}{_D})?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?"),
)
_DATE_FORMS = (
    re.compile(rf"{_Y}{_YEAR}{_M}{_MONTH}{_D}[{_DAYS}]"),
    re.compile(rf"{_Y}(?P<s>{_SEP}){_M}(?P=s){_D}"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)
_TIME = re.compile(r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")
_TRAILING = re.compile(r"[.。,，;；]+$")
_BLANK_FORM = re.compile(rf"[\s_＿]*{_YEAR}[\s_＿]*{_MONTH}(?:[\s_＿]*{_DAY})?[\s_＿]*")
_PERIOD_SEP = re.compile(
    rf"(?:{word('calendar', 'period_from')}?"
    rf"(?:{'|'.join(words('calendar', 'period_to'))}|~|～|—+|–|－|-{{1,2}}|―))"
)


def is_blank_date(text: str) -> bool:
    """A blank form's date line left as printed: ``____年____月____日``, ``年  月  日``."""
    return _BLANK_FORM.fullmatch(text) is not None


def parse_month(raw: object) -> str:
    """``YYYY-MM`` of a month (a full date names its month)."""
    if isinstance(raw, (dt.date, dt.datetime)):
        return f"{raw.year:04d}-{raw.month:02d}"
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _month_from_number(raw)
    if not isinstance(raw, str):
        raise NormalizeError("month", raw, "not a month")
    y, m, _ = _match(_MONTH_FORMS, _prepare(raw), "month", raw)
    return f"{y:04d}-{m:02d}"


def parse_date(raw: object) -> str:
    """``YYYY-MM-DD`` of a date: typed strings, date cells and Excel serial numbers."""
    if isinstance(raw, (dt.date, dt.datetime)):
        return f"{raw.year:04d}-{raw.month:02d}-{raw.day:02d}"
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _date_from_number(raw).isoformat()
    if not isinstance(raw, str):
        raise NormalizeError("date", raw, "not a date")
    y, m, d = _match(_DATE_FORMS, _prepare(raw), "date", raw)
    return dt.date(y, m, d or 1).isoformat()


def parse_period(raw: object) -> dict[str, str]:
    """``{"start": "2020-01", "end": "2021-12"}`` from 2020年1月至2021年12月, 2020.01-2021.12 …"""
    if not isinstance(raw, str):
        raise NormalizeError("period", raw, "not text")
    text = _prepare(raw)
    for found in _PERIOD_SEP.finditer(text):
        start, end = text[: found.start()], _TRAILING.sub("", text[found.end() :].rstrip(_UNTIL))
        try:
            return {"start": _period_end(start, 1, raw), "end": _period_end(end, 12, raw)}
        except NormalizeError:
            continue
    raise NormalizeError("period", raw, "no start and end month")


def month_from_excel_number(value: float | int) -> tuple[str, bool]:
    """A catalogue ``YYYY.MM`` that Excel stored as a number → (``YYYY-MM``, ambiguous).

    Excel drops trailing zeros, so 2006.10 arrives as 2006.1. A catalogue writes months with
    two digits (2006.03), so one decimal digit is read as a shortened tens month: 2006.1 →
    2006-10, flagged ambiguous (a hand-typed 2006.1 may have meant January). 2006.2 … 2006.9
    can only be months 2…9 (2006.20 is no month) and are not ambiguous.
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or value in (math.inf, -math.inf)
        or value != value
    ):
        raise NormalizeError("month", value, "not a finite number")
    if isinstance(value, int) or value.is_integer():
        digits = str(int(value))
        if len(digits) != 6:  # 200603
            raise NormalizeError("month", value, "a year without a month")
        year, month, ambiguous = int(digits[:4]), int(digits[4:]), False
    else:
        if round(value, 2) != value:
            raise NormalizeError("month", value, "more than two decimals")
        whole, _, frac = f"{value:.2f}".partition(".")
        year, ambiguous = int(whole), frac == "10"
        month = int(frac[0]) if frac.endswith("0") and not ambiguous else int(frac)
    _check(year, month, None, "month", value)
    return f"{year:04d}-{month:02d}", ambiguous


def _month_from_number(value: float | int) -> str:
    if isinstance(value, int) or float(value).is_integer():
        serial = int(value)
        if SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
            day = _date_from_number(serial)
            return f"{day.year:04d}-{day.month:02d}"
    return month_from_excel_number(value)[0]


def _date_from_number(value: float | int) -> dt.date:
    if isinstance(value, float) and not math.isfinite(value):
        raise NormalizeError("date", value, "not a finite number")
    whole = int(value)
    if 19000101 <= whole <= 21001231 and whole == value:
        return parse_date_digits(str(whole), value)
    if not SERIAL_RANGE[0] <= whole <= SERIAL_RANGE[1]:
        raise NormalizeError("date", value, "not a plausible Excel date serial")
    return EXCEL_EPOCH + dt.timedelta(days=whole)


def parse_date_digits(text: str, raw: object) -> dt.date:
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:8])
    _check(y, m, d, "date", raw)
    return dt.date(y, m, d)


def _prepare(raw: str) -> str:
    text = nfkc(raw).strip()
    text = _TIME.sub("", text)
    return _TRAILING.sub("", squash(text))


def _match(
    forms: tuple[re.Pattern[str], ...], text: str, kind: str, raw: object
) -> tuple[int, int, int | None]:
    for form in forms:
        found = form.fullmatch(text)
        if found:
            y, m = _part(found["y"], kind, raw), _part(found["m"], kind, raw)
            d = found.groupdict().get("d")
            day = _part(d, kind, raw) if d else None
            _check(y, m, day, kind, raw)
            return y, m, day
    raise NormalizeError(kind, raw, f"not a {kind}")


def _part(text: str, kind: str, raw: object) -> int:
    try:
        number = parse_numeral(text)
    except NumeralError as exc:
        raise NormalizeError(kind, raw, f"bad number {text!r}") from exc
    return int(number)


def _check(y: int, m: int, d: int | None, kind: str, raw: object) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR or not 1 <= m <= 12:
        raise NormalizeError(kind, raw, "year or month out of range")
    if d is not None:
        try:
            dt.date(y, m, d)
        except ValueError as exc:
            raise NormalizeError(kind, raw, "no such day") from exc


def _period_end(text: str, default_month: int, raw: object) -> str:
    year_only = re.fullmatch(rf"(\d{{4}}){_YEAR}?", text)
    if year_only:
        _check(int(year_only[1]), default_month, None, "period", raw)
        return f"{year_only[1]}-{default_month:02d}"
    try:
        return parse_month(text)
    except NormalizeError as exc:
        raise NormalizeError("period", raw, "bad month") from exc
