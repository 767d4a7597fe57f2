"""A seeded corpus of Form A files, each mixing label spellings, value spellings and layouts
the way applicants do, to measure the extractor over many combinations at once."""

from __future__ import annotations

import functools
import random

from .builders import UP, Span, WordDoc, Workbook
from .corpus_application import EXPECTED, OURS, SECTIONS, TITLE

# key → ways applicants type the same value
VALUES: dict[str, list[str]] = {
    "approval_date": ["2006.03", "2006年3月", "2006-03", "2006.3", "2006/03"],
    "approved_area_ha": ["1250.5", "1,250.5", "１２５０.５", "1250.5公顷"],
    "carrier_area_m2": ["52000", "52,000", "5.2万平方米", "52000平方米"],
    "enterprises_total": ["120", "１２０", "120家", "一百二十"],
    "sme_count": ["108", "108家", "１０８"],
    "employees": ["3500", "3,500", "3500人", "0.35万人"],
    "mentors": ["25", "25人", "二十五"],
    "subsidy_requested": ["500", "500万元", "500.00", "0.05亿元", "5,000,000元"],
    "local_funds": ["300", "300万元", "叁佰万元"],
    "other_funds": ["200", "200万元", "200.0"],
    "period_start": ["2020年1月", "2020.01", "2020-01", "2020年01月"],
    "period_end": ["2021年12月", "2021.12", "2021-12"],
    "contact_name": ["赵  刚", "赵刚", "赵 刚"],
    "contact_phone": ["138 0000 0000", "13800000000", "１３８００００００００"],
    "in_demo_county": ["☐是 ☑否", "否", "□是 ■否", "是□ 否☑"],
    "zone_level": ["☑省级 ☐国家级", "省级", "☐国家级 ☑省级"],
    "fill_date": ["2020年3月20日", "2020.3.20", "2020-03-20", "2020/3/20"],
    "leading_industries": ["装备制造、新材料", "装备制造，新材料", "装备制造;新材料"],
}

# key → label rewordings beyond the spec's aliases (what people print)
REWORDINGS: dict[str, list[str]] = {
    "city": ["所属地市", "所在市"],
    "zone_name": ["开发区名称（全称）", "开发区全称"],
    "management_body": ["管理机构", "管委会名称"],
    "carrier_name": ["载体名称", "特色载体名称（全称）"],
    "operator": ["运营主体", "建设运营单位"],
    "contact_phone": ["电话", "联系电话"],
    "contact_email": ["邮箱", "E-mail"],
    "fill_date": ["填表日期", "填报日期"],
    "employees": ["从业人员总数（人）", "从业人数"],
    "mentors": ["创业导师人数", "创业导师数"],
    "enterprises_total": ["入驻企业总数", "入驻企业数"],
}


def _spell_label(rng: random.Random, key: str) -> str:
    label = OURS[key][0]
    if key in REWORDINGS and rng.random() < 0.5:
        label = rng.choice(REWORDINGS[key])
    style = rng.randrange(6)
    if style == 0:
        label = " ".join(label)  # 联 系 人
    elif style == 1:
        label = label.replace("（", "(").replace("）", ")")
    elif style == 2:
        label += "："
    elif style == 3:
        label = "※" + label
    elif style == 4:
        label = "*" + label + ":"
    return label


def _spell_value(rng: random.Random, key: str) -> str:
    return rng.choice(VALUES[key]) if key in VALUES else OURS[key][1]


def _pairs(rng: random.Random, keys: list[str]) -> list[tuple[str, str]]:
    return [(_spell_label(rng, k), _spell_value(rng, k)) for k in keys]


def _contacts(rng: random.Random, width: int) -> list[list[object]]:
    name, phone = _spell_value(rng, "contact_name"), _spell_value(rng, "contact_phone")
    value_span = max(1, width - 2)
    rows: list[list[object]] = [
        ["联系人", "姓名", Span(name, value_span)],
        [UP, "职务", Span("副主任", value_span)],
        [UP, "联系电话", Span(phone, value_span)],
        [UP, "电子邮箱", Span("kfq@example.cn", value_span)],
        ["市级主管部门", "联系人", Span("钱敏", value_span)],
        [UP, "联系电话", Span("0351-1234567", value_span)],
    ]
    return rows


