"""Helpers shared by the cycle's workbooks: a titled table sheet, a findings sheet, money
cells, native charts, deterministic saving. Every value from submitted data goes through
:func:`formkit.writers.safe_cells.set_cell`."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypedDict

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from formkit.model.errors import OutputFileError
from formkit.model.findings import Finding
from formkit.model.resources import word_section
from formkit.writers.atomic import write_bytes_atomic
from formkit.writers.excel_limits import fit, sheet_title
from formkit.writers.forms_xlsx import BODY, BOLD, BOX, CENTRE, HEADER_FILL, LEFT, TITLE_FONT
from formkit.writers.ooxml_common import deterministic_package
from formkit.writers.safe_cells import set_cell


class SheetWords(TypedDict):  # a sheet's words in vocabulary/cycle.yaml
    sheet: str
    title: str


class TableWords(SheetWords):
    header: list[str]


class _FindingsWords(TableWords):
    none: str


class _WorkbookWords(TypedDict):  # vocabulary/cycle.yaml: workbook
    severity: dict[str, str]
    total_font: str
    findings: _FindingsWords
    total: str


MONEY = "0.00"
WORDS = word_section("cycle", "workbook", _WorkbookWords)
SEVERITY_ZH: dict[str, str] = WORDS["severity"]
TOTAL_FONT = Font(name=WORDS["total_font"], size=11, charset=134)
TOTAL: str = WORDS["total"]  # 合计


def new_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def table(
    book: Workbook,
    name: str,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[int] = (),
    money_cols: Iterable[int] = (),
) -> Worksheet:
    """A sheet: merged title row, header row, data rows (boxed); returns the sheet."""
    ws = book.create_sheet(sheet_title(name, book.sheetnames))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(row=1, column=1, value=title).font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = CENTRE
    ws.row_dimensions[1].height = 32
    for col, text in enumerate(header, 1):
        cell = ws.cell(row=2, column=col, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTRE
    money = set(money_cols)
    for r, row in enumerate(rows, 3):
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=col)
            set_cell(cell, float(value) if isinstance(value, Decimal) else value)
            cell.font, cell.border = BODY, BOX
            cell.alignment = LEFT if isinstance(value, str) and len(value) > 8 else CENTRE
            if col in money:
                cell.number_format = MONEY
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:2"
    return ws


def bold_last_row(ws: Worksheet) -> None:
    for cell in ws[ws.max_row]:
        cell.font = TOTAL_FONT


def findings_sheet(book: Workbook, findings: Sequence[tuple[str, Finding]]) -> Worksheet:
    """问题清单: one row per finding, with where it came from (file or zone)."""
    rows: list[tuple[Any, ...]] = [
        (n, SEVERITY_ZH.get(f.severity, f.severity), source, f.location or "", f.message(), f.code)
        for n, (source, f) in enumerate(findings, 1)
    ]
    words = WORDS["findings"]
    if not rows:
        rows = [("", "", "", "", words["none"], "")]
    header = tuple(words["header"])
    return table(book, words["sheet"], words["title"], header, rows, (6, 8, 36, 14, 70, 24))


def save(book: Workbook, path: Path, title: str) -> Path:
    """Save ``book`` to ``path`` atomically and deterministically."""
    book.properties.title = title
    book.properties.creator = "formkit"
    fit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    write(path, deterministic_package(buffer.getvalue(), title))
    return path


def write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise OutputFileError(
            "output-unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from exc
