"""Label/value pairs of a filled form, in whatever layout the applicant chose.

A table is walked row by row, left to right. A cell is a label candidate only when it names
a field; the cell it claims as its value (to its right, or below it when its right-hand
neighbour is itself a label) is never read as a label again. Also understood: section rows
merged across the table, grouped labels (a merged ``联系人`` or ``市级主管部门`` with
sub-labels beside it), label and value in one cell (``开发区名称：XXX``), checkbox options
spread over several cells, and ``标签：值`` lines in paragraphs outside the tables.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from formkit.extract.labels import EXACT, LabelIndex, Match, matches_any
from formkit.extract.values import percent_points
from formkit.model.document import CHECKED, UNCHECKED, Cell, Location, Paragraph, Table
from formkit.spec import Field

RIGHT, BELOW, INLINE, PARAGRAPH = "right", "below", "inline", "paragraph"
_COLON = re.compile(r"[:：]")
_INLINE_VALUE = re.compile(r"[:：]\s*\S")
MAX_INLINE_LABEL = 40
_SEPARATORS = " \t\r\n\u3000；;，,。"
_VALUE_EDGES = " \t\r\n\u3000；;，,"
_GLYPHS = (CHECKED, UNCHECKED)


@dataclass
class Hit:
    """A field's label found somewhere, with the value that goes with it (maybe empty)."""

    field: Field
    label: str
    label_location: Location
    raw: str
    location: Location | None
    how: str
    typed: object = None
    labels_in_row: int = 1


@dataclass
class _Walk:
    """State of one table walk."""

    table: Table
    grid: list[list[Cell | None]]
    index: LabelIndex
    sections: Collection[str]
    consumed: set[int]
    groups: list[tuple[Cell, str]]
    # Group labels that are the first half of their rows' labels: 开发区 merged over
    # 名称 / 代码 / 级别 reads as 开发区名称, 开发区代码, 开发区级别.
    prefixes: list[tuple[Cell, str]] = field(default_factory=list)


def table_hits(
    table: Table, index: LabelIndex, sections: Collection[str], skip_rows: Collection[int] = ()
) -> list[Hit]:
    """Every label/value pair in one table (rows in ``skip_rows`` belong to another part)."""
    walk = _Walk(table, table.grid(), index, sections, set(), [])
    hits: list[Hit] = []
    for r, row in enumerate(table.rows()):
        if r in skip_rows:
            continue
        row_hits: list[Hit] = []
        below_first = _is_label_row(walk, row)
        for i, cell in enumerate(row):
            if id(cell) in walk.consumed or not cell.text.strip():
                continue
            nxt = row[i + 1] if i + 1 < len(row) else None
            row_hits.extend(_cell_hits(walk, cell, nxt, below_first))
        paired = sum(1 for h in row_hits if h.how == RIGHT)
        for h in row_hits:
            h.labels_in_row = paired
        hits.extend(row_hits)
    return hits


def _is_label_row(walk: _Walk, row: list[Cell]) -> bool:
    """A row of labels only (their values are in the row below)."""
    texts = [c.text for c in row if id(c) not in walk.consumed and c.text.strip()]
    if len(texts) < 2:
        return False
    index = walk.index
    return all(index.exact_match(t) is not None or index.group_of(t) is not None for t in texts)


def _cell_hits(walk: _Walk, cell: Cell, next_cell: Cell | None, below_first: bool) -> list[Hit]:
    text = cell.text.strip()
    if _is_section_row(walk, cell) or _opens_group(walk, cell, next_cell):
        return []
    if _opens_prefix(walk, cell, next_cell):
        return []
    group = _active_group(walk, cell)
    prefix = _active_prefix(walk, cell)
    match = walk.index.exact_match(prefix + text) if prefix else None
    if match is None:
        match = walk.index.in_group(group, text) if group else walk.index.exact_match(text)
    if match is None and _INLINE_VALUE.search(text):
        pairs = inline_hits(text, walk.index, cell.location, INLINE)
        if pairs:
            return pairs
    if match is None and group is None and not _INLINE_VALUE.search(text):
        match = walk.index.match(text)
    if match is None:
        return []
    value = _value_cell(walk, cell, group, below_first)
    if match.field is None:
        return []
    if value is None:
        return [Hit(match.field, text, cell.location, "", _sheet_cell_beside(cell), RIGHT)]
    value_cell, how = value
    raw, typed = _value_text(walk, value_cell)
    typed = percent_points(typed, value_cell.number_format, match.field.unit)
    if how == RIGHT and cell.rowspan > value_cell.rowspan:
        raw = "\n".join([raw, *_rows_beside(walk, cell, value_cell)])
    return [Hit(match.field, text, cell.location, raw, value_cell.location, how, typed)]


