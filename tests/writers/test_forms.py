"""Blank forms written from the specs, and the same writers filling them with data.

The files are read back with python-docx / openpyxl / lxml: what a clerk sees is what is
asserted (labels, hints, check boxes, drop-downs, fonts, page setup, printed values).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from formkit.cli.forms import forms_cmd
from formkit.model.errors import OutputFileError
from formkit.spec import FormSpec, load_spec
from formkit.writers.forms import BLANK_FORMS, WRITERS, form_bytes, write_forms
from formkit.writers.forms_docx import application_docx, layout_rows, plan_docx
from formkit.writers.forms_xlsx import application_xlsx, progress_xlsx, targets_xlsx
from tests import sampledata

Blank = dict[tuple[str, str], bytes]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZONE = {
    "name": "山西示范经济开发区",
    "code": "S141234",
    "city": "太原市",
    "county": "小店区",
    "approved": "2006-03",
    "area": 1250.5,
    "industries": ["装备制造", "新材料"],
}


@pytest.fixture(scope="module")
def specs() -> dict[str, FormSpec]:
    return {
        name: load_spec(name)
        for name in ("application", "targets", "plan", "progress", "self_eval")
    }


@pytest.fixture(scope="module")
def blank(specs: dict[str, FormSpec]) -> Blank:
    """Each blank form, written once for the module."""
    return {key: writer(specs[key[0]], None) for key, writer in WRITERS.items()}


@pytest.fixture(scope="module")
def app_data() -> dict[str, Any]:
    data = sampledata.application(ZONE, random.Random(1))
    data.update(in_demo_county=False, subsidy_requested=500, fill_date="2020-03-20")
    return data


@pytest.fixture(scope="module")
def targets_data(app_data: dict[str, Any]) -> dict[str, Any]:
    return sampledata.targets(app_data, random.Random(2))


PLAN_DATA: dict[str, Any] = {
    "zone_name": "山西示范经济开发区",
    "carrier_name": "示范装备制造融通创新特色载体",
    "subsidy_requested": 500,
    "year1_goal": "完成公共技术服务平台建设。",
    "year2_goal": "形成配套协作体系。",
    "sections": {
        "existing_work": "开发区已建成孵化器三家。\n第二段。",
        "fund_use": "资金安排如下。",
    },
    "fund_uses": [{"use": "直接补助", "amount_wan": 200}, {"use": "购买服务", "amount_wan": 300.5}],
}
PROGRESS_DATA: dict[str, Any] = {
    "zone_name": "山西示范经济开发区",
    "period": "一季度",
    "report_year": 2020,
    "fill_date": "2020-04-10",
    "budget": 500,
    "spent": 125,
    "execution_rate": 25,
    "indicators": [
        {
            "dimension": "资源聚集力",
            "indicator": "合作的资本服务机构数",
            "unit": "个",
            "target_year": 10,
            "value_end": 6,
            "increase": 2,
        },
        {"dimension": "资源聚集力", "indicator": "创业导师数", "unit": "人", "value_end": 20},
        {
            "dimension": "辐射带动力",
            "indicator": "已达成合作的行业龙头企业数",
            "unit": "家",
            "value_end": 3,
            "note": "新增1家",
        },
    ],
}


# -- reading back ----------------------------------------------------------------------------------


def word_cells(data: bytes) -> list[str]:
    """The text of every table cell (each merged cell once), in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return [tc_text(tc) for tc in body.iter(f"{W}tc")]


def tc_text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


def word_paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def cell_after(cells: list[str], label: str) -> str:
    return cells[cells.index(label) + 1]


def sheet_texts(data: bytes) -> set[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None
    }


def validations(ws: Any) -> dict[str, Any]:
    """Data validations by the first cell they cover."""
    return {str(dv.sqref).split()[0].split(":")[0]: dv for dv in ws.data_validations.dataValidation}


def value_cell(ws: Any, label: str) -> Any:
    """The value cell (column C) of the row whose label is ``label``."""
    for row in ws.iter_rows(min_col=1, max_col=2):
        if label in (row[0].value, row[1].value):
            return ws.cell(row=row[0].row, column=3)
    raise KeyError(label)


def dimension_merges(ws: Any) -> list[str]:
    """Merged ranges in column A below the header (the 一级指标 groups)."""
    return sorted(str(r) for r in ws.merged_cells.ranges if r.max_col == 1 and r.min_row > 2)


def printed_labels(spec: FormSpec) -> list[str]:
    return [f.sublabels[0] if f.group and f.sublabels else f.label for f in spec.fields]


# -- every field is printed ------------------------------------------------------------------------


