"""Months, dates and periods in every spelling, Excel cells and serial numbers included."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import ABSENT, NormalizeError, month_from_excel_number, normalize

from .spellings import chinese, chinese_digits, fullwidth

EPOCH = dt.date(1899, 12, 30)


@pytest.mark.parametrize(
    "raw",
    [
        "2006年3月",
        "2006年03月",
        "2006年3月份",
        "2006 年 3 月",
        "2006.03",
        "2006.3",
        "2006.03.",
        "2006-03",
        "2006/3",
        "200603",
        "２００６．０３",
        "二〇〇六年三月",
        "二○○六年三月",
        "2006年3月15日",
        "2006-03-15",
        dt.datetime(2006, 3, 15, 8, 30),
        dt.date(2006, 3, 1),
        38791,
        38791.0,
        2006.03,
        200603,
    ],
)
def test_months_read_as_year_dash_month(raw: object) -> None:
    assert normalize("month", raw) == "2006-03"


@pytest.mark.parametrize(
    ("raw", "month"),
    [
        ("2006.1", "2006-01"),
        ("2006.10", "2006-10"),
        ("二〇〇六年十二月", "2006-12"),
        (2006.1, "2006-10"),
    ],
)
def test_a_typed_month_keeps_its_digits_and_an_excel_number_its_shortened_zero(
    raw: object, month: str
) -> None:
    assert normalize("month", raw) == month


@pytest.mark.parametrize(
    ("number", "month", "ambiguous"),
    [
        (2006.1, "2006-10", True),
        (2006.01, "2006-01", False),
        (2006.03, "2006-03", False),
        (2006.2, "2006-02", False),
        (2006.11, "2006-11", False),
        (2006.12, "2006-12", False),
        (200603, "2006-03", False),
    ],
)
def test_catalogue_months_stored_as_numbers(number: float, month: str, ambiguous: bool) -> None:
    assert month_from_excel_number(number) == (month, ambiguous)


@pytest.mark.parametrize(
    "raw",
    ["2006", 2006, "2006年13月", "2006.13", 2006.13, 2006.123, "三月", "abc", "1850.03", True],
)
def test_what_is_not_a_month(raw: object) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("month", raw)
    assert caught.value.kind_label == "年月"


@pytest.mark.parametrize(
    "raw",
    [
        "2020年3月5日",
        "2020年03月05日",
        "2020年3月5号",
        "2020.3.5",
        "2020.03.05",
        "2020-03-05",
        "2020/3/5",
        "20200305",
        "2020-03-05 00:00:00",
        "2020-03-05T10:00",
        "二〇二〇年三月五日",
        "２０２０年３月５日",
        dt.date(2020, 3, 5),
        dt.datetime(2020, 3, 5, 14, 0),
        43895,
        43895.75,
        20200305,
    ],
)
def test_dates_read_as_iso(raw: object) -> None:
    assert normalize("date", raw) == "2020-03-05"


@pytest.mark.parametrize(
    "raw", ["2020年3月", "2020-02-30", "2020.3-5", "3/5/2020", "2020", 12, 99999999, "明天", False]
)
def test_what_is_not_a_date(raw: object) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("date", raw)
    assert caught.value.kind_label == "日期"


@pytest.mark.parametrize(
    "raw", ["", "无", "/", "—", "____年____月____日", "年  月  日", "  年  月"]
)
def test_blank_or_none_dates_are_absent(raw: str) -> None:
    assert normalize("date", raw) is ABSENT
    assert normalize("month", raw) is ABSENT


@pytest.mark.parametrize(
    "raw",
    [
        "2020年1月至2021年12月",
        "2020年1月－2021年12月",
        "2020年1月到2021年12月",
        "2020年1月起至2021年12月止",
        "2020.01-2021.12",
        "2020.1—2021.12",
        "2020.01~2021.12",
        "2020.01～2021.12",
        "2020-01至2021-12",
        "2020-01-2021-12",
        "2020/01 - 2021/12",
        "2020年1月1日至2021年12月31日",
        "2020年至2021年",
        "二〇二〇年一月至二〇二一年十二月",
    ],
)
def test_periods_read_as_start_and_end_months(raw: str) -> None:
    assert normalize("period", raw) == {"start": "2020-01", "end": "2021-12"}


@pytest.mark.parametrize("raw", ["2020年1月", "两年", "2020.01-", "2020.13-2021.12", 2020])
def test_what_is_not_a_period(raw: object) -> None:
    with pytest.raises(NormalizeError):
        normalize("period", raw)


# --- properties: every spelling of a random date reads back ----------------------------

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


def month_spellings(d: dt.date) -> list[object]:
    y, m = d.year, d.month
    return [
        f"{y}年{m}月",
        f"{y}年{m:02d}月",
        f"{y}.{m:02d}",
        f"{y}-{m:02d}",
        f"{y}/{m}",
        f"{y}{m:02d}",
        f"{chinese_digits(y)}年{chinese(m)}月",
        fullwidth(f"{y}.{m:02d}"),
        f"{y} 年 {m} 月",
        d,
        dt.datetime(y, m, d.day),
        (d - EPOCH).days,
    ]


def date_spellings(d: dt.date) -> list[object]:
    y, m, day = d.year, d.month, d.day
    return [
        f"{y}年{m}月{day}日",
        f"{y}.{m}.{day}",
        f"{y}-{m:02d}-{day:02d}",
        f"{y}/{m}/{day}",
        f"{y}{m:02d}{day:02d}",
        f"{chinese_digits(y)}年{chinese(m)}月{chinese(day)}日",
        fullwidth(f"{y}.{m}.{day}"),
        f"{d.isoformat()} 00:00:00",
        d,
        dt.datetime(y, m, day, 9, 15),
        (d - EPOCH).days,
        (d - EPOCH).days + 0.5,
    ]


@settings(max_examples=200, deadline=None)
@given(dates, st.data())
def test_month_spellings_round_trip(d: dt.date, data: st.DataObject) -> None:
    raw = data.draw(st.sampled_from(month_spellings(d)))
    assert normalize("month", raw) == d.strftime("%Y-%m")


@settings(max_examples=200, deadline=None)
@given(dates, st.data())
def test_date_spellings_round_trip(d: dt.date, data: st.DataObject) -> None:
    raw = data.draw(st.sampled_from(date_spellings(d)))
    assert normalize("date", raw) == d.isoformat()


@settings(max_examples=100, deadline=None)
@given(dates, dates, st.sampled_from(["至", "-", "—", "～", "到", " - "]))
def test_period_spellings_round_trip(a: dt.date, b: dt.date, sep: str) -> None:
    raw = f"{a.year}年{a.month}月{sep}{b.year}.{b.month:02d}"
    assert normalize("period", raw) == {"start": a.strftime("%Y-%m"), "end": b.strftime("%Y-%m")}
