"""Excel forms written from the specs, blank or filled: 申报信息表, 绩效目标及评价指标表 and
进展情况报送表.

A field sheet has the title on top, a header row (项目 | 填写内容 | 填写说明), then per
section a merged, shaded section row and one row per field: the label over columns A:B (or,
in a group such as 联系人, the group name merged down column A and the sub-label in B), the
value in C and the hint in D. Value cells carry a data validation: a drop-down for every
enumeration (是/否, allowed values), number limits for amounts and counts, and the hint as
the input prompt. An indicator sheet (landscape) has the columns of the spec's table with
the 一级指标 merged down each dimension's rows and drop-downs for 一级指标, 指标性质 and
报送频率.

Filled, values are stored the way Excel holds what a clerk types: numbers as numbers (money
formatted ``0.00``), dates as dates, months as text ``2020.01``, lists joined with 、.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from formkit.model.resources import text_map, word, word_section, words
from formkit.spec import Field, FormSpec
from formkit.writers.excel_limits import fit, sheet_title
from formkit.writers.ooxml_common import (
    deterministic_package,
    list_text,
    month_dotted,
    parse_iso_date,
)
from formkit.writers.safe_cells import set_cell

SONG, HEI, TITLE_FACE = (
    text_map("writers", "typefaces")[k] for k in ("songti", "heiti", "xiaobiaosong")
)
BODY = Font(name=SONG, size=11, charset=134)
BOLD = Font(name=HEI, size=11, charset=134)
TITLE_FONT = Font(name=TITLE_FACE, size=16, charset=134)
HINT_FONT = Font(name=SONG, size=9, color="808080", charset=134)
SECTION_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)

FIELD_WIDTHS = {"A": 10, "B": 26, "C": 40, "D": 34}
ROW_HEIGHT, TALL_HEIGHT, TITLE_HEIGHT = 21, 60, 36
MONEY_FORMAT, COUNT_FORMAT, TEXT_FORMAT = "0.00", "0", "@"
DATE_FORMAT = word("writers", "date_format")
NUMBER_FORMATS = {
    "money": MONEY_FORMAT,
    "int": COUNT_FORMAT,
    "date": DATE_FORMAT,
    "number": "General",
    "target": "General",
}
YES_NO = words("writers", "yes_no")
_SHEETS = word_section("writers", "sheets", dict[str, list[str]])
_DROPDOWN: dict[str, str] = text_map("writers", "dropdown")
BLANK_ROWS_PER_DIMENSION = 2


@dataclass
class Sheet:
    """An openpyxl sheet being filled from the top, with its validations."""

    ws: Worksheet
    row: int = 1
    validations: dict[str, DataValidation] = field(default_factory=dict)


# -- public ----------------------------------------------------------------------------------------


def application_xlsx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """申报信息表 as .xlsx: blank without ``data``, else filled with the normalised values."""
    book = Workbook()
    field_sheet(book, spec.title, spec.heading, spec.by_section(), data)
    return _save(book, spec.title)


def spec_xlsx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """Any spec's form as .xlsx (a drafted one): its fields, and its table on a sheet of
    its own."""
    book = Workbook()
    field_sheet(book, spec.title[:31], spec.heading, spec.by_section(), data)
    _table_of(book, spec, spec.table.label[:31] if spec.table else "", data, "")
    return _save(book, spec.title)


def targets_xlsx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """绩效目标及评价指标表: a 绩效目标 sheet (header fields) and a landscape 评价指标 sheet."""
    book = Workbook()
    field_sheet(book, _SHEETS["targets"][0], spec.heading, spec.by_section(), data)
    _table_of(book, spec, _SHEETS["targets"][1], data, TARGETS_NOTE)
    return _save(book, spec.title)


def progress_xlsx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """进展情况报送表: a 进展情况 sheet (header fields) and a landscape 指标进展 sheet."""
    book = Workbook()
    field_sheet(book, _SHEETS["progress"][0], spec.heading, spec.by_section(), data)
    _table_of(book, spec, _SHEETS["progress"][1], data, PROGRESS_NOTE)
    return _save(book, spec.title)


TARGETS_NOTE: str = text_map("writers", "notes")["targets"]
PROGRESS_NOTE: str = text_map("writers", "notes")["progress"]


def _save(book: Workbook, title: str) -> bytes:
    book.properties.title = title
    book.properties.creator = "formkit"
    fit(book)  # Excel's limits: long drop-down lists, prompt lengths, row heights
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue(), title)


def _table_of(
    book: Workbook, spec: FormSpec, name: str, data: Mapping[str, object] | None, note: str
) -> None:
    if spec.table is None:
        return
    rows = table_rows(data, spec.table.key) or None
    table_sheet(book.create_sheet(name), spec.table.label, spec.columns, rows, note)


# -- field sheets ----------------------------------------------------------------------------------


def field_sheet(
    book: Workbook,
    name: str,
    heading: str,
    sections: Iterable[tuple[str, list[Field]]],
    data: Mapping[str, object] | None,
) -> Worksheet:
    """The workbook's first sheet as a label | value form, section by section."""
    ws = book.worksheets[0]
    ws.title = sheet_title(name)  # a bureau's spec may name its form at any length
    sheet = Sheet(ws)
    for column, width in FIELD_WIDTHS.items():
        ws.column_dimensions[column].width = width
    _banner(sheet, heading, "D", TITLE_FONT, None, TITLE_HEIGHT)
    item, content, hint = words("writers", "field_header")
    _header(sheet, (item, None, content, hint), merge_first=2)
    for section, fields in sections:
        if fields:
            _banner(sheet, section, "D", BOLD, SECTION_FILL, ROW_HEIGHT, LEFT)
            _field_rows(sheet, fields, data)
    _page(ws, landscape=False, title_rows="1:2")
    ws.freeze_panes = "A3"
    return ws