def test_every_application_field_is_labelled_in_the_blank_docx(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    cells = word_cells(blank["application", "docx"])
    missing = [label for label in printed_labels(specs["application"]) if label not in cells]
    assert missing == []
    assert {"联系人", "市级主管部门"} <= set(cells)
    assert set(specs["application"].sections) <= set(cells)


@pytest.mark.parametrize("form", ["application", "targets", "progress"])
def test_every_field_and_column_is_labelled_in_the_blank_xlsx(
    specs: dict[str, FormSpec], blank: Blank, form: str
) -> None:
    spec = specs[form]
    texts = sheet_texts(blank[form, "xlsx"])
    wanted = printed_labels(spec) + [c.label for c in spec.columns] + [spec.heading]
    assert [label for label in wanted if label not in texts] == []


def test_the_plan_outline_has_the_six_numbered_headings(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    document = docx.Document(io.BytesIO(blank["plan", "docx"]))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == [
        f"{n}、{p.label}" for n, p in zip("一二三四五六", specs["plan"].parts, strict=True)
    ]
    texts = word_paragraphs(blank["plan", "docx"])
    for part in specs["plan"].parts:
        assert f"编写要点：{part.hint}。" in texts
    assert any(t.startswith("开发区名称：") for t in texts)
    assert word_cells(blank["plan", "docx"])[:2] == ["用途", "金额（万元）"]


# -- layout ----------------------------------------------------------------------------------------


def test_short_fields_share_a_row_and_long_texts_get_their_own(specs: dict[str, FormSpec]) -> None:
    rows = [r for _, fields in specs["application"].by_section() for r in layout_rows(fields)]
    shapes = {f.key: r.shape for r in rows for f in r.fields}
    assert shapes["city"] == shapes["county"] == "pair"
    assert shapes["zone_opinion"] == shapes["city_opinion"] == "tall"
    pairs = [tuple(f.key for f in r.fields) for r in rows if r.shape == "pair"]
    assert ("period_start", "period_end") in pairs


def test_the_contact_group_is_merged_down_beside_its_sub_labels(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    body = docx.Document(io.BytesIO(blank["application", "docx"])).element.body
    row = next(tr for tr in body.iter(f"{W}tr") if tc_text(tr.findall(f"{W}tc")[0]) == "联系人")
    first = row.findall(f"{W}tc")
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(qn("w:val")) == "restart"
    assert [tc_text(tc) for tc in first[1::2]] == ["姓名", "职务"]
    below = row.getnext().findall(f"{W}tc")
    assert below[0].find(f"{W}tcPr/{W}vMerge").get(qn("w:val"), "continue") == "continue"
    assert [tc_text(tc) for tc in below[1::2]] == ["联系电话", "电子邮箱"]


def test_hints_checkboxes_and_date_placeholder_in_blank_docx(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    cells = word_cells(blank["application", "docx"])
    assert cell_after(cells, "所属市") == "（填写设区市全称）"
    assert cell_after(cells, "是否位于小微企业创业创新基地示范县") == "☐是　☐否"
    assert cell_after(cells, "开发区级别") == "☐国家级　☐省级"
    assert cell_after(cells, "开发区意见") == "（签字盖章，注明日期）"
    assert cell_after(cells, "填报日期").replace("　", "") == "年月日"


def test_blank_indicator_table_prefills_each_dimension(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank["targets", "xlsx"]))["评价指标"]
    header = [c.value for c in ws[2]]
    assert header == [c.label for c in specs["targets"].columns]
    assert len(dimension_merges(ws)) == 6
    dims = [ws.cell(row=r, column=1).value for r in range(3, 15, 2)]
    assert dims == list(specs["targets"].extra["dimensions"])


# -- Excel drop-downs, prompts and formats ---------------------------------------------------------


def test_every_enumeration_has_a_drop_down_with_its_options(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank["application", "xlsx"])).active
    dvs = validations(ws)
    assert (
        dvs[value_cell(ws, "是否位于小微企业创业创新基地示范县").coordinate].formula1 == '"是,否"'
    )
    assert dvs[value_cell(ws, "开发区级别").coordinate].formula1 == '"国家级,省级"'
    progress = openpyxl.load_workbook(io.BytesIO(blank["progress", "xlsx"]))
    period = validations(progress.active)[value_cell(progress.active, "报送时间段").coordinate]
    assert period.formula1 == '"一季度,二季度,三季度,四季度,上半年,全年"'


def test_indicator_columns_have_drop_downs(specs: dict[str, FormSpec], blank: Blank) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank["targets", "xlsx"]))["评价指标"]
    lists = {
        min(r.min_col for r in dv.sqref.ranges): dv.formula1
        for dv in ws.data_validations.dataValidation
        if dv.type == "list"
    }
    assert lists == {
        1: '"产业集聚度,资源聚集力,持续发展力,产出与效益,改革创新力,辐射带动力"',
        5: '"≥,≤,=,定性"',
        9: '"季报,半年报,年报"',
    }
    covered = next(dv for dv in ws.data_validations.dataValidation if dv.formula1 == lists[5])
    assert {str(r) for r in covered.sqref.ranges} >= {"E3", "E14"}


