"""Form A (申报信息表) filled in the layouts applicants really use, with what must be read.

Each layout function returns ``(file bytes, kind, expected layout)``; ``EXPECTED`` is what
every layout must yield (some layouts type a value differently, with the same meaning).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from .builders import UP, Span, Typed, WordDoc, Workbook

TITLE = "省级大中小企业融通型创新创业特色载体申报信息表"

# key → (label as our blank form prints it, value as typed)
OURS: dict[str, tuple[str, str]] = {
    "city": ("所属市", "太原市"),
    "county": ("所在县（市、区）", "小店区"),
    "zone_name": ("开发区名称", "山西示范经济开发区"),
    "zone_code": ("开发区代码", "S141234"),
    "approval_doc": ("省政府批准设立文件文号", "晋政函〔2019〕12号"),
    "zone_level": ("开发区级别", "☑省级 ☐国家级"),
    "approval_date": ("批准时间", "2006.03"),
    "approved_area_ha": ("核准面积（公顷）", "1250.5"),
    "leading_industries": ("主导产业", "装备制造、新材料"),
    "management_body": ("管理机构名称", "山西示范经济开发区管理委员会"),
    "in_demo_county": ("是否位于小微企业创业创新基地示范县", "☐是 ☑否"),
    "carrier_name": ("特色载体名称", "示范装备制造融通创新特色载体"),
    "carrier_type": ("载体类型", "大中小企业融通型"),
    "key_industries": ("聚焦区域重点产业", "高端装备制造"),
    "lead_enterprises": ("主导龙头企业", "示范重工集团有限公司、示范新材料股份有限公司"),
    "operator": ("建设运营主体", "示范创新创业服务有限公司"),
    "operator_credit_code": ("运营主体统一社会信用代码", "91140100MA0GRXQ12B"),
    "carrier_area_m2": ("载体面积（平方米）", "52000"),
    "enterprises_total": ("入驻企业数（家）", "120"),
    "sme_count": ("其中：中小企业数（家）", "108"),
    "employees": ("从业人员数（人）", "3500"),
    "service_platforms": ("公共技术服务平台数（个）", "6"),
    "mentors": ("创业导师数（人）", "25"),
    "capital_partners": ("合作资本服务机构数（个）", "8"),
    "subsidy_requested": ("申请省级奖补资金（万元）", "500"),
    "local_funds": ("地方配套资金（万元）", "300"),
    "other_funds": ("其他资金（万元）", "200"),
    "period_start": ("实施期（起）", "2020年1月"),
    "period_end": ("实施期（止）", "2021年12月"),
    "contact_name": ("联系人", "赵  刚"),
    "contact_title": ("职务", "副主任"),
    "contact_phone": ("联系电话", "138 0000 0000"),
    "contact_email": ("电子邮箱", "kfq@example.cn"),
    "city_contact_name": ("市级主管部门联系人", "钱敏"),
    "city_contact_phone": ("市级主管部门联系电话", "0351-1234567"),
    "zone_opinion": ("开发区意见", "同意申报。"),
    "city_opinion": ("市级中小企业主管部门推荐意见", "同意推荐。"),
    "fill_date": ("填报日期", "2020年3月20日"),
}

EXPECTED: dict[str, object] = {
    "city": "太原市",
    "county": "小店区",
    "zone_name": "山西示范经济开发区",
    "zone_code": "S141234",
    "approval_doc": "晋政函〔2019〕12号",
    "zone_level": "省级",
    "approval_date": "2006-03",
    "approved_area_ha": 1250.5,
    "leading_industries": ["装备制造", "新材料"],
    "management_body": "山西示范经济开发区管理委员会",
    "in_demo_county": False,
    "carrier_name": "示范装备制造融通创新特色载体",
    "carrier_type": "大中小企业融通型",
    "key_industries": ["高端装备制造"],
    "lead_enterprises": ["示范重工集团有限公司", "示范新材料股份有限公司"],
    "operator": "示范创新创业服务有限公司",
    "operator_credit_code": "91140100MA0GRXQ12B",
    "carrier_area_m2": 52000,
    "enterprises_total": 120,
    "sme_count": 108,
    "employees": 3500,
    "service_platforms": 6,
    "mentors": 25,
    "capital_partners": 8,
    "subsidy_requested": 500,
    "local_funds": 300,
    "other_funds": 200,
    "period_start": "2020-01",
    "period_end": "2021-12",
    "contact_name": "赵刚",
    "contact_title": "副主任",
    "contact_phone": "13800000000",
    "contact_email": "kfq@example.cn",
    "city_contact_name": "钱敏",
    "city_contact_phone": "0351-1234567",
    "zone_opinion": "同意申报。",
    "city_opinion": "同意推荐。",
    "fill_date": "2020-03-20",
}

SECTIONS: list[tuple[str, list[str]]] = [
    (
        "开发区基本情况",
        [
            "city",
            "county",
            "zone_name",
            "zone_code",
            "approval_doc",
            "zone_level",
            "approval_date",
            "approved_area_ha",
            "leading_industries",
            "management_body",
            "in_demo_county",
        ],
    ),
    (
        "特色载体基本情况",
        [
            "carrier_name",
            "carrier_type",
            "key_industries",
            "lead_enterprises",
            "operator",
            "operator_credit_code",
            "carrier_area_m2",
            "enterprises_total",
            "sme_count",
            "employees",
            "service_platforms",
            "mentors",
            "capital_partners",
        ],
    ),
    (
        "资金与实施期",
        ["subsidy_requested", "local_funds", "other_funds", "period_start", "period_end"],
    ),
    (
        "联系方式",
        [
            "contact_name",
            "contact_title",
            "contact_phone",
            "contact_email",
            "city_contact_name",
            "city_contact_phone",
        ],
    ),
    ("审核意见", ["zone_opinion", "city_opinion", "fill_date"]),
]

Layout = Callable[[], tuple[bytes, str, str]]


def _pairs(keys: list[str], labels: dict[str, tuple[str, str]] = OURS) -> list[tuple[str, str]]:
    return [labels[k] for k in keys]


@functools.cache
def ours_2col() -> tuple[bytes, str, str]:
    rows: list[list[object]] = []
    for section, keys in SECTIONS:
        rows.append([Span(section, 2)])
        rows.extend([label, value] for label, value in _pairs(keys))
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "table-2col"


@functools.cache
def ours_4col() -> tuple[bytes, str, str]:
    rows: list[list[object]] = [[Span(TITLE, 4)]]
    for section, keys in SECTIONS:
        rows.append([Span(section, 4)])
        pairs = _pairs(keys)
        if section == "审核意见":
            rows.extend([label, Span(value, 3)] for label, value in pairs)
            continue
        for i in range(0, len(pairs), 2):
            chunk = pairs[i : i + 2]
            row: list[object] = [x for pair in chunk for x in pair]
            if len(chunk) == 1:
                row = [chunk[0][0], Span(chunk[0][1], 3)]
            rows.append(row)
    return WordDoc().table(rows).bytes(), "docx", "table-4col"


@functools.cache
def inline_cells() -> tuple[bytes, str, str]:
    """Label and value in one cell: ``开发区名称：XXX``, two to a row."""
    keys = [k for _, ks in SECTIONS for k in ks]
    cells = [f"{OURS[k][0]}：{OURS[k][1]}" for k in keys]
    rows = [
        cells[i : i + 2] if i + 1 < len(cells) else [Span(cells[i], 2)]
        for i in range(0, len(cells), 2)
    ]
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "inline"


@functools.cache
def value_below() -> tuple[bytes, str, str]:
    """Labels across a row, their values in the row below."""
    keys = [k for _, ks in SECTIONS for k in ks]
    rows: list[list[object]] = []
    for i in range(0, len(keys), 3):
        chunk = keys[i : i + 3]
        rows.append([OURS[k][0] for k in chunk] + [""] * (3 - len(chunk)))
        rows.append([OURS[k][1] for k in chunk] + [""] * (3 - len(chunk)))
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "table-below"


@functools.cache
def grouped_contacts() -> tuple[bytes, str, str]:
    """联系人 and 市级主管部门 as vertically merged group labels with sub-labels."""
    rows: list[list[object]] = []
    for section, keys in SECTIONS:
        rows.append([Span(section, 3)])
        if section == "联系方式":
            rows += [
                ["联系人", "姓名", "赵  刚"],
                [UP, "职务", "副主任"],
                [UP, "联系电话", "138 0000 0000"],
                [UP, "电子邮箱", "kfq@example.cn"],
                ["市级主管部门", "联系人", "钱敏"],
                [UP, "联系电话", "0351-1234567"],
            ]
            continue
        rows.extend([Span(label, 2), value] for label, value in _pairs(keys))
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "table-2col"


@functools.cache
def paragraphs_outside() -> tuple[bytes, str, str]:
    """Contacts and the date as ``标签：值`` lines under the table."""
    inside = [
        k
        for _, ks in SECTIONS
        for k in ks
        if k not in ("contact_name", "contact_phone", "fill_date", "contact_email")
    ]
    rows = [[OURS[k][0], OURS[k][1]] for k in inside]
    doc = WordDoc().para(TITLE).para("填报单位：山西示范经济开发区管理委员会（盖章）").table(rows)
    doc.para("联系人：赵  刚      联系电话：138 0000 0000")
    doc.para("电子邮箱：kfq@example.cn")
    doc.para("填报日期：2020年3月20日")
    return doc.bytes(), "docx", "table-2col"


REWORDED: dict[str, tuple[str, str]] = {
    **OURS,
    "city": ("所属地市：", "太原市"),
    "county": ("所在县(市、区)", "小店区"),
    "zone_name": ("开发区名称（全称）", "山西示范经济开发区"),
    "approval_date": ("※批准时间", "2006年3月"),
    "approved_area_ha": ("*核准面积(公顷)", "１２５０.５"),
    "management_body": ("管理机构", "山西示范经济开发区管理委员会"),
    "in_demo_county": ("是否位于示范县", "☐是 ☑否"),
    "carrier_name": ("载体名称", "示范装备制造融通创新特色载体"),
    "operator": ("运营主体", "示范创新创业服务有限公司"),
    "operator_credit_code": ("运营主体信用代码", "91140100MA0GRXQ12B"),
    "carrier_area_m2": ("载体面积", "52000平方米"),
    "enterprises_total": ("入驻企业总数", "１２０家"),
    "employees": ("从业人员总数（人）", "3500"),
    "mentors": ("创业导师人数", "25人"),
    "subsidy_requested": ("申请省级奖补资金（元）", "5000000"),
    "local_funds": ("地方配套资金", "300万元"),
    "other_funds": ("其他资金", "0.02亿元"),
    "contact_name": ("联 系 人", "赵  刚"),
    "contact_phone": ("电话", "138 0000 0000"),
    "contact_email": ("邮箱", "kfq@example.cn"),
    "fill_date": ("填表日期：", "2020-03-20"),
}


@functools.cache
def reworded() -> tuple[bytes, str, str]:
    """Reworded labels, spaces/full-width/colons/※ in labels, units in cells."""
    rows: list[list[object]] = []
    for section, keys in SECTIONS:
        rows.append([Span("一、" + section if section == "开发区基本情况" else section, 2)])
        rows.extend([label, value] for label, value in _pairs(keys, REWORDED))
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "table-2col"


@functools.cache
def retyped_6col() -> tuple[bytes, str, str]:
    """An applicant's own table: six columns, title and note rows, extra rows of its own."""
    keys = [k for _, ks in SECTIONS for k in ks if k not in ("zone_opinion", "city_opinion")]
    pairs = _pairs(keys)
    rows: list[list[object]] = [
        [Span(TITLE, 6)],
        [Span("填报单位（盖章）：山西示范经济开发区管理委员会", 6)],
    ]
    rows.append(["单位地址", "太原市小店区示范路1号", "邮政编码", "030000", "传真", "0351-7654321"])
    for i in range(0, len(pairs), 3):
        chunk = pairs[i : i + 3]
        row: list[object] = [x for pair in chunk for x in pair]
        if len(chunk) < 3:
            row[-1] = Span(row[-1], 1 + 2 * (3 - len(chunk)))
        rows.append(row)
    rows.append(["开发区意见", Span("同意申报。", 5)])
    rows.append(["市级中小企业主管部门推荐意见", Span("同意推荐。", 5)])
    rows.append(["备注", Span("无", 5)])
    return WordDoc().table(rows).bytes(), "docx", "table-6col"


