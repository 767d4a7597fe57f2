"""Form B (绩效目标及评价指标表) and the progress report in the layouts seen in practice."""

from __future__ import annotations

import functools
from collections.abc import Callable

from .builders import UP, Span, Typed, WordDoc, Workbook

TITLE = "省级大中小企业融通型创新创业特色载体绩效目标及评价指标表"

HEADER: dict[str, tuple[str, str]] = {
    "zone_name": ("开发区名称", "山西示范经济开发区"),
    "carrier_name": ("特色载体名称", "示范装备制造融通创新特色载体"),
    "period_start": ("实施期（起）", "2020年1月"),
    "period_end": ("实施期（止）", "2021年12月"),
    "subsidy": ("申请省级奖补资金（万元）", "500"),
    "local_funds": ("地方配套资金（万元）", "300"),
    "other_funds": ("其他资金（万元）", "200"),
    "overall_goal": ("总体目标", "建成服务装备制造产业链的融通创新载体"),
    "year1_goal": ("第一年目标", "完成公共技术服务平台建设"),
    "year2_goal": ("第二年目标", "形成龙头企业带动的配套协作体系"),
}
HEADER_EXPECTED: dict[str, object] = {
    "zone_name": "山西示范经济开发区",
    "carrier_name": "示范装备制造融通创新特色载体",
    "period_start": "2020-01",
    "period_end": "2021-12",
    "subsidy": 500,
    "local_funds": 300,
    "other_funds": 200,
    "overall_goal": "建成服务装备制造产业链的融通创新载体",
    "year1_goal": "完成公共技术服务平台建设",
    "year2_goal": "形成龙头企业带动的配套协作体系",
}

# dimension, indicator, unit, formula, direction, baseline, target_y1, target_y2, frequency
ROWS: list[tuple[str, str, str, str, str, float, float, float, str]] = [
    (
        "产业集聚度",
        "载体在主要服务行业领域入驻企业数占比",
        "%",
        "主要服务行业领域入驻企业数÷入驻企业总数",
        "≥",
        55,
        60,
        65,
        "年报",
    ),
    (
        "产业集聚度",
        "已达成合作的行业龙头企业数",
        "家",
        "已签订合作协议的龙头企业数",
        "≥",
        3,
        5,
        8,
        "季报",
    ),
    (
        "资源聚集力",
        "合作的资本服务机构数",
        "个",
        "签订服务协议的资本服务机构数",
        "≥",
        4,
        6,
        8,
        "季报",
    ),
    (
        "资源聚集力",
        "拥有或合作的专业公共技术服务平台数",
        "个",
        "自有及合作平台数",
        "≥",
        4,
        6,
        8,
        "季报",
    ),
    ("持续发展力", "创业导师数", "人", "聘任的创业导师人数", "≥", 20, 25, 30, "半年报"),
    ("产出与效益", "载体亩均收入", "万元/亩", "载体营业收入÷占地面积", "≥", 300, 350, 400, "年报"),
    ("改革创新力", "组织创新创业大赛和项目路演次数", "次", "年内组织次数", "≥", 4, 6, 8, "季报"),
    ("辐射带动力", "载体从业人员数", "万人", "年末从业人员", "≥", 0.3, 0.35, 0.4, "半年报"),
]
KEYS = (
    "dimension",
    "indicator",
    "unit",
    "formula",
    "direction",
    "baseline",
    "target_y1",
    "target_y2",
    "frequency",
)
EXPECTED_ROWS: list[dict[str, object]] = [dict(zip(KEYS, row, strict=True)) for row in ROWS]

Layout = Callable[[], tuple[bytes, str, str]]


def _num(x: float) -> str:
    return f"{x:g}"


def _header_rows(width: int) -> list[list[object]]:
    rows: list[list[object]] = []
    pairs = list(HEADER.values())
    for i in range(0, len(pairs), 2):
        a, b = pairs[i], pairs[i + 1]
        half = (width - 2) // 2
        rows.append([a[0], Span(a[1], half), b[0], Span(b[1], width - 2 - half)])
    return rows


def _grouped_dims(rows: list[list[object]], dim_col: int) -> list[list[object]]:
    """Replace repeated dimensions by a vertical merge (UP)."""
    out: list[list[object]] = []
    previous = None
    for row in rows:
        row = list(row)
        if row[dim_col] == previous:
            row[dim_col] = UP
        else:
            previous = row[dim_col]
        out.append(row)
    return out


@functools.cache
def xlsx_two_sheets() -> tuple[bytes, str, str]:
    """Header fields on one sheet; the indicators on a second sheet under a title, a note
    row and a two-level header (目标值 over 第一年 / 第二年); merged 一级指标; stored numbers."""
    info = [[Span(TITLE, 6)], *_header_rows(6)]
    table: list[list[object]] = [
        [Span(TITLE, 9)],
        [Span("填报单位：山西示范经济开发区管理委员会            金额单位：万元", 9)],
        [
            "一级指标",
            "二级指标",
            "单位",
            "计算口径",
            "指标性质",
            "基期值",
            Span("目标值", 2),
            "报送频率",
        ],
        [UP, UP, UP, UP, UP, UP, "第一年", "第二年", UP],
    ]
    body = [
        [d, i, u, f, dr, Typed(b), Typed(y1), Typed(y2), fr]
        for d, i, u, f, dr, b, y1, y2, fr in ROWS
    ]
    table += _grouped_dims(body, 0)
    table.append([Span("注：指标性质填 ≥、≤、= 或 定性。", 9)])
    book = Workbook().sheet("基本信息", info).sheet("绩效指标", table)
    return book.bytes(), "xlsx", "six-dimension"


