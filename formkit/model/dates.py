"""Dates in official documents: the Chinese spelling and working-day arithmetic.

GB/T 9704-2012 writes the 成文日期 in Arabic numerals with the full year and no zero padding
(``2020年3月5日``). A 公示期 counts working days: Monday to Friday, minus the public holidays,
plus the 调休 weekend days that are working days — both lists come from the programme
configuration (``holidays`` / ``workdays``) or from the notice data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from formkit.model.resources import word

_YEAR, _MONTH, _DAY = (word("calendar", k) for k in ("year", "month", "day"))
_ISO = re.compile(
    rf"^\s*(\d{{4}})\s*[-./{_YEAR}]\s*(\d{{1,2}})\s*[-./{_MONTH}]\s*(\d{{1,2}})\s*{_DAY}?\s*$"
)
_WRITTEN = word("calendar", "written_date")


def parse_date(value: object) -> dt.date:
    """A date from a ``date``, a ``datetime`` or text such as 2020-03-05, 2020.3.5, 2020年3月5日.

    Raises ``ValueError`` for anything else.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _ISO.match(value)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(f"not a date: {value!r}")


def impossible_dates(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) of every text in nested data that is written as a date but names
    no day that exists (2021-02-30, 2020-13-01): refused at once, not found later."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from impossible_dates(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list | tuple):
        for n, value in enumerate(data, 1):
            yield from impossible_dates(value, f"{path}[{n}]")
    elif isinstance(data, str) and is_impossible_date(data):
        yield path, data.strip()


def is_impossible_date(text: str) -> bool:
    m = _ISO.match(text)
    if not m:
        return False
    try:
        dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return True
    return False


def cn_date(value: object) -> str:
    """``2020年3月5日``: full year, month and day without leading zeros."""
    day = parse_date(value)
    return _WRITTEN.format(year=day.year, month=day.month, day=day.day)


def expand_dates(items: Iterable[object]) -> frozenset[dt.date]:
    """Dates from a list of dates and ``a..b`` ranges (both ends included)."""
    days: set[dt.date] = set()
    for item in items:
        if isinstance(item, str) and ".." in item:
            first, last = (parse_date(part) for part in item.split("..", 1))
            if last < first:
                raise ValueError(f"range ends before it starts: {item!r}")
            days.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        else:
            days.add(parse_date(item))
    return frozenset(days)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: Mon–Fri minus ``holidays``, plus the 调休 ``workdays``."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def span(self, start: dt.date, days: int) -> tuple[dt.date, dt.date]:
        """First and last day of a period of ``days`` working days beginning on ``start``.

        A start on a day off moves to the next working day; the start counts as day one.
        """
        if days < 1:
            raise ValueError("a period has at least one working day")
        first = self.next_workday(start)
        last = first
        for _ in range(days - 1):
            last = self.next_workday(last + dt.timedelta(days=1))
        return first, last
