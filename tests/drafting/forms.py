"""Blank forms of other programmes, as bureaus make them (python-docx, openpyxl), and a
clerk's filling of them: each value typed into the cell beside or below its label, a box
ticked, text typed after a colon. ``TYPED`` says what was typed, ``EXPECTED`` what formkit
should read (normalised as FORMS.md §2 says)."""

from __future__ import annotations

import io
from collections.abc import Mapping

import docx
import openpyxl
from openpyxl.styles import Alignment

# -- 科技项目申报表 (Word) ------------------------------------------------------------------

TECH_TITLE = "2025年度市级科技计划项目申报表"
TECH_ROWS = [
    ("*项目名称", "", "项目类别", "□重点研发 □成果转化 □平台建设"),
    ("*申报单位", "", "统一社会信用代码", ""),
    ("单位性质", "□企业 □高校 □科研院所", "是否高新技术企业", "□是 □否"),
    ("项目负责人", "", "手机", ""),
    ("电子邮箱", "", "传真", ""),
    ("项目总投资（万元）", "", "申请资金（万元）", ""),
    ("研发人员数（人）", "", "技术领域", ""),
    ("项目开始时间", "（填年月）", "项目完成时间", "（填年月）"),
]
TECH_MEMBERS = ["姓名", "工作单位", "职称", "项目分工"]
TECH_TYPED: dict[str, str] = {
    "项目名称": "高性能镁合金压铸工艺研发",
    "项目类别": "成果转化",
    "申报单位": "示范镁业科技有限公司",
    "统一社会信用代码": "91140100MA0GRXQ12Y",
    "单位性质": "企业",
    "是否高新技术企业": "是",
    "项目负责人": "李明",
    "手机": "13912345678",
    "电子邮箱": "liming@example.cn",
    "传真": "0351-7654321",
    "项目总投资（万元）": "850",
    "申请资金（万元）": "200",
    "研发人员数（人）": "36",
    "技术领域": "新材料",
    "项目开始时间": "2025年1月",
    "项目完成时间": "2026年12月",
    "项目简介": "开发高强度镁合金压铸工艺，形成年产5000吨的示范线。",
    "申报日期": "2025年3月15日",
}
TECH_EXPECTED: dict[str, object] = {
    **TECH_TYPED,
    "项目总投资（万元）": 850,
    "申请资金（万元）": 200,
    "研发人员数（人）": 36,
    "是否高新技术企业": True,
    "项目开始时间": "2025-01",
    "项目完成时间": "2026-12",
    "申报日期": "2025-03-15",
}
TECH_MEMBER_ROWS = [
    ["李明", "示范镁业科技有限公司", "高级工程师", "项目总负责"],
    ["王芳", "示范镁业科技有限公司", "工程师", "工艺设计"],
    ["赵强", "示范理工大学", "教授", "材料测试"],
]


def tech_blank() -> bytes:
    d = docx.Document()
    d.add_paragraph(TECH_TITLE)
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    head = t.add_row().cells
    head[0].merge(head[3]).text = "一、项目基本情况"
    for row in TECH_ROWS:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    cells = t.add_row().cells
    cells[0].text = "项目简介"
    cells[1].merge(cells[3]).text = "（限300字）"
    d.add_paragraph("二、项目组成员名单")
    m = d.add_table(rows=1, cols=4)
    m.style = "Table Grid"
    for cell, text in zip(m.rows[0].cells, TECH_MEMBERS, strict=True):
        cell.text = text
    for _ in range(4):
        m.add_row()
    d.add_paragraph("申报单位（盖章）：")
    d.add_paragraph("申报日期：    年  月  日")
    return _save_docx(d)


def tech_filled(typed: Mapping[str, str] = TECH_TYPED) -> bytes:
    d = docx.Document(io.BytesIO(tech_blank()))
    _fill_docx_table(d.tables[0], typed)
    for r, values in enumerate(TECH_MEMBER_ROWS, start=1):
        for cell, value in zip(d.tables[1].rows[r].cells, values, strict=True):
            cell.text = value
    for p in d.paragraphs:
        label = p.text.split("：")[0]
        if label in typed and "：" in p.text:
            p.text = f"{label}：{typed[label]}"
    return _save_docx(d)