def _banner(
    sheet: Sheet,
    text: str,
    last: str,
    font: Font,
    fill: PatternFill | None,
    height: float,
    align: Alignment = CENTRE,
) -> None:
    """A row merged across the sheet: the title, a section name or a note."""
    ws, r = sheet.ws, sheet.row
    ws.merge_cells(f"A{r}:{last}{r}")
    cell = ws[f"A{r}"]
    cell.value, cell.font, cell.alignment = text, font, align
    if fill is not None:
        for row in ws[f"A{r}:{last}{r}"]:
            for c in row:
                c.fill, c.border = fill, BOX
    ws.row_dimensions[r].height = height
    sheet.row += 1


def _header(sheet: Sheet, labels: Sequence[str | None], merge_first: int = 1) -> None:
    ws, r = sheet.ws, sheet.row
    for col, text in enumerate(labels, start=1):
        cell = ws.cell(row=r, column=col, value=text)
        cell.font, cell.alignment, cell.fill, cell.border = BOLD, CENTRE, HEADER_FILL, BOX
    if merge_first > 1:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=merge_first)
    ws.row_dimensions[r].height = ROW_HEIGHT
    sheet.row += 1


def _field_rows(sheet: Sheet, fields: list[Field], data: Mapping[str, object] | None) -> None:
    done: set[str] = set()
    for f in fields:
        if f.group is None:
            _field_row(sheet, f, f.label, data, merge_label=True)
        elif f.group not in done:
            done.add(f.group)
            members = [g for g in fields if g.group == f.group]
            first = sheet.row
            for g in members:
                _field_row(sheet, g, g.sublabels[0] if g.sublabels else g.label, data)
            _group_cell(sheet.ws, f.group, first, sheet.row - 1)


def _group_cell(ws: Worksheet, name: str, first: int, last: int) -> None:
    cell = ws.cell(row=first, column=1, value=name)
    cell.font, cell.alignment = BODY, CENTRE
    for r in range(first, last + 1):
        ws.cell(row=r, column=1).border = BOX
    if last > first:
        ws.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)


