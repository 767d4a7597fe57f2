"""The plan (Document C): its required parts found by headings, its yearly goals and its
fund-use table.

A heading is a paragraph with a heading level, or one that starts with numbering
(第一章 / 第一部分 / 一、 / （一） / 1. / （1）) and reads like a title (short, no closing
full stop), or a short line that names a part outright. A part's text is everything after its
heading until the next heading of the same or a higher level (sub-headings and tables
included). Each part takes its highest-level matching heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from formkit.extract import prose
from formkit.extract.indicators import find_header, read_rows
from formkit.extract.labels import LabelIndex, canon, index_for
from formkit.model.document import Document, Location, Paragraph, Table
from formkit.model.record import Record, Value
from formkit.model.resources import text_map, word, words
from formkit.spec import FormSpec

_CH: dict[str, str] = text_map("extract", "chapter")
_CHAPTER = rf"{_CH['ordinal']}[{_CH['digits']}\d]+[{_CH['units']}][{_CH['part']}]?"
_CN = word("normalize", "numbering_digits")
_NUMBERING: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^\s*{_CHAPTER}\s*"), 1),
    (re.compile(rf"^\s*[{_CN}]+\s*[、.．]\s*"), 2),
    (re.compile(rf"^\s*[（(]\s*[{_CN}]+\s*[)）]\s*[、.．]?\s*"), 3),
    (re.compile(r"^\s*\d{1,2}\s*[.、．](?!\d)\s*"), 4),
    (re.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]\s*"), 5),
)
MAX_HEADING_CHARS = 40
PLAIN_HEADING_LEVEL = 2
_GUIDE_WORDS = words("extract", "guide_words")
_GUIDE_PREFIX = re.compile(r"^[^：:]{1,8}[：:]")
_BRACKETED_NOTE = re.compile(r"[（(【\[].*[)）】\]]")
_NOTE_WORDS = words("extract", "note_words")
_OTHER, _FUNDS = word("extract", "other_option"), word("extract", "fund_word")


@dataclass
class Heading:
    position: int  # index into the block list
    level: int
    title: str  # without its numbering
    location: Location


def is_plan(spec: FormSpec) -> bool:
    return bool(spec.parts)


def read_plan(doc: Document, spec: FormSpec, record: Record) -> None:
    """Fill ``record.sections`` (and goals / fund uses) from the plan's headings."""
    headings = list(find_headings(doc.blocks, index_for(spec, "parts", spec.parts)))
    parts = index_for(spec, "parts", spec.parts)
    chosen: dict[str, tuple[int, int, Heading]] = {}
    for h in headings:
        found = parts.match(h.title)
        if found is None or found.field is None:
            continue
        rank = (h.level, -found.strength)
        key = found.field.key
        if key not in chosen or rank < chosen[key][:2]:
            chosen[key] = (*rank, h)
    for key in (p.key for p in spec.parts):
        if key in chosen:
            h = chosen[key][2]
            text = section_text(doc.blocks, headings, h, guidance_of(spec))
            if not text:
                record.label_locations.setdefault(key, h.location)
                continue
            record.sections[key] = Value(text, text, h.location)
            record.label_locations.setdefault(key, h.location)
    _goals_from_headings(doc, spec, headings, record)
    _fund_uses(doc, spec, record)


def find_headings(blocks: list[Paragraph | Table], parts: LabelIndex) -> Iterator[Heading]:
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if not text:
            continue
        level, title = heading_level(block, parts)
        if level:
            yield Heading(i, level, title, block.location)


def heading_level(para: Paragraph, parts: LabelIndex) -> tuple[int, str]:
    """(level, title without numbering); level 0 when the paragraph is body text."""
    text = para.text.strip()
    title = text
    level = 0
    for pattern, rank in _NUMBERING:
        found = pattern.match(text)
        if found:
            title, level = text[found.end() :].strip(), rank
            break
    if para.level > 0:
        return para.level, title
    if level and _title_like(title):
        return level, title
    if not level and len(text) <= 20 and _title_like(text) and parts.exact_match(text):
        return PLAIN_HEADING_LEVEL, text
    return 0, text


def _title_like(title: str) -> bool:
    return 0 < len(title) <= MAX_HEADING_CHARS and not title.endswith(("。", "；", ";", "，"))