def _sheet_cell_beside(label: Cell) -> Location | None:
    """In a sheet the blank cell right of a label exists though nothing was read from it:
    the cell a clerk fills (a Word table's last column has nothing beside it)."""
    loc = label.location
    if loc.sheet is None or loc.row is None or loc.col is None:
        return None
    return Location(sheet=loc.sheet, row=loc.row, col=loc.col + label.colspan)


def _rows_beside(walk: _Walk, label: Cell, first: Cell) -> list[str]:
    """A label merged down several rows with one value per row (主导龙头企业 over two
    lines of companies): the values of the rows after the first."""
    texts: list[str] = []
    for r in range(first.end_row + 1, label.end_row + 1):
        cell = walk.grid[r][first.col]
        if cell is None or cell.row != r or id(cell) in walk.consumed:
            continue
        if _is_label(walk, cell, None):
            break
        walk.consumed.add(id(cell))
        if cell.text.strip():
            texts.append(cell.text.strip())
    return texts


def _opens_group(walk: _Walk, cell: Cell, next_cell: Cell | None) -> bool:
    """A group label (``联系人``, ``市级主管部门``) with one of its sub-labels beside it."""
    if next_cell is None or _active_group(walk, cell) is not None:
        return False
    name = walk.index.group_of(cell.text)
    if name is None or walk.index.sub_label(name, next_cell.text) is None:
        return False
    if cell.rowspan == 1 and not _value_follows(walk, next_cell):
        return False  # a row of labels (联系人 | 职务 | 联系电话), not a group
    walk.groups.append((cell, name))
    return True


def _opens_prefix(walk: _Walk, cell: Cell, next_cell: Cell | None) -> bool:
    """A label merged down several rows that, joined to the label beside it, names a field
    (``开发区`` + ``名称``): the first half of its rows' labels, never a label with a value."""
    if cell.rowspan < 2 or next_cell is None or next_cell.row != cell.row:
        return False
    if _active_prefix(walk, cell):
        return False
    joined = walk.index.exact_match(cell.text.strip() + next_cell.text.strip())
    if joined is None or joined.field is None:
        return False
    walk.prefixes.append((cell, cell.text.strip()))
    return True


def _active_prefix(walk: _Walk, cell: Cell) -> str:
    for prefix_cell, text in reversed(walk.prefixes):
        if prefix_cell.row <= cell.row <= prefix_cell.end_row and prefix_cell.end_col < cell.col:
            return text
    return ""


def _value_follows(walk: _Walk, label: Cell) -> bool:
    col = label.end_col + 1
    if col >= walk.table.n_cols:
        return False
    right = walk.grid[label.row][col]
    return right is not None and right is not label and not _is_label(walk, right, None)


def _is_section_row(walk: _Walk, cell: Cell) -> bool:
    """A section name is not a label where it heads a part of the table: in a cell spanning
    the whole width, or in a band merged down the side (``开发区基本情况`` over 11 rows)."""
    spans = cell.colspan >= walk.table.n_cols > 1 or cell.rowspan > 2
    return spans and matches_any(cell.text, walk.sections)


def _active_group(walk: _Walk, cell: Cell) -> str | None:
    for group_cell, name in reversed(walk.groups):
        if group_cell.row <= cell.row <= group_cell.end_row and group_cell.end_col < cell.col:
            return name
    return None


def _value_cell(
    walk: _Walk, label: Cell, group: str | None, below_first: bool
) -> tuple[Cell, str] | None:
    """The cell holding ``label``'s value: to its right, else below it (below first in a
    row of labels only)."""
    order = (_below, _right) if below_first else (_right, _below)
    for where in order:
        found = where(walk, label, group)
        if found is not None:
            walk.consumed.add(id(found[0]))
            return found
    return None


