"""What every normaliser shares: the ABSENT sentinel, the error, width folding, none-markers."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from formkit.model.resources import text_map, words

KIND_LABELS: Final[dict[str, str]] = text_map("normalize", "kind_labels")


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


_NONE_WORDS: Final = frozenset(words("normalize", "none_words"))
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