def _field_row(
    sheet: Sheet, f: Field, label: str, data: Mapping[str, object] | None, merge_label: bool = False
) -> None:
    ws, r = sheet.ws, sheet.row
    label_cell = ws.cell(row=r, column=1 if merge_label else 2, value=label)
    if merge_label:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    value_cell = ws.cell(row=r, column=3)
    hint_cell = ws.cell(row=r, column=4, value=hint_text(f) or None)
    for c in (ws.cell(row=r, column=1), ws.cell(row=r, column=2), value_cell, hint_cell):
        c.border, c.font, c.alignment = BOX, BODY, CENTRE
    label_cell.alignment = CENTRE
    value_cell.alignment = TOP_LEFT if f.kind == "longtext" else LEFT
    hint_cell.font, hint_cell.alignment = HINT_FONT, LEFT
    put_value(value_cell, f, None if data is None else data.get(f.key))
    validate(sheet, f, value_cell.coordinate)
    ws.row_dimensions[r].height = TALL_HEIGHT if f.kind == "longtext" else ROW_HEIGHT
    sheet.row += 1


def hint_text(f: Field) -> str:
    """What the 填写说明 column says: the hint, and the choices of a drop-down."""
    options = YES_NO if f.kind == "bool" else f.allowed
    choices = _DROPDOWN["choices"].format(options=" / ".join(map(str, options))) if options else ""
    return "；".join(p for p in (f.hint, choices) if p)


# -- values and validations ------------------------------------------------------------------------


def put_value(cell: Cell, f: Field, value: object) -> None:
    """Store a normalised value as Excel holds what a clerk types; set the cell's format."""
    cell.number_format = NUMBER_FORMATS.get(f.kind, TEXT_FORMAT)
    if value is None:
        return
    set_cell(cell, excel_value(f, value))  # text typed by a submitter never runs as a formula


def excel_value(f: Field, value: object) -> object:
    if f.kind in ("money", "int", "number", "target"):
        return (
            value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
        )
    if f.kind == "bool":
        return YES_NO[0] if value else YES_NO[1]
    if f.kind == "date":
        return parse_iso_date(value) or str(value)
    if f.kind == "month":
        return month_dotted(value)
    return list_text(value)


def validate(sheet: Sheet, f: Field, ref: str) -> None:
    """Add ``ref`` to the field's data validation (one validation per field)."""
    dv = sheet.validations.get(f.key)
    if dv is None:
        dv = validation_for(f)
        if dv is None:
            return
        sheet.validations[f.key] = dv
        sheet.ws.add_data_validation(dv)
    dv.add(ref)


def validation_for(f: Field) -> DataValidation | None:
    options = YES_NO if f.kind == "bool" else f.allowed
    if options:
        dv = DataValidation(
            type="list", formula1='"' + ",".join(map(str, options)) + '"', allow_blank=True
        )
        dv.error = _DROPDOWN["choose"].format(options="、".join(map(str, options)))
    elif f.kind in ("money", "number", "int"):
        low = f.rules.get("min", 0)
        dv = DataValidation(
            type="whole" if f.kind == "int" else "decimal",
            operator="greaterThanOrEqual",
            formula1=str(low),
            allow_blank=True,
        )
        if "max" in f.rules:
            dv.operator, dv.formula2 = "between", str(f.rules["max"])
        rule = "at_least_int" if f.kind == "int" else "at_least_number"
        dv.error = _DROPDOWN[rule].format(low=low)
    elif f.hint:
        dv = DataValidation(allow_blank=True)
    else:
        return None
    dv.errorTitle, dv.showErrorMessage = _DROPDOWN["error_title"], dv.type is not None
    dv.promptTitle = f.label[:32]
    dv.prompt = _prompt(f)
    dv.showInputMessage = True
    return dv


def _prompt(f: Field) -> str:
    unit = _DROPDOWN["unit"].format(unit=f.unit) if f.unit else ""
    said = "；".join(p for p in (f.hint, unit) if p)[:255]
    return said or _DROPDOWN["fill_in"].format(label=f.label)


