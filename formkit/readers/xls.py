"""Read a legacy .xls (BIFF5/BIFF8) or WPS .et natively into the neutral
:class:`~formkit.model.document.Document`, as the .xlsx reader reads the same workbook.

xlrd (``formatting_info``) walks the BIFF records: Excel's *stored* formula values (never
recomputed, so a formula LibreOffice cannot resolve still reads as the value Excel saved),
each cell's number format, merged ranges, error values and which sheets are worksheets
(chart and macro sheets are skipped; hidden sheets are kept, as in .xlsx). Values then go
through the .xlsx reader's own rules (:mod:`formkit.readers.xlsx_parts`): a number is a date
when its format says so (:func:`format_kind`, both date systems), integral numbers are
``int``, ``Cell.text`` is the stored value as text (``12``, ``3.25``, ``2024-03-31``,
``TRUE``, ``#DIV/0!``), text exactly as stored. ``Cell.formula`` stays ``None``: BIFF keeps
formulas as tokens, which neither xlrd nor python-calamine turns back into text.

Why xlrd and not python-calamine, which reads the same cells in Rust: calamine reports
neither number formats (``0%`` decides whether 0.85 means 85 %) nor error values (it gives
an empty cell), and it holds each sheet as a dense range — one stray cell at IV65536 costs
it 1 GB. xlrd keeps rows ragged (30 MB for that file). calamine stays the *independent*
reading the corpus test and ``benchmarks/bench_xls.py`` compare these cells against.

A workbook xlrd cannot read (damaged, an unsupported BIFF version) raises
:class:`NativeRefused`; the pipeline then hands the file to LibreOffice
(:mod:`formkit.readers.legacy`). An encrypted workbook, or one with more cells than the
.xlsx reader accepts, is refused outright: LibreOffice could read neither.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

import xlrd

from formkit.model.document import Cell, Document, Location, Table
from formkit.model.errors import InputFileError
from formkit.readers.ooxml import fail
from formkit.readers.xlsx import MAX_CELLS
from formkit.readers.xlsx_parts import (
    BUILTIN_FORMATS,
    MAX_COL,
    MAX_ROW,
    format_kind,
    from_serial,
    place,
    span_merges,
)

__all__ = ["NativeRefused", "read_xls"]

_NUMERIC = (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE)


class NativeRefused(Exception):
    """xlrd cannot read this workbook; LibreOffice may still convert it."""


def read_xls(data: bytes, name: str) -> Document:
    """Read .xls/.et bytes; ``name`` is the file as the user gave it (for errors)."""
    book = _open(data, name)
    doc = Document(name, "xlsx")
    formats = _Formats(book)
    n_cells = 0
    for sheet in book.sheets():
        table = _read_sheet(name, sheet, formats, bool(book.datemode))
        n_cells += len(table.cells)
        if n_cells > MAX_CELLS:
            raise InputFileError("file-too-many-cells", name, detail=str(MAX_CELLS))
        doc.blocks.append(table)
    return doc


def _open(data: bytes, name: str) -> xlrd.book.Book:
    try:
        return xlrd.open_workbook(
            file_contents=data, formatting_info=True, ragged_rows=True, logfile=io.StringIO()
        )
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise fail(name, "file-encrypted") from exc
        raise NativeRefused(str(exc)) from exc
    except Exception as exc:  # xlrd lets struct/index/unicode errors of a damaged file escape
        raise NativeRefused(f"{type(exc).__name__}: {exc}") from exc


class _Formats:
    """Number format code and date kind per XF index (None, None for General)."""

    def __init__(self, book: xlrd.book.Book) -> None:
        self._book = book
        self._memo: dict[int, tuple[str | None, str | None]] = {}

    def of(self, xf_index: int) -> tuple[str | None, str | None]:
        found = self._memo.get(xf_index)
        if found is None:
            code = self._code(xf_index)
            found = (code, format_kind(code) if code else None)
            self._memo[xf_index] = found
        return found

    def _code(self, xf_index: int) -> str | None:
        book = self._book
        try:
            key = book.xf_list[xf_index].format_key
        except (IndexError, AttributeError):
            return None
        fmt = book.format_map.get(key)
        code = fmt.format_str if fmt is not None else BUILTIN_FORMATS.get(key)
        return None if not code or code == "General" else str(code)


def _read_sheet(name: str, sheet: xlrd.sheet.Sheet, formats: _Formats, date1904: bool) -> Table:
    title = str(sheet.name)
    cells: dict[tuple[int, int], Cell] = {}
    for r in range(min(sheet.nrows, MAX_ROW)):
        types = sheet.row_types(r)
        values = sheet.row_values(r)
        for c in range(min(len(types), MAX_COL)):
            kind = types[c]
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            fmt = formats.of(sheet.cell_xf_index(r, c))
            cell = _cell(title, r, c, kind, values[c], fmt, date1904)
            if cell is not None:
                cells[(r, c)] = cell
                if len(cells) > MAX_CELLS:
                    raise InputFileError("file-too-many-cells", name, detail=str(MAX_CELLS))
    span_merges(name, title, map(_bounds, sheet.merged_cells), cells)
    ordered = sorted(cells.values(), key=lambda cell: (cell.row, cell.col))
    n_rows = max((cell.row + cell.rowspan for cell in ordered), default=0)
    n_cols = max((cell.col + cell.colspan for cell in ordered), default=0)
    table = Table(ordered, n_rows, n_cols, Location(sheet=title), name=title)
    table.hidden = getattr(sheet, "visibility", 0) != 0  # 1 hidden, 2 very hidden
    return table


def _bounds(merge: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """xlrd's (rlo, rhi, clo, chi), ``hi`` exclusive → 0-based inclusive (r1, c1, r2, c2);
    None when empty, inverted or off the sheet (a damaged MERGEDCELLS record)."""
    rlo, rhi, clo, chi = merge
    if 0 <= rlo < rhi <= MAX_ROW and 0 <= clo < chi <= MAX_COL:
        return rlo, clo, rhi - 1, chi - 1
    return None


def _cell(
    sheet: str,
    r: int,
    c: int,
    kind: int,
    raw: object,
    fmt: tuple[str | None, str | None],
    date1904: bool,
) -> Cell | None:
    value, text = _typed(kind, raw, fmt[1], date1904)
    if value is None and not text:
        return None
    number_format = fmt[0] if kind in _NUMERIC else None
    location = place(sheet, r + 1, c + 1)
    return Cell(text, r, c, location, value=value, number_format=number_format)


def _typed(kind: int, raw: object, date_kind: str | None, date1904: bool) -> tuple[object, str]:
    """(value, text) as the .xlsx reader gives them."""
    if kind == xlrd.XL_CELL_TEXT:
        return raw, str(raw)
    if kind == xlrd.XL_CELL_BOOLEAN:
        on = bool(raw)
        return on, "TRUE" if on else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return None, xlrd.error_text_from_code.get(raw, "#N/A")
    if not isinstance(raw, int | float):
        return None, ""
    if date_kind is not None:
        moment = from_serial(raw, date_kind, date1904)
        if isinstance(moment, datetime):
            return moment, moment.isoformat(sep=" ")
        if isinstance(moment, date | time):
            return moment, moment.isoformat()
    if float(raw).is_integer() and abs(raw) < 2**53:
        return int(raw), str(int(raw))
    return raw, f"{raw:.15g}"
