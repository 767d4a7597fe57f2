"""Characters → lines → text, segments and paragraphs, for the PDF reader.

pdfplumber hands out characters with their boxes and fonts; this module puts them back
together the way a reader of the printed page would: a *line* is characters sharing a
baseline band, read left to right; a *segment* is a run of a line without a gap wider than
about one character (what a column of a borderless table holds); a *paragraph* is lines
that wrap into each other. Headings are told by numbering (一、 （一） 1. （1）) and by a
larger or bold font.

Chinese text has no spaces between words, so a space is only put between two non-CJK
characters that stand apart (``Total 12``), never next to a CJK character (LibreOffice's
automatic CJK/Latin spacing would otherwise turn ``2020年3月`` into ``2020 年 3 月``).

Checkbox glyphs of the Wingdings fonts (Word's 插入符号 boxes) come out of a PDF as
private-use characters or stray Latin-1 letters; :func:`checkbox_text` turns them into
☑ / ☐ as the model wants every checkbox.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from formkit.model.document import symbol_box, symbol_family
from formkit.model.resources import word, words

Char = dict[str, Any]

WORD_GAP = 0.2  # × font size: a gap this wide between Latin characters is a space
SEGMENT_GAP = 0.9  # × font size: a gap this wide splits a line into segments (columns)

_CN = word("normalize", "numbering_digits")  # 一、 （一）
_HEADING_NUMBERS = (
    (re.compile(rf"^[{_CN}]+[、．.]"), 1),
    (re.compile(rf"^[（(][{_CN}]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
)
_SENTENCE_END = ("。", "；", ";", "：", ":")
_BOLD_MARKS = words("readers", "bold_font_marks")


def is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, hangul and full-width forms and punctuation."""
    code = ord(ch[0]) if ch else 0
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x3000 <= code <= 0x303F
        or code >= 0x20000
    )


def checkbox_text(text: str, fontname: str) -> str:
    """A symbol font's checkbox glyph as ☑ / ☐ / ☒ / √; any other text unchanged."""
    family = symbol_family(fontname) if len(text) == 1 else ""
    if not family:
        return text
    return symbol_box(family, ord(text)) or text


def is_bold(fontname: str) -> bool:
    lowered = fontname.lower()
    return any(mark in lowered for mark in _BOLD_MARKS)


@dataclass
class Line:
    """One printed line: its characters (spaces dropped) left to right, and its box."""

    chars: list[Char]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def text(self) -> str:
        return join_chars(self.chars)

    @property
    def bold(self) -> bool:
        return sum(is_bold(c["fontname"]) for c in self.chars) * 2 > len(self.chars)

    def segments(self) -> list[Line]:
        """Split where the gap between characters exceeds about one character."""
        parts: list[list[Char]] = [[self.chars[0]]]
        for prev, char in zip(self.chars, self.chars[1:], strict=False):
            if char["x0"] - prev["x1"] > SEGMENT_GAP * max(prev["size"], char["size"]):
                parts.append([char])
            else:
                parts[-1].append(char)
        return [make_line(part) for part in parts]


def make_line(chars: list[Char]) -> Line:
    return Line(
        chars,
        min(c["x0"] for c in chars),
        max(c["x1"] for c in chars),
        min(c["top"] for c in chars),
        max(c["bottom"] for c in chars),
        max(c["size"] for c in chars),
    )


def join_chars(chars: Sequence[Char]) -> str:
    """Characters of one line as text.

    A gap of about a character or more becomes a space; a narrower gap only between two
    non-CJK characters (a word space in Latin text).
    """
    out: list[str] = []
    prev: Char | None = None
    for char in chars:
        text = char["text"]
        if prev is not None:
            gap = char["x0"] - prev["x1"]
            if gap > SEGMENT_GAP * char["size"] or (
                gap > WORD_GAP * char["size"]
                and not (is_wide(prev["text"][-1:]) or is_wide(text[:1]))
            ):
                out.append(" ")
        out.append(text)
        prev = char
    return "".join(out)