def _right(walk: _Walk, label: Cell, group: str | None) -> tuple[Cell, str] | None:
    col = label.end_col + 1
    if col >= walk.table.n_cols:
        return None
    right = walk.grid[label.row][col]
    if right is None or right is label or id(right) in walk.consumed:
        return None
    return None if _is_label(walk, right, group) else (right, RIGHT)


def _below(walk: _Walk, label: Cell, group: str | None) -> tuple[Cell, str] | None:
    row = label.end_row + 1
    if row >= walk.table.n_rows:
        return None
    below = walk.grid[row][label.col]
    if below is None or below.row != row or id(below) in walk.consumed:
        return None
    if _is_label(walk, below, group) or _is_section_row(walk, below):
        return None
    return below, BELOW


def _is_label(walk: _Walk, cell: Cell, group: str | None) -> bool:
    text = cell.text.strip()
    if not text:
        return False
    if group is not None:
        found = walk.index.in_group(group, text)
        return found is not None and found.strength == EXACT
    return walk.index.exact_match(text) is not None or walk.index.group_of(text) is not None


def _value_text(walk: _Walk, cell: Cell) -> tuple[str, object]:
    """A value cell's text; checkbox options continued in the cells to its right join it."""
    text = cell.text.strip()
    if not any(g in text for g in _GLYPHS):
        return text, cell.value
    parts = [text]
    col = cell.end_col + 1
    while col < walk.table.n_cols:
        nxt = walk.grid[cell.row][col]
        if nxt is None or nxt.row != cell.row or id(nxt) in walk.consumed:
            break
        if not nxt.text.strip().startswith(_GLYPHS):
            break
        parts.append(nxt.text.strip())
        walk.consumed.add(id(nxt))
        col = nxt.end_col + 1
    return " ".join(parts), cell.value


# -- label：value text --------------------------------------------------------------------


def inline_hits(text: str, index: LabelIndex, location: Location, how: str) -> list[Hit]:
    """``标签：值`` pairs inside one text (several per line allowed). In a table cell the
    text before the first colon may also be a reworded label (matched loosely)."""
    found = list(_inline_labels(text, index))
    if how == INLINE and (not found or found[0][1] > 0):
        first = _loose_first_label(text, index)
        if first is not None and (not found or first[2] < found[0][1]):
            found.insert(0, first)
    hits: list[Hit] = []
    for k, (match, start, colon) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(text)
        value = text[colon + 1 : end].strip(_VALUE_EDGES)
        assert match.field is not None
        hits.append(Hit(match.field, text[start:colon], location, value, location, how))
    return hits


def _inline_labels(text: str, index: LabelIndex) -> Iterator[tuple[Match, int, int]]:
    """(label match, label start, colon) for each ``标签：`` in ``text``; a label may hold
    spaces (``联 系 人：``), so the longest run before the colon that is a label wins."""
    floor = 0
    for colon in _COLON.finditer(text):
        p = colon.start()
        found = _label_before(text, max(floor, p - MAX_INLINE_LABEL), p, index)
        if found is not None:
            match, start = found
            yield match, start, p
            floor = p + 1


def _label_before(text: str, floor: int, end: int, index: LabelIndex) -> tuple[Match, int] | None:
    for start in range(floor, end):
        if start > floor and not _boundary(text, start):
            continue
        found = index.exact_match(text[start:end])
        if found is not None and found.field is not None:
            return found, start
    return None


def _loose_first_label(text: str, index: LabelIndex) -> tuple[Match, int, int] | None:
    colon = _COLON.search(text)
    if colon is None or colon.start() == 0:
        return None
    found = index.match(text[: colon.start()])
    if found is None or found.field is None:
        return None
    return found, 0, colon.start()


def _boundary(text: str, start: int) -> bool:
    """Could a label start here? After a separator, or anywhere inside CJK text."""
    return text[start - 1] in _SEPARATORS or not text[start].isascii()


def paragraph_hits(paragraphs: list[Paragraph], index: LabelIndex) -> list[Hit]:
    hits: list[Hit] = []
    for para in paragraphs:
        if _COLON.search(para.text):
            hits.extend(inline_hits(para.text, index, para.location, PARAGRAPH))
    return hits
