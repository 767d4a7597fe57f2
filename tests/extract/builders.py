"""Build real .docx and .xlsx files for the extractor tests.

A table is written as rows of items: a string is one cell, ``Span(text, cols)`` a cell merged
across ``cols`` grid columns, and ``UP`` continues the cell above (a vertical merge), with
the same width as that cell. python-docx writes the merges as ``w:gridSpan`` / ``w:vMerge``;
openpyxl writes them as merged ranges.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import docx
import openpyxl

from formkit.model.document import Cell, Document, Location, Paragraph, Table


@dataclass(frozen=True)
class Span:
    text: object
    cols: int = 1


@dataclass(frozen=True)
class _Up:
    pass


UP = _Up()
Item = object  # str, Span, UP, a number or a Typed


@dataclass
class _Placed:
    row: int
    col: int
    cols: int
    rows: int
    value: object


def layout(rows: Sequence[Sequence[Item]]) -> tuple[list[_Placed], int, int]:
    """Place the items on a grid: origin cells with their spans, and the grid size."""
    placed: list[_Placed] = []
    above: dict[int, _Placed] = {}
    width = 0
    for r, row in enumerate(rows):
        col = 0
        current: dict[int, _Placed] = {}
        for item in row:
            if isinstance(item, _Up):
                origin = above[col]
                origin.rows += 1
                current[col] = origin
                col += origin.cols
                continue
            span = item if isinstance(item, Span) else Span(item)
            cell = _Placed(r, col, span.cols, 1, span.text)
            placed.append(cell)
            current[col] = cell
            col += span.cols
        above = current
        width = max(width, col)
    return placed, len(rows), width


# -- Word -----------------------------------------------------------------------------------


class WordDoc:
    """A .docx under construction: paragraphs and tables in order."""

    def __init__(self) -> None:
        self.doc = docx.Document()

    def para(self, text: str, heading: int = 0) -> WordDoc:
        if heading:
            self.doc.add_heading(text, level=heading)
        else:
            self.doc.add_paragraph(text)
        return self

    def table(self, rows: Sequence[Sequence[Item]]) -> WordDoc:
        placed, n_rows, n_cols = layout(rows)
        table = self.doc.add_table(rows=n_rows, cols=n_cols)
        table.style = "Table Grid"
        grid = [list(row.cells) for row in table.rows]  # before merging: one pass
        for p in placed:
            cell = grid[p.row][p.col]
            if p.cols > 1 or p.rows > 1:
                cell = cell.merge(grid[p.row + p.rows - 1][p.col + p.cols - 1])
            cell.text = "" if p.value is None else str(p.value)
        return self

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


# -- Excel ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Typed:
    """An Excel cell with a stored value and a number format (what Excel displays)."""

    value: object
    number_format: str = "General"


class Workbook:
    """An .xlsx under construction, one sheet per call to :meth:`sheet`."""

    def __init__(self) -> None:
        self.book = openpyxl.Workbook()
        self._first = True

    def sheet(self, name: str, rows: Sequence[Sequence[Item]], start_row: int = 1) -> Workbook:
        if self._first:
            ws = self.book.active
            assert ws is not None
            ws.title = name
            self._first = False
        else:
            ws = self.book.create_sheet(name)
        placed, _, _ = layout(rows)
        for p in placed:
            row, col = p.row + start_row, p.col + 1
            cell = ws.cell(row=row, column=col)
            value = p.value
            if isinstance(value, Typed):
                cell.value = value.value
                cell.number_format = value.number_format
            else:
                cell.value = None if value in (None, "") else value
            if p.cols > 1 or p.rows > 1:
                ws.merge_cells(
                    start_row=row,
                    start_column=col,
                    end_row=row + p.rows - 1,
                    end_column=col + p.cols - 1,
                )
        return self

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


# -- reading back -----------------------------------------------------------------------------


def read(data: bytes, kind: str, name: str = "form") -> Document:
    if kind == "docx":
        from formkit.readers.docx import read_docx

        return read_docx(data, f"{name}.docx")
    from formkit.readers.xlsx import read_xlsx

    return read_xlsx(data, f"{name}.xlsx")


# -- model objects, for pure logic ---------------------------------------------------------


def model_table(rows: Sequence[Sequence[Item]], number: int = 1) -> Table:
    """A :class:`Table` of the neutral model, as a Word reader would give it."""
    placed, n_rows, n_cols = layout(rows)
    cells = [
        Cell(
            "" if p.value is None else str(p.value),
            p.row,
            p.col,
            Location(table=number, row=p.row + 1, col=p.col + 1),
            p.rows,
            p.cols,
        )
        for p in placed
    ]
    return Table(cells, n_rows, n_cols, Location(table=number))


def model_doc(*blocks: str | Sequence[Sequence[Item]], kind: str = "docx") -> Document:
    """A document of paragraphs (strings) and tables (row lists), in order."""
    out: list[Paragraph | Table] = []
    tables = paragraphs = 0
    for block in blocks:
        if isinstance(block, str):
            paragraphs += 1
            out.append(Paragraph(block, Location(paragraph=paragraphs)))
        else:
            tables += 1
            out.append(model_table(block, tables))
    return Document("form.docx", kind, out)
