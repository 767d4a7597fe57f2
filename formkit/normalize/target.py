"""Indicator values: ``≥65%``, ``不低于30家``, ``>=30``, ``≤ 5``, ``30家以上``, ``达到100`` →
(direction, number in the indicator's own unit); qualitative targets (``完成``) keep their text.

Directions are ``≥``, ``≤``, ``=``, or ``None`` when the value names none. A strict ``>`` or
``<`` is read as ``≥`` / ``≤``: the programme's 指标性质 column knows only ≥ ≤ = 定性.
"""

from __future__ import annotations

import re
from typing import Final

from formkit.normalize.base import (
    ABSENT,
    NormalizeError,
    UnitMismatch,
    is_none_marker,
    nfkc,
    squash,
)
from formkit.normalize.quantity import parse_quantity, to_plain, typed_quantity
from formkit.normalize.text import clean_text

PLACES: Final = 6
_AT_LEAST = (
    ">=",
    "≥",
    "≧",
    ">",
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "最少",
    "达到",
    "达",
    "超过",
    "大于",
    "高于",
    "多于",
)
_AT_MOST = (
    "<=",
    "≤",
    "≦",
    "<",
    "不高于",
    "不超过",
    "不多于",
    "不大于",
    "最多",
    "低于",
    "少于",
    "小于",
    "控制在",
)
_EQUAL = ("==", "=", "等于")
_SOFT = ("力争", "争取", "预计", "计划", "确保", "约")
_PREFIXES: Final = sorted(
    [(w, "≥") for w in _AT_LEAST]
    + [(w, "≤") for w in _AT_MOST]
    + [(w, "=") for w in _EQUAL]
    + [(w, None) for w in _SOFT],
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_SUFFIX = re.compile(r"(及以上|以上|及以下|以下|以内|之内)$")
_SUFFIX_DIRECTION: Final = {
    "及以上": "≥",
    "以上": "≥",
    "及以下": "≤",
    "以下": "≤",
    "以内": "≤",
    "之内": "≤",
}


def parse_target(raw: object, unit: str | None) -> tuple[str | None, object]:
    """(direction, value): the value a number in ``unit`` or the qualitative text as typed.

    A none-marker (``/``, ``—``, ``无``) gives ``(None, ABSENT)``. A number whose unit belongs
    to another family than ``unit`` (``30万元`` for unit 家) raises :class:`NormalizeError`.
    """
    unit = unit or None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return None, to_plain(typed_quantity("target", raw), PLACES)
    if not isinstance(raw, str):
        raise NormalizeError("target", raw, "not an indicator value")
    if is_none_marker(raw):
        return None, ABSENT
    text = squash(nfkc(raw))
    direction, body = _direction(text)
    try:
        number = parse_quantity("target", body, unit)
    except UnitMismatch:
        raise
    except NormalizeError:
        return None, clean_text(raw)
    return direction, to_plain(number, PLACES)


def _direction(text: str) -> tuple[str | None, str]:
    direction: str | None = None
    changed = True
    while changed:
        changed = False
        for word, meaning in _PREFIXES:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
                direction = direction or meaning
                break
    tail = _SUFFIX.search(text)
    if tail:
        text = text[: tail.start()]
        direction = direction or _SUFFIX_DIRECTION[tail[1]]
    return direction, text


def normalize_target(raw: object, unit: str | None) -> object:
    """The value of kind ``target``: the number (or qualitative text) without its direction."""
    return parse_target(raw, unit)[1]
