"""Identifier formats of the programme: the unified social credit code (GB 32100-2015), the
development-zone code of the catalogue, official document numbers (GB/T 9704-2012), phones
and e-mail addresses.

Each check returns ``None`` when the value is good, or a short reason when it is not, so
validation can put the reason into a finding (for the credit code: a catalogue line and its
params, rendered in the output's language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict

from formkit.model.codes import text
from formkit.model.resources import text_map, word

# --- unified social credit code, GB 32100-2015 -------------------------------------------

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {ch: i for i, ch in enumerate(CREDIT_CHARSET)}


class CreditParams(TypedDict, total=False):
    """The params of a credit-code reason's line (each reason has one of them)."""

    length: int
    chars: str
    division: str
    expected: str


def credit_check_char(first17: str) -> str:
    """The 18th character for the first 17 (GB 32100-2015 §5: weights 3^i mod 31)."""
    total = sum(_CREDIT_VALUE[ch] * w for ch, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def credit_code_reason(code: str) -> tuple[str, CreditParams] | None:
    """Why ``code`` is not a valid unified social credit code, as a line of
    :data:`formkit.model.codes.REPORT_TEXTS` and its params, or ``None`` when it is valid.

    The reason names the failed part: length, characters, administrative division or the
    check digit (with the expected character, so a typo is easy to find).
    """
    code = code.strip().upper()
    if len(code) != 18:
        return "credit-length", {"length": len(code)}
    bad = sorted({ch for ch in code if ch not in _CREDIT_VALUE})
    if bad:
        return "credit-chars", {"chars": "".join(bad)}
    if not code[2:8].isdigit():
        return "credit-division", {"division": code[2:8]}
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        return "credit-check-digit", {"expected": expected}
    return None


def credit_code_problem(code: str) -> str | None:
    """:func:`credit_code_reason` in Chinese words, or ``None`` when the code is valid."""
    reason = credit_code_reason(code)
    return None if reason is None else text(reason[0], "zh", **reason[1])


# --- development-zone code ----------------------------------------------------------------

ZONE_CODE_RE = re.compile(r"^(?P<level>[GS])(?P<province>\d{2})(?P<serial>\d{4})$")
ZONE_LEVELS: dict[str, str] = text_map("identifiers", "zone_levels")


@dataclass(frozen=True)
class ZoneCode:
    """A catalogue code such as ``S149012``: level letter, 2-digit province, 4 digits."""

    level: str  # 国家级 / 省级
    province: str
    serial: str


def parse_zone_code(text: str) -> ZoneCode | None:
    m = ZONE_CODE_RE.match(text.strip().upper())
    if not m:
        return None
    return ZoneCode(ZONE_LEVELS[m["level"]], m["province"], m["serial"])


# --- document numbers (发文字号) -------------------------------------------------------------

_DOCNO_WORDS = text_map("identifiers", "docno")
_DI, _HAO = _DOCNO_WORDS["ordinal"], _DOCNO_WORDS["number"]  # 第, 号
DOCNO_RE = re.compile(rf"^(?P<prefix>\S+?)〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*){_HAO}$")
# Brackets people type instead of 〔〕: [] ［］ 【】 （） () ﹝﹞ 〈〉 <>.
_LOOSE_DOCNO_RE = re.compile(
    rf"^(?P<prefix>\S+?)[\[［【（(﹝〈<〔](?P<year>\d{{4}})[\]］】）)﹞〉>〕]{_DI}?(?P<seq>\d+){_HAO}$"
)


@dataclass(frozen=True)
class DocNo:
    """A parsed 发文字号. ``brackets_ok`` is False when the year was not in 〔〕;
    ``zero_or_di`` when the number had a leading zero or a 第. :meth:`__str__` gives the
    standard spelling."""

    prefix: str
    year: int
    seq: int
    brackets_ok: bool = True
    zero_or_di: bool = False

    @property
    def standard(self) -> bool:
        return self.brackets_ok and not self.zero_or_di

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.seq}{_HAO}"


def parse_docno(text: str) -> DocNo | None:
    """Read a document number such as ``晋企发〔2020〕95号``; ``None`` when it is not one."""
    text = re.sub(r"\s+", "", text)
    m = DOCNO_RE.match(text)
    if m:
        return DocNo(m["prefix"], int(m["year"]), int(m["seq"]))
    m = _LOOSE_DOCNO_RE.match(text)
    if not m or int(m["seq"]) == 0:
        return None
    brackets_ok = text[len(m["prefix"])] == "〔" and "〕" in text
    zero_or_di = m["seq"].startswith("0") or "〕" + _DI in text or _DI + m["seq"] in text
    return DocNo(m["prefix"], int(m["year"]), int(m["seq"]), brackets_ok, zero_or_di)


def format_docno(prefix: str, year: int, seq: int) -> str:
    return str(DocNo(prefix, year, seq))


# --- phones and e-mail ----------------------------------------------------------------------

_EXTENSION = rf"(?:(?:{word('identifiers', 'phone_extension')}|-|—|ext\.?|x)\d{{1,6}})?"
MOBILE_RE = re.compile(r"^(?:\+?86-?)?1\d{10}$")
LANDLINE_RE = re.compile(r"^(?:0\d{2,3}-?\d{7,8}|[(（]0\d{2,3}[)）]\d{7,8})" + _EXTENSION + "$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_SEPARATORS = re.compile(rf"[/、，,；;]|{word('identifiers', 'phone_or')}")


def is_phone(text: str) -> bool:
    """One mobile (``1`` + 10 digits) or landline (``0351-1234567``, optional extension)."""
    text = re.sub(r"\s+", "", text)
    return bool(MOBILE_RE.match(text) or LANDLINE_RE.match(text))


def phones_problem(cell: str) -> str | None:
    """A phone cell may hold several numbers separated by / 、 ， ；; each must be valid."""
    parts = [p for p in _PHONE_SEPARATORS.split(cell) if p.strip()]
    if not parts:
        return text("phone-none")
    bad = [p.strip() for p in parts if not is_phone(p)]
    return text("phone-unknown", numbers="、".join(bad)) if bad else None


def is_email(text: str) -> bool:
    return bool(EMAIL_RE.match(text.strip()))
