"""Read a .xlsx into the neutral :class:`~formkit.model.document.Document` by walking its XML.

One :class:`~formkit.model.document.Table` per worksheet, in workbook order (chart, dialog
and macro sheets are skipped; hidden sheets are kept). A table covers the used cells only:
``n_rows``/``n_cols`` come from the largest used row/column (a ``<dimension>`` claim is
ignored), ``Cell.row``/``Cell.col`` are 0-based grid coordinates from A1 and
``Cell.location`` is the Excel address (``Location(sheet=…, row=7, col=4)`` → ``指标!D7``).

Values: shared and inline strings (rich-text runs joined, phonetic runs dropped), numbers
as ``int`` when integral else ``float``, booleans, error values as text, dates recognised
from the cell style's number format (1900 and 1904 date systems) as ``date``, ``datetime``
or (time-only formats) ``time``. ``Cell.text`` is the stored value as text (dates in ISO
form), never the formatted display. A merged range keeps only its origin cell, with spans.
Formulas keep their text in ``Cell.formula`` (``=SUM(D7:D9)``; shared formulas re-based to
their cell) and the cached value; a formula without one reads as empty and the workbook
gets one ``formula-no-value`` note naming the cells.

Workbook parts (shared strings, styles, serial dates, formulas, merges) live in
:mod:`formkit.readers.xlsx_parts`; this module walks the sheets and builds the cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lxml import etree

from formkit.model.codes import text
from formkit.model.document import Cell, Document, Location, Table
from formkit.model.findings import Finding, finding
from formkit.readers.ooxml import fail, local_name, open_package
from formkit.readers.xlsx_parts import (
    MAX_COL,
    MAX_MERGES,
    MAX_ROW,
    MAX_SHARED_STRINGS,
    MERGE_WORK,
    S_NS,
    Style,
    apply_merges,
    cell_styles,
    format_kind,
    formula_text,
    from_serial,
    is_1904,
    iso_date,
    parse_ref,
    place,
    rich_text,
    s_tag,
    shared_strings,
    shift_formula,
    to_int,
)

__all__ = [
    "MAX_CELLS",
    "MAX_COL",
    "MAX_GRID",
    "MAX_MERGES",
    "MAX_ROW",
    "MAX_SHARED_STRINGS",
    "MERGE_WORK",
    "S_NS",
    "format_kind",
    "read_xlsx",
    "shift_formula",
]

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

MAX_CELLS = 200_000  # value cells in the whole workbook
MAX_GRID = 5_000_000  # n_rows × n_cols of one sheet's table
BLOCK_GAP = 256  # empty rows/columns that set a vast sheet's blocks of cells apart

ROW, C, V, F, IS = (s_tag(n) for n in ("row", "c", "v", "f", "is"))


def read_xlsx(source: str | Path | bytes, name: str) -> Document:
    """Read a .xlsx (path or bytes); ``name`` is the file as the user gave it (for errors)."""
    package = open_package(source, name)
    main = package.main_part()
    root = package.xml(main)
    if local_name(root.tag) != "workbook":
        raise fail(name, "file-unknown-type", reason="not-excel-main", part=main)
    rels = {rel.id: rel for rel in package.rels(main)}
    book = _Book(
        name=name,
        strings=shared_strings(package, rels.values()),
        styles=cell_styles(package, rels.values()),
        date1904=is_1904(root),
    )
    doc = Document(name, "xlsx")
    sheets = root.find(s_tag("sheets"))
    for sheet in sheets.iterchildren(s_tag("sheet")) if sheets is not None else ():
        rel = rels.get(sheet.get(R_ID) or "")
        if rel is None or not rel.is_type("worksheet") or not package.has(rel.target):
            continue
        sheet_name = sheet.get("name") or rel.target
        tables = _read_sheet(book, sheet_name, package.xml(rel.target))
        for table in tables:
            table.hidden = sheet.get("state") in ("hidden", "veryHidden")
        doc.blocks.extend(tables)
    if book.no_value:
        doc.notes.append(_no_value_note(book.no_value))
    return doc


@dataclass
class _Book:
    """What every sheet needs from the workbook, and what the sheets report back."""

    name: str
    strings: list[str]
    styles: tuple[Style, ...]  # per cell style (xf) index
    date1904: bool
    n_cells: int = 0
    no_value: list[str] = field(default_factory=list)  # "指标!F12" of formulas without a value
    _by_attr: dict[str | None, Style | None] = field(default_factory=dict)

    def style(self, index: str | None) -> Style | None:
        """The style a cell's ``s`` attribute names (None: none, or out of range)."""
        try:
            return self._by_attr[index]
        except KeyError:
            xf = to_int(index, 0) if index is not None else -1
            found = self.styles[xf] if 0 <= xf < len(self.styles) else None
            self._by_attr[index] = found
            return found


def _no_value_note(places: list[str]) -> Finding:
    detail = places[0]
    if len(places) > 1:
        detail = text("places", first=places[0], n=len(places), more=len(places) - 1)
    return finding("formula-no-value", location=places[0], detail=detail)


# --- sheets ---------------------------------------------------------------------------------


