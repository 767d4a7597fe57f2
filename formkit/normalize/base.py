"""What every normaliser shares: the ABSENT sentinel, the error, width folding, none-markers."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

KIND_LABELS: Final[dict[str, str]] = {
    "text": "文本",
    "longtext": "文本",
    "int": "整数",
    "number": "数值",
    "money": "金额",
    "month": "年月",
    "date": "日期",
    "bool": "是/否",
    "list": "列表",
    "phone": "电话号码",
    "email": "电子邮箱",
    "credit_code": "统一社会信用代码",
    "zone_code": "开发区代码",
    "docno": "发文字号",
    "choice": "选项",
    "target": "指标值",
    "period": "起止年月",
}


class _Absent:
    """The type of :data:`ABSENT`: the cell holds nothing, so the key is left out."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()


class NormalizeError(ValueError):
    """A value that cannot be read as its kind; ``kind_label`` names the kind in Chinese
    (it fills the ``bad-value`` message “无法识别为{kind}”)."""

    def __init__(self, kind: str, raw: object, detail: str = "") -> None:
        self.kind = kind
        self.kind_label = KIND_LABELS.get(kind, kind)
        self.raw = raw
        self.detail = detail
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"cannot read {raw!r} as {kind}{suffix}")


class UnitMismatch(NormalizeError):
    """A quantity carries a unit of another family than the field's (元 in a 家 field)."""


_NONE_WORDS: Final = frozenset(
    {
        "无",
        "没有",
        "空",
        "暂无",
        "n/a",
        "na",
        "none",
        "null",
        "nil",
        "不适用",
        "无此项",
        "略",
        "未填",
        "未填写",
        "尚无",
        "无数据",
        "不涉及",
    }
)
_NONE_PUNCT = re.compile(r"[\-—–―─－/／\\_＿.。·…~～、,，]+")
_WRAPPERS = "()（）[]【】"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}


def nfkc(text: str) -> str:
    """NFKC with invisible characters (zero-width spaces, BOM, soft hyphens) removed."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def fold_alnum(text: str) -> str:
    """Full-width ASCII letters and digits to half-width; everything else as typed."""
    return text.translate(_FULLWIDTH_ALNUM).translate(_INVISIBLE)


def squash(text: str) -> str:
    """The text without any whitespace (U+3000 and no-break spaces included)."""
    return "".join(text.split())


def is_none_marker(text: str) -> bool:
    """Whether a cell's text says “nothing here”: 无, /, —, 空, N/A, blank, ____ …"""
    core = squash(nfkc(text)).strip(_WRAPPERS).lower()
    return not core or core in _NONE_WORDS or _NONE_PUNCT.fullmatch(core) is not None
