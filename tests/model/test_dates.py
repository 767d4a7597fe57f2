"""Dates in official documents: 2020年3月5日, and 公示期 counted in working days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formkit.model.dates import WorkCalendar, cn_date, expand_dates, parse_date

D = dt.date

# 2020 May Day: 5/1–5/5 off; Sunday 4/26 and Saturday 5/9 are 调休 working days.
MAY_DAY = WorkCalendar(
    expand_dates(["2020-05-01..2020-05-05"]), expand_dates(["2020-04-26", "2020-05-09"])
)


@pytest.mark.parametrize(
    "value",
    [
        "2020-03-05",
        "2020.3.5",
        "2020/03/05",
        "2020年3月5日",
        " 2020 年 03 月 05 日 ",
        D(2020, 3, 5),
        dt.datetime(2020, 3, 5, 14, 30),
    ],
)
def test_spellings_of_one_date_read_alike(value: object) -> None:
    assert parse_date(value) == D(2020, 3, 5)


@pytest.mark.parametrize("value", ["2020-13-01", "三月五日", "", None, 20200305])
def test_what_is_not_a_date_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2020-03-05", "2020年3月5日"),
        ("2020-10-01", "2020年10月1日"),
        ("2021-12-31", "2021年12月31日"),
    ],
)
def test_chinese_date_has_full_year_and_no_zero_padding(value: str, text: str) -> None:
    assert cn_date(value) == text


def test_ranges_expand_with_both_ends() -> None:
    days = expand_dates(["2020-01-24..2020-01-26", "2020-10-08"])
    assert sorted(days) == [D(2020, 1, 24), D(2020, 1, 25), D(2020, 1, 26), D(2020, 10, 8)]


def test_a_backwards_range_is_refused() -> None:
    with pytest.raises(ValueError):
        expand_dates(["2020-01-26..2020-01-24"])


def test_weekdays_work_weekends_rest() -> None:
    plain = WorkCalendar()
    assert plain.is_workday(D(2020, 4, 28))  # Tuesday
    assert not plain.is_workday(D(2020, 5, 2))  # Saturday


def test_holidays_rest_and_adjusted_weekend_days_work() -> None:
    assert not MAY_DAY.is_workday(D(2020, 5, 4))  # a Monday inside the holiday
    assert MAY_DAY.is_workday(D(2020, 4, 26))  # Sunday, 调休
    assert MAY_DAY.is_workday(D(2020, 5, 9))  # Saturday, 调休


def test_five_working_days_skip_the_may_day_holiday() -> None:
    # Tue 4/28, Wed 4/29, Thu 4/30, (5/1–5/5 off), Wed 5/6, Thu 5/7
    assert MAY_DAY.span(D(2020, 4, 28), 5) == (D(2020, 4, 28), D(2020, 5, 7))


def test_an_adjusted_saturday_counts_as_a_working_day() -> None:
    # Thu 5/7, Fri 5/8, Sat 5/9 (调休), Mon 5/11, Tue 5/12
    assert MAY_DAY.span(D(2020, 5, 7), 5) == (D(2020, 5, 7), D(2020, 5, 12))


def test_a_period_starting_on_a_day_off_starts_on_the_next_working_day() -> None:
    assert MAY_DAY.span(D(2020, 5, 2), 1) == (D(2020, 5, 6), D(2020, 5, 6))


def test_a_period_needs_at_least_one_day() -> None:
    with pytest.raises(ValueError):
        MAY_DAY.span(D(2020, 5, 6), 0)


@given(
    start=st.dates(D(2019, 1, 1), D(2022, 12, 31)),
    days=st.integers(1, 30),
    holidays=st.sets(st.dates(D(2019, 1, 1), D(2023, 3, 31)), max_size=40),
)
def test_a_period_holds_exactly_its_working_days(
    start: dt.date, days: int, holidays: set[dt.date]
) -> None:
    calendar = WorkCalendar(frozenset(holidays))
    first, last = calendar.span(start, days)
    assert calendar.is_workday(first) and calendar.is_workday(last)
    assert first >= start
    span = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    assert sum(calendar.is_workday(d) for d in span) == days
