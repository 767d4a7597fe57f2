"""What a reader of a 公文 PDF checks with a ruler (GB/T 9704-2012), read with pdfplumber.

A PDF is read into printed lines (characters grouped by page and top, with their font size) and
horizontal rules. Each check returns its faults as ``{key: detail}``, empty when the layout is
right, so a test can name what is wrong and a test of the check can name which fault it found.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

MM = 72 / 25.4
# The type area (版心) of GB/T 9704 §5.2.2 on A4: 156 × 225 mm, 37 mm from the top, 28 mm from
# the left. The 版记's last rule lies on its lower edge (§7.5.1); its rules are as wide (§7.5.1).
TYPE_LEFT = 28 * MM
TYPE_RIGHT = (28 + 156) * MM
TYPE_BOTTOM = (37 + 225) * MM
TITLE_SIZE = 22.0  # 2号
SLACK = 1.5  # points: a rule's stroke and LibreOffice's rounding
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


def read(pdf: Path) -> Printed:
    lines: list[Line] = []
    rules: set[Rule] = set()
    with pdfplumber.open(pdf) as document:
        pages = len(document.pages)
        for number, page in enumerate(document.pages):
            lines += _lines(number, page.chars)
            for obj in [*page.lines, *page.rects]:
                if obj["bottom"] - obj["top"] < 2:
                    y = round((obj["top"] + obj["bottom"]) / 2, 1)
                    rules.add(Rule(number, y, round(obj["x0"], 1), round(obj["x1"], 1)))
    return Printed(pages, tuple(lines), tuple(sorted(rules, key=lambda r: (r.page, r.y))))


def _lines(page: int, chars: Iterable[dict]) -> list[Line]:
    rows: dict[int, list[dict]] = {}
    for char in chars:
        if char["text"].strip():
            rows.setdefault(round(char["top"]), []).append(char)
    out = []
    for top in sorted(rows):
        row = sorted(rows[top], key=lambda c: c["x0"])
        size = Counter(round(c["size"], 1) for c in row).most_common(1)[0][0]
        text = "".join(c["text"] for c in row)
        first, last = row[0], row[-1]
        out.append(Line(page, first["top"], first["bottom"], first["x0"], last["x1"], size, text))
    return out


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
        return {"missing": "no 抄送/印发 line"}
    faults: dict[str, str] = {}
    page = marks[-1].page
    if any(m.page != doc.pages - 1 for m in marks):
        faults["last-page"] = f"版记 on page {page + 1} of {doc.pages}"
    own = [m for m in marks if m.page == page]
    top, bottom = own[0].top - 16, own[-1].bottom + 16  # a row is 28 pt: its rules are closer
    rules = [r for r in doc.rules if r.page == page and top <= r.y <= bottom]
    if len(rules) < 2:
        return {**faults, "rules": f"{len(rules)} rule(s) around the 版记 lines"}
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
        faults["alone"] = f"nothing but the 版记 on page {page + 1}"
    return faults


def _is_imprint(line: Line) -> bool:
    return line.text.startswith("抄送") or line.text.endswith("印发")


# --- 署名 and 成文日期 -------------------------------------------------------------------------


def signature_faults(doc: Printed, signature: str, date: str) -> dict[str, str]:
    """The 署名 line (found by its text), the 成文日期 right under it on the same page, and body
    text above them there (above the 附件说明 too, which belongs to the closing)."""
    signs = [line for line in doc.lines if line.text == signature]
    dates = [line for line in doc.lines if line.text == date]
    if not signs or not dates:
        return {"missing": f"署名 {signature!r} or 成文日期 {date!r} not printed"}
    sign, dated = signs[-1], dates[-1]
    faults: dict[str, str] = {}
    if dated.page != sign.page or dated.top <= sign.top:
        faults["date"] = f"成文日期 on page {dated.page + 1}, 署名 on page {sign.page + 1}"
    page = [line for line in doc.lines if line.page == sign.page and line.bottom <= sign.top]
    note = [line for line in page if line.text.startswith("附件：")]
    limit = note[-1].top if note else sign.top
    body = [line for line in page if line.bottom <= limit and not is_page_number(line)]
    if not body:
        faults["alone"] = f"no body text above the 署名 on page {sign.page + 1}"
    return faults


# --- titles ----------------------------------------------------------------------------------


def titles(doc: Printed, size: float = TITLE_SIZE) -> list[list[Line]]:
    """The titles: runs of consecutive 2号 lines on one page, each line as printed."""
    found: list[list[Line]] = []
    for line in doc.lines:
        if abs(line.size - size) > 0.6:
            continue
        previous = found[-1][-1] if found else None
        if previous and previous.page == line.page and line.top - previous.top < 2 * size:
            found[-1].append(line)
        else:
            found.append([line])
    return found


def title_faults(doc: Printed, terms: Iterable[str]) -> dict[str, str]:
    """A title line that ends inside one of ``terms`` (融通/型)."""
    terms = [t for t in terms if len(t) > 1]
    faults: dict[str, str] = {}
    for title in titles(doc):
        for upper, lower in itertools.pairwise(title):
            joined, cut = upper.text + lower.text, len(upper.text)
            for term in terms:
                for match in re.finditer(re.escape(term), joined):
                    if match.start() < cut < match.end():
                        faults[term] = f"{upper.text} / {lower.text}"
    return faults


def title_shape_faults(doc: Printed) -> dict[str, str]:
    """Each title line centred on the type area, the lines a 梯形 or 菱形 (GB/T 9704 §7.3.3):
    two lines of one length are a rectangle, a middle line shorter than both ends an hourglass."""
    centre = (TYPE_LEFT + TYPE_RIGHT) / 2
    faults: dict[str, str] = {}
    for title in titles(doc):
        text = " / ".join(line.text for line in title)
        off = [round((line.x0 + line.x1) / 2 - centre, 1) for line in title]
        if any(abs(o) > 3 for o in off):
            faults["centre"] = f"{text}: centres off by {off} pt"
        widths = [line.x1 - line.x0 for line in title]
        if len(widths) == 2 and abs(widths[0] - widths[1]) < title[0].size / 2:
            faults["rectangle"] = text
        if len(widths) >= 3 and min(widths[1:-1]) < min(widths[0], widths[-1]):
            faults["hourglass"] = text
    return faults
