"""An indicator row whose 二级指标 was left blank while its values were typed is reported at
its first value (never dropped unseen); rows that are no indicator stay quiet. Real .xlsx and
.docx files, read by the real readers."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from formkit.extract import extract
from formkit.model.findings import Finding
from formkit.model.record import Record
from formkit.pipeline import Options, analyse, read_document
from formkit.spec import FormSpec

from .builders import UP, Span, Typed, WordDoc, Workbook, read

HEADER: list[object] = ["一级指标", "二级指标", "单位", "指标性质", "第一年目标值", "第二年目标值"]
NAMED: list[object] = ["产业集聚度", "入驻企业数占比", "%", "≥", 60, 65]


def xlsx(rows: list[list[object]], sheet: str = "指标") -> bytes:
    return Workbook().sheet(sheet, rows).bytes()


def with_cached_values(data: bytes, values: dict[str, str]) -> bytes:
    """The workbook with the values Excel would have cached for its formulas (openpyxl
    writes formulas without them)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            part = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                root = etree.fromstring(part)
                for ref, value in values.items():
                    v = root.find(f".//m:c[@r='{ref}']/m:v", ns)
                    assert v is not None
                    v.text = value
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            dst.writestr(item, part)
    return out.getvalue()


def docx(rows: list[list[object]]) -> bytes:
    return WordDoc().para("绩效目标及评价指标表").table(rows).bytes()


def targets(data: bytes, kind: str, specs: dict[str, FormSpec]) -> Record:
    return extract(read(data, kind), specs["targets"])


def nameless(record: Record) -> list[Finding]:
    return [f for f in record.findings if f.code == "indicator-name-missing"]


def names(record: Record) -> list[object]:
    return [r["indicator"].value if "indicator" in r else None for r in record.indicators]


@pytest.mark.parametrize(
    ("kind", "build", "where"),
    [("xlsx", xlsx, "指标!C4"), ("docx", docx, "表1 第4行第3列")],
)
def test_a_row_without_its_name_is_reported_at_its_first_value(
    specs: dict[str, FormSpec], kind: str, build: object, where: str
) -> None:
    rows = [
        [Span("绩效评价指标", 6)],
        HEADER,
        NAMED,
        ["资源聚集力", "", "个", "≥", 6, 8],
        [UP, "服务平台数", "个", "≥", 3, 4],
    ]
    assert callable(build)
    record = targets(build(rows), kind, specs)
    [found] = nameless(record)
    assert (found.code, found.severity, found.field, found.location) == (
        "indicator-name-missing",
        "error",
        "二级指标",
        where,
    )
    assert found.message() == (
        "此行填写了“单位”、“指标性质”、“第一年目标值”、“第二年目标值”，"
        "但“二级指标”为空，该行未作为指标读取"
    )
    # regression: the cells filled were joined with 、 when the finding was made
    assert "“单位”, “指标性质”, “第一年目标值”, “第二年目标值”" in found.message("en")
    assert names(record) == ["入驻企业数占比", "服务平台数"]  # the rows around it are read
    assert record.indicators[1]["dimension"].value == "资源聚集力"


