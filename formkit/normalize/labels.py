"""The canonical form of a printed label, so that ``※ 1. 联 系 人 ：``, ``联系人:`` and
``联系人（必填）`` all match ``联系人``.

Steps: circled numbers dropped, NFKC (full-width → half-width), all whitespace removed,
brackets unified to ``( )``, then — repeated until nothing changes, so the function is
idempotent — leading/trailing marks (※ * ★) and colons, leading numbering (``1.`` ``一、``
``(一)``) and trailing asides such as ``(全称)`` ``(盖章)`` ``(签字)`` ``(必填)`` removed.
ASCII is lower-cased.
"""

from __future__ import annotations

import re
from typing import Final

from formkit.model.resources import word, words
from formkit.normalize.base import nfkc

_OPEN: Final = "([【〔〖｛{〈［"
_CLOSE: Final = ")]】〕〗｝}〉］"
_BRACKETS: Final = str.maketrans({**dict.fromkeys(_OPEN, "("), **dict.fromkeys(_CLOSE, ")")})
_CIRCLED = re.compile(r"^[①-⑳❶-❿➀-➉⑴-⒇⒈-⒛]")
_MARKS = "※*★☆▲△◆◇■□●○#＊✱✳"
_CN = word("normalize", "numbering_digits")  # 一、 (一)
_NUMBERING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.、)](?!\d)|\d{1,2}(?:\.\d{1,2})+(?=[\u4e00-\u9fff])"
    rf"|\(\d{{1,2}}\)|[{_CN}]{{1,3}}[、.]|\([{_CN}]{{1,3}}\))"
)
_LEADING_MARKS = re.compile(rf"^[\s{re.escape(_MARKS)}]+")
_SPACED_NUMBERING = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.、)]|\(\d{1,2}\))\s+")
_ASIDES: Final = words("normalize", "label_asides")
_ASIDE = re.compile(r"\((?:" + "|".join(sorted(_ASIDES, key=len, reverse=True)) + r")\)$")
_EDGE_MARKS = re.compile(rf"^[{re.escape(_MARKS)}]+|[{re.escape(_MARKS)}]+$")
_COLONS = re.compile(r"^[:]+|[:]+$")
MAX_ROUNDS = 8


def normalize_label(text: str) -> str:
    """Canonical label text for matching (see the module docstring); idempotent."""
    current = text
    for _ in range(MAX_ROUNDS):
        following = _once(current)
        if following == current:
            break
        current = following
    return current


def _once(text: str) -> str:
    text = _CIRCLED.sub("", _LEADING_MARKS.sub("", text))  # before NFKC makes ⑤ a 5
    text = _LEADING_MARKS.sub("", nfkc(text).translate(_BRACKETS))
    spaced = _SPACED_NUMBERING.match(text)  # 1. 2019年值: the space tells numbering from number
    if spaced and spaced.end() < len(text):
        text = text[spaced.end() :]
    text = "".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _EDGE_MARKS.sub("", text)
        text = _COLONS.sub("", text)
        text = _ASIDE.sub("", text)
        stripped = _NUMBERING.sub("", text)
        text = stripped if stripped else text
    return "".join(c.lower() if c.isascii() else c for c in text)
