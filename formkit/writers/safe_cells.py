"""Values formkit writes into spreadsheets, neutralised against formula injection.

Text that a submitter typed (a project name, a contact) ends up in 汇总表.xlsx and CSV
exports. Text starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheet programs skip before such a character) may be taken as a formula
— ``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0`` — when the reviewer opens the file.

- :func:`neutralise` returns a value safe for any spreadsheet or CSV: such text gets a
  leading apostrophe (the OWASP advice). Numbers, dates, booleans and ``None`` are data,
  not text, and pass unchanged; so does text that is just a number (``-12.5``, ``+86``),
  which no program runs as a formula.
- :func:`set_cell` writes into an openpyxl cell without changing the text: the cell is
  typed as a string with Excel's *quote prefix* (what typing ``'=1+1`` in Excel does), so
  the reviewer sees exactly what was submitted and nothing is evaluated. Use it for every
  cell written from submitted data; use :func:`neutralise` for CSV.
"""

from __future__ import annotations

import re
from typing import TypeVar

from openpyxl.cell.cell import Cell

V = TypeVar("V")

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(,\d{3})*|\d*)(\.\d+)?%?")


def is_dangerous(value: object) -> bool:
    """Whether ``value`` is text a spreadsheet program could run as a formula."""
    if not isinstance(value, str) or not value:
        return False
    text = value.lstrip(" ")
    if not text.startswith(TRIGGERS):
        return False
    return not (_PLAIN_NUMBER.fullmatch(text) and any(ch.isdigit() for ch in text))


def neutralise(value: V) -> V | str:
    """``value`` with a leading apostrophe when it is text that could run as a formula."""
    if is_dangerous(value):
        return f"'{value}"
    return value


def set_cell(cell: Cell, value: object) -> None:
    """Write ``value`` into an openpyxl cell so that text is never taken as a formula."""
    cell.value = value
    if is_dangerous(value):
        cell.data_type = "s"
        cell.quotePrefix = True
