"""Limits Excel enforces beyond the schema, applied to a workbook just before it is saved.

Excel refuses or "repairs" a workbook that passes them, and a bureau's own spec (long choices,
a long form title) or long submitted text can reach them:

- a list drop-down given as text (``"a,b,c"``) holds at most 255 characters, and no item may
  contain a comma: a longer list goes to a hidden sheet and the drop-down points at its range;
- a data validation's prompt and error titles hold 32 characters, their texts 255;
- a sheet name holds 31 characters, none of ``[]:*?/\\``, and does not start or end with ``'``;
- a row is at most 409 points high, a column at most 255 characters wide.

:func:`wrapped_height` estimates the height a row of wrapped text needs, within the limit.

:func:`fit` applies them to a workbook's drop-downs, rows and columns; sheet names are made
valid where they are given (:func:`sheet_title`), as openpyxl refuses an invalid one at once.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from formkit.model.resources import word
from formkit.writers.safe_cells import set_cell

MAX_LIST_FORMULA = 255  # the literal list, quotes included
MAX_TITLE, MAX_TEXT = 32, 255  # a validation's prompt/error title and text
MAX_SHEET_NAME = 31
MAX_ROW_HEIGHT = 409.0  # points
MAX_COLUMN_WIDTH = 255.0  # characters
LISTS_SHEET = word("writers", "lists_sheet")  # the hidden sheet that holds long drop-down lists
_BAD_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: Sequence[str] = ()) -> str:
    """``name`` as Excel accepts a sheet name, distinct from ``taken`` (case-insensitive)."""
    base = _BAD_IN_SHEET_NAME.sub("_", name).strip("'") or "Sheet"
    title, n = base[:MAX_SHEET_NAME], 1
    used = {t.casefold() for t in taken}
    while title.casefold() in used:
        n += 1
        suffix = f"({n})"
        title = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    return title


# A line of 11 pt text as LibreOffice and Excel draw it with a CJK fallback font, and the
# cell's own padding; a column's width counts characters of the width of "0", a CJK
# character is two of them.
LINE_PT, PADDING_PT = 16.0, 4.0


def text_width(text: str) -> int:
    """``text``'s width in "0" characters: wide (CJK, full-width) characters count two."""
    if text.isascii():
        return len(text)
    # per character through a memo: a 汇总表 of 1,000 zones measures ~40,000 cells
    return sum(map(_char_width, text))


@functools.cache
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    usable = max(1.0, width - 1)  # Excel keeps about a character of margin
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in text.split("\n"))


def wrapped_height(cells: Iterable[tuple[object, float]]) -> float:
    """The height (pt) a row needs so that every (value, column width) shows whole."""
    lines = max((wrapped_lines(str(v), w) for v, w in cells if v not in (None, "")), default=1)
    return min(MAX_ROW_HEIGHT, lines * LINE_PT + PADDING_PT)


def fit(book: Workbook) -> None:
    """Bring every sheet of ``book`` within Excel's limits (see the module docstring)."""
    lists = _ListSheet(book)
    for ws in list(book.worksheets):
        _fit_dimensions(ws)
        for dv in ws.data_validations.dataValidation:
            _fit_validation(dv, lists)


def _fit_dimensions(ws: Worksheet) -> None:
    for row in ws.row_dimensions.values():
        if row.height is not None and row.height > MAX_ROW_HEIGHT:
            row.height = MAX_ROW_HEIGHT
    for column in ws.column_dimensions.values():
        if column.width is not None and column.width > MAX_COLUMN_WIDTH:
            column.width = MAX_COLUMN_WIDTH


def _fit_validation(dv: DataValidation, lists: _ListSheet) -> None:
    for attr, limit in (("promptTitle", MAX_TITLE), ("errorTitle", MAX_TITLE)):
        _clip(dv, attr, limit)
    for attr in ("prompt", "error"):
        _clip(dv, attr, MAX_TEXT)
    formula = dv.formula1 or ""
    if dv.type == "list" and formula.startswith('"') and len(formula) > MAX_LIST_FORMULA:
        dv.formula1 = lists.range_of(formula[1:-1].split(","))


def _clip(dv: DataValidation, attr: str, limit: int) -> None:
    text = getattr(dv, attr)
    if text and len(text) > limit:
        setattr(dv, attr, text[: limit - 1] + "…")


class _ListSheet:
    """The hidden sheet of long drop-down lists, one column per list, made when first needed."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.ws: Worksheet | None = None
        self.columns = 0

    def range_of(self, items: Sequence[str]) -> str:
        if self.ws is None:
            self.ws = self.book.create_sheet(sheet_title(LISTS_SHEET, self.book.sheetnames))
            self.ws.sheet_state = "hidden"
        self.columns += 1
        for row, item in enumerate(items, start=1):
            set_cell(self.ws.cell(row=row, column=self.columns), item)  # never a formula
        letter = get_column_letter(self.columns)
        return f"{quote_sheetname(self.ws.title)}!${letter}$1:${letter}${len(items)}"
