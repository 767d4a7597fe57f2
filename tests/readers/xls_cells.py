"""formkit's .xls cells against an independent reading of the same file (python-calamine, a
separate BIFF parser in Rust) — used by the corpus test and ``benchmarks/bench_xls.py``.

Both sides are reduced to ``{(sheet, row, col): text}`` of non-empty cells (0-based). A cell
agrees when both readings give the same text; a cell only one side has counts against.
Excluded, because calamine cannot say: error cells (calamine reports them empty) and the
slots a merged range hides (formkit keeps only the origin, as for .xlsx).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import python_calamine as calamine

from formkit.model.document import Document

Key = tuple[str, int, int]
ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}


def calamine_cells(data: bytes) -> dict[Key, str]:
    """Every non-empty worksheet cell calamine reads, as text the way formkit writes it."""
    found: dict[Key, str] = {}
    book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    with book:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            for r, row in enumerate(sheet.to_python(skip_empty_area=False)):
                if row.count("") == len(row):
                    continue
                for c, value in enumerate(row):
                    if value != "":
                        found[(meta.name, r, c)] = as_text(value)
    return found


def as_text(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, timedelta):
        value = (datetime.min + value).time() if value < timedelta(days=1) else value.days
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


def formkit_cells(doc: Document) -> tuple[dict[Key, str], set[Key]]:
    """formkit's non-empty cells, and the slots its merged ranges hide."""
    cells: dict[Key, str] = {}
    hidden: set[Key] = set()
    for table in doc.tables:
        name = table.name or ""
        for cell in table.cells:
            if cell.text:
                cells[(name, cell.row, cell.col)] = cell.text
            if cell.rowspan * cell.colspan > 1:
                for r in range(cell.row, cell.end_row + 1):
                    for c in range(cell.col, cell.end_col + 1):
                        if (r, c) != (cell.row, cell.col):
                            hidden.add((name, r, c))
    return cells, hidden


@dataclass
class Agreement:
    agree: int = 0
    total: int = 0
    differ: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.agree / self.total if self.total else 1.0

    def add(self, other: Agreement) -> Agreement:
        return Agreement(
            self.agree + other.agree, self.total + other.total, self.differ + other.differ
        )


def agreement(doc: Document, independent: dict[Key, str], label: str = "") -> Agreement:
    """How many of the cells either reading has agree (errors and hidden slots excluded)."""
    ours, hidden = formkit_cells(doc)
    result = Agreement()
    for key in sorted(set(ours) | set(independent)):
        if key in hidden or ours.get(key) in ERRORS:
            continue
        result.total += 1
        if _same(ours.get(key), independent.get(key)):
            result.agree += 1
        elif len(result.differ) < 20:
            result.differ.append(f"{label} {key}: {ours.get(key)!r} ≠ {independent.get(key)!r}")
    return result


def _same(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    try:  # the last binary digit of a float printed at 15 significant digits
        return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-9 * abs(float(b))
    except ValueError:
        return False
