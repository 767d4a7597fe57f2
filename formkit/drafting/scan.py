"""Where a blank form prints its labels: a :class:`Document` → :class:`Scan`.

Readers know formats, so this sees every blank form alike — a Word table, a sheet's used
range, paragraphs. A *label* is a short text whose value place is empty or holds only what a
blank form puts there (a hint in brackets, ``□是 □否``, ``年 月 日``, a unit, underscores):
to its right, below it (a row of labels over an empty row), or after its colon in the same
cell or paragraph. A row of labels over two or more empty rows is a repeating table. A cell
spanning the table's width, a band merged down the first column or a heading paragraph
names the section of what follows; a short band with sub-labels beside it is a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from formkit.drafting.vocabulary import vocabulary
from formkit.model.document import Cell, Document, Paragraph, Table
from formkit.model.resources import word

RIGHT, BELOW, INLINE, LINE = "right", "below", "inline", "line"
MAX_LABEL = 30
MAX_SECTION = 30
MIN_TABLE_ROWS = 2
GROUP_MAX_ROWS = 4
_BOXES = "□☐☑■"
_PLACEHOLDER = re.compile(rf"^[\s_＿…．.\-—/{vocabulary()['placeholder_chars']}（）()：:]*$")
_UNIT_ONLY = re.compile(rf"^[\s（(]*(?:{'|'.join(vocabulary()['unit_only'])})[\s）)]*$")
_INLINE = re.compile(rf"([^\s:：_＿□☐]{{2,{MAX_LABEL}}})\s*[:：]")
_SENTENCE = re.compile(r"[，。；;！？!?]")
_CN = word("normalize", "numbering_digits")  # 一、 （一）
_DI, _UNITS = vocabulary()["section_ordinal"], vocabulary()["section_units"]
_NUMBERED = re.compile(rf"^\s*[▲★※*]?\s*(?:[{_CN}]{{1,3}}[、.．]|{_DI}[{_CN}]{{1,3}}[{_UNITS}])")
_NUMBERED_ARABIC = re.compile(
    rf"^\s*[▲★※*]?\s*(?:\d{{1,2}}(?:\.\d{{1,2}})*[、.．)]|[（(][\d{_CN}]{{1,3}}[）)])"
)
_COLON_VALUE = re.compile(r"[:：]\s*\S")
_YEAR, _MONTH, _DAY = (word("calendar", k) for k in ("year", "month", "day"))
# 2021年  月  日
_YEAR_PRINTED = re.compile(rf"^\d{{4}}\s*{_YEAR}[\s_＿]*{_MONTH}[\s_＿]*(?:{_DAY})?$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BRACKETS = str.maketrans({"（": "(", "）": ")"})


@dataclass
class Spot:
    """One label of the blank form and what its value place shows."""

    label: str
    how: str
    value_text: str = ""
    section: str | None = None
    group: str | None = None
    sublabel: str | None = None
    tall: bool = False
    place: str = ""


@dataclass
class Grid:
    """A repeating table: its caption (the section or title above), its column labels and
    the blank text of each column's first row."""

    caption: str | None
    columns: list[str]
    samples: list[str]
    rows: int
    place: str = ""


@dataclass
class Scan:
    title: str | None = None
    spots: list[Spot] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # labels per row, rows with a RIGHT pair


def scan(doc: Document) -> Scan:
    found = Scan()
    state = _State(found)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            _paragraph(state, block)
        else:
            _table(state, block)
    return found


@dataclass
class _State:
    scan: Scan
    section: str | None = None

    def open_section(self, name: str) -> None:
        name = _clean_section(name)
        if not name:
            return
        self.section = name
        if name not in self.scan.sections:
            self.scan.sections.append(name)

    def add(self, spot: Spot) -> None:
        spot.section = self.section
        self.scan.spots.append(spot)


def _words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


# -- text classes ---------------------------------------------------------------------------


def is_blankish(text: str) -> bool:
    """What a blank form prints where a value goes."""
    t = text.strip()
    if not t or _PLACEHOLDER.match(t) or _UNIT_ONLY.match(t) or _YEAR_PRINTED.match(t):
        return True
    if any(b in t for b in _BOXES):
        return True
    if t[0] in "（(" and t[-1] in "）)":
        return True
    return t.startswith(_words("hint_starts")) and len(t) > 4  # not a header word (填写内容)