# -- indicator sheets ------------------------------------------------------------------------------


def table_rows(data: Mapping[str, object] | None, key: str) -> list[Mapping[str, object]]:
    """The rows of the table field ``key`` in a record's data ([] when absent)."""
    return cast("list[Mapping[str, object]]", (data or {}).get(key) or [])  # Record.data()'s


def table_sheet(
    ws: Worksheet,
    title: str,
    columns: Sequence[Field],
    rows: Sequence[Mapping[str, object]] | None,
    note: str,
) -> None:
    """An indicator table: title, header row (the columns' printed labels), one row per
    indicator with 一级指标 merged down each run of equal dimensions, then a note."""
    sheet = Sheet(ws)
    last = _letter(len(columns))
    _banner(sheet, title, last, TITLE_FONT, None, TITLE_HEIGHT)
    _header(sheet, [c.label for c in columns])
    first = sheet.row
    body = list(rows) if rows else blank_indicator_rows(columns)
    for item in body:
        _indicator_row(sheet, columns, item)
    _merge_dimensions(ws, columns, first, sheet.row - 1)
    _banner(sheet, note, last, BODY, None, 2 * ROW_HEIGHT, TOP_LEFT)
    for n, c in enumerate(columns, start=1):
        ws.column_dimensions[_letter(n)].width = COLUMN_WIDTHS.get(c.key, 12)
    _page(ws, landscape=True, title_rows="1:2")
    ws.freeze_panes = "A3"


COLUMN_WIDTHS = {
    "dimension": 12,
    "indicator": 32,
    "unit": 8,
    "formula": 36,
    "direction": 9,
    "baseline": 10,
    "target_y1": 12,
    "target_y2": 12,
    "frequency": 10,
    "target_year": 12,
    "value_end": 12,
    "increase": 14,
    "note": 24,
}


def blank_indicator_rows(columns: Sequence[Field]) -> list[dict[str, object]]:
    """Rows for a blank table: each dimension (一级指标) pre-filled on a couple of rows."""
    dimension = next((c for c in columns if c.key == "dimension"), None)
    if dimension is None or not dimension.allowed:
        return [{} for _ in range(BLANK_ROWS_PER_DIMENSION * 6)]
    return [{"dimension": d} for d in dimension.allowed for _ in range(BLANK_ROWS_PER_DIMENSION)]


def _indicator_row(sheet: Sheet, columns: Sequence[Field], item: Mapping[str, object]) -> None:
    ws, r = sheet.ws, sheet.row
    for n, c in enumerate(columns, start=1):
        cell = ws.cell(row=r, column=n)
        cell.border, cell.font = BOX, BODY
        cell.alignment = LEFT if c.key in ("indicator", "formula", "note") else CENTRE
        put_value(cell, c, item.get(c.key))
        validate(sheet, c, cell.coordinate)
    ws.row_dimensions[r].height = ROW_HEIGHT
    sheet.row += 1


def _merge_dimensions(ws: Worksheet, columns: Sequence[Field], first: int, last: int) -> None:
    """一级指标 merged vertically over each run of rows with the same dimension."""
    keys = [c.key for c in columns]
    if "dimension" not in keys:
        return
    col = keys.index("dimension") + 1
    values = [ws.cell(row=r, column=col).value for r in range(first, last + 1)]
    start = 0
    for i in range(1, len(values) + 1):
        if i < len(values) and values[i] == values[start]:
            continue
        if i - 1 > start and values[start]:
            ws.merge_cells(
                start_row=first + start, start_column=col, end_row=first + i - 1, end_column=col
            )
        start = i


def _letter(n: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n - 1]


# -- printing --------------------------------------------------------------------------------------


def _page(ws: Worksheet, landscape: bool, title_rows: str) -> None:
    """A4, fitted to the page width, title rows repeated on every page, centred; no
    gridlines on screen, so the sheet looks like the printed form."""
    ws.sheet_view.showGridLines = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.8
