"""Indicator tables found by their header row, on documents built from the neutral model."""

from __future__ import annotations

from formkit.extract import extract
from formkit.spec import FormSpec

from .builders import UP, Span, model_doc

HEADER = ["一级指标", "二级指标", "单位", "指标性质", "第一年目标值", "第二年目标值"]


def test_merged_dimension_reaches_every_row_of_its_group(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            HEADER,
            ["产业集聚度", "入驻企业数占比", "%", "≥", "60", "65"],
            [UP, "龙头企业数", "家", "≥", "5", "8"],
        ]
    )
    record = extract(doc, specs["targets"])
    assert [r["dimension"].value for r in record.indicators] == ["产业集聚度", "产业集聚度"]
    second = record.indicators[1]
    assert next(iter(second)) == "indicator"
    assert str(second["indicator"].location) == "表1 第3行第2列"
    assert str(second["dimension"].location) == "表1 第2行第1列"


def test_direction_and_unit_come_from_the_target_cell(specs: dict[str, FormSpec]) -> None:
    header = ["一级指标", "二级指标", "第一年目标值", "第二年目标值"]
    doc = model_doc([header, ["资源聚集力", "合作的资本服务机构数", "≥6个", "不低于8个"]])
    [row] = extract(doc, specs["targets"]).indicators
    assert {k: v.value for k, v in row.items()} == {
        "indicator": "合作的资本服务机构数",
        "dimension": "资源聚集力",
        "target_y1": 6,
        "direction": "≥",
        "unit": "个",
        "target_y2": 8,
    }


def test_repeated_header_notes_and_totals_are_not_indicators(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            [Span("绩效评价指标", 6)],
            HEADER,
            ["产业集聚度", "入驻企业数占比", "%", "≥", "60", "65"],
            HEADER,
            ["资源聚集力", "服务平台数", "个", "≥", "6", "8"],
            ["合计", "", "", "", "", ""],
            ["资源聚集力", "不该读到", "个", "≥", "1", "2"],
        ]
    )
    record = extract(doc, specs["targets"])
    assert [r["indicator"].value for r in record.indicators] == ["入驻企业数占比", "服务平台数"]


def test_a_target_that_does_not_read_is_a_finding(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([HEADER, ["产业集聚度", "入驻企业数占比", "%", "≥", "60万元", "65"]])
    record = extract(doc, specs["targets"])
    [problem] = record.findings
    assert (problem.code, problem.field, problem.location) == (
        "bad-value",
        "第一年目标值",
        "表1 第2行第5列",
    )
    assert "target_y1" not in record.indicators[0]


def test_none_marker_target_leaves_the_key_absent(specs: dict[str, FormSpec]) -> None:
    """Bug: _read_target stored parse_target's ABSENT sentinel as the value of ``/``."""
    doc = model_doc([HEADER, ["产业集聚度", "入驻企业数占比", "%", "≥", "/", "65"]])
    [row] = extract(doc, specs["targets"]).indicators
    assert "target_y1" not in row
    assert row["target_y2"].value == 65


def test_form_fields_under_the_table_are_not_rows(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            HEADER,
            ["产业集聚度", "入驻企业数占比", "%", "≥", "60", "65"],
            ["开发区名称", Span("山西示范经济开发区", 5)],
        ]
    )
    record = extract(doc, specs["targets"])
    assert len(record.indicators) == 1
    assert record.fields["zone_name"].value == "山西示范经济开发区"


def test_choices_with_an_aside_read_as_the_option(specs: dict[str, FormSpec]) -> None:
    header = ["一级指标", "二级指标", "指标性质", "报送频率"]
    doc = model_doc(
        [header, ["产业集聚度（20分）", "入驻企业数占比", "≥（越大越好）", "年报（每年一次）"]]
    )
    [row] = extract(doc, specs["targets"]).indicators
    assert (row["dimension"].value, row["direction"].value, row["frequency"].value) == (
        "产业集聚度",
        "≥",
        "年报",
    )
    assert row["dimension"].raw == "产业集聚度（20分）"