def _table(rng: random.Random, per_row: int, grouped: bool) -> list[list[object]]:
    width = 2 * per_row
    rows: list[list[object]] = [[Span(TITLE, width)]]
    for section, keys in SECTIONS:
        rows.append([Span(section, width)])
        if grouped and section == "联系方式":
            rows += _contacts(rng, width)
            continue
        pairs = _pairs(rng, keys)
        for i in range(0, len(pairs), per_row):
            chunk = pairs[i : i + per_row]
            row: list[object] = [x for pair in chunk for x in pair]
            if len(chunk) < per_row:
                row[-1] = Span(row[-1], 1 + 2 * (per_row - len(chunk)))
            rows.append(row)
    return rows


def _inline_table(rng: random.Random) -> list[list[object]]:
    keys = [k for _, ks in SECTIONS for k in ks]
    cells = [f"{label.rstrip('：:')}：{value}" for label, value in _pairs(rng, keys)]
    return [
        cells[i : i + 2] if i + 1 < len(cells) else [Span(cells[i], 2)]
        for i in range(0, len(cells), 2)
    ]


@functools.cache
def document(seed: int) -> tuple[bytes, str]:
    rng = random.Random(seed)
    shape = rng.choice(["2col", "4col", "6col", "inline", "xlsx"])
    grouped = rng.random() < 0.5 and shape != "inline"
    if shape == "inline":
        rows = _inline_table(rng)
    else:
        rows = _table(rng, {"2col": 1, "4col": 2, "6col": 3, "xlsx": 2}[shape], grouped)
    if shape == "xlsx":
        return Workbook().sheet("申报表", rows).bytes(), "xlsx"
    return WordDoc().table(rows).bytes(), "docx"


SEEDS = range(30)
__all__ = ["EXPECTED", "SEEDS", "document"]


# -- Form B ------------------------------------------------------------------------------------

COLUMN_LABELS: dict[str, list[str]] = {
    "dimension": ["一级指标", "一级指标名称", "评价维度"],
    "indicator": ["二级指标", "指标名称", "具体指标"],
    "unit": ["单位", "计量单位"],
    "formula": ["计算口径", "指标说明", "计算方法"],
    "direction": ["指标性质", "指标方向"],
    "baseline": ["基期值", "基准值", "2019年值"],
    "target_y1": ["第一年目标值", "2020年目标值", "第一年度目标值"],
    "target_y2": ["第二年目标值", "2021年目标值", "第二年度目标值"],
    "frequency": ["报送频率", "报送周期"],
}


def _number(rng: random.Random, x: float, unit: str) -> str:
    text = f"{x:g}"
    return rng.choice([text, text + unit if unit != "万元/亩" else text])


@functools.cache
def targets_document(seed: int) -> tuple[bytes, str]:
    from .corpus_targets import HEADER, ROWS

    rng = random.Random(1000 + seed)
    keys = list(COLUMN_LABELS)
    if rng.random() < 0.7:
        rng.shuffle(keys)
    header = [rng.choice(COLUMN_LABELS[k]) for k in keys]
    merge_dims = rng.random() < 0.5
    rows: list[list[object]] = []
    previous = None
    for d, i, u, f, dr, b, y1, y2, fr in ROWS:
        values = {
            "dimension": d,
            "indicator": i,
            "unit": u,
            "formula": f,
            "direction": dr,
            "baseline": _number(rng, b, u),
            "target_y1": _number(rng, y1, u),
            "target_y2": _number(rng, y2, u),
            "frequency": fr,
        }
        row: list[object] = [values[k] for k in keys]
        if d == previous:
            row[keys.index("dimension")] = UP if merge_dims else ""
        previous = d
        rows.append(row)
    width = len(keys)
    titles: list[list[object]] = [
        [Span(TITLE.replace("申报信息表", "绩效目标及评价指标表"), width)]
    ]
    if rng.random() < 0.5:
        titles.append([Span("填报单位：山西示范经济开发区管理委员会", width)])
    pairs = list(HEADER.values())
    info = [
        [a[0], Span(a[1], 3), b[0], Span(b[1], width - 5)]
        for a, b in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    table = [*titles, header, *rows]
    if rng.random() < 0.5:
        book = Workbook()
        if rng.random() < 0.5:
            return book.sheet("基本信息", info).sheet("指标", table).bytes(), "xlsx"
        return book.sheet("绩效目标表", [*info, *table]).bytes(), "xlsx"
    return WordDoc().table(info).table(table).bytes(), "docx"


TARGET_SEEDS = range(16)