@functools.cache
def docx_reordered() -> tuple[bytes, str, str]:
    """Columns in another order, single-level header with year columns, dimension left
    blank (not merged) under its group, the direction written into the target cells."""
    doc = WordDoc().para(TITLE).table(_header_rows(4)).para("二、绩效评价指标")
    header = [
        "二级指标",
        "一级指标",
        "2020年目标值",
        "2021年目标值",
        "计量单位",
        "基期值",
        "报送频率",
        "计算口径",
    ]
    rows: list[list[object]] = [header]
    previous = None
    for d, i, u, f, _dr, b, y1, y2, fr in ROWS:
        rows.append(
            [i, "" if d == previous else d, f"≥{_num(y1)}", f"≥{_num(y2)}", u, _num(b), fr, f]
        )
        previous = d
    doc.table(rows)
    return doc.bytes(), "docx", "six-dimension"


@functools.cache
def docx_year_children() -> tuple[bytes, str, str]:
    """A two-level header in Word: 目标值 over 2020年 / 2021年, merged 一级指标."""
    doc = WordDoc().para(TITLE).table(_header_rows(4))
    rows: list[list[object]] = [
        [
            "一级指标",
            "二级指标",
            "单位",
            "计算口径",
            "指标性质",
            "基期值",
            Span("目标值", 2),
            "报送频率",
        ],
        [UP, UP, UP, UP, UP, UP, "2020年", "2021年", UP],
    ]
    body = [
        [d, i, u, f, dr, _num(b), _num(y1), _num(y2), fr] for d, i, u, f, dr, b, y1, y2, fr in ROWS
    ]
    rows += _grouped_dims(body, 0)
    doc.table(rows)
    return doc.bytes(), "docx", "six-dimension"


FISCAL = [
    ("产出指标", "数量指标", "合作的资本服务机构数", "≥8个", 8, "个"),
    ("产出指标", "数量指标", "新增入驻中小企业数", "≥30家", 30, "家"),
    ("产出指标", "质量指标", "入驻企业数占比", "≥65%", 65, "%"),
    ("效益指标", "经济效益指标", "载体亩均收入", "≥350万元/亩", 350, "万元/亩"),
    ("满意度指标", "服务对象满意度指标", "入驻企业满意度", "≥90%", 90, "%"),
]
FISCAL_EXPECTED: list[dict[str, object]] = [
    {"dimension": d1, "indicator": ind, "target_y1": n, "direction": "≥", "unit": u}
    for d1, _d2, ind, _raw, n, u in FISCAL
]


@functools.cache
def xlsx_fiscal() -> tuple[bytes, str, str]:
    """The fiscal 产出/效益/满意度 layout with 指标值 like ``≥30家``."""
    rows: list[list[object]] = [
        [Span(TITLE, 4)],
        *_header_rows(4),
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    body = [[d1, d2, ind, raw] for d1, d2, ind, raw, _n, _u in FISCAL]
    body = _grouped_dims(body, 0)
    prev = None
    for row, src in zip(body, FISCAL, strict=True):
        key = (src[0], src[1])
        if key == prev:
            row[1] = UP
        prev = key
    rows += body
    return Workbook().sheet("绩效目标表", rows).bytes(), "xlsx", "fiscal"


TARGET_LAYOUTS: dict[str, Layout] = {
    "xlsx_two_sheets": xlsx_two_sheets,
    "docx_reordered": docx_reordered,
    "docx_year_children": docx_year_children,
}

# -- progress report --------------------------------------------------------------------------

PROGRESS_TITLE = "省级大中小企业融通型创新创业特色载体进展情况报送表"
PROGRESS_FIELDS: dict[str, object] = {
    "zone_name": "山西示范经济开发区",
    "period": "一季度",
    "report_year": 2020,
    "budget": 500,
    "spent": 125,
    "execution_rate": 25,
    "fill_date": "2020-04-10",
}
PROGRESS_ROWS: list[dict[str, object]] = [
    {
        "dimension": "资源聚集力",
        "indicator": "合作的资本服务机构数",
        "unit": "个",
        "target_year": 6,
        "value_end": 5,
        "increase": 1,
    },
    {
        "dimension": "资源聚集力",
        "indicator": "拥有或合作的专业公共技术服务平台数",
        "unit": "个",
        "target_year": 6,
        "value_end": 4,
        "increase": 2,
    },
    {
        "dimension": "改革创新力",
        "indicator": "组织创新创业大赛和项目路演次数",
        "unit": "次",
        "target_year": 6,
        "value_end": 2,
        "increase": 2,
    },
]


@functools.cache
def xlsx_progress() -> tuple[bytes, str, str]:
    rows: list[list[object]] = [
        [Span(PROGRESS_TITLE, 6)],
        ["开发区名称", Span("山西示范经济开发区", 2), "报送年度", Span(Typed(2020), 2)],
        ["报送时间段", Span("☑一季度 ☐二季度 ☐三季度 ☐四季度", 5)],
        ["预算数（万元）", Typed(500.0), "执行数（万元）", Typed(125.0), "执行率", Typed(25)],
        ["一级指标", "二级指标", "单位", "年度目标值", "报送期末值", "比上季度增加值"],
    ]
    body = [
        [
            r["dimension"],
            r["indicator"],
            r["unit"],
            Typed(r["target_year"]),
            Typed(r["value_end"]),
            Typed(r["increase"]),
        ]
        for r in PROGRESS_ROWS
    ]
    rows += _grouped_dims(body, 0)
    rows.append(["填报日期", Span("2020-04-10", 5)])
    return Workbook().sheet("进展情况", rows).bytes(), "xlsx", "six-dimension"
