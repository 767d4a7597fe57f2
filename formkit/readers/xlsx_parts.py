"""Workbook parts the .xlsx reader draws on: shared strings, cell styles (date formats),
serial dates, formulas (shared-formula re-basing) and merged ranges.

Everything here works on lxml elements of one part; :mod:`formkit.readers.xlsx` walks the
sheets and builds the cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from lxml import etree

from formkit.model.document import Cell, Location, column_letter
from formkit.readers.ooxml import Package, PartMemo, Rel, fail, is_on

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

MAX_SHARED_STRINGS = 400_000
MAX_MERGES = 20_000  # merged ranges per sheet
MAX_ROW, MAX_COL = 1_048_576, 16_384
MERGE_WORK = 10_000_000  # steps spent dropping cells hidden by merges, per sheet


def s_tag(name: str) -> str:
    """The Clark name of a SpreadsheetML element (``{ns}row``)."""
    return f"{{{S_NS}}}{name}"


T, R, SI = (s_tag(n) for n in ("t", "r", "si"))
MERGE_CELL = s_tag("mergeCell")

# Built-in number formats that show dates/times (ECMA-376 §18.8.30 plus the CJK ids).
_TIME_ONLY_IDS = {18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56}
_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
# Codes of the built-in number formats other than General (ECMA-376 §18.8.30).
BUILTIN_FORMATS: dict[int, str] = {
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_A1 = re.compile(r"(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(])")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_COLUMNS: dict[str, int] = {}
_REFS: dict[str, tuple[int, int]] = {}
_PLACES: dict[tuple[str, int, int], Location] = {}
MEMO_SIZE = 50_000  # entries of each address memo
EPOCH_1900, EPOCH_1904 = datetime(1899, 12, 30), datetime(1904, 1, 1)
LAST_SERIAL = 2_958_466  # 9999-12-31 + 1


# --- workbook-level parts -------------------------------------------------------------------


def find_part(package: Package, rels: Iterable[Rel], kind: str) -> str | None:
    for rel in rels:
        if rel.is_type(kind) and not rel.external and package.has(rel.target):
            return rel.target
    return None


def is_1904(workbook: etree._Element) -> bool:
    props = workbook.find(s_tag("workbookPr"))
    value = props.get("date1904") if props is not None else None
    return value is not None and is_on(value)


def shared_strings(package: Package, rels: Iterable[Rel]) -> list[str]:
    part = find_part(package, rels, "sharedStrings")
    if part is None:
        return []
    strings: list[str] = []
    for si in package.xml(part).iterchildren(SI):
        strings.append(rich_text(si))
        if len(strings) > MAX_SHARED_STRINGS:
            raise fail(
                package.name, "file-too-large", reason="shared-strings", limit=MAX_SHARED_STRINGS
            )
    return strings


def rich_text(item: etree._Element) -> str:
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


class Style(NamedTuple):
    """What the reader needs of one cell style (``xf``): its date kind and format code."""

    date_kind: str | None  # "date" / "datetime" / "time" / None
    number_format: str | None  # the format code; None for General


_STYLES: PartMemo[tuple[Style, ...]] = PartMemo(64)  # per styles part: one per template


def cell_styles(package: Package, rels: Iterable[Rel]) -> tuple[Style, ...]:
    """For each cell style index, whether its number format shows a date or time, and the
    format code itself (``None`` for General)."""
    part = find_part(package, rels, "styles")
    if part is None:
        return ()
    return _STYLES.read(package, part, lambda: _read_styles(package, part))


def _read_styles(package: Package, part: str) -> tuple[Style, ...]:
    root = package.xml(part)
    custom: dict[int, str] = {}
    formats = root.find(s_tag("numFmts"))
    for fmt in formats.iterchildren(s_tag("numFmt")) if formats is not None else ():
        custom[to_int(fmt.get("numFmtId"), -1)] = fmt.get("formatCode") or ""
    styles: list[Style] = []
    xfs = root.find(s_tag("cellXfs"))
    for xf in xfs.iterchildren(s_tag("xf")) if xfs is not None else ():
        fmt_id = to_int(xf.get("numFmtId"), 0)
        if fmt_id in custom:
            code = custom[fmt_id]
            styles.append(Style(format_kind(code), code if code != "General" else None))
        else:
            styles.append(Style(_builtin_kind(fmt_id), BUILTIN_FORMATS.get(fmt_id)))
    return tuple(styles)


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


# --- serial dates ---------------------------------------------------------------------------


def from_serial(serial: float, kind: str, date1904: bool) -> date | datetime | time | None:
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


def iso_date(raw: str) -> tuple[object, str]:
    """A ``t="d"`` cell's ISO 8601 text → (date or datetime, text); the raw text if not ISO."""
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return raw, raw
    if "T" not in raw and " " not in raw.strip():
        return moment.date(), moment.date().isoformat()
    return moment, moment.isoformat(sep=" ")