def section_text(
    blocks: list[Paragraph | Table],
    headings: list[Heading],
    start: Heading,
    hints: frozenset[str] = frozenset(),
) -> str:
    """The part's text, or "" when it has no content of its own.

    Guidance the blank outline printed (编写要点：…) is left out. Sub-headings
    (``（一）第一年目标``) and tables stay in the text, but a part made only of them — the
    blank outline's sub-headings, its fund-use table with the uses pre-printed and no
    amounts — has no content.
    """
    end = len(blocks)
    for h in headings:
        if h.position > start.position and h.level <= start.level:
            end = h.position
            break
    titles = {h.position for h in headings}
    lines: list[str] = []
    content = False
    for position in range(start.position + 1, end):
        block = blocks[position]
        if isinstance(block, Paragraph):
            if block.text.strip() and not is_guidance(block.text, hints):
                lines.append(block.text.strip())
                content = content or position not in titles
        else:
            lines.extend(_table_lines(block))
            content = content or _table_filled(block)
    return "\n".join(lines) if content else ""


def is_guidance(text: str, hints: frozenset[str]) -> bool:
    """``编写要点：<the part's hint>。`` (or the hint in brackets), or a bracketed note
    asking to delete the prompts."""
    squashed = "".join(text.split())
    if _BRACKETED_NOTE.fullmatch(squashed) and any(w in squashed for w in _NOTE_WORDS):
        return True
    body = _GUIDE_PREFIX.sub("", squashed).rstrip("。.；;")
    if _BRACKETED_NOTE.fullmatch(body):
        body = body[1:-1].rstrip("。.；;")
    return body in hints or squashed.startswith(_GUIDE_WORDS)


def _table_filled(table: Table) -> bool:
    """Does a table hold more than its title, its header row and a pre-printed first column
    (the blank outline's fund-use table)? A one-column table (a framed box of text) holds
    content whenever it has text; a lone row of several cells is read as filled."""
    rows = [[c for c in row if c.text.strip()] for row in table.rows()]
    if table.n_cols == 1:
        return any(rows)
    header = next((i for i, row in enumerate(rows) if len(row) > 1), None)
    if header is None:
        return any(row and row[0].col > 0 for row in rows)
    if header == len(rows) - 1:
        return True
    return any(len(row) > 1 or (row and row[0].col > 0) for row in rows[header + 1 :])


def guidance_of(spec: FormSpec) -> frozenset[str]:
    return frozenset("".join(p.hint.split()).rstrip("。.；;") for p in spec.parts if p.hint)


def _table_lines(table: Table) -> list[str]:
    return [
        " | ".join(c.text.strip() for c in row if c.text.strip())
        for row in table.rows()
        if any(c.text.strip() for c in row)
    ]


def _goals_from_headings(
    doc: Document, spec: FormSpec, headings: list[Heading], record: Record
) -> None:
    """``（二）第一年目标`` followed by paragraphs: the paragraphs are the goal."""
    fields = index_for(spec, "fields", spec.fields)
    for h in headings:
        found = fields.exact_match(h.title)
        if found is None or found.field is None or found.field.kind != "longtext":
            continue
        key = found.field.key
        text = section_text(doc.blocks, headings, h, guidance_of(spec))
        record.label_locations.setdefault(key, h.location)
        if text and key not in record.fields:
            record.fields[key] = Value(text, text, h.location)


def _fund_uses(doc: Document, spec: FormSpec, record: Record) -> None:
    if spec.table is None or not spec.columns:
        return
    index = index_for(spec, "columns", spec.columns)
    required = spec.columns[0].key
    for table in doc.all_tables():
        header = find_header(table, index, None, required=required, min_columns=2)
        if header is None:
            continue
        rows = read_rows(header, index)
        record.findings.extend(rows.findings)
        filled = [row for row in rows.rows if len(row) > 1]  # a use without an amount: blank
        if filled:
            value = [{k: v.value for k, v in row.items()} for row in filled]
            raw = "；".join(" ".join(v.raw for v in row.values()) for row in filled)
            record.fields[spec.table.key] = Value(raw, value, header.location)
            record.label_locations.setdefault(spec.table.key, header.location)
            return
    _fund_uses_in_text(spec, record)


def _fund_uses_in_text(spec: FormSpec, record: Record) -> None:
    """No fund-use table: the amounts written in the fund-use part's text."""
    assert spec.table is not None
    uses = [str(u) for u in spec.columns[0].allowed if u != _OTHER]
    for part in spec.parts:
        section = record.sections.get(part.key)
        if section is None or not any(_FUNDS in canon(label) for label in part.labels):
            continue
        found = prose.fund_uses(section.raw, section.location or Location(), uses)
        if found is not None:
            record.fields[spec.table.key] = found
            return