@functools.cache
def checkbox_cells() -> tuple[bytes, str, str]:
    """Choices as one checkbox per cell, values spanning two columns elsewhere."""
    rows: list[list[object]] = []
    for section, keys in SECTIONS:
        rows.append([Span(section, 3)])
        for label, value in _pairs(keys):
            if label == "开发区级别":
                rows.append([label, "☐国家级", "☑省级"])
            elif label.startswith("是否位于"):
                rows.append([label, "☐是", "☑否"])
            else:
                rows.append([label, Span(value, 2)])
    return WordDoc().para(TITLE).table(rows).bytes(), "docx", "table-2col"


@functools.cache
def hints_left() -> tuple[bytes, str, str]:
    """Hint text the blank form printed, left beside the typed values."""
    labels = dict(OURS)
    labels["city"] = ("所属市", "太原市（填写设区市全称）")
    labels["approval_date"] = ("批准时间", "2006.03")
    rows: list[list[object]] = [[Span(TITLE, 2)]]
    for section, keys in SECTIONS:
        rows.append([Span(section, 2)])
        rows.extend([label, value] for label, value in _pairs(keys, labels))
    rows.append(["备注", "（填写需要说明的其他情况）"])
    return WordDoc().table(rows).bytes(), "docx", "table-2col"


