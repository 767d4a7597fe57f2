"""Text-like values: plain and long text, lists, choices, phone numbers, e-mail addresses,
credit codes, zone codes and document numbers.

Plain text keeps Chinese punctuation as typed; only full-width ASCII letters and digits are
folded to half-width (Ｓ１４ → S14), the padding between CJK characters is removed
(赵  刚 → 赵刚) and other runs of whitespace become one space.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from formkit.model.resources import word, words
from formkit.normalize.base import ABSENT, fold_alnum, is_none_marker, nfkc, squash
from formkit.normalize.marks import checked_options, has_marks

CHECKED, UNCHECKED = "☑", "☐"  # what readers turn every checkbox into
_CJK = r"\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_LIST_SEP = re.compile(
    r"[、，,；;/／\n\r\t]"
    r"|\s*(?:[①-⑳]|[(（]\d{1,2}[)）]|(?<![\d.])\d{1,2}[、.．](?!\d))\s*"
)
_CN = word("normalize", "numbering_digits")  # 一、 （一）
_CN_NUMBERING = re.compile(rf"(?:^|(?<=[\s；;，,、/／]))[{_CN}]{{1,3}}、")
_ITEM_NUMBERING = re.compile(
    rf"^(?:[①-⑳]|[(（][\d{_CN}]{{1,3}}[)）]|\d{{1,2}}[、.．)）](?!\d)|[{_CN}]{{1,3}}、)"
)
_ITEM_TRAIL = re.compile(rf"(?:{'|'.join(words('normalize', 'list_trail'))})$")
_YES, _NO = word("normalize", "yes_text"), word("normalize", "no_text")
_DASHES: Final = dict.fromkeys(map(ord, "‐‑‒–—―−－"), ord("-"))
_YEAR_BRACKETS = re.compile(r"[\[【(（〔［﹝〖]\s*(\d{4})\s*[\]】)）〕］﹞〗]")


def clean_text(text: str) -> str:
    """One line of text as the form means it: folded alnum, CJK padding removed, trimmed."""
    folded = fold_alnum(text)
    return _SPACES.sub(" ", _CJK_GAP.sub("", folded)).strip()


def clean_longtext(text: str) -> str:
    """Paragraphs: line breaks kept (CR LF → LF), each line's end and the whole trimmed."""
    lines = fold_alnum(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def as_text(raw: object) -> str:
    """A spreadsheet's typed value as the text it shows (13800000000.0 → ``13800000000``)."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return _YES if raw else _NO
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime) and raw.time() == dt.time():
        return raw.date().isoformat()
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat(sep=" ") if isinstance(raw, dt.datetime) else raw.isoformat()
    if raw is None:
        return ""
    return str(raw)


def split_list(text: str) -> list[str]:
    """Items of a list typed in one cell: split on 、，,；;/ and line breaks and numbering
    (1. （1） ①), trimmed, none-markers and empties dropped, a final 等 dropped."""
    items: list[str] = []
    for piece in _LIST_SEP.split(_CN_NUMBERING.sub("\n", text)):
        item = clean_text(_ITEM_NUMBERING.sub("", piece.strip()))
        if item and not is_none_marker(item):
            items.append(item)
    if items:
        last = _ITEM_TRAIL.sub("", items[-1]).strip()
        if last:
            items[-1] = last
        else:
            items.pop()
    return items


def normalize_text(raw: object) -> object:
    """One clean line; a cell of checkboxes (☑大中小企业融通型 ☐…) gives the ticked text."""
    text = as_text(raw)
    if CHECKED in text and UNCHECKED in text:
        chosen = checked_options(text)
        if chosen:
            return "、".join(clean_text(c) for c in chosen)
    return clean_text(text) or ABSENT


def normalize_list(raw: object) -> object:
    items = split_list(as_text(raw))
    return items or ABSENT


def normalize_choice(raw: object) -> object:
    """The chosen option: the text, or the ticked label(s) when the cell has checkboxes."""
    text = as_text(raw)
    if has_marks(text):
        chosen = checked_options(text)
        return "、".join(clean_text(c) for c in chosen) if chosen else ABSENT
    return clean_text(text) or ABSENT


def normalize_phone(raw: object) -> str:
    """As typed minus spaces; full-width digits and dashes made ASCII (0351－1234567)."""
    return squash(nfkc(as_text(raw)).translate(_DASHES))


def normalize_email(raw: object) -> str:
    return squash(nfkc(as_text(raw))).removeprefix("mailto:").lower()


def normalize_credit_code(raw: object) -> str:
    return squash(nfkc(as_text(raw)).translate(_DASHES)).replace("-", "").upper()


def normalize_zone_code(raw: object) -> str:
    return squash(nfkc(as_text(raw))).upper()


def normalize_docno(raw: object) -> str:
    """A document number with its year in 〔〕 whatever brackets were typed (晋政函[2019]12号
    → 晋政函〔2019〕12号); the validator flags the wrong brackets from the raw text."""
    text = squash(fold_alnum(as_text(raw)))
    return _YEAR_BRACKETS.sub(r"〔\1〕", text)
