"""What a reader of a 公文 PDF checks with a ruler (GB/T 9704-2012), read with pdfplumber.

A PDF is read into printed lines (characters grouped by page and top, with their font size) and
horizontal rules. Each check returns its faults as ``{key: detail}``, empty when the layout is
right, so the renderer can act on a fault (:func:`formkit.writers.notice.render_many` moves the
last table rows onto the 版记's page when the 版记 stands alone) and a test can name it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from formkit.intake.pdf_errors import PARSE_ERRORS
from formkit.model.resources import text_map

__all__ = [
    "UNREADABLE",
    "Line",
    "Printed",
    "Rule",
    "imprint_faults",
    "is_page_number",
    "read",
    "signature_faults",
]

MM = 72 / 25.4
# The type area (版心) of GB/T 9704 §5.2.2 on A4: 156 × 225 mm, 37 mm from the top, 28 mm from
# the left. The 版记's last rule lies on its lower edge (§7.4.1); its rules are as wide.
TYPE_LEFT = 28 * MM
TYPE_RIGHT = (28 + 156) * MM
TYPE_BOTTOM = (37 + 225) * MM
SLACK = 1.5  # points: a rule's stroke and LibreOffice's rounding
# a PDF pdfminer / pdfplumber cannot read, or a file that cannot be opened
UNREADABLE: tuple[type[BaseException], ...] = (*PARSE_ERRORS, OSError)
_WORDS = text_map("writers", "print_check")
_PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


@dataclass(frozen=True)
class Line:
    """One printed line: its page, box, most common font size and text."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str


@dataclass(frozen=True)
class Rule:
    """A horizontal line (or a rectangle thin enough to be one)."""

    page: int
    y: float
    x0: float
    x1: float


@dataclass(frozen=True)
class Printed:
    pages: int
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...]


def read(pdf: Path, *, last_only: bool = False) -> Printed:
    """The printed lines and rules of ``pdf`` (``last_only``: of its last page, which is all
    the 版记 check needs, for a fraction of the time)."""
    lines: list[Line] = []
    rules: set[Rule] = set()
    with pdfplumber.open(pdf) as document:
        pages = len(document.pages)
        first = pages - 1 if last_only else 0
        for number in range(first, pages):
            page = document.pages[number]
            lines += _lines(number, page.chars)
            for obj in [*page.lines, *page.rects]:
                top, bottom = float(obj["top"]), float(obj["bottom"])
                if bottom - top < 2:
                    y = round((top + bottom) / 2, 1)
                    x0, x1 = round(float(obj["x0"]), 1), round(float(obj["x1"]), 1)
                    rules.add(Rule(number, y, x0, x1))
    return Printed(pages, tuple(lines), tuple(sorted(rules, key=lambda r: (r.page, r.y))))


def _lines(page: int, chars: Iterable[Mapping[str, object]]) -> list[Line]:
    rows: dict[int, list[_Char]] = {}
    for raw in chars:
        char = _Char.of(raw)
        if char.text.strip():
            rows.setdefault(round(char.top), []).append(char)
    out = []
    for top in sorted(rows):
        row = sorted(rows[top], key=lambda c: c.x0)
        size = Counter(round(c.size, 1) for c in row).most_common(1)[0][0]
        text = "".join(c.text for c in row)
        first, last = row[0], row[-1]
        out.append(Line(page, first.top, first.bottom, first.x0, last.x1, size, text))
    return out


@dataclass(frozen=True)
class _Char:
    """What a line needs of one of pdfplumber's character dicts."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float

    @classmethod
    def of(cls, char: Mapping[str, object]) -> _Char:
        def number(key: str) -> float:
            return float(str(char[key]))

        return cls(
            str(char["text"]),
            number("top"),
            number("bottom"),
            number("x0"),
            number("x1"),
            number("size"),
        )


def is_page_number(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text))


# --- 版记 ------------------------------------------------------------------------------------


def imprint_faults(doc: Printed) -> dict[str, str]:
    """The 版记 (抄送 and 印发 lines between rules) at the foot of the last page, under text.

    Its rules are the horizontal lines next to its own lines (a data table's borders higher up
    the page are not), so a notice's tables never count.
    """
    marks = [line for line in doc.lines if _is_imprint(line)]
    if not marks:
        return {"missing": "no cc/issued line"}
    faults: dict[str, str] = {}
    page = marks[-1].page
    if any(m.page != doc.pages - 1 for m in marks):
        faults["last-page"] = f"imprint on page {page + 1} of {doc.pages}"
    own = [m for m in marks if m.page == page]
    top, bottom = own[0].top - 16, own[-1].bottom + 16  # a row is 28 pt: its rules are closer
    rules = [r for r in doc.rules if r.page == page and top <= r.y <= bottom]
    if len(rules) < 2:
        return {**faults, "rules": f"{len(rules)} rule(s) around the imprint lines"}
    narrow = [r for r in rules if abs(r.x0 - TYPE_LEFT) > SLACK or abs(r.x1 - TYPE_RIGHT) > SLACK]
    if narrow:
        faults["width"] = (
            f"rules span {[(r.x0, r.x1) for r in narrow]}, "
            f"the type area {TYPE_LEFT:.1f}–{TYPE_RIGHT:.1f} pt"
        )
    last = max(r.y for r in rules)
    if abs(last - TYPE_BOTTOM) > 2:
        faults["foot"] = f"last rule at {last:.1f} pt, the type area ends at {TYPE_BOTTOM:.1f}"
    first = min(r.y for r in rules)
    above = [
        line
        for line in doc.lines
        if line.page == page and line.bottom < first and not is_page_number(line)
    ]
    if not above:
        faults["alone"] = f"nothing but the imprint on page {page + 1}"
    return faults


def _is_imprint(line: Line) -> bool:
    return line.text.startswith(_WORDS["cc"]) or line.text.endswith(_WORDS["issued"])


# --- 署名 and 成文日期 -------------------------------------------------------------------------


def signature_faults(doc: Printed, signature: str, date: str) -> dict[str, str]:
    """The 署名 line (found by its text), the 成文日期 right under it on the same page, and body
    text above them there (above the 附件说明 too, which belongs to the closing)."""
    signs = [line for line in doc.lines if line.text == signature]
    dates = [line for line in doc.lines if line.text == date]
    if not signs or not dates:
        return {"missing": f"signature {signature!r} or date {date!r} not printed"}
    sign, dated = signs[-1], dates[-1]
    faults: dict[str, str] = {}
    if dated.page != sign.page or dated.top <= sign.top:
        faults["date"] = f"date on page {dated.page + 1}, signature on page {sign.page + 1}"
    page = [line for line in doc.lines if line.page == sign.page and line.bottom <= sign.top]
    note = [line for line in page if line.text.startswith(_WORDS["attachment_note"])]
    limit = note[-1].top if note else sign.top
    body = [line for line in page if line.bottom <= limit and not is_page_number(line)]
    if not body:
        faults["alone"] = f"no body text above the signature on page {sign.page + 1}"
    return faults