@functools.cache
def mixed() -> tuple[bytes, str, str]:
    """A bit of everything: 2-column rows, values below, inline cells, a paragraph."""
    first = SECTIONS[0][1] + SECTIONS[1][1]
    rows: list[list[object]] = [[OURS[k][0], Span(OURS[k][1], 2)] for k in first]
    funds = SECTIONS[2][1][:3]
    rows.append([OURS[k][0] for k in funds])
    rows.append([OURS[k][1] for k in funds])
    rows.append(
        [
            f"实施期（起）：{OURS['period_start'][1]}",
            Span(f"实施期（止）：{OURS['period_end'][1]}", 2),
        ]
    )
    contacts = [*SECTIONS[3][1], "zone_opinion", "city_opinion"]
    rows.extend([OURS[k][0], Span(OURS[k][1], 2)] for k in contacts)
    doc = WordDoc().para(TITLE).table(rows).para("填报日期：2020年3月20日")
    return doc.bytes(), "docx", "mixed"


@functools.cache
def excel_form() -> tuple[bytes, str, str]:
    """The form as an Excel sheet, with stored numbers and dates shown through formats."""
    typed: dict[str, object] = {
        "approval_date": Typed(dt.datetime(2006, 3, 1), "yyyy.mm"),
        "approved_area_ha": Typed(1250.5, "#,##0"),
        "carrier_area_m2": Typed(52000, "#,##0"),
        "enterprises_total": Typed(120, "0"),
        "sme_count": Typed(108, "0"),
        "employees": Typed(3500, "#,##0"),
        "subsidy_requested": Typed(500, "#,##0.00"),
        "local_funds": Typed(300, "#,##0.00"),
        "other_funds": Typed(200, "#,##0.00"),
        "fill_date": Typed(dt.datetime(2020, 3, 20), 'yyyy"年"m"月"d"日"'),
        "contact_phone": Typed(13800000000, "0"),
    }
    rows: list[list[object]] = [[Span(TITLE, 4)]]
    for section, keys in SECTIONS:
        rows.append([Span(section, 4)])
        for i in range(0, len(keys), 2):
            chunk = keys[i : i + 2]
            row: list[object] = []
            for k in chunk:
                row += [OURS[k][0], typed.get(k, OURS[k][1])]
            if len(chunk) == 1:
                row = [row[0], Span(row[1], 3)]
            rows.append(row)
    return Workbook().sheet("申报信息表", rows).bytes(), "xlsx", "xlsx-form"