def _read_sheet(book: _Book, sheet: str, root: etree._Element) -> list[Table]:
    cells: dict[tuple[int, int], Cell] = {}
    masters: dict[str, tuple[int, int, str]] = {}  # shared formula id → (row, col, text)
    data = root.find(s_tag("sheetData"))
    row_no = 0
    for row in data.iterchildren(ROW) if data is not None else ():
        row_no = to_int(row.get("r"), row_no + 1)
        col_no = 0
        for c in row.iterchildren(C):
            ref = c.get("r")
            row_at, col_no = parse_ref(ref) if ref else (row_no, col_no + 1)
            if not len(c):
                continue  # a styled but empty cell (most of a form's blank grid)
            if not (1 <= row_at <= MAX_ROW and 1 <= col_no <= MAX_COL):
                continue
            cell = _read_cell(book, sheet, c, row_at, col_no, masters)
            if cell is not None:
                book.n_cells += 1
                if book.n_cells > MAX_CELLS:
                    raise fail(book.name, "file-too-large", reason="sheet-cells", limit=MAX_CELLS)
                cells[(row_at - 1, col_no - 1)] = cell
    apply_merges(book.name, sheet, root, cells)
    return _tables(book, sheet, cells)


def _read_cell(
    book: _Book,
    sheet: str,
    c: etree._Element,
    row: int,
    col: int,
    masters: dict[str, tuple[int, int, str]],
) -> Cell | None:
    v = f = inline = None
    for child in c:
        tag = child.tag
        if tag == V:
            v = child
        elif tag == F:
            f = child
        elif tag == IS:
            inline = child
    if v is None and f is None and inline is None:
        return None  # only other children (extensions): nothing stored
    location = place(sheet, row, col)
    kind = c.get("t") or "n"
    style = book.style(c.get("s"))
    if inline is not None:
        text = rich_text(inline)
        value: object = text
    elif v is None or (not v.text and kind not in ("str", "s")):
        if f is None:
            return None  # an empty <v/>: nothing stored
        value, text = None, ""
        book.no_value.append(str(location))
    else:
        value, text = _value(book, kind, v.text or "", style)
    formula = formula_text(f, row, col, masters) if f is not None else None
    return Cell(
        text,
        row - 1,
        col - 1,
        location,
        value=value,
        formula=formula,
        number_format=style.number_format if style is not None else None,
    )


def _value(book: _Book, kind: str, raw: str, style: Style | None) -> tuple[object, str]:
    """(typed value, text) of a cached ``v`` according to the cell type and style."""
    if kind == "s":
        index = to_int(raw, -1)
        text = book.strings[index] if 0 <= index < len(book.strings) else ""
        return text, text
    if kind == "b":
        on = raw.strip() in ("1", "true")
        return on, "TRUE" if on else "FALSE"
    if kind == "e":
        return None, raw
    if kind == "d":
        return iso_date(raw)
    if kind in ("str", "inlineStr"):
        return raw, raw
    number = _number(raw)
    if number is None:
        return raw, raw
    date_kind = style.date_kind if style is not None else None
    if date_kind is not None:
        moment = from_serial(number, date_kind, book.date1904)
        if moment is not None:
            return moment, moment.isoformat(sep=" ") if isinstance(moment, datetime) else (
                moment.isoformat()
            )
    if isinstance(number, int):
        return number, str(number)
    return number, f"{number:.15g}"


def _number(raw: str) -> int | float | None:
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        number = float(raw)
    except ValueError:
        return None
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _tables(book: _Book, sheet: str, cells: dict[tuple[int, int], Cell]) -> list[Table]:
    """The sheet's table; when its used range is vast but its cells are few (one stray cell
    at XFD1048576), one table per block of cells apart from the others by a wide gap, so
    only cells that exist count toward the limits."""
    ordered = sorted(cells.values(), key=lambda cell: (cell.row, cell.col))
    n_rows, n_cols = _extent(ordered)
    if n_rows * n_cols <= MAX_GRID:
        return [Table(ordered, n_rows, n_cols, Location(sheet=sheet), name=sheet)]
    tables = []
    for block in _blocks(ordered):
        top = min(c.row for c in block)
        left = min(c.col for c in block)
        for cell in block:
            cell.row, cell.col = cell.row - top, cell.col - left
        rows, cols = _extent(block)
        if rows * cols > MAX_GRID:
            raise fail(
                book.name, "file-too-large", reason="sheet-range", sheet=sheet, rows=rows, cols=cols
            )
        tables.append(Table(block, rows, cols, Location(sheet=sheet), name=sheet))
    return tables


def _extent(cells: list[Cell]) -> tuple[int, int]:
    n_rows = n_cols = 0
    for cell in cells:
        n_rows = max(n_rows, cell.row + cell.rowspan)
        n_cols = max(n_cols, cell.col + cell.colspan)
    return n_rows, n_cols


def _blocks(cells: list[Cell]) -> list[list[Cell]]:
    """Cells split where a band of more than :data:`BLOCK_GAP` empty rows, then columns,
    separates them (grid coordinates unchanged; the caller re-bases them)."""
    found = []
    for band in _split(cells, lambda c: (c.row, c.end_row)):
        found.extend(_split(band, lambda c: (c.col, c.end_col)))
    return found


def _split(cells: list[Cell], span: Callable[[Cell], tuple[int, int]]) -> list[list[Cell]]:
    parts: list[list[Cell]] = []
    end = -1
    for cell in sorted(cells, key=lambda c: span(c)[0]):
        first, last = span(cell)
        if not parts or first > end + BLOCK_GAP:
            parts.append([])
        parts[-1].append(cell)
        end = max(end, last)
    return [sorted(p, key=lambda c: (c.row, c.col)) for p in parts]
