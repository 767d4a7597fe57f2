"""Percent-formatted Excel cells: Excel stores 65% as 0.65; a value in % reads 65."""

from __future__ import annotations

import io

import openpyxl
import pytest

from formkit.extract import extract
from formkit.extract.values import percent_points
from formkit.model.record import Record
from formkit.readers.xlsx import read_xlsx
from formkit.spec import FormSpec

HEADER = ["一级指标", "二级指标", "单位", "指标性质", "第一年目标值", "第二年目标值"]


def targets_book(unit: str, target: float, number_format: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标"
    sheet.append(HEADER)
    sheet.append(["产业集聚度", "入驻企业数占比", unit, "≥", target, 70])
    sheet["E2"].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def first_row(data: bytes, spec: FormSpec) -> dict[str, object]:
    record = extract(read_xlsx(data, "绩效目标表.xlsx"), spec)
    return {k: v.value for k, v in record.indicators[0].items()}


@pytest.mark.parametrize("number_format", ["0%", "0.0%", "0.00%"])
def test_percent_formatted_target_with_unit_percent_reads_in_points(
    specs: dict[str, FormSpec], number_format: str
) -> None:
    row = first_row(targets_book("%", 0.65, number_format), specs["targets"])
    assert row["target_y1"] == 65
    assert row["target_y2"] == 70


def test_plain_number_with_unit_percent_is_taken_as_written(specs: dict[str, FormSpec]) -> None:
    assert first_row(targets_book("%", 65, "General"), specs["targets"])["target_y1"] == 65


def test_general_fraction_with_unit_percent_is_not_scaled(specs: dict[str, FormSpec]) -> None:
    assert first_row(targets_book("%", 0.65, "General"), specs["targets"])["target_y1"] == 0.65


def test_percent_format_without_unit_percent_is_not_scaled(specs: dict[str, FormSpec]) -> None:
    assert first_row(targets_book("家", 0.65, "0%"), specs["targets"])["target_y1"] == 0.65


def progress_record(spec: FormSpec, rate: float, number_format: str) -> Record:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "进度"
    sheet.append(["执行率", rate])
    sheet["B1"].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return extract(read_xlsx(out.getvalue(), "进度表.xlsx"), spec)


def test_percent_formatted_field_in_percent_reads_in_points(specs: dict[str, FormSpec]) -> None:
    record = progress_record(specs["progress"], 0.255, "0.0%")
    assert record.fields["execution_rate"].value == 25.5


def test_general_field_in_percent_is_taken_as_written(specs: dict[str, FormSpec]) -> None:
    record = progress_record(specs["progress"], 25, "General")
    assert record.fields["execution_rate"].value == 25


@pytest.mark.parametrize(
    ("typed", "number_format", "unit", "expected"),
    [
        (0.07, "0%", "%", 7),  # exact: never 7.000000000000001
        (0.123, "0.0%", "％", 12.3),
        (1, "0%", "%", 100),
        (0.65, '0"%"', "%", 0.65),  # a quoted % is literal text, not a scale
        (0.65, "0\\%", "%", 0.65),
        (True, "0%", "%", True),
        ("0.65", "0%", "%", "0.65"),
        (0.65, None, "%", 0.65),
        (0.65, "0%", None, 0.65),
    ],
)
def test_percent_points(
    typed: object, number_format: str | None, unit: str | None, expected: object
) -> None:
    result = percent_points(typed, number_format, unit)
    assert result == expected and type(result) is type(expected)
