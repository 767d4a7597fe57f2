"""Read a .xlsx into the neutral :class:`~formkit.readers.model.Document` by walking its XML.

One :class:`~formkit.readers.model.Table` per worksheet, in workbook order (chart, dialog
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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from lxml import etree

from formkit.findings import Finding, finding
from formkit.readers.model import Cell, Document, Location, Table, column_letter
from formkit.readers.ooxml import Package, Rel, fail, is_on, local_name, open_package

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

MAX_CELLS = 200_000  # value cells in the whole workbook
MAX_SHARED_STRINGS = 400_000
MAX_MERGES = 20_000  # merged ranges per sheet
MAX_GRID = 5_000_000  # n_rows × n_cols of one sheet's table
MAX_ROW, MAX_COL = 1_048_576, 16_384
MERGE_WORK = 10_000_000  # steps spent dropping cells hidden by merges, per sheet


def _s(name: str) -> str:
    return f"{{{S_NS}}}{name}"


ROW, C, V, F, IS, T, R, SI = (_s(n) for n in ("row", "c", "v", "f", "is", "t", "r", "si"))
MERGE_CELL = _s("mergeCell")

# Built-in number formats that show dates/times (ECMA-376 §18.8.30 plus the CJK ids).
_TIME_ONLY_IDS = {18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56}
_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_A1 = re.compile(r"(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(])")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_COLUMNS: dict[str, int] = {}
EPOCH_1900, EPOCH_1904 = datetime(1899, 12, 30), datetime(1904, 1, 1)
LAST_SERIAL = 2_958_466  # 9999-12-31 + 1


def read_xlsx(source: str | Path | bytes, name: str) -> Document:
    """Read a .xlsx (path or bytes); ``name`` is the file as the user gave it (for errors)."""
    package = open_package(source, name)
    main = package.main_part()
    root = package.xml(main)
    if local_name(root.tag) != "workbook":
        raise fail(name, "file-unknown-type", f"{main} 不是 Excel 工作簿")
    rels = {rel.id: rel for rel in package.rels(main)}
    book = _Book(
        name=name,
        strings=_shared_strings(package, rels.values()),
        date_kinds=_date_styles(package, rels.values()),
        date1904=_is_1904(root),
    )
    doc = Document(name, "xlsx")
    sheets = root.find(_s("sheets"))
    for sheet in sheets.iterchildren(_s("sheet")) if sheets is not None else ():
        rel = rels.get(sheet.get(R_ID) or "")
        if rel is None or not rel.is_type("worksheet") or not package.has(rel.target):
            continue
        sheet_name = sheet.get("name") or rel.target
        doc.blocks.append(_read_sheet(book, sheet_name, package.xml(rel.target)))
    if book.no_value:
        doc.notes.append(_no_value_note(book.no_value))
    return doc


@dataclass
class _Book:
    """What every sheet needs from the workbook, and what the sheets report back."""

    name: str
    strings: list[str]
    date_kinds: list[str | None]  # per cell style (xf) index: "date"/"datetime"/"time"/None
    date1904: bool
    n_cells: int = 0
    no_value: list[str] = field(default_factory=list)  # "指标!F12" of formulas without a value


def _no_value_note(places: list[str]) -> Finding:
    detail = places[0] if len(places) == 1 else f"{places[0]} 等 {len(places)} 处"
    return finding("formula-no-value", location=places[0], detail=detail)


# --- workbook parts -------------------------------------------------------------------------


def _part(package: Package, rels: Iterable[Rel], kind: str) -> str | None:
    for rel in rels:
        if rel.is_type(kind) and not rel.external and package.has(rel.target):
            return rel.target
    return None


def _is_1904(workbook: etree._Element) -> bool:
    props = workbook.find(_s("workbookPr"))
    value = props.get("date1904") if props is not None else None
    return value is not None and is_on(value)


def _shared_strings(package: Package, rels: Iterable[Rel]) -> list[str]:
    part = _part(package, rels, "sharedStrings")
    if part is None:
        return []
    strings: list[str] = []
    for si in package.xml(part).iterchildren(SI):
        strings.append(_rich_text(si))
        if len(strings) > MAX_SHARED_STRINGS:
            raise fail(package.name, "file-too-large", f"共享字符串超过 {MAX_SHARED_STRINGS} 个")
    return strings


def _rich_text(item: etree._Element) -> str:
    """Text of an ``si``/``is`` item: a plain ``t`` or rich-text runs ``r/t``; no phonetics."""
    parts: list[str] = []
    for child in item:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag == R:
            for t in child.iterchildren(T):
                parts.append(t.text or "")
    text = "".join(parts)
    if "_x" in text:
        text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def _date_styles(package: Package, rels: Iterable[Rel]) -> list[str | None]:
    """For each cell style index, whether its number format shows a date or time."""
    part = _part(package, rels, "styles")
    if part is None:
        return []
    root = package.xml(part)
    custom: dict[int, str] = {}
    formats = root.find(_s("numFmts"))
    for fmt in formats.iterchildren(_s("numFmt")) if formats is not None else ():
        custom[_int(fmt.get("numFmtId"), -1)] = fmt.get("formatCode") or ""
    kinds: list[str | None] = []
    xfs = root.find(_s("cellXfs"))
    for xf in xfs.iterchildren(_s("xf")) if xfs is not None else ():
        fmt_id = _int(xf.get("numFmtId"), 0)
        kinds.append(format_kind(custom[fmt_id]) if fmt_id in custom else _builtin_kind(fmt_id))
    return kinds


def _builtin_kind(fmt_id: int) -> str | None:
    if fmt_id not in _DATE_IDS:
        return None
    if fmt_id in _TIME_ONLY_IDS:
        return "time"
    return "datetime" if fmt_id == 22 else "date"


def format_kind(code: str) -> str | None:
    """ "date", "datetime", "time" or None for a number format code like ``yyyy"年"m"月"``."""
    section = code.split(";", 1)[0]
    elapsed = re.search(r"\[(?:h+|m+|s+)\]", section, re.IGNORECASE) is not None
    tokens = _FORMAT_NOISE.sub("", section).lower()
    has_date = any(ch in tokens for ch in "yd")
    has_time = elapsed or any(ch in tokens for ch in "hs")
    if "m" in tokens and not has_time:
        has_date = True
    if has_date:
        return "datetime" if has_time else "date"
    return "time" if has_time else None


# --- sheets ---------------------------------------------------------------------------------


def _read_sheet(book: _Book, sheet: str, root: etree._Element) -> Table:
    cells: dict[tuple[int, int], Cell] = {}
    masters: dict[str, tuple[int, int, str]] = {}  # shared formula id → (row, col, text)
    data = root.find(_s("sheetData"))
    row_no = 0
    for row in data.iterchildren(ROW) if data is not None else ():
        row_no = _int(row.get("r"), row_no + 1)
        col_no = 0
        for c in row.iterchildren(C):
            ref = c.get("r")
            row_at, col_no = _parse_ref(ref) if ref else (row_no, col_no + 1)
            if not (1 <= row_at <= MAX_ROW and 1 <= col_no <= MAX_COL):
                continue
            cell = _read_cell(book, sheet, c, row_at, col_no, masters)
            if cell is not None:
                book.n_cells += 1
                if book.n_cells > MAX_CELLS:
                    raise fail(book.name, "file-too-large", f"单元格超过 {MAX_CELLS} 个")
                cells[(row_at - 1, col_no - 1)] = cell
    _apply_merges(book, sheet, root, cells)
    return _table(book, sheet, cells)


def _parse_ref(ref: str) -> tuple[int, int]:
    """ "AB12" → (12, 28); (0, 0) when malformed."""
    digits = ref.lstrip(_LETTERS)
    col = _column_number(ref[: len(ref) - len(digits)])
    return (int(digits), col) if col and digits.isdigit() else (0, 0)


def _column_number(letters: str) -> int:
    """ "AB" → 28, memoised (a sheet has few distinct columns); 0 when not letters."""
    number = _COLUMNS.get(letters)
    if number is None:
        number = 0
        for ch in letters:
            number = number * 26 + ord(ch) - 64
        number = number if 0 < len(letters) <= 3 and letters.isupper() else 0
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = number
    return number


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
        return None  # a styled but empty cell
    location = Location(sheet=sheet, row=row, col=col)
    kind = c.get("t") or "n"
    if inline is not None:
        text = _rich_text(inline)
        value: object = text
    elif v is None or (not v.text and kind not in ("str", "s")):
        if f is None:
            return None  # an empty <v/>: nothing stored
        value, text = None, ""
        book.no_value.append(str(location))
    else:
        value, text = _value(book, kind, v.text or "", c.get("s"))
    formula = _formula(f, row, col, masters) if f is not None else None
    return Cell(text, row - 1, col - 1, location, value=value, formula=formula)


def _value(book: _Book, kind: str, raw: str, style: str | None) -> tuple[object, str]:
    """(typed value, text) of a cached ``v`` according to the cell type and style."""
    if kind == "s":
        index = _int(raw, -1)
        text = book.strings[index] if 0 <= index < len(book.strings) else ""
        return text, text
    if kind == "b":
        on = raw.strip() in ("1", "true")
        return on, "TRUE" if on else "FALSE"
    if kind == "e":
        return None, raw
    if kind == "d":
        return _iso_date(raw)
    if kind in ("str", "inlineStr"):
        return raw, raw
    number = _number(raw)
    if number is None:
        return raw, raw
    xf = _int(style, 0)
    date_kind = book.date_kinds[xf] if 0 <= xf < len(book.date_kinds) else None
    if date_kind is not None:
        moment = _from_serial(number, date_kind, book.date1904)
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


def _from_serial(serial: float, kind: str, date1904: bool) -> date | datetime | time | None:
    """An Excel serial day number → date/datetime/time; None when out of range."""
    if not 0 <= serial < LAST_SERIAL:
        return None
    if kind == "time" and serial >= 1:
        return None  # a duration such as [h]:mm beyond one day stays a number
    if date1904:
        moment = EPOCH_1904 + timedelta(days=serial)
    else:
        moment = EPOCH_1900 + timedelta(days=serial + 1 if 0 < serial < 60 else serial)
    moment = _round_second(moment)
    if kind == "date":
        return moment.date()
    if kind == "time":
        return moment.time()
    return moment


def _round_second(moment: datetime) -> datetime:
    if moment.microsecond >= 500_000:
        moment += timedelta(seconds=1)
    return moment.replace(microsecond=0)


def _iso_date(raw: str) -> tuple[object, str]:
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return raw, raw
    if "T" not in raw and " " not in raw.strip():
        return moment.date(), moment.date().isoformat()
    return moment, moment.isoformat(sep=" ")


def _formula(
    f: etree._Element, row: int, col: int, masters: dict[str, tuple[int, int, str]]
) -> str:
    """``=`` + the formula; a shared formula's dependent gets the master's, re-based."""
    text = f.text or ""
    shared = f.get("t") == "shared" and f.get("si") is not None
    if shared and text:
        masters[f.get("si") or ""] = (row, col, text)
    elif shared and not text:
        master = masters.get(f.get("si") or "")
        if master is not None:
            text = shift_formula(master[2], row - master[0], col - master[1])
    return "=" + text


def shift_formula(formula: str, rows: int, cols: int) -> str:
    """Move the relative A1 references of ``formula`` by (rows, cols); "" strings untouched."""
    parts = formula.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = _A1.sub(lambda m: _shift_ref(m, rows, cols), parts[i])
    return '"'.join(parts)


def _shift_ref(match: re.Match[str], rows: int, cols: int) -> str:
    col_abs, letters, row_abs, digits = match.groups()
    col = _column_number(letters)
    row = int(digits)
    if not col or col > MAX_COL:
        return match.group(0)
    col = col if col_abs else col + cols
    row = row if row_abs else row + rows
    if col < 1 or row < 1:
        return "#REF!"
    return f"{col_abs}{column_letter(col)}{row_abs}{row}"


def _apply_merges(
    book: _Book, sheet: str, root: etree._Element, cells: dict[tuple[int, int], Cell]
) -> None:
    """Give each merged range's origin its spans; drop the cells the range hides."""
    merges = root.find(_s("mergeCells"))
    if merges is None:
        return
    budget = MERGE_WORK
    for n, merge in enumerate(merges.iterchildren(MERGE_CELL)):
        if n >= MAX_MERGES:
            raise fail(book.name, "file-too-large", f"工作表“{sheet}”合并区域超过 {MAX_MERGES} 个")
        bounds = _parse_range(merge.get("ref") or "")
        if bounds is None:
            continue
        r1, c1, r2, c2 = bounds
        origin = cells.get((r1, c1))
        if origin is None:
            origin = Cell("", r1, c1, Location(sheet=sheet, row=r1 + 1, col=c1 + 1))
            cells[(r1, c1)] = origin
        origin.rowspan, origin.colspan = r2 - r1 + 1, c2 - c1 + 1
        budget -= _drop_covered(cells, bounds)
        if budget < 0:
            raise fail(book.name, "file-too-large", f"工作表“{sheet}”合并区域过多")


