"""What a reader of a 公文 PDF checks with a ruler (GB/T 9704-2012), read with pdfplumber.

The reading and the 版记 and 署名 checks are the library's (:mod:`formkit.writers.print_check`,
which the renderer runs on every PDF it writes); the title checks, which only tests need, are here.
Each check returns its faults as ``{key: detail}``, empty when the layout is right.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from formkit.writers.print_check import (
    MM,
    TYPE_LEFT,
    TYPE_RIGHT,
    Line,
    Printed,
    imprint_faults,
    is_page_number,
    read,
    signature_faults,
)

__all__ = [
    "MM",
    "TYPE_LEFT",
    "TYPE_RIGHT",
    "Line",
    "Printed",
    "imprint_faults",
    "is_page_number",
    "read",
    "signature_faults",
    "title_faults",
    "title_shape_faults",
    "titles",
]

TITLE_SIZE = 22.0  # 2号


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