def test_one_typed_target_is_enough_to_report_the_row(specs: dict[str, FormSpec]) -> None:
    record = targets(xlsx([HEADER, NAMED, ["", "", "", "", "", Typed(12, "0")]]), "xlsx", specs)
    assert [f.location for f in nameless(record)] == ["指标!F3"]
    assert names(record) == ["入驻企业数占比"]


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_rows_that_are_no_indicator_stay_quiet(specs: dict[str, FormSpec], kind: str) -> None:
    rows: list[list[object]] = [
        [Span("绩效评价指标", 6)],
        HEADER,
        NAMED,
        [UP, "", "", "", "", ""],  # the merged 一级指标 reaching a blank row
        ["资源聚集力", "", "", "", "", ""],  # a pre-printed 一级指标, nothing typed
        ["", "", "", "", "", ""],  # a blank row
        HEADER,  # the header again (a table broken across pages)
        ["持续发展力", "创业导师数", "人", "≥", 37, 40],
        ["", "", Span("（以上目标值均为年末数）", 4)],  # a note across the value columns
        [Span("注：每个一级指标至少填写一项定量指标", 6)],
    ]
    record = targets(xlsx(rows) if kind == "xlsx" else docx(rows), kind, specs)
    assert record.findings == []
    assert names(record) == ["入驻企业数占比", "创业导师数"]


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_totals_row_is_no_nameless_indicator(specs: dict[str, FormSpec], kind: str) -> None:
    rows: list[list[object]] = [HEADER, NAMED, [Span("合计", 2), "", "", 60, 65]]
    data = xlsx(rows) if kind == "xlsx" else docx(rows)
    assert nameless(targets(data, kind, specs)) == []


def test_an_unlabelled_sum_row_is_no_nameless_indicator(specs: dict[str, FormSpec]) -> None:
    totals: list[object] = ["", "", "", "", "=SUM(E2:E3)", "=SUM(F2:F3)"]
    data = with_cached_values(xlsx([HEADER, NAMED, NAMED, totals]), {"E4": "120", "F4": "130"})
    record = targets(data, "xlsx", specs)
    assert names(record) == ["入驻企业数占比", "入驻企业数占比"]
    assert nameless(record) == []
    assert [c.text for c in read(data, "xlsx").all_tables()[0].rows()[3] if c.text] == [
        "120",
        "130",
    ]


def test_rows_below_a_nameless_row_inherit_its_dimension(specs: dict[str, FormSpec]) -> None:
    """A blank 一级指标 inherits the nearest one above, even from a row whose name is missing."""
    rows: list[list[object]] = [
        HEADER,
        NAMED,
        ["资源聚集力", "", "个", "≥", 6, 8],
        ["", "服务平台数", "个", "≥", 3, 4],
    ]
    record = targets(xlsx(rows), "xlsx", specs)
    assert [f.location for f in nameless(record)] == ["指标!C3"]
    assert [r["dimension"].value for r in record.indicators] == ["产业集聚度", "资源聚集力"]


def test_a_fiscal_table_is_reported_once_not_per_row(specs: dict[str, FormSpec]) -> None:
    rows: list[list[object]] = [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "新增入驻企业数", "≥30家"],
        [UP, UP, "", "≥5个"],
    ]
    record = targets(xlsx(rows), "xlsx", specs)
    assert record.layout == "fiscal"
    assert nameless(record) == []


def test_a_progress_row_without_its_name_is_reported(specs: dict[str, FormSpec]) -> None:
    header: list[object] = ["一级指标", "二级指标", "单位", "期末值"]
    rows: list[list[object]] = [header, ["产业集聚度", "入驻企业数", "家", 12], [UP, "", "家", 7]]
    record = extract(read(xlsx(rows, "指标进展"), "xlsx"), specs["progress"])
    assert [(f.code, f.location) for f in record.findings] == [
        ("indicator-name-missing", "指标进展!C3")
    ]


def test_check_reports_the_nameless_row_and_nothing_else(specs: dict[str, FormSpec]) -> None:
    """Regression: the row was dropped and ``formkit check`` said nothing about it."""
    dims = ["产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力"]
    header = [*HEADER, "报送频率"]
    rows: list[list[object]] = [header]
    rows += [[d, f"{d}指标", "个", "≥", 5, 6, "年报"] for d in dims]
    rows.append(["", "", "家", "≥", 3, 4, "季报"])  # row 8: the name forgotten
    result = analyse(read_document("绩效目标表.xlsx", xlsx(rows), "xlsx"), Options())
    found = [f for f in result.findings if f.code != "missing-field"]
    assert [(f.code, f.severity, f.location) for f in found] == [
        ("indicator-name-missing", "error", "指标!C8")
    ]
    assert len(result.to_dict()["indicators"]) == 6