def group_lines(chars: Iterable[Char]) -> list[Line]:
    """Characters (any order) → lines, top to bottom; blank characters are dropped."""
    visible = sorted((c for c in chars if c["text"].strip()), key=lambda c: (c["top"], c["x0"]))
    groups: list[list[Char]] = []
    band_bottom = -1.0
    for char in visible:
        middle = (char["top"] + char["bottom"]) / 2
        if groups and middle < band_bottom:
            groups[-1].append(char)
            band_bottom = max(band_bottom, char["bottom"])
        else:
            groups.append([char])
            band_bottom = char["bottom"]
    lines = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        lines.append(make_line(group))
    return lines


def join_lines(lines: Sequence[Line], right_edge: float) -> str:
    """Lines of one cell or paragraph: wrapped lines run on, short lines end with a newline."""
    if not lines:
        return ""
    text = lines[0].text
    for prev, line in itertools.pairwise(lines):
        if not wrapped(prev, line, right_edge):
            text += "\n"
        elif " " in prev.text and not (is_wide(text[-1:]) or is_wide(line.text[:1])):
            text += " "  # a word wrap; a single word longer than the line broke anywhere
        text += line.text
    return text


def wrapped(prev: Line, line: Line, right_edge: float) -> bool:
    """True when ``line``'s first word would not have fitted at the end of ``prev``.

    That is what made the line break: a Latin word, or a CJK character with the closing
    punctuation that may not start a line (``米）``), did not fit before ``right_edge``.
    """
    return prev.x1 + first_unit_width(line) > right_edge


_NO_LINE_START = set("，。、；：？！）》」』】〕’”%％,.;:?!)]}")


def first_unit_width(line: Line) -> float:
    """Width of what cannot be split off the start of a line (a word or a CJK character)."""
    chars = line.chars
    first = chars[0]
    end = 1
    if is_wide(first["text"]):
        while end < len(chars) and chars[end]["text"] in _NO_LINE_START:
            end += 1
    else:
        while (
            end < len(chars)
            and not is_wide(chars[end]["text"])
            and (chars[end]["x0"] - chars[end - 1]["x1"] <= WORD_GAP * chars[end]["size"])
        ):
            end += 1
    return float(chars[end - 1]["x1"] - first["x0"])


# --- paragraphs ---------------------------------------------------------------------------


@dataclass
class TextBlock:
    """A paragraph found on a page: its lines, its text and heading level (0 = body)."""

    lines: list[Line]
    text: str
    level: int = 0

    @property
    def top(self) -> float:
        return self.lines[0].top


def body_size(lines: Iterable[Line]) -> float:
    """The most common font size, weighted by characters (the size of body text)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def paragraphs(lines: Sequence[Line], right_edge: float, body: float) -> list[TextBlock]:
    """Group one page's lines (outside tables, top to bottom) into paragraphs."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line, right_edge):
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks = [TextBlock(group, join_lines(group, right_edge)) for group in groups]
    for block in blocks:
        block.level = heading_level(block, body)
    return blocks


def _continues(prev: Line, line: Line, right_edge: float) -> bool:
    return (
        abs(prev.size - line.size) < 0.6
        and line.top - prev.bottom < 0.8 * line.size
        and wrapped(prev, line, right_edge)
        and numbering_level(line.text) == 0
    )


def numbering_level(text: str) -> int:
    for pattern, level in _HEADING_NUMBERS:
        if pattern.match(text):
            return level
    return 0


def heading_level(block: TextBlock, body: float) -> int:
    """1–4 for a heading, 0 for body text.

    A short paragraph that starts with 一、/（一）/1./（1） takes the level of its numbering;
    an unnumbered short paragraph set larger than body text or in a bold face is a level-1
    heading (a document title).
    """
    text = block.text.strip()
    if not text or len(block.lines) > 2 or len(text) > 40:
        return 0
    size = max(line.size for line in block.lines)
    emphasised = size >= body * 1.15 or all(line.bold for line in block.lines)
    level = numbering_level(text)
    if level and (emphasised or (len(block.lines) == 1 and not text.endswith(_SENTENCE_END))):
        return level
    if emphasised and not level and not text.endswith(_SENTENCE_END):
        return 1
    return 0
