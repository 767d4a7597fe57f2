"""Numerals: Arabic, Chinese (plain and financial), spoken short forms and mixtures."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize.numerals import NumeralError, parse_numeral, to_decimal

from .spellings import chinese, chinese_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", "0"),
        ("12", "12"),
        ("1,234.5", "1234.5"),
        ("1,000,000", "1000000"),
        (".5", "0.5"),
        ("三", "3"),
        ("十", "10"),
        ("十二", "12"),
        ("二十五", "25"),
        ("一百二十", "120"),
        ("一百零五", "105"),
        ("两千三", "2300"),
        ("三百五", "350"),
        ("一万二", "12000"),
        ("一亿二", "120000000"),
        ("十万", "100000"),
        ("伍佰", "500"),
        ("壹佰贰拾叁万肆仟伍佰", "1234500"),
        ("貳仟零壹拾", "2010"),
        ("三点五", "3.5"),
        ("十三点二五", "13.25"),
        ("3.5万", "35000"),
        ("1.2亿", "120000000"),
        ("1亿2000万", "120000000"),
        ("500万", "5000000"),
        ("3千", "3000"),
        ("二〇〇六", "2006"),
        ("二○○六", "2006"),
        ("一二〇", "120"),
        ("零", "0"),
    ],
)
def test_reads_numerals(text: str, value: str) -> None:
    assert parse_numeral(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "万", "点", "1,23", "1..2", "12 3", "三四", "abc", "5万万x"])
def test_refuses_what_is_not_a_numeral(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_numeral(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_chinese_numerals_round_trip(n: int, financial: bool) -> None:
    assert parse_numeral(chinese(n, financial=financial)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100, max_value=99_999))
def test_digit_by_digit_numerals_round_trip(n: int) -> None:
    assert parse_numeral(chinese_digits(n)) == n


@pytest.mark.parametrize(
    ("value", "decimal"), [(0.1, "0.1"), (1250.5, "1250.5"), (500, "500"), (2006.1, "2006.1")]
)
def test_spreadsheet_numbers_keep_the_digits_typed(value: float, decimal: str) -> None:
    assert to_decimal(value) == Decimal(decimal)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_spreadsheet_numbers_must_be_finite(value: float) -> None:
    with pytest.raises(NumeralError):
        to_decimal(value)