@functools.cache
def section_bands() -> tuple[bytes, str, str]:
    """Section names in a band merged down the left side; labels carrying the blank form's
    hints; a prefixed group label (开发区联系人) over its sub-labels."""
    hinted = {
        "city": "所属市（填写设区市全称）",
        "approval_date": "批准时间（如2006.03）",
        "lead_enterprises": "主导龙头企业（多家用顿号分隔）",
    }
    rows: list[list[object]] = [[Span(TITLE, 5)]]
    for section, keys in SECTIONS:
        if section == "联系方式":
            rows += [
                [section, "开发区联系人", "姓名", Span("赵  刚", 2)],
                [UP, UP, "职务", Span("副主任", 2)],
                [UP, UP, "手机", Span("138 0000 0000", 2)],
                [UP, UP, "邮箱", Span("kfq@example.cn", 2)],
                [UP, "市级主管部门", "姓名", Span("钱敏", 2)],
                [UP, UP, "电话", Span("0351-1234567", 2)],
            ]
            continue
        pairs = [(hinted.get(k, OURS[k][0]), OURS[k][1]) for k in keys]
        chunked = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
        for n, chunk in enumerate(chunked):
            head: list[object] = [section if n == 0 else UP]
            if len(chunk) == 2:
                rows.append([*head, chunk[0][0], chunk[0][1], chunk[1][0], chunk[1][1]])
            else:
                rows.append([*head, chunk[0][0], Span(chunk[0][1], 3)])
    return WordDoc().table(rows).bytes(), "docx", "table-4col"