def test_prompts_carry_the_hint_and_numbers_their_limits(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank["application", "xlsx"])).active
    dvs = validations(ws)
    city = dvs[value_cell(ws, "所属市").coordinate]
    assert (city.promptTitle, city.prompt, city.showInputMessage) == (
        "所属市",
        "填写设区市全称",
        True,
    )
    money = dvs[value_cell(ws, "申请省级奖补资金（万元）").coordinate]
    assert (money.type, money.operator, money.formula1) == ("decimal", "greaterThanOrEqual", "0.01")
    assert money.prompt == "单位：万元"
    assert dvs[value_cell(ws, "入驻企业数（家）").coordinate].type == "whole"
    assert value_cell(ws, "申请省级奖补资金（万元）").number_format == "0.00"
    assert value_cell(ws, "入驻企业数（家）").number_format == "0"
    assert value_cell(ws, "批准时间").number_format == "@"  # 2006.03 stays text


# -- fonts and page setup --------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["application", "plan"])
def test_word_styles_name_chinese_fonts_in_the_east_asian_slot(blank: Blank, form: str) -> None:
    with zipfile.ZipFile(io.BytesIO(blank[form, "docx"])) as z:
        styles: Any = etree.fromstring(z.read("word/styles.xml"))
    fonts = {}
    for style in styles.iter(f"{W}style"):
        rfonts = style.find(f"{W}rPr/{W}rFonts")
        if rfonts is not None and rfonts.get(qn("w:eastAsia")):
            fonts[style.get(qn("w:styleId"))] = rfonts
    assert fonts["Normal"].get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts["FormTitle"].get(qn("w:eastAsia")) == "方正小标宋简体"
    assert fonts["Heading1"].get(qn("w:eastAsia")) == "黑体"
    assert all(r.get(qn("w:eastAsiaTheme")) is None for r in fonts.values())
    defaults: Any = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(f"{W}lang").get(qn("w:eastAsia")) == "zh-CN"


def test_word_forms_are_a4_portrait_and_the_table_fits(
    specs: dict[str, FormSpec], blank: Blank
) -> None:
    document = docx.Document(io.BytesIO(blank["application", "docx"]))
    section: Any = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    text_width = section.page_width - section.left_margin - section.right_margin
    grid: Any = document.tables[0]._tbl.tblGrid.gridCol_lst
    assert abs(sum(col.w for col in grid) - text_width) < 2 * 36000  # within 2 mm


def test_excel_print_setup(specs: dict[str, FormSpec], blank: Blank) -> None:
    book = openpyxl.load_workbook(io.BytesIO(blank["targets", "xlsx"]))
    goals, table = book["绩效目标"], book["评价指标"]
    assert (goals.page_setup.orientation, table.page_setup.orientation) == ("portrait", "landscape")
    for ws in (goals, table):
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$2"
        assert ws.freeze_panes == "A3"


# -- determinism -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(WRITERS))
def test_the_same_input_gives_the_same_bytes(
    specs: dict[str, FormSpec], blank: Blank, key: tuple[str, str]
) -> None:
    spec = specs[key[0]]
    assert WRITERS[key](spec, None) == blank[key]
    with zipfile.ZipFile(io.BytesIO(blank[key])) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2020-01-01T00:00:00Z" in core and spec.title in core


def test_filled_forms_are_deterministic_too(specs: dict[str, FormSpec], app_data: dict) -> None:
    assert application_docx(specs["application"], app_data) == application_docx(
        specs["application"], dict(app_data)
    )
    assert application_xlsx(specs["application"], app_data) == application_xlsx(
        specs["application"], dict(app_data)
    )


# -- filled forms ----------------------------------------------------------------------------------


def test_filled_docx_prints_values_as_a_clerk_types_them(
    specs: dict[str, FormSpec], app_data: Mapping[str, Any]
) -> None:
    cells = word_cells(application_docx(specs["application"], app_data))
    assert cell_after(cells, "所属市") == "太原市"
    assert cell_after(cells, "申请省级奖补资金（万元）") == "500.00"
    assert cell_after(cells, "实施期（起）") == "2020年1月"
    assert cell_after(cells, "批准时间") == "2006年3月"
    assert cell_after(cells, "主导产业") == "装备制造、新材料"
    assert cell_after(cells, "是否位于小微企业创业创新基地示范县") == "☐是　☑否"
    assert cell_after(cells, "开发区级别") == "☐国家级　☑省级"
    assert cell_after(cells, "填报日期") == "2020年3月20日"
    assert cell_after(cells, "姓名") == app_data["contact_name"]
    assert "（填写设区市全称）" not in cells


