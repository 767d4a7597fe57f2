"""Tables of a PDF page: ruled ones from pdfplumber, borderless ones from column positions.

A table is first held in page coordinates (:class:`RawTable`): cells know their x-range and
the rows they cover. That keeps joining across pages simple (rows are appended, columns
are matched by x-position) before :func:`to_model` turns a (joined) table into the model's
grid of origin cells with spans.

Ruled tables: pdfplumber's ``find_tables`` (lines strategy) gives one bbox per real cell
and ``None`` for the slots a merged cell covers; spans are read off the cell bboxes against
the grid of distinct x and y edges. Borderless tables (a spreadsheet printed without grid
lines): lines whose segments line up are cut into columns where no segment crosses.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from formkit.model.document import Cell, Location, Table
from formkit.readers.pdf_text import Char, Line, group_lines, join_lines, make_line, wrapped

EDGE_TOL = 1.5  # points: edges closer than this are one grid line
CUT_GAP = 0.33  # × font size: characters this far apart may sit in two columns
PADDING = 6.0  # points: the most a cell's text keeps from its right border
JOIN_TOL = 3.0  # points: column edges of two page parts of one table agree within this


@dataclass
class RawCell:
    x0: float
    x1: float
    row: int  # first row, index into the table's rows
    rowspan: int
    text: str = ""
    lines: list[Line] = field(default_factory=list, repr=False)


@dataclass
class RawTable:
    """A table in page coordinates; ``row_pages`` is the page each row was printed on."""

    bbox: tuple[float, float, float, float]
    cells: list[RawCell]
    row_pages: list[int]
    xs: list[float]  # distinct column edges, left to right
    ruled: bool = True

    @property
    def n_rows(self) -> int:
        return len(self.row_pages)

    def row_texts(self, row: int) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells if c.row == row)


def edges(values: Sequence[float]) -> list[float]:
    """Distinct coordinates, nearby ones merged (sorted)."""
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > EDGE_TOL:
            merged.append(value)
    return merged


def _index(grid: Sequence[float], value: float) -> int:
    """Index of the grid edge at ``value`` (tolerant)."""
    return max(0, bisect_right(grid, value + EDGE_TOL) - 1)


# --- ruled tables -------------------------------------------------------------------------


def ruled_table(
    cell_boxes: Sequence[tuple[float, float, float, float]],
    bbox: tuple[float, float, float, float],
    chars: Sequence[Char],
    page: int,
) -> RawTable:
    """One pdfplumber table (its cell bboxes) and the characters inside its bbox."""
    xs = edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    cells: list[RawCell] = []
    slots: dict[tuple[int, int], int] = {}
    for x0, top, x1, bottom in sorted(cell_boxes, key=lambda b: (b[1], b[0])):
        row, end_row = _index(ys, top), _index(ys, bottom)
        col, end_col = _index(xs, x0), _index(xs, x1)
        if end_row <= row or end_col <= col:
            continue
        for r in range(row, end_row):
            for c in range(col, end_col):
                slots.setdefault((r, c), len(cells))
        cells.append(RawCell(x0, x1, row, end_row - row))
    _fill_texts(cells, slots, xs, ys, chars)
    return RawTable(bbox, cells, [page] * (len(ys) - 1), xs)


def _fill_texts(
    cells: list[RawCell],
    slots: dict[tuple[int, int], int],
    xs: list[float],
    ys: list[float],
    chars: Sequence[Char],
) -> None:
    owned: list[list[Char]] = [[] for _ in cells]
    for char in chars:
        col = bisect_right(xs, (char["x0"] + char["x1"]) / 2) - 1
        row = bisect_right(ys, (char["top"] + char["bottom"]) / 2) - 1
        owner = slots.get((row, col))
        if owner is not None:
            owned[owner].append(char)
    for cell, own in zip(cells, owned, strict=True):
        if own:
            cell.lines = group_lines(own)
            cell.text = join_lines(cell.lines, cell.x1 - PADDING).strip()


# --- borderless tables --------------------------------------------------------------------


def borderless_tables(lines: Sequence[Line], page: int) -> list[tuple[int, int, RawTable]]:
    """Runs of lines that line up in columns → tables, as (first line, end line, table)."""
    found: list[tuple[int, int, RawTable]] = []
    segmented = [line.segments() for line in lines]
    start = 0
    while start < len(lines):
        end = _run_end(lines, segmented, start)
        if end - start >= 2:
            table = _columns_table(lines[start:end], segmented[start:end], page)
            if table is not None:
                found.append((start, end, table))
                start = end
                continue
        start += 1
    return found


def _run_end(lines: Sequence[Line], segmented: Sequence[list[Line]], start: int) -> int:
    """End of the run of multi-segment lines beginning at ``start`` (single ones bridged)."""
    if len(segmented[start]) < 2:
        return start
    end = last = start + 1
    while end < len(lines):
        gap = lines[end].top - lines[end - 1].bottom
        if gap > 2.5 * lines[end].size:
            break
        if len(segmented[end]) >= 2:
            last = end + 1
        end += 1
    return last


def _columns_table(
    lines: Sequence[Line], segmented: Sequence[list[Line]], page: int
) -> RawTable | None:
    columns = _columns([segs for segs in segmented if len(segs) >= 2])
    if len(columns) < 2:
        return None
    xs = [columns[0][0]] + [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    xs.append(columns[-1][1])
    cells: list[RawCell] = []
    for row, segs in enumerate(segmented):
        pieces = [piece for seg in segs for piece in _cut(seg, columns)]
        cells.extend(_row_cells(pieces, columns, xs, row))
    bbox = (xs[0], lines[0].top, xs[-1], lines[-1].bottom)
    return RawTable(bbox, cells, [page] * len(lines), xs, ruled=False)


def _columns(rows: Sequence[list[Line]]) -> list[tuple[float, float]]:
    """Column x-ranges: where the rows' segments stand, cut at gaps no row crosses and at
    valleys only a few rows cross (text running over into the next, empty column)."""
    events = sorted(
        [(s.x0, 1) for segs in rows for s in segs] + [(s.x1, -1) for segs in rows for s in segs]
    )
    few = len(rows) // 10
    runs: list[list[tuple[float, float, int]]] = []  # gap-free runs of (x0, x1, coverage)
    depth = 0
    for (x, step), (nxt, _) in itertools.pairwise(events):
        depth += step
        if depth <= 0 or nxt <= x:
            continue
        if not runs or runs[-1][-1][1] < x:
            runs.append([])
        runs[-1].append((x, nxt, depth))
    columns: list[tuple[float, float]] = []
    for run in runs:
        crowded = [(x0, x1) for x0, x1, depth in run if depth > few] or [(run[0][0], run[-1][1])]
        merged = [list(crowded[0])]
        for x0, x1 in crowded[1:]:
            if x0 <= merged[-1][1]:
                merged[-1][1] = x1
            else:
                merged.append([x0, x1])
        columns.extend((a, b) for a, b in merged)
    return columns


def _cut(segment: Line, columns: Sequence[tuple[float, float]]) -> list[Line]:
    """Split a segment where it crosses from one column into the next and its characters
    stand apart there (a label that filled its cell, then the value of the next cell)."""
    chars = segment.chars
    size = segment.size
    cuts = set()
    for (_, left_end), (right_start, _) in itertools.pairwise(columns):
        if segment.x0 < left_end and segment.x1 > right_start:
            for i in range(1, len(chars)):
                gap = chars[i]["x0"] - chars[i - 1]["x1"]
                inside = left_end - size <= chars[i]["x0"] <= right_start + size
                if inside and gap >= CUT_GAP * size:
                    cuts.add(i)
                    break
    if not cuts:
        return [segment]
    bounds = [0, *sorted(cuts), len(chars)]
    return [make_line(chars[a:b]) for a, b in itertools.pairwise(bounds)]


def _row_cells(
    pieces: Sequence[Line], columns: Sequence[tuple[float, float]], xs: Sequence[float], row: int
) -> list[RawCell]:
    """One line's pieces placed into columns: a piece starts in the column its left edge is
    in and spans the columns whose text it runs into; empty columns are empty cells."""
    last_col = len(columns) - 1
    starts = sorted(
        ((min(max(0, bisect_right(xs, p.x0 + EDGE_TOL) - 1), last_col), p) for p in pieces),
        key=lambda item: (item[0], item[1].x0),
    )
    texts: dict[int, list[str]] = {}
    ends: dict[int, int] = {}
    for i, (first, piece) in enumerate(starts):
        limit = starts[i + 1][0] - 1 if i + 1 < len(starts) else last_col
        end = first
        while end < limit and columns[end + 1][0] < piece.x1 - EDGE_TOL:
            end += 1
        texts.setdefault(first, []).append(piece.text)
        ends[first] = max(ends.get(first, first), end)
    cells: list[RawCell] = []
    col = 0
    while col <= last_col:
        end = ends.get(col, col)
        cells.append(RawCell(xs[col], xs[end + 1], row, 1, " ".join(texts.get(col, []))))
        col = end + 1
    return cells


# --- joining and the model ----------------------------------------------------------------


def continues(first: RawTable, second: RawTable) -> bool:
    """True when ``second`` (top of a page) carries on ``first`` (bottom of the page before).

    Ruled parts share their outer edges and one part's column edges are among the other's
    (a part with fewer merged rows shows fewer edges); borderless parts have as many
    columns, at looser positions (their edges are the middles of the gaps between columns).
    """
    if first.ruled != second.ruled:
        return False
    if not first.ruled:
        return len(first.xs) == len(second.xs) and all(
            abs(a - b) <= 4 * JOIN_TOL for a, b in zip(first.xs, second.xs, strict=True)
        )
    if abs(first.xs[0] - second.xs[0]) > JOIN_TOL or abs(first.xs[-1] - second.xs[-1]) > JOIN_TOL:
        return False
    few, many = sorted((first.xs, second.xs), key=len)
    return all(abs(_nearest(many, x) - x) <= JOIN_TOL for x in few)


def _nearest(xs: Sequence[float], x: float) -> float:
    return min(xs, key=lambda edge: abs(edge - x))


def join(first: RawTable, second: RawTable) -> RawTable:
    """Append ``second``'s rows to ``first``.

    A header row repeated on the new page is dropped; a row the page break cut in two is
    glued back (its text ran on); a vertically merged cell the break cut in two is one cell.
    """
    cells, pages = _data_rows(second, _repeated_header_rows(first, second))
    xs = edges([*first.xs, *second.xs]) if first.ruled else first.xs
    for cell in [*first.cells, *cells]:
        cell.x0, cell.x1 = _nearest(xs, cell.x0), _nearest(xs, cell.x1)
    first.xs = xs
    tail = {(c.x0, c.x1): c for c in first.cells if c.row + c.rowspan == first.n_rows}
    if pages and _split_row(tail, [c for c in cells if c.row == 0]):
        cells, pages = _glue_split_row(tail, cells), pages[1:]
    for cell in cells:
        above = tail.get((cell.x0, cell.x1)) if cell.row == 0 else None
        if (
            above is not None
            and not cell.text
            and above.text
            and max(above.rowspan, cell.rowspan) > 1
        ):
            above.rowspan += cell.rowspan
            continue
        cell.row += first.n_rows
        first.cells.append(cell)
    first.row_pages += pages
    return first


def _data_rows(table: RawTable, skip: int) -> tuple[list[RawCell], list[int]]:
    """The cells below the first ``skip`` rows, renumbered from row 0."""
    cells = []
    for cell in table.cells:
        if cell.row + cell.rowspan <= skip:
            continue
        start = max(cell.row, skip)
        cell.rowspan -= start - cell.row
        cell.row = start - skip
        cells.append(cell)
    return cells, table.row_pages[skip:]


def _split_row(tail: dict[tuple[float, float], RawCell], row: list[RawCell]) -> bool:
    """True when every filled cell of ``row`` continues the text of the cell above it."""
    filled = [c for c in row if c.text]
    for cell in filled:
        above = tail.get((cell.x0, cell.x1))
        if above is None or not above.lines or not cell.lines:
            return False
        if not wrapped(above.lines[-1], cell.lines[0], above.x1 - PADDING):
            return False
    return bool(filled)


def _glue_split_row(
    tail: dict[tuple[float, float], RawCell], cells: list[RawCell]
) -> list[RawCell]:
    """Move the first row's text into the cells above; shift the other rows up by one."""
    kept = []
    for cell in cells:
        if cell.row == 0:
            above = tail[(cell.x0, cell.x1)] if cell.text else None
            if above is not None:
                above.text = join_lines([*above.lines, *cell.lines], above.x1 - PADDING).strip()
                above.lines = [*above.lines, *cell.lines]
            if cell.rowspan == 1:
                continue
            cell.rowspan -= 1
        else:
            cell.row -= 1
        kept.append(cell)
    return kept


def _repeated_header_rows(first: RawTable, second: RawTable) -> int:
    """How many top rows of ``second`` repeat ``first``'s header (0 to 3)."""
    for n in (3, 2, 1):
        if second.n_rows <= n or first.n_rows <= n:
            continue
        header = [first.row_texts(r) for r in range(n)]
        if any(any(texts) for texts in header) and header == [
            second.row_texts(r) for r in range(n)
        ]:
            return n
    return 0


def to_model(raw: RawTable, number: int) -> Table:
    """Origin cells with row/col spans; locations name page, table, row and column."""
    cells = []
    for cell in sorted(raw.cells, key=lambda c: (c.row, c.x0)):
        col, end_col = _index(raw.xs, cell.x0), _index(raw.xs, cell.x1)
        page = raw.row_pages[cell.row]
        place = Location(page=page, table=number, row=cell.row + 1, col=col + 1)
        cells.append(
            Cell(
                cell.text, cell.row, col, place, rowspan=cell.rowspan, colspan=max(1, end_col - col)
            )
        )
    location = Location(page=raw.row_pages[0], table=number)
    return Table(cells, raw.n_rows, len(raw.xs) - 1, location)