@functools.cache
def excel_below() -> tuple[bytes, str, str]:
    """An Excel sheet with labels across a row and values under them, and a
    ``填报单位：… 填报日期：…`` line in one merged cell at the foot."""
    keys = [k for _, ks in SECTIONS for k in ks if k != "fill_date"]
    rows: list[list[object]] = [[Span(TITLE, 4)]]
    for i in range(0, len(keys), 4):
        chunk = keys[i : i + 4]
        rows.append([OURS[k][0] for k in chunk] + [""] * (4 - len(chunk)))
        rows.append([OURS[k][1] for k in chunk] + [""] * (4 - len(chunk)))
    rows.append([Span("填报单位：山西示范经济开发区管理委员会    填报日期：2020年3月20日", 4)])
    return Workbook().sheet("Sheet1", rows).bytes(), "xlsx", "xlsx-form"


LAYOUTS: dict[str, Layout] = {
    "ours_2col": ours_2col,
    "ours_4col": ours_4col,
    "inline_cells": inline_cells,
    "value_below": value_below,
    "grouped_contacts": grouped_contacts,
    "paragraphs_outside": paragraphs_outside,
    "reworded": reworded,
    "retyped_6col": retyped_6col,
    "checkbox_cells": checkbox_cells,
    "hints_left": hints_left,
    "mixed": mixed,
    "excel_form": excel_form,
    "section_bands": section_bands,
    "excel_below": excel_below,
}
