"""Paragraph styles of a .docx: display names and heading levels.

Part of :mod:`formkit.readers.docx`. A paragraph's heading level comes from its own outline
level, else from its style's (through the ``basedOn`` chain), else from a style named
``Heading N`` / ``标题 N``. Only the styles the body uses are read, and what was read is
kept per styles part (see :func:`read_styles`).
"""

from __future__ import annotations

import re
import threading
from typing import TypeAlias

from lxml import etree

from formkit.model.document import Paragraph
from formkit.model.resources import words
from formkit.readers.docx_text import PPR, VAL, find_child, w_tag
from formkit.readers.ooxml import Package

OUTLINE, NAME, BASED_ON = w_tag("outlineLvl"), w_tag("name"), w_tag("basedOn")
STYLE_ID, STYLE_TYPE = w_tag("styleId"), w_tag("type")

STYLE_CACHE_SIZE = 64
_STYLE_CACHE_LOCK = threading.Lock()
_HEADING_NAME = re.compile(
    rf"^(?:{'|'.join(words('readers', 'heading_style_names'))})\s*([1-9])$", re.IGNORECASE
)


class Styles:
    """Paragraph styles: id → display name and heading level (outline level, basedOn chain)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.own_levels: dict[str, int | None] = {}
        self.based_on: dict[str, str] = {}
        self.complete = False  # the whole styles part was read

    def covers(self, wanted: set[str]) -> bool:
        """True when every wanted style and its basedOn chain is known."""
        if self.complete:
            return True
        for style_id in wanted:
            current, seen = style_id, set()
            while current and current not in seen:
                if current not in self.names:
                    return False
                seen.add(current)
                current = self.based_on[current]
        return True

    def add(self, style: etree._Element) -> str:
        """Record one ``w:style``; returns the style it is based on ("" if none)."""
        style_id = style.get(STYLE_ID) or ""
        based = ""
        for child in style:
            if child.tag == NAME:
                self.names[style_id] = child.get(VAL) or style_id
            elif child.tag == BASED_ON:
                based = child.get(VAL) or ""
            elif child.tag == PPR:
                self.own_levels[style_id] = outline_level(child)
        self.names.setdefault(style_id, style_id)
        self.based_on[style_id] = based
        return based

    def level(self, style_id: str) -> int:
        """Heading level of a style: its (inherited) outline level, or a heading-like name."""
        seen: set[str] = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            own = self.own_levels.get(current)
            if own is not None:
                return own
            match = _HEADING_NAME.match(self.names.get(current, "").strip())
            if match:
                return int(match.group(1))
            current = self.based_on.get(current, "")
        return 0


# Styles read so far, by the styles part's fingerprint (CRC-32, size, compressed size).
StyleCache: TypeAlias = dict[tuple[int, int, int], Styles]


def read_styles(package: Package, main: str, wanted: set[str], cache: StyleCache) -> Styles:
    """The paragraph styles in ``wanted`` and their ancestors.

    styles.xml is streamed only as far as needed (Word writes paragraph styles first), and
    what was read is kept in ``cache`` per part checksum: forms made from one template share
    a styles part, and python-docx's template carries 350 KB of styles (≈ 4 ms to parse each
    time). The cache holds at most :data:`STYLE_CACHE_SIZE` parts.
    """
    part = next(
        (
            rel.target
            for rel in package.rels(main)
            if rel.is_type("styles") and not rel.external and package.has(rel.target)
        ),
        None,
    )
    if part is None:
        return Styles()
    key = package.fingerprint(part)
    cached = cache.get(key) if key is not None else None
    if cached is not None and cached.covers(wanted):
        return cached
    styles = _scan_styles(package, part, wanted)
    if key is not None:
        with _STYLE_CACHE_LOCK:
            while len(cache) >= STYLE_CACHE_SIZE:
                cache.pop(next(iter(cache)))
            cache[key] = styles
    return styles


def _scan_styles(package: Package, part: str, wanted: set[str]) -> Styles:
    styles = Styles()
    pending = set(wanted)
    for style in package.iter_elements(part, "style"):
        if style.get(STYLE_TYPE) != "paragraph":
            continue
        style_id = style.get(STYLE_ID) or ""
        based = styles.add(style)
        pending.discard(style_id)
        if based and based not in styles.names:
            pending.add(based)
        if not pending:
            return styles
    styles.complete = True
    return styles


def outline_level(ppr: etree._Element | None) -> int | None:
    """w:outlineLvl 0–8 → heading level 1–9; 9 (body text) → 0; absent → None."""
    el = find_child(ppr, OUTLINE) if ppr is not None else None
    if el is None:
        return None
    try:
        value = int(el.get(VAL) or "9")
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else 0


def apply_styles(styled: list[tuple[Paragraph, str]], styles: Styles) -> None:
    """Give each paragraph its style's name, and its style's level where its own is unset."""
    for paragraph, style_id in styled:
        paragraph.style = styles.names.get(style_id, style_id)
        if paragraph.level < 0:
            paragraph.level = styles.level(style_id)
