"""Where the six-dimension findings point, in real .xlsx and .docx files: a dimension with no
row at its pre-printed row if the form has one, else at the end of its table (where its rows
would be added); a dimension without a quantitative indicator at the 一级指标 of its first
row."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from formkit.pipeline import Options, analyse, read_document
from tests.extract.builders import UP, Span, WordDoc, Workbook

HEADER: list[object] = [
    "一级指标",
    "二级指标",
    "单位",
    "指标性质",
    "第一年目标值",
    "第二年目标值",
    "报送频率",
]
TITLE: list[object] = [Span("绩效评价指标", 7)]
NOTE: list[object] = [Span("说明：每个一级指标至少填写一项可量化、可考核的二级指标", 7)]


def row(dimension: object, name: str, quantitative: bool = True) -> list[object]:
    if quantitative:
        return [dimension, name, "个", "≥", 5, 6, "年报"]
    return [dimension, name, "", "定性", "完成", "完成", "年报"]


FIVE: list[list[object]] = [  # rows 3–9: every dimension but 辐射带动力
    row("产业集聚度", "入驻企业数占比"),
    row(UP, "龙头企业数"),
    row("资源聚集力", "合作的资本服务机构数"),
    row(UP, "专业公共技术服务平台数"),
    row("持续发展力", "创业导师数"),
    row("产出与效益", "载体亩均收入"),
    row("改革创新力", "路演次数"),
]


def xlsx(*tables: Sequence[Sequence[object]]) -> bytes:
    book = Workbook()
    for i, rows in enumerate(tables):
        book.sheet("指标" if i == 0 else f"指标{i + 1}", rows)
    return book.bytes()


def docx(*tables: Sequence[Sequence[object]]) -> bytes:
    doc = WordDoc().para("绩效目标及评价指标表")
    for rows in tables:
        doc.table(rows).para("（续表）")
    return doc.bytes()


BUILD = {"xlsx": xlsx, "docx": docx}


def found(kind: str, *tables: Sequence[Sequence[object]]) -> list[tuple[str, str, str | None]]:
    """The six-dimension findings of a Form B file: code, dimension, location."""
    data = BUILD[kind](*tables)
    result = analyse(read_document(f"绩效目标表.{kind}", data, kind), Options())
    return [
        (f.code, f.params["dimension"], f.location)
        for f in result.findings
        if f.code.startswith("dimension-")
    ]


@pytest.mark.parametrize(("kind", "end"), [("xlsx", "指标!A10"), ("docx", "表1 第10行第1列")])
def test_a_missing_dimension_points_at_the_end_of_the_table(kind: str, end: str) -> None:
    """Regression: it pointed at the header (指标!A2), far from where the rows go."""
    assert found(kind, [TITLE, HEADER, *FIVE, NOTE]) == [("dimension-missing", "辐射带动力", end)]


@pytest.mark.parametrize(("kind", "printed"), [("xlsx", "指标!A3"), ("docx", "表1 第3行第1列")])
def test_a_missing_dimension_printed_on_an_empty_row_points_at_that_row(
    kind: str, printed: str
) -> None:
    """The blank form pre-prints every 一级指标 on a row of its own: a dimension left
    without indicators is pointed at that row, where they belong, not at the table's end."""
    empty = ["辐射带动力", "", "", "", "", "", ""]
    rows = [TITLE, HEADER, empty, *FIVE, NOTE]  # the table itself ends at row 10
    assert found(kind, rows) == [("dimension-missing", "辐射带动力", printed)]


@pytest.mark.parametrize(("kind", "end"), [("xlsx", "指标2!A5"), ("docx", "表2 第5行第1列")])
def test_a_table_continued_ends_under_its_last_part(kind: str, end: str) -> None:
    first, rest = [HEADER, *FIVE[:4]], [HEADER, *FIVE[4:]]
    assert found(kind, first, rest) == [("dimension-missing", "辐射带动力", end)]


@pytest.mark.parametrize(("kind", "header"), [("xlsx", "指标!A2"), ("docx", "表1 第2行第1列")])
def test_a_table_without_rows_names_each_dimension_at_its_header(kind: str, header: str) -> None:
    # the form's own title: a bare header is no longer evidence enough of Form B
    [*dims] = found(kind, [[Span("绩效目标及评价指标表", 7)], HEADER, NOTE])
    assert len(dims) == 6
    assert {location for _, _, location in dims} == {header}


@pytest.mark.parametrize(("kind", "first"), [("xlsx", "指标!A5"), ("docx", "表1 第5行第1列")])
def test_a_dimension_without_a_quantitative_indicator_points_at_its_first_row(
    kind: str, first: str
) -> None:
    rows = [
        row("产业集聚度", "入驻企业数占比"),
        row("资源聚集力", "服务机制建设情况", quantitative=False),  # row 5, merged down to 7
        row(UP, "服务平台运行情况", quantitative=False),
        row(UP, "资本服务开展情况", quantitative=False),
        row("持续发展力", "创业导师数"),
        row("产出与效益", "载体亩均收入"),
        row("改革创新力", "路演次数"),
        row("辐射带动力", "服务区外企业数"),
    ]
    table = [TITLE, HEADER, rows[0], row("产业集聚度", "龙头企业数"), *rows[1:]]
    assert found(kind, table) == [("dimension-not-quantitative", "资源聚集力", first)]


def test_a_dimension_in_two_groups_points_at_the_first() -> None:
    rows = [
        row("资源聚集力", "服务机制建设情况", quantitative=False),  # row 3
        *[r for r in FIVE if r[0] not in ("资源聚集力", UP)],
        row("资源聚集力", "资本服务开展情况", quantitative=False),
        row("辐射带动力", "服务区外企业数"),
    ]
    assert found("xlsx", [TITLE, HEADER, *rows]) == [
        ("dimension-not-quantitative", "资源聚集力", "指标!A3")
    ]