def _fill_docx_table(table: object, typed: Mapping[str, str]) -> None:
    for row in table.rows:  # type: ignore[attr-defined]
        cells = _distinct(row.cells)
        for i, cell in enumerate(cells[:-1]):
            label = cell.text.strip().lstrip("*")
            if label in typed:
                cells[i + 1].text = _typed(cells[i + 1].text, typed[label])


def _typed(blank: str, value: str) -> str:
    """What the clerk leaves in a value cell: the value, or the options with one ticked."""
    if "□" in blank:
        return blank.replace(f"□{value}", f"☑{value}")
    return value


def _distinct(cells: list[object]) -> list[object]:
    out: list[object] = []
    for c in cells:
        if not out or out[-1]._tc is not c._tc:  # type: ignore[attr-defined]
            out.append(c)
    return out


def _save_docx(d: object) -> bytes:
    out = io.BytesIO()
    d.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


# -- 企业基本情况表 (Excel) ------------------------------------------------------------------

FIRM_TITLE = "规模以上工业企业基本情况表"
FIRM_ROWS = [
    ("企业基本信息", None),
    ("企业名称※", ""),
    ("统一社会信用代码※", ""),
    ("成立日期", "    年  月  日"),
    ("注册资本（万元）", ""),
    ("企业规模", "□大型 □中型 □小型 □微型"),
    ("所属行业", ""),
    ("厂区面积（平方米）", ""),
    ("经营情况", None),
    ("职工人数（人）", ""),
    ("上年度营业收入（万元）", ""),
    ("上年度纳税总额（万元）", ""),
    ("是否规上企业", "□是 □否"),
    ("联系方式", None),
    ("联系人", ""),
    ("联系电话", ""),
    ("电子邮箱", ""),
]
FIRM_TYPED: dict[str, object] = {
    "企业名称": "示范重工集团有限公司",
    "统一社会信用代码": "91140100MA0GRXQ12Y",
    "成立日期": "2008年6月18日",
    "注册资本（万元）": 12000,
    "企业规模": "中型",
    "所属行业": "专用设备制造业",
    "厂区面积（平方米）": 86000,
    "职工人数（人）": 1250,
    "上年度营业收入（万元）": 56890.5,
    "上年度纳税总额（万元）": 2310,
    "是否规上企业": "是",
    "联系人": "张伟",
    "联系电话": "0354-3012345",
    "电子邮箱": "zhangwei@example.cn",
}
FIRM_EXPECTED: dict[str, object] = {
    **FIRM_TYPED,
    "成立日期": "2008-06-18",
    "是否规上企业": True,
}


def firm_blank() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "基本情况"
    ws.append([FIRM_TITLE])
    ws.merge_cells("A1:B1")
    for label, value in FIRM_ROWS:
        ws.append([label] if value is None else [label, value or None])
        if value is None:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=2)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 40
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    return _save_xlsx(book)


def firm_filled(typed: Mapping[str, object] = FIRM_TYPED) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(firm_blank()))
    ws = book.active
    for row in ws.iter_rows(min_row=2):
        label = str(row[0].value or "").rstrip("※")
        if label in typed:
            blank = str(row[1].value or "")
            value = typed[label]
            row[1].value = _typed(blank, value) if isinstance(value, str) else value
    return _save_xlsx(book)


def _save_xlsx(book: object) -> bytes:
    out = io.BytesIO()
    book.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


# -- 人才项目申报书 (Word): label：value lines, labels over their blanks, a 联系人 group -------

TALENT_TITLE = "2025年度青年科技人才项目申报书"


def talent_blank() -> bytes:
    d = docx.Document()
    d.add_paragraph(TALENT_TITLE)
    d.add_paragraph("申报人：____________　　推荐单位：____________________")
    d.add_paragraph("一、申报人基本情况")
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    rows = {
        0: ("姓名", "性别", "出生年月", "最高学历"),
        2: ("职称", "手机", "电子邮箱", "研究方向"),
    }
    for r, labels in rows.items():
        for cell, text in zip(t.rows[r].cells, labels, strict=True):
            cell.text = text
    d.add_paragraph("二、联系方式")
    g = d.add_table(rows=3, cols=3)
    g.style = "Table Grid"
    band = g.cell(0, 0).merge(g.cell(2, 0))
    band.text = "联系人"
    for r, sub in enumerate(("姓名", "手机", "电子邮箱")):
        g.cell(r, 1).text = sub
    d.add_paragraph("申报日期：    年  月  日")
    return _save_docx(d)