def test_filled_xlsx_stores_typed_values(
    specs: dict[str, FormSpec], app_data: Mapping[str, Any]
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(application_xlsx(specs["application"], app_data))).active
    assert value_cell(ws, "申请省级奖补资金（万元）").value == 500
    assert value_cell(ws, "入驻企业数（家）").value == app_data["enterprises_total"]
    assert value_cell(ws, "批准时间").value == "2006.03"
    assert value_cell(ws, "填报日期").value == dt.datetime(2020, 3, 20)
    assert value_cell(ws, "填报日期").number_format == 'yyyy"年"m"月"d"日"'
    assert value_cell(ws, "是否位于小微企业创业创新基地示范县").value == "否"
    assert value_cell(ws, "主导产业").value == "装备制造、新材料"
    assert value_cell(ws, "联系电话").value == app_data["contact_phone"]  # text, not a number


def test_filled_indicator_table_merges_each_dimension(
    specs: dict[str, FormSpec], targets_data: Mapping[str, Any]
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(targets_xlsx(specs["targets"], targets_data)))[
        "评价指标"
    ]
    rows = targets_data["indicators"]
    assert [ws.cell(row=3 + i, column=2).value for i in range(len(rows))] == [
        r["indicator"] for r in rows
    ]
    assert ws.cell(row=3, column=6).value == rows[0]["baseline"]
    merged = dimension_merges(ws)
    assert len(merged) == 6 and merged[0] == "A11:A12"  # two indicators per dimension
    assert str(ws.cell(row=3 + len(rows), column=1).value).startswith("说明：")


def test_filled_progress_table_adds_rows_as_needed(specs: dict[str, FormSpec]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(progress_xlsx(specs["progress"], PROGRESS_DATA)))
    table = book["指标进展"]
    assert [table.cell(row=r, column=2).value for r in (3, 4, 5)] == [
        "合作的资本服务机构数",
        "创业导师数",
        "已达成合作的行业龙头企业数",
    ]
    assert dimension_merges(table) == ["A3:A4"]
    assert value_cell(book["进展情况"], "报送时间段").value == "一季度"
    assert value_cell(book["进展情况"], "报送年度").value == 2020


def test_filled_plan_has_texts_under_headings_and_a_total(specs: dict[str, FormSpec]) -> None:
    data = plan_docx(specs["plan"], PLAN_DATA)
    texts = word_paragraphs(data)
    first = texts.index("一、开发区既有双创工作开展情况")
    assert texts[first + 1 : first + 3] == ["开发区已建成孵化器三家。", "第二段。"]
    assert "（一）第一年目标" in texts and "完成公共技术服务平台建设。" in texts
    assert "开发区名称：山西示范经济开发区" in texts
    assert not any(t.startswith("编写要点") for t in texts)
    assert word_cells(data)[2:] == ["直接补助", "200.00", "购买服务", "300.50", "合计", "500.50"]


# -- write_forms and the command -------------------------------------------------------------------


def test_write_forms_writes_the_five_blank_forms(tmp_path: Path) -> None:
    paths = write_forms(tmp_path / "new" / "forms")
    assert [p.name for p in paths] == list(BLANK_FORMS)
    for path in paths:
        assert zipfile.is_zipfile(path)
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(BLANK_FORMS)
    assert form_bytes("plan", "docx") == paths[3].read_bytes()


def test_forms_command_writes_the_files_and_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(forms_cmd, ["--out", str(tmp_path)])
    assert result.exit_code == 0
    assert f"已生成 {len(BLANK_FORMS)} 份空白表单" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(BLANK_FORMS)


def test_forms_command_exits_2_in_chinese_when_the_folder_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "occupied"
    blocker.write_text("a file where the folder should be")
    result = CliRunner().invoke(forms_cmd, ["--out", str(blocker / "forms")])
    assert result.exit_code == 2
    assert f"无法写入 {blocker / 'forms'}：路径中有一项不是文件夹" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(OutputFileError):
        write_forms(blocker)


def test_regression_filled_workbook_text_is_never_a_formula() -> None:
    """Filled-form values come from submitters; ``=HYPERLINK(…)`` must stay text."""
    import io

    import openpyxl

    from formkit.spec import load_spec
    from formkit.writers.forms_xlsx import application_xlsx

    spec = load_spec("application")
    content = application_xlsx(spec, {"zone_name": '=HYPERLINK("http://x","点我")'})
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)