# --- references and formulas ----------------------------------------------------------------


def parse_ref(ref: str) -> tuple[int, int]:
    """ "AB12" → (12, 28); (0, 0) when malformed. Memoised: forms use the same addresses."""
    found = _REFS.get(ref)
    if found is None:
        digits = ref.lstrip(_LETTERS)
        col = column_number(ref[: len(ref) - len(digits)])
        found = (int(digits), col) if col and digits.isdigit() else (0, 0)
        if len(_REFS) >= MEMO_SIZE:
            _REFS.clear()
        _REFS[ref] = found
    return found


def column_number(letters: str) -> int:
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


def formula_text(
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
    col = column_number(letters)
    row = int(digits)
    if not col or col > MAX_COL:
        return match.group(0)
    col = col if col_abs else col + cols
    row = row if row_abs else row + rows
    if col < 1 or row < 1:
        return "#REF!"
    return f"{col_abs}{column_letter(col)}{row_abs}{row}"


def place(sheet: str, row: int, col: int) -> Location:
    """The (immutable, so shared) location of a 1-based cell address, memoised."""
    key = (sheet, row, col)
    found = _PLACES.get(key)
    if found is None:
        found = Location(sheet=sheet, row=row, col=col)
        if len(_PLACES) >= MEMO_SIZE:
            _PLACES.clear()
        _PLACES[key] = found
    return found


# --- merged ranges --------------------------------------------------------------------------


def apply_merges(
    name: str, sheet: str, root: etree._Element, cells: dict[tuple[int, int], Cell]
) -> None:
    """Give each merged range's origin its spans; drop the cells the range hides."""
    merges = root.find(s_tag("mergeCells"))
    if merges is None:
        return
    bounds = (_parse_range(merge.get("ref") or "") for merge in merges.iterchildren(MERGE_CELL))
    span_merges(name, sheet, bounds, cells)


def span_merges(
    name: str,
    sheet: str,
    ranges: Iterable[tuple[int, int, int, int] | None],
    cells: dict[tuple[int, int], Cell],
) -> None:
    """Merged ranges as 0-based ``(r1, c1, r2, c2)`` (None: malformed, skipped) → spans on
    each origin cell, the cells a range hides dropped; bounded per sheet."""
    budget = MERGE_WORK
    for n, bounds in enumerate(ranges):
        if n >= MAX_MERGES:
            raise fail(name, "file-too-large", reason="sheet-merges", sheet=sheet, limit=MAX_MERGES)
        if bounds is None:
            continue
        r1, c1, r2, c2 = bounds
        origin = cells.get((r1, c1))
        if origin is None:
            origin = Cell("", r1, c1, place(sheet, r1 + 1, c1 + 1))
            cells[(r1, c1)] = origin
        origin.rowspan, origin.colspan = r2 - r1 + 1, c2 - c1 + 1
        budget -= _drop_covered(cells, bounds)
        if budget < 0:
            raise fail(name, "file-too-large", reason="sheet-merges-many", sheet=sheet)


def _parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """ "B2:D4" → 0-based (r1, c1, r2, c2); None when malformed or out of the sheet."""
    first, _, last = ref.partition(":")
    (r1, c1), (r2, c2) = parse_ref(first), parse_ref(last or first)
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


def to_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
