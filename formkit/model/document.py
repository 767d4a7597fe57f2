"""The neutral document model every reader produces and the extractor consumes.

Readers know formats, not forms: a .docx, .xlsx or .pdf becomes a :class:`Document` of
:class:`Paragraph` and :class:`Table` blocks in reading order. A table is a list of *origin*
cells with real spans (a merged cell appears once, never duplicated); :meth:`Table.grid`
gives the positional view where every grid slot points at the cell covering it.

Checkboxes of every kind (w14, legacy FORMCHECKBOX, typed glyphs) reach the model as the
glyphs ``☑`` (checked) and ``☐`` (unchecked) inside the text, so one normaliser handles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from formkit.model.resources import text_map

if TYPE_CHECKING:
    from formkit.model.findings import Finding

CHECKED = "☑"
UNCHECKED = "☐"

# Checkbox glyphs of the symbol fonts Word inserts (插入符号), by font family and the glyph's
# low byte: .docx names them as w:sym font="Wingdings" char="F0FE", a PDF as the private-use
# character U+F0FE or, without a character map, as the bare byte 0xFE.
SYMBOL_BOXES: dict[tuple[str, int], str] = {
    ("wingdings", 0xFE): CHECKED,
    ("wingdings", 0x78): "☒",
    ("wingdings", 0xA8): UNCHECKED,
    ("wingdings", 0x6F): UNCHECKED,
    ("wingdings", 0xFC): "√",
    ("wingdings2", 0x52): CHECKED,
    ("wingdings2", 0x54): "☒",
    ("wingdings2", 0xA3): UNCHECKED,
    ("wingdings2", 0x50): "√",
}


_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def symbol_family(fontname: str) -> str:
    """``wingdings`` or ``wingdings2`` for the symbol fonts whose checkboxes are known
    (``Wingdings``, ``Wingdings 2``, a PDF's ``ABCDEF+Wingdings-Regular``), else ``""``."""
    name = re.sub(r"[^a-z0-9]", "", _SUBSET_TAG.sub("", fontname).lower())
    if name.startswith("wingdings2"):
        return "wingdings2"
    if name.startswith("wingdings") and not name[9:10].isdigit():
        return "wingdings"
    return ""


def symbol_box(family: str, code: int) -> str | None:
    """The checkbox a symbol font's glyph shows (``family`` ``wingdings``/``wingdings2``;
    ``code`` the glyph as U+F0xx or its bare byte), or None."""
    if code > 0xFF and code & 0xFF00 != 0xF000:
        return None
    return SYMBOL_BOXES.get((family, code & 0xFF))


def column_letter(col: int) -> str:
    """1-based column number → Excel letters (1 → A, 27 → AA)."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Location:
    """A place inside one file, printed the way a clerk would look for it.

    Rows and columns are 1-based as printed. A spreadsheet place reads ``指标!D7``; a Word
    place ``表1 第3行第2列`` or ``第5段``; a PDF place gains ``第2页``.
    """

    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    page: int | None = None
    area: str | None = None  # "header" | "footer": a Word page header's or footer's text

    def __str__(self) -> str:
        if (
            self.table is not None
            and self.row is not None
            and self.col is not None
            and self.sheet is None
            and self.page is None
            and self.paragraph is None
            and self.area is None
        ):  # a Word table's cell, most places of a form: one format, not three and a join
            return TABLE_CELL.format(table=self.table, row=self.row, col=self.col)
        return self.words()

    def words(self) -> str:
        """The place as :meth:`__str__` prints it, built part by part."""
        if self.sheet is not None:
            if self.row is not None and self.col is not None:
                return f"{self.sheet}!{column_letter(self.col)}{self.row}"
            if self.row is not None:
                return PLACE["sheet_row"].format(sheet=self.sheet, row=self.row)
            return self.sheet
        parts: list[str] = []
        if self.page is not None:
            parts.append(PLACE["page"].format(page=self.page))
        if self.table is not None:
            parts.append(PLACE["table"].format(table=self.table))
        if self.row is not None:
            cell = PLACE["row"].format(row=self.row)
            if self.col is not None:
                cell += PLACE["col"].format(col=self.col)
            parts.append(cell)
        if self.paragraph is not None:
            parts.append(PLACE["paragraph"].format(paragraph=self.paragraph))
        if self.area is not None:
            return AREAS.get(self.area, self.area) + "".join(parts)
        return " ".join(parts)


PLACE: dict[str, str] = text_map("readers", "place")
AREAS = {"header": PLACE["header"], "footer": PLACE["footer"]}
TABLE_CELL = f"{PLACE['table']} {PLACE['row']}{PLACE['col']}"  # what words() makes of a cell


@dataclass
class Cell:
    """One origin cell of a table.

    ``row``/``col`` are 0-based grid coordinates of its top-left slot. ``value`` is the
    typed value a spreadsheet stored (int, float, datetime, bool, str) or ``None`` when only
    text exists; ``text`` is always the cell's text (for spreadsheets: the stored value as
    text, never the number-formatted display). ``number_format`` is a spreadsheet cell's
    number format code when it is not General (``0.0%``, ``yyyy"年"m"月"``), else ``None``.
    """

    text: str
    row: int
    col: int
    location: Location
    rowspan: int = 1
    colspan: int = 1
    value: object = None
    formula: str | None = None
    tables: list[Table] = field(default_factory=list)
    number_format: str | None = None

    @property
    def end_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def end_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass
class Table:
    """A table (Word) or a sheet's used range (Excel), as origin cells with spans."""

    cells: list[Cell]
    n_rows: int
    n_cols: int
    location: Location
    name: str | None = None  # sheet name for spreadsheets
    hidden: bool = False  # a hidden worksheet (still read: its cells may hold the data)
    # Both views are made once, on first use: a table is not changed once its reader is done.
    _grid: list[list[Cell | None]] | None = field(default=None, repr=False, compare=False)
    _rows: list[list[Cell]] | None = field(default=None, repr=False, compare=False)

    def grid(self) -> list[list[Cell | None]]:
        """Row-major grid; a spanned slot holds the same Cell object as its origin."""
        if self._grid is None:
            grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
            for cell in self.cells:
                for r in range(cell.row, min(cell.end_row, self.n_rows - 1) + 1):
                    for c in range(cell.col, min(cell.end_col, self.n_cols - 1) + 1):
                        grid[r][c] = cell
            self._grid = grid
        return self._grid

    def rows(self) -> list[list[Cell]]:
        """Origin cells grouped by the row they start in, left to right (do not modify)."""
        if self._rows is None:
            rows: list[list[Cell]] = [[] for _ in range(self.n_rows)]
            for cell in self.cells:
                rows[cell.row].append(cell)
            for row in rows:
                row.sort(key=lambda c: c.col)
            self._rows = rows
        return self._rows


@dataclass
class Paragraph:
    """A paragraph outside tables; ``level`` is its heading level (0 = body text)."""

    text: str
    location: Location
    level: int = 0
    style: str | None = None


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader made of one file.

    ``name`` is the file as the user gave it (``a.zip!x/申报表.docx`` for archive members).
    ``notes`` are reader findings about the file itself (tracked changes, formulas without
    a cached value, macros), reported as warnings with the form's findings.
    """

    name: str
    kind: str  # "docx" | "xlsx" | "pdf"
    blocks: list[Block] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    # Page headers and footers (Word), one paragraph per line, each text once.
    headers: list[Paragraph] = field(default_factory=list)
    footers: list[Paragraph] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def all_tables(self) -> list[Table]:
        """Top-level tables followed by nested ones, depth first."""
        found: list[Table] = []

        def visit(table: Table) -> None:
            found.append(table)
            for cell in table.cells:
                for inner in cell.tables:
                    visit(inner)

        for table in self.tables:
            visit(table)
        return found
