"""汇总表.xlsx: 汇总 (one row per zone), 问题清单 (every issue), 文件清单 (every file).

Each sheet has a frozen header, filters, set widths and print setup (A4 landscape, fit to
width, header row repeated); long cells wrap in rows as high as their text needs
(:func:`formkit.writers.excel_limits.wrapped_height`), so a printout shows every word.
汇总 ends with a 合计 row (zones, amounts, errors, warnings) outside the filter.
Every text cell taken from a submission goes through
:func:`formkit.safe_cells.set_cell`, so nothing typed by a submitter can run as a formula.
The package has fixed timestamps and properties: the same review gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TypedDict

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from formkit.batch.review import Review
from formkit.batch.status import REJECTED, RULES, TO_FIX, Issue
from formkit.codes import CODES
from formkit.safe_cells import set_cell
from formkit.writers.excel_limits import wrapped_height
from formkit.writers.ooxml_common import deterministic_package
from formkit.writers.sheet_styles import BOX, HEAD_FONT, WRAP, body_style, head_style

TITLE = "合规性审核汇总表"
SUMMARY = (
    ("序号", 6),
    ("所属市", 10),
    ("开发区名称", 30),
    ("开发区代码", 11),
    ("特色载体名称", 34),
    ("申请省级奖补资金（万元）", 14),
    ("错误数", 8),
    ("警告数", 8),
    ("审核状态", 10),
    ("审核意见文件", 40),
)
ISSUES = (
    ("序号", 6),
    ("所属市", 10),
    ("开发区名称", 26),
    ("文件", 40),
    ("材料", 18),
    ("位置", 16),
    ("级别", 6),
    ("代码", 22),
    ("问题说明", 70),
)
FILES = (
    ("序号", 6),
    ("文件", 50),
    ("材料类型", 20),
    ("所属市", 10),
    ("开发区名称", 26),
    ("处理情况", 14),
    ("错误数", 8),
    ("警告数", 8),
    ("大小（字节）", 12),
    ("SHA-256", 20),
)
TOTAL = "合计"
HEAD, BODY, NOTE, TOTAL_STYLE = (
    "表头",
    "正文",
    "说明",
    "合计行",
)  # named styles: one lookup per cell, not a style hash per cell
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
    rev: Review, opinion_files: dict[str, str], history: History | None = None
) -> bytes:
    """The workbook; ``opinion_files`` maps a dossier key to its opinion's relative path.

    Written in openpyxl's write-only mode: rows stream out, so memory stays flat however
    many zones and files there are.
    """
    book = Workbook(write_only=True)
    for style in STYLES:
        book.add_named_style(style)
    summary = list(_summary_rows(rev, opinion_files))
    _fill(book.create_sheet("汇总"), SUMMARY, summary, status=9, total=_total_row(summary))
    _fill(book.create_sheet("问题清单"), ISSUES, list(_issue_rows(rev)))
    _fill(book.create_sheet("文件清单"), FILES, list(_file_rows(rev)))
    _notes(book.create_sheet("说明"), rev)
    if history:
        _rounds(book, history)
    book.properties.title = TITLE
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue(), TITLE)


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


def _total_row(rows: list[Sequence[object]]) -> Sequence[object]:
    """合计: the zones counted, the amounts requested and the errors and warnings summed."""

    def column(n: int) -> list[float]:
        return [v for r in rows if isinstance(v := r[n], int | float)]

    return (
        TOTAL,
        "",
        f"{len(rows)} 个开发区",
        "",
        "",
        round(sum(column(5)), 2),
        sum(column(6)),
        sum(column(7)),
        "",
        "",
    )


def _issue_rows(rev: Review) -> Iterable[Sequence[object]]:
    n = 0
    for z in rev.zones:
        for i in z.issues:
            n += 1
            yield _issue_row(n, z.city, z.zone, i)
    for i in rev.other_issues:
        n += 1
        yield _issue_row(n, "", "", i)


def _issue_row(n: int, city: str, zone: str, i: Issue) -> Sequence[object]:
    return (n, city, zone, i.file, i.document, i.location or "", i.severity_zh, i.code, i.message)


def _file_rows(rev: Review) -> Iterable[Sequence[object]]:
    for n, f in enumerate(rev.files, 1):
        yield (n, f.file, f.form, f.city, f.zone, f.role, f.errors, f.warnings, f.size, f.sha256)


def _fill(
    sheet: Worksheet,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[object]],
    status: int = 0,
    total: Sequence[object] | None = None,
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
    _print_setup(sheet)
    _append(sheet, widths, [name for name, _width in columns], [HEAD] * len(columns))
    for values in rows:
        styles = [
            STATUS_STYLE.get(str(value), BODY) if col == status else BODY
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


def _notes(sheet: Worksheet, rev: Review) -> None:
    """The status rules, and the checks not done when no programme was given."""
    lines = ["审核状态的判定规则：", *RULES]
    if rev.skipped:
        lines.append(CODES["checks-skipped"].render("zh", checks="、".join(rev.skipped)))
    sheet.column_dimensions["A"].width = NOTE_WIDTH
    for line in lines:
        _append(sheet, [NOTE_WIDTH], [line], [NOTE])


def _rounds(book: Workbook, history: History) -> None:
    """轮次对比 (batch --round N from 2): each round's status side by side, and how many of
    the round before's issues are fixed, still open, and how many are new."""
    from formkit.batch.rounds import words

    w = words()
    columns = [(name, 26 if n == 1 else 10) for n, name in enumerate(w["header"])]
    columns += [(w["round"].format(n=n), 12) for n in range(1, history["rounds"] + 1)]
    columns += [(name, 8) for name in w["counts"]]
    rows = [
        [w["absent"] if v is None and 1 < n < len(columns) - 3 else v for n, v in enumerate(r)]
        for r in history["rows"]
    ]
    _fill(
        book.create_sheet(w["sheet"]),
        columns,
        [[("" if v is None else v) for v in r] for r in rows],
    )


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