def is_labelish(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > MAX_LABEL or is_blankish(t) or "\n" in t:
        return False
    if _SENTENCE.search(t.rstrip("：:")) or _mostly_digits(t) or not _balanced(t):
        return False
    if _COLON_VALUE.search(t) and not t.startswith(_words("aside_prefixes")):
        return False  # 联系人：张三 — a label with its value, read as a line
    return _HAN.search(t) is not None or t.isalpha()


def _balanced(text: str) -> bool:
    t = text.translate(_BRACKETS)
    return t.count("(") == t.count(")")


def _mostly_digits(text: str) -> bool:
    """``00至12`` (from 9:00至12:00), ``8.1``: numbers, not a label."""
    return sum(ch.isdigit() for ch in text) * 5 >= len(text) * 2


def _heading_like(label: str) -> bool:
    """A numbered line ending in a colon (``二、申请人的资格要求：``) heads text, it is not
    a blank to fill."""
    return bool(_NUMBERED.match(label) or _NUMBERED_ARABIC.match(label))


def _clean_section(text: str) -> str:
    t = " ".join(text.split())
    if t[:1] in "（(" or _SENTENCE.search(t) or "：" in t or ":" in t:
        return ""
    t = re.sub(rf"^[{_CN}]{{1,3}}[、.．]\s*", "", t)
    t = re.sub(rf"^[（(][{_CN}]{{1,3}}[）)]\s*", "", t)
    return t.strip("：: ") if len(t) <= MAX_SECTION else ""


def _is_title(text: str) -> bool:
    return any(w in text for w in _words("title_words")) and len(text) <= 60


# -- paragraphs -------------------------------------------------------------------------------


def _paragraph(state: _State, para: Paragraph) -> None:
    text = para.text.strip()
    if not text:
        return
    if state.scan.title is None and _is_title(text) and not _INLINE.search(text):
        state.scan.title = " ".join(text.split())
        return
    spots = list(_inline_spots(text, LINE, str(para.location)))
    if spots:
        for spot in spots:
            state.add(spot)
        return
    if (para.level > 0 or _NUMBERED.match(text)) and len(text) <= MAX_SECTION:
        state.open_section(text)


def _inline_spots(text: str, how: str, place: str) -> Iterator[Spot]:
    """``标签：____  标签：`` — labels whose colon is followed by nothing a person typed."""
    matches = list(_INLINE.finditer(text))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        after = text[m.end() : end]
        label = m.group(1)
        if how == LINE and _heading_like(text[: m.end()]):
            continue
        if is_labelish(label) and is_blankish(after):
            yield Spot(label, how, after.strip(), place=place)


# -- tables -----------------------------------------------------------------------------------


def _table(state: _State, table: Table) -> None:
    grid = table.grid()
    used: set[int] = set()
    bands: list[tuple[Cell, str]] = []  # (band cell, "section" | "group")
    r = 0
    rows = table.rows()
    while r < table.n_rows:
        row = [c for c in rows[r] if id(c) not in used]
        if _full_width(table, row):
            _full_row(state, row[0])
            r += 1
            continue
        header = _grid_header(table, grid, r)
        if header:
            _add_grid(state, table, grid, r, header, used)
            r += header
            continue
        _row(state, table, grid, row, used, bands)
        r += 1


def _full_width(table: Table, row: Sequence[Cell]) -> bool:
    texts = [c for c in row if c.text.strip()]
    return len(texts) == 1 and texts[0].colspan >= table.n_cols > 1 and len(row) == 1


def _full_row(state: _State, cell: Cell) -> None:
    text = cell.text.strip()
    if state.scan.title is None and not state.scan.spots and _is_title(text):
        state.scan.title = " ".join(text.split())
        return
    spots = list(_inline_spots(text, INLINE, str(cell.location)))
    if spots:
        for spot in spots:
            state.add(spot)
    elif len(text) <= MAX_SECTION and not is_blankish(text):
        state.open_section(text)


def _grid_header(table: Table, grid: list[list[Cell | None]], r: int) -> int:
    """Rows to skip when row ``r`` heads a repeating table (its label row and the empty
    rows under it), else 0."""
    cells = _distinct(grid[r])
    if len(cells) < 2 or not all(is_labelish(c.text) for c in cells):
        return 0
    if any(c.rowspan > 1 for c in cells):
        return 0
    blank = 0
    for below in range(r + 1, table.n_rows):
        if not all(c is None or (c.row == below and is_blankish(c.text)) for c in grid[below]):
            break
        blank += 1
    if blank < MIN_TABLE_ROWS:
        return 0
    return blank + 1


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


def _distinct(slots: Sequence[Cell | None]) -> list[Cell]:
    out: list[Cell] = []
    for c in slots:
        if c is not None and (not out or out[-1] is not c):
            out.append(c)
    return out


def _add_grid(
    state: _State,
    table: Table,
    grid: list[list[Cell | None]],
    r: int,
    skip: int,
    used: set[int],
) -> None:
    cells = _distinct(grid[r])
    first = grid[r + 1] if r + 1 < table.n_rows else []
    samples = [_text(first[c.col]) if first else "" for c in cells]
    caption = state.section or state.scan.title
    state.scan.grids.append(
        Grid(caption, [c.text.strip() for c in cells], samples, skip - 1, str(cells[0].location))
    )
    for row in range(r, r + skip):
        used.update(id(c) for c in grid[row] if c is not None)


def _row(
    state: _State,
    table: Table,
    grid: list[list[Cell | None]],
    row: list[Cell],
    used: set[int],
    bands: list[tuple[Cell, str]],
) -> None:
    labels_here = 0
    for i, cell in enumerate(row):
        if id(cell) in used or not cell.text.strip():
            continue
        band = _band(state, table, grid, row, i, bands)
        if band:
            used.add(id(cell))
            continue
        group = _group_of(cell, bands)
        spots = _cell_spots(table, grid, cell, used, group)
        labels_here += sum(1 for s in spots if s.how == RIGHT)
        for spot in spots:
            state.add(spot)
    if labels_here:
        state.scan.widths.append(labels_here)


def _band(
    state: _State,
    table: Table,
    grid: list[list[Cell | None]],
    row: list[Cell],
    i: int,
    bands: list[tuple[Cell, str]],
) -> bool:
    """A label merged down the first column with labels beside it: a section band, or (a
    few rows, short sub-labels) a group such as 联系人 → 姓名 / 电话."""
    cell = row[i]
    if cell.col != 0 or not is_labelish(cell.text):
        return False
    beside = grid[cell.row][cell.end_col + 1] if cell.end_col + 1 < table.n_cols else None
    if beside is None or not is_labelish(beside.text):
        return False
    if cell.rowspan == 1:
        return _one_row_group(table, grid, cell, beside, bands)
    if cell.rowspan <= GROUP_MAX_ROWS and _sublabels_short(table, grid, cell):
        bands.append((cell, "group"))
    else:
        bands.append((cell, "section"))
        state.open_section(cell.text)
    return True


def _one_row_group(
    table: Table,
    grid: list[list[Cell | None]],
    cell: Cell,
    beside: Cell,
    bands: list[tuple[Cell, str]],
) -> bool:
    """``市级主管部门 | 联系人 | ____ | 联系电话 | ____``: a group on one row."""
    col = beside.end_col + 1
    value = grid[cell.row][col] if col < table.n_cols else None
    if (
        value is None
        or value is beside
        or not is_blankish(value.text)
        or len(beside.text.strip()) > 6
    ):
        return False
    bands.append((cell, "group"))
    return True


def _sublabels_short(table: Table, grid: list[list[Cell | None]], band: Cell) -> bool:
    col = band.end_col + 1
    texts = [grid[r][col] for r in range(band.row, band.end_row + 1)]
    return all(c is not None and len(c.text.strip()) <= 6 for c in texts)


def _group_of(cell: Cell, bands: list[tuple[Cell, str]]) -> str | None:
    for band, kind in reversed(bands):
        if kind == "group" and band.row <= cell.row <= band.end_row and band.end_col < cell.col:
            return " ".join(band.text.split())
    return None


def _cell_spots(
    table: Table, grid: list[list[Cell | None]], cell: Cell, used: set[int], group: str | None
) -> list[Spot]:
    text = cell.text.strip()
    place = str(cell.location)
    if not is_labelish(text):
        inline = list(_inline_spots(text, INLINE, place))
        for s in inline:
            s.group = group
        return inline
    value = _value_cell(table, grid, cell, used)
    if value is None:
        return []
    value_cell, how = value
    used.add(id(value_cell))
    tall = value_cell.rowspan >= 3 or cell.rowspan >= 3
    label = text.rstrip("：: ")
    spot = Spot(label, how, value_cell.text.strip(), tall=tall, place=place)
    if group:
        spot.group, spot.sublabel = group, label
    return [spot]


def _value_cell(
    table: Table, grid: list[list[Cell | None]], label: Cell, used: set[int]
) -> tuple[Cell, str] | None:
    col = label.end_col + 1
    if col < table.n_cols:
        right = grid[label.row][col]
        if right is None:  # an empty spreadsheet cell
            return _empty(label, label.row, col), RIGHT
        if id(right) not in used and is_blankish(right.text):
            return right, RIGHT
        if is_labelish(right.text):
            return _below(table, grid, label, used, labels_row=True)
        return None
    left = grid[label.row][label.col - 1] if label.col > 0 else None
    in_row = left is not None and is_labelish(left.text)
    return _below(table, grid, label, used, labels_row=in_row)


def _empty(label: Cell, row: int, col: int) -> Cell:
    return Cell("", row, col, label.location)


def _below(
    table: Table, grid: list[list[Cell | None]], label: Cell, used: set[int], labels_row: bool
) -> tuple[Cell, str] | None:
    """The value place under a label of a row of labels."""
    row = label.end_row + 1
    if row >= table.n_rows or not labels_row:
        return None
    below = grid[row][label.col]
    if below is None:
        return _empty(label, row, label.col), BELOW
    if below is None or below.row != row or id(below) in used or not is_blankish(below.text):
        return None
    if below.colspan >= table.n_cols > 1 and below.text.strip():
        return None
    return below, BELOW
