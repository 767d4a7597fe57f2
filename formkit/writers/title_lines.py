"""Where a 公文 title breaks: between words, never inside one; its lines a 梯形 or 菱形.

GB/T 9704-2012 §7.3.3: a title that needs more than one line is broken by meaning (词意完整) and
its lines are arranged symmetrically, as a trapezoid or a diamond, never a rectangle or an
hourglass. Word and LibreOffice break wherever a line is full (融通/型, 合/规性), so the renderer
breaks the title itself with explicit line breaks at the places this module picks.

Words come from jieba with the programme's own terms added (``templates/title_words.txt``, one a
line, which a clerk may extend); names the data gives (a zone, a city) are kept whole too.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from formkit.model import resources
from formkit.model.resources import templates_dir
from formkit.writers.gongwen import SZ_TITLE, TEXT_W

__all__ = ["break_title", "line_width", "segmenter", "words"]

WORDS_FILE = "title_words.txt"
# Full-width characters of 2号 (22 pt, no character spacing) on a 156 mm line.
LINE_WIDTH = TEXT_W / (SZ_TITLE * 10)
MAX_LINES = 4  # bounds the search: at most C(words, 3) candidates
_NARROW = re.compile(r"[\x20-\x7e]")  # Latin letters and digits take half a character
_OPENING = "（《“‘〔【「"
_CLOSING = "）》”’〕】」，。、：；？！"
_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】", "「": "」"}
# a line neither ends nor starts with a bare linking word
_LINK = resources.words("writers", "link_words")


@functools.cache
def segmenter() -> object:
    """jieba's tokenizer with the programme's terms; loaded once a process (about a second)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    path = templates_dir() / WORDS_FILE
    for term in _terms(path):
        tokenizer.add_word(term)
    return tokenizer


def _terms(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def words(text: str) -> list[str]:
    """The words of ``text`` as the segmenter sees them."""
    tokenizer = segmenter()
    return list(tokenizer.cut(text))  # type: ignore[attr-defined]


def line_width(text: str) -> float:
    """Width in full-width characters: Latin letters and digits count half."""
    narrow = len(_NARROW.findall(text))
    return len(text) - narrow / 2


def _boundaries(text: str, keep: Iterable[str]) -> list[int]:
    """Offsets between words where a line may end; none inside a name in ``keep``."""
    cuts, at = [], 0
    for word in words(text):
        at += len(word)
        cuts.append(at)
    inside: set[int] = set()
    for name in keep:
        for match in re.finditer(re.escape(name), text):
            inside.update(range(match.start() + 1, match.end()))
    return [c for c in cuts[:-1] if c not in inside]


def _cost(text: str, lines: Sequence[str]) -> float:
    widths = [line_width(line) for line in lines]
    cost = max(widths) - min(widths)  # balanced lines
    if len(widths) == 2 and abs(widths[0] - widths[1]) < 1:
        cost += 7  # a rectangle, not a trapezoid
    if len(widths) >= 3:
        middle = widths[1:-1]
        hourglass = min(middle) < widths[0] and min(middle) < widths[-1]
        cost += 50 if hourglass else 0
    for line in lines:
        if line[0] in _CLOSING or line[-1] in _OPENING:
            cost += 100
        if line.startswith(_LINK) or line.endswith(_LINK):
            cost += 4
        if line_width(line) < 3:
            cost += 10
    depth = 0
    for line in lines[:-1]:
        for char in line:
            if char in _PAIRS:
                depth += 1
            elif char in _PAIRS.values():
                depth = max(0, depth - 1)
        cost += 6 if depth else 0  # broken inside （…） or 《…》
    return cost


def break_title(text: str, keep: Iterable[str] = (), width: float = LINE_WIDTH) -> list[str]:
    """``text`` as the lines of a title: one line when it fits, else the fewest lines that fit,
    broken between words, with the most symmetric shape."""
    total = line_width(text)
    if total <= width:
        return [text]
    if total > MAX_LINES * width:
        return [text]  # not a title: leave it to the word processor
    cuts = _boundaries(text, tuple(k for k in keep if k))
    for count in range(math.ceil(total / width), MAX_LINES + 1):
        best: tuple[float, list[str]] | None = None
        for chosen in itertools.combinations(cuts, count - 1):
            edges = (0, *chosen, len(text))
            lines = [text[a:b] for a, b in itertools.pairwise(edges)]
            if max(line_width(line) for line in lines) > width:
                continue
            cost = _cost(text, lines)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best:
            return best[1]
    return [text]  # no word boundary gives lines that fit: leave it to the word processor
