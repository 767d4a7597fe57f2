"""汇总表.xlsx: 汇总 (one row per zone), 问题清单 (every issue), 文件清单 (every file).

Each sheet has a frozen header, filters, set widths and print setup (A4 landscape, fit to
width, header row repeated). Every text cell taken from a submission goes through
:func:`formkit.safe_cells.set_cell`, so nothing typed by a submitter can run as a formula.
The package has fixed timestamps and properties: the same review gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from formkit.batch.review import Review
from formkit.batch.status import REJECTED, RULES, TO_FIX, Issue
from formkit.codes import CODES
from formkit.safe_cells import set_cell
from formkit.writers.ooxml_common import deterministic_package

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
STATUS_FILL = {
    TO_FIX: PatternFill("solid", fgColor="FFF2CC"),
    REJECTED: PatternFill("solid", fgColor="F8CBAD"),
}
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD, BODY = "表头", "正文"  # named styles: one lookup per cell, not a style hash per cell
STYLES = (
    NamedStyle(
        HEAD,
        font=Font(name="黑体", bold=True),
        border=BOX,
        alignment=WRAP,
        fill=PatternFill("solid", fgColor="DDEBF7"),
    ),
    NamedStyle(BODY, border=BOX, alignment=WRAP),
)


def summary_bytes(rev: Review, opinion_files: dict[str, str]) -> bytes:
    """The workbook; ``opinion_files`` maps a dossier key to its opinion's relative path."""
    book = Workbook()
    for style in STYLES:
        book.add_named_style(style)
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    _fill(sheet, SUMMARY, _summary_rows(rev, opinion_files))
    for row in range(2, sheet.max_row + 1):
        fill = STATUS_FILL.get(str(sheet.cell(row, 9).value))
        if fill is not None:
            sheet.cell(row, 9).fill = fill
    _fill(book.create_sheet("问题清单"), ISSUES, _issue_rows(rev))
    _fill(book.create_sheet("文件清单"), FILES, _file_rows(rev))
    _notes(book.create_sheet("说明"), rev)
    book.properties.title = TITLE
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue(), TITLE)


def _summary_rows(rev: Review, opinion_files: dict[str, str]) -> Iterable[Sequence[Any]]:
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


def _issue_rows(rev: Review) -> Iterable[Sequence[Any]]:
    n = 0
    for z in rev.zones:
        for i in z.issues:
            n += 1
            yield _issue_row(n, z.city, z.zone, i)
    for i in rev.other_issues:
        n += 1
        yield _issue_row(n, "", "", i)


def _issue_row(n: int, city: str, zone: str, i: Issue) -> Sequence[Any]:
    return (n, city, zone, i.file, i.document, i.location or "", i.severity_zh, i.code, i.message)


def _file_rows(rev: Review) -> Iterable[Sequence[Any]]:
    for n, f in enumerate(rev.files, 1):
        yield (n, f.file, f.form, f.city, f.zone, f.role, f.errors, f.warnings, f.size, f.sha256)


def _fill(
    sheet: Worksheet, columns: Sequence[tuple[str, int]], rows: Iterable[Sequence[Any]]
) -> None:
    for col, (name, width) in enumerate(columns, 1):
        sheet.cell(1, col, name).style = HEAD
        sheet.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, 2):
        for col, value in enumerate(values, 1):
            cell = sheet.cell(r, col)
            cell.style = BODY  # before the value: set_cell may add a quote prefix
            set_cell(cell, value)
    last = get_column_letter(len(columns))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    _print_setup(sheet)


def _notes(sheet: Worksheet, rev: Review) -> None:
    """The status rules, and the checks not done when no programme was given."""
    lines = ["审核状态的判定规则：", *RULES]
    if rev.skipped:
        lines.append(CODES["checks-skipped"].render("zh", checks="、".join(rev.skipped)))
    for row, line in enumerate(lines, 1):
        sheet.cell(row, 1, line).alignment = WRAP
    sheet.column_dimensions["A"].width = 100


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