def _parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """ "B2:D4" → 0-based (r1, c1, r2, c2); None when malformed or out of the sheet."""
    first, _, last = ref.partition(":")
    (r1, c1), (r2, c2) = _parse_ref(first), _parse_ref(last or first)
    if not (1 <= r1 <= r2 <= MAX_ROW and 1 <= c1 <= c2 <= MAX_COL):
        return None
    return r1 - 1, c1 - 1, r2 - 1, c2 - 1


def _drop_covered(cells: dict[tuple[int, int], Cell], bounds: tuple[int, int, int, int]) -> int:
    """Remove the non-origin cells inside a range; returns the work done."""
    r1, c1, r2, c2 = bounds
    area = (r2 - r1 + 1) * (c2 - c1 + 1)
    if area <= len(cells):
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    cells.pop((r, c), None)
        return area
    hidden = [pos for pos in cells if r1 <= pos[0] <= r2 and c1 <= pos[1] <= c2 and pos != (r1, c1)]
    for pos in hidden:
        del cells[pos]
    return len(cells) + len(hidden)


def _table(book: _Book, sheet: str, cells: dict[tuple[int, int], Cell]) -> Table:
    ordered = sorted(cells.values(), key=lambda cell: (cell.row, cell.col))
    n_rows = n_cols = 0
    for cell in ordered:
        n_rows = max(n_rows, cell.row + cell.rowspan)
        n_cols = max(n_cols, cell.col + cell.colspan)
    if n_rows * n_cols > MAX_GRID:
        raise fail(
            book.name,
            "file-too-large",
            f"工作表“{sheet}”的使用范围过大（{n_rows} 行 × {n_cols} 列）",
        )
    return Table(ordered, n_rows, n_cols, Location(sheet=sheet), name=sheet)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
