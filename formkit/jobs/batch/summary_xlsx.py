"""汇总表.xlsx: 汇总 (one row per zone), 问题清单 (every issue), 文件清单 (every file).

Each sheet has a frozen header, filters, set widths and print setup (A4 landscape, fit to
width, header row repeated); long cells wrap in rows as high as their text needs
(:func:`formkit.writers.excel_limits.wrapped_height`), so a printout shows every word.
汇总 ends with a 合计 row (zones, amounts, errors, warnings) outside the filter.
Every text cell taken from a submission goes through
:func:`formkit.writers.safe_cells.set_cell`, so nothing typed by a submitter can run as a formula.
The package has fixed timestamps and properties: the same review gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from typing import TypedDict

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from formkit.jobs.batch.review import Review
from formkit.jobs.batch.status import REJECTED, TO_FIX, Issue, rules, skipped_text
from formkit.model.codes import place_text, text, value_text
from formkit.model.resources import word_map
from formkit.writers.excel_limits import wrapped_height
from formkit.writers.ooxml_common import deterministic_package
from formkit.writers.safe_cells import set_cell
from formkit.writers.sheet_styles import BOX, HEAD_FONT, WRAP, body_style, head_style

# columns: (catalogue key of the heading, width)
SUMMARY = (
    ("col-no", 6),
    ("col-city", 10),
    ("col-zone", 30),
    ("col-zone-code", 11),
    ("col-carrier", 34),
    ("col-subsidy", 14),
    ("col-errors", 8),
    ("col-warnings", 8),
    ("col-status", 10),
    ("col-opinion-file", 40),
)
ISSUES = (
    ("col-no", 6),
    ("col-city", 10),
    ("col-zone", 26),
    ("col-file", 40),
    ("col-document", 18),
    ("col-place", 16),
    ("col-severity", 6),
    ("col-code", 22),
    ("col-message", 70),
)
FILES = (
    ("col-no", 6),
    ("col-file", 50),
    ("col-form", 20),
    ("col-city", 10),
    ("col-zone", 26),
    ("col-role", 14),
    ("col-errors", 8),
    ("col-warnings", 8),
    ("col-size", 12),
    ("col-sha256", 20),
)
# named styles: one lookup per cell, not a style hash per cell
_STYLE_NAMES = word_map("batch", "cell_styles")
HEAD, BODY, NOTE, TOTAL_STYLE = (str(_STYLE_NAMES[k]) for k in ("head", "body", "note", "total"))
STYLES = (
    head_style(HEAD),
    body_style(BODY),
    body_style(TO_FIX, fill="FFF2CC"),
    body_style(REJECTED, fill="F8CBAD"),
    NamedStyle(NOTE, alignment=WRAP),
    NamedStyle(TOTAL_STYLE, font=HEAD_FONT, border=BOX, alignment=WRAP),
)
STATUS_STYLE = {TO_FIX: TO_FIX, REJECTED: REJECTED}
NOTE_WIDTH = 100


class History(TypedDict):
    """轮次对比's data (``batch --round N`` from 2): the round, and per zone its city, name,
    each round's status and this round's fixed / open / new counts."""

    rounds: int
    rows: list[list[object]]


def summary_bytes(
    rev: Review, opinion_files: dict[str, str], history: History | None = None, lang: str = "zh"
) -> bytes:
    """The workbook; ``opinion_files`` maps a dossier key to its opinion's relative path.
    Its own words (sheets, headings, statuses, messages, places) are in ``lang``; what the
    forms gave (names, files, amounts) is shown as given.

    Written in openpyxl's write-only mode: rows stream out, so memory stays flat however
    many zones and files there are.
    """
    book = Workbook(write_only=True)
    for style in STYLES:
        book.add_named_style(style)
    summary = list(_summary_rows(rev, opinion_files))
    sheet = functools.partial(_sheet, book, lang)
    total = _total_row(summary, lang)
    _fill(sheet("sheet-summary"), _heads(SUMMARY, lang), _shown(summary, 9, lang), 9, total, lang)
    _fill(sheet("sheet-issues"), _heads(ISSUES, lang), list(_issue_rows(rev, lang)), lang=lang)
    _fill(sheet("sheet-files"), _heads(FILES, lang), list(_file_rows(rev, lang)), lang=lang)
    _notes(sheet("sheet-notes"), rev, lang)
    if history:
        _rounds(book, history, lang)
    title = text("summary-title", lang)
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue(), title)


def _sheet(book: Workbook, lang: str, key: str) -> Worksheet:
    return book.create_sheet(text(key, lang))


def _heads(columns: Sequence[tuple[str, int]], lang: str) -> list[tuple[str, int]]:
    return [(text(key, lang), width) for key, width in columns]


def _shown(rows: list[Sequence[object]], status: int, lang: str) -> list[Sequence[object]]:
    """The rows with column ``status`` (1-based) in ``lang``."""
    return [
        [value_text(str(v), lang) if n == status else v for n, v in enumerate(row, 1)]
        for row in rows
    ]


def _summary_rows(rev: Review, opinion_files: dict[str, str]) -> Iterable[Sequence[object]]:
    for n, z in enumerate(rev.zones, 1):
        subsidy = z.subsidy()
        yield (
            n,
            z.city,
            z.zone,
            z.dossier.zone_code or "",
            z.carrier(),
            subsidy if subsidy is not None else "",
            z.errors,
            z.warnings,
            z.status,
            opinion_files.get(z.dossier.key, ""),
        )


def _total_row(rows: list[Sequence[object]], lang: str = "zh") -> Sequence[object]:
    """合计: the zones counted, the amounts requested and the errors and warnings summed."""

    def column(n: int) -> list[float]:
        return [v for r in rows if isinstance(v := r[n], int | float)]

    return (
        text("total", lang),
        "",
        text("total-zones", lang, count=len(rows)),
        "",
        "",
        round(sum(column(5)), 2),
        sum(column(6)),
        sum(column(7)),
        "",
        "",
    )


def _issue_rows(rev: Review, lang: str = "zh") -> Iterable[Sequence[object]]:
    n = 0
    for z in rev.zones:
        for i in z.issues:
            n += 1
            yield _issue_row(n, value_text(z.city, lang), z.zone, i, lang)
    for i in rev.other_issues:
        n += 1
        yield _issue_row(n, "", "", i, lang)


def _issue_row(n: int, city: str, zone: str, i: Issue, lang: str = "zh") -> Sequence[object]:
    return (
        n,
        city,
        zone,
        i.file,
        value_text(i.document, lang),
        place_text(i.location, lang),
        i.severity_in(lang),
        i.code,
        i.message_in(lang),
    )


def _file_rows(rev: Review, lang: str = "zh") -> Iterable[Sequence[object]]:
    for n, f in enumerate(rev.files, 1):
        form, city, role = (value_text(v, lang) for v in (f.form, f.city, f.role))
        yield (n, f.file, form, city, f.zone, role, f.errors, f.warnings, f.size, f.sha256)


def _fill(
    sheet: Worksheet,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[object]],
    status: int = 0,
    total: Sequence[object] | None = None,
    lang: str = "zh",
) -> None:
    """Header, widths, frozen header, filter and print setup first (a write-only sheet
    writes them before its rows), then the rows, each as high as its wrapped text needs;
    column ``status`` is coloured by value. The ``total`` row stays out of the filter, so
    sorting never moves it."""
    widths = [width for _name, width in columns]
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    _print_setup(sheet, lang)
    colours = {value_text(shown, lang): style for shown, style in STATUS_STYLE.items()}
    _append(sheet, widths, [name for name, _width in columns], [HEAD] * len(columns))
    for values in rows:
        styles = [
            colours.get(str(value), BODY) if col == status else BODY
            for col, value in enumerate(values, 1)
        ]
        _append(sheet, widths, values, styles)
    if total is not None:
        _append(sheet, widths, total, [TOTAL_STYLE] * len(total))


def _append(
    sheet: Worksheet, widths: Sequence[float], values: Sequence[object], styles: list[str]
) -> None:
    """One row, its height set first (a write-only sheet writes it with the row)."""
    row = len(sheet.row_dimensions) + 1
    sheet.row_dimensions[row].height = wrapped_height(zip(values, widths, strict=False))
    sheet.append([_cell(sheet, v, style) for v, style in zip(values, styles, strict=True)])


def _cell(sheet: Worksheet, value: object, style: str) -> Cell:
    cell = WriteOnlyCell(sheet)
    cell.style = style  # before the value: set_cell may add a quote prefix
    set_cell(cell, value)
    return cell


def _notes(sheet: Worksheet, rev: Review, lang: str = "zh") -> None:
    """The status rules, and the checks not done when no programme was given."""
    lines = [text("rules-heading", lang), *rules(lang)]
    if rev.skipped:
        lines.append(skipped_text(rev.skipped, lang))
    sheet.column_dimensions["A"].width = NOTE_WIDTH
    for line in lines:
        _append(sheet, [NOTE_WIDTH], [line], [NOTE])


def _rounds(book: Workbook, history: History, lang: str = "zh") -> None:
    """轮次对比 (batch --round N from 2): each round's status side by side, and how many of
    the round before's issues are fixed, still open, and how many are new."""
    columns = [(text("col-city", lang), 10), (text("col-zone", lang), 26)]
    columns += [(text("col-round-status", lang, n=n), 12) for n in range(1, history["rounds"] + 1)]
    columns += [(text(f"col-{c}", lang), 8) for c in ("fixed", "open", "new")]
    statuses = range(2, len(columns) - 3)  # the columns of each round's status
    rows = [[_round_cell(v, n in statuses, lang) for n, v in enumerate(r)] for r in history["rows"]]
    _fill(book.create_sheet(text("sheet-rounds", lang)), columns, rows, lang=lang)


def _round_cell(value: object, status: bool, lang: str) -> object:
    """A status (未报送 when the zone sent nothing that round) or a city in ``lang``; a
    count as it is; None as empty."""
    if status:
        return text("round-absent", lang) if value is None else value_text(str(value), lang)
    if isinstance(value, str):
        return value_text(value, lang)  # the city (未知地市); a zone's name stays as given
    return "" if value is None else value


def _print_setup(sheet: Worksheet, lang: str = "zh") -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = text("page-footer", lang)
