"""Text written into spreadsheets can never run as a formula."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest

from formkit.writers.safe_cells import is_dangerous, neutralise, set_cell


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+86 SUM(A1)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1",
        '  =HYPERLINK("http://x")',
        "-",
        "=",
        "--1",
    ],
)
def test_text_that_could_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    [
        "测试开发区",
        "a=b",
        "",
        None,
        12,
        -12.5,
        0,
        True,
        datetime.date(2024, 1, 1),
        "-12.5",
        "+86",
        "-1,234.50",
        "-15%",
    ],
)
def test_data_and_plain_numbers_pass_unchanged(value):
    assert neutralise(value) == value


def test_set_cell_keeps_the_text_and_stores_it_as_text_with_a_quote_prefix():
    book = openpyxl.Workbook()
    sheet = book.active
    set_cell(sheet["A1"], '=HYPERLINK("http://evil","点我")')
    set_cell(sheet["A2"], -3)
    set_cell(sheet["A3"], "普通文本")
    out = io.BytesIO()
    book.save(out)
    read = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    assert read["A1"].value == '=HYPERLINK("http://evil","点我")'
    assert read["A1"].data_type == "s"
    assert read["A1"].quotePrefix is True
    assert (read["A2"].value, read["A2"].data_type) == (-3, "n")
    assert read["A3"].quotePrefix is False


def test_is_dangerous_says_why_neutralise_acts():
    assert is_dangerous("=1") and not is_dangerous("1=1") and not is_dangerous(1)
