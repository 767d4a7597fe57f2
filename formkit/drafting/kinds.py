"""A drafted field's kind (``meta.kind``), unit and options, guessed from its label and
from what the blank form prints in its value place (``□是 □否``, ``年 月 日``, ``万元``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from formkit.extract.labels import bracket_unit, canon

_BOX = re.compile(r"[□☐☑■]\s*([^\s□☐☑■/、，,;；]+)")
_MONEY_UNITS = ("万元", "千元", "亿元", "元")
_COUNT_UNITS = frozenset({"人", "家", "个", "项", "件", "次", "名", "篇", "台", "套", "户"})
_AREA_UNITS = frozenset({"平方米", "亩", "公顷", "平方公里", "m2", "㎡"})
_COUNT_ENDS = ("人数", "家数", "个数", "项数", "件数", "次数", "数量", "数")
_MONEY_WORDS = (
    "资金",
    "金额",
    "投资",
    "收入",
    "利润",
    "税",
    "经费",
    "资本",
    "预算",
    "产值",
    "资产",
)
_LONG_ENDS = (
    "意见",
    "简介",
    "概况",
    "介绍",
    "摘要",
    "说明",
    "情况",
    "内容",
    "目标",
    "基础",
    "措施",
)
_TEXT_WORDS = (
    "名称",
    "单位",
    "姓名",
    "地址",
    "职务",
    "职称",
    "类型",
    "领域",
    "专业",
    "学历",
    "性别",
    "行业",
    "负责人",
    "代表人",
    "联系人",
    "银行",
    "账号",
    "网址",
    "名",
    "人",
)


@dataclass
class Guess:
    kind: str
    unit: str | None = None
    allowed: list[str] = field(default_factory=list)
    unsure: str | None = None  # a note code when the guess is weak


def options(value_text: str) -> list[str]:
    """``□国家级 □省级`` → ``[国家级, 省级]``."""
    return [m.group(1).strip() for m in _BOX.finditer(value_text)]


def guess(label: str, value_text: str, tall: bool = False) -> Guess:
    """The kind a label and its value place call for; ``unsure`` names what to review."""
    c = canon(label)
    unit = bracket_unit(label) or _unit_in(value_text)
    opts = options(value_text)
    if opts:
        if set(opts) <= {"是", "否", "有", "无"}:
            return Guess("bool")
        return Guess("choice", allowed=opts)
    for rule in (_coded, _dated, _amount):
        found = rule(c, unit, value_text)
        if found is not None:
            return found
    if c.startswith("是否"):
        return Guess("bool")
    if tall or c.endswith(_LONG_ENDS):
        return Guess("longtext")
    if any(w in c for w in _TEXT_WORDS):
        return Guess("text")
    return Guess("text", unsure="draft-kind-unsure")


def _unit_in(value_text: str) -> str | None:
    t = value_text.strip(" （()）")
    return t if t in (*_MONEY_UNITS, *_COUNT_UNITS, *_AREA_UNITS, "%", "％") else None


def _coded(c: str, unit: str | None, value_text: str) -> Guess | None:
    if "信用代码" in c:
        return Guess("credit_code")
    if "邮箱" in c or "e-mail" in c or "email" in c or "电子邮件" in c:
        return Guess("email")
    if any(w in c for w in ("电话", "手机", "传真", "联系方式")):
        return Guess("phone")
    if c.endswith("文号"):
        return Guess("docno")
    return None


def _dated(c: str, unit: str | None, value_text: str) -> Guess | None:
    placeholder = "".join(value_text.split())
    if "起止" in c:
        return Guess("text", unsure="draft-range-unsure")
    if "日期" in c or (placeholder.endswith("日") and "年" in placeholder):
        return Guess("date")
    if "年月" in c or placeholder in ("年月", "年 月"):
        return Guess("month")
    if c.endswith(("年度", "年份")):
        return Guess("int")
    if "时间" in c:
        return Guess("month", unsure="draft-time-unsure")
    return None


def _amount(c: str, unit: str | None, value_text: str) -> Guess | None:
    if unit in _MONEY_UNITS:
        return Guess("money", unit="万元" if unit == "万元" else unit)
    if unit in ("%", "％") or c.endswith("率") or c.endswith("比例"):
        return Guess("number", unit="%")
    if unit in _AREA_UNITS or "面积" in c:
        return Guess("number", unit=unit, unsure=None if unit else "draft-unit-unsure")
    if unit in _COUNT_UNITS or (c.endswith(_COUNT_ENDS) and not c.endswith("系数")):
        return Guess("int", unit=unit)
    if any(w in c for w in _MONEY_WORDS):
        return Guess("money", unit="万元", unsure="draft-money-unit")
    return None
