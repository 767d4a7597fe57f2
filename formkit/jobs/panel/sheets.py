"""``formkit panel sheets``: one scoring workbook per expert, named after the expert.

Sheet 评分表: title, the expert, the scoring rule and the no-conflict declaration (a 是/否
drop-down), then one row per assigned zone — beside each criterion's score cell the dossier
figures it looks at (grey, from the batch registry) — a total by formula and a 完善建议
column. Score cells are under data validation with the rubric's range; the sheet is
protected with only the score, 完善建议 and declaration cells unlocked. A very hidden sheet
holds the signed id (:mod:`formkit.jobs.panel.ident`): the expert, the round, the zones and the
layout, which ``collect`` trusts instead of the visible sheet's shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from formkit.jobs.batch.opinions import safe_name
from formkit.jobs.batch.review import ZoneReview
from formkit.jobs.cycle import workbook as wb
from formkit.jobs.panel import ident
from formkit.jobs.panel.batch import Batch, Figure
from formkit.jobs.panel.experts import Expert, assign
from formkit.jobs.panel.words import word
from formkit.model.errors import OutputFileError
from formkit.model.findings import Finding, finding
from formkit.programme import Criterion, Programme
from formkit.writers.forms_xlsx import BODY, BOLD, BOX, CENTRE, HEADER_FILL, LEFT, TITLE_FONT
from formkit.writers.safe_cells import set_cell

FIXED = ("number", "city", "zone", "carrier")
HEADER_ROW, DECLARATION_ROW = 6, 4
FIGURE_FILL = PatternFill("solid", fgColor="E7E6E6")
OPEN = Protection(locked=False)


@dataclass
class SheetsResult:
    paths: list[Path] = field(default_factory=list)
    findings: list[tuple[str, Finding]] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """Where things are (1-based columns): per criterion its figure and score columns."""

    figures: list[tuple[int, Figure]]
    scores: list[tuple[int, Criterion]]
    total: int
    advice: int

    @property
    def width(self) -> int:
        return self.advice


def layout(programme: Programme, figures: dict[str, list[Figure]]) -> Layout:
    col = len(FIXED)
    figs, scores = [], []
    for criterion in programme.panel.criteria:
        for fig in figures[criterion.name]:
            col += 1
            figs.append((col, fig))
        col += 1
        scores.append((col, criterion))
    return Layout(figs, scores, col + 1, col + 2)


def sheet_name(expert: Expert) -> str:
    return f"{safe_name(expert.name)}.xlsx"


def write_sheets(
    batch: Batch, experts: Sequence[Expert], out: Path, *, force: bool = False
) -> SheetsResult:
    """Write every expert's workbook into ``out``; refuse to replace one unless ``force``."""
    programme = batch.programme
    if not batch.zones:
        raise OutputFileError("panel-batch-empty", folder=str(batch.folder))
    result = SheetsResult()
    plans = []
    for expert in experts:
        zones, notes = assign(expert, batch.zones, programme)
        result.findings += [(expert.name, n) for n in notes]
        if not zones:
            result.findings.append(
                (expert.name, finding("panel-expert-no-zones", expert=expert.name))
            )
            continue
        plans.append((expert, zones, out / sheet_name(expert)))
    existing = [p for *_, p in plans if p.exists()]
    if existing and not force:
        raise OutputFileError("panel-sheet-exists", path=str(existing[0]))
    secret = batch.secret(create=True)
    assert secret is not None
    place = layout(programme, batch.figures)
    issued = {}
    for expert, zones, path in plans:
        book, digest = scoring_book(batch, expert, zones, place, secret)
        wb.save(book, path, word("title").format(year=programme.year, round=_round(batch)))
        issued[expert.name] = digest
        result.paths.append(path)
    batch.record_issued(_round(batch), issued)
    return result


def _round(batch: Batch) -> int:
    return batch.programme.panel.round


def scoring_book(
    batch: Batch, expert: Expert, zones: list[ZoneReview], place: Layout, secret: bytes
) -> tuple[Workbook, str]:
    book = wb.new_book()
    ws = book.create_sheet(word("sheet"))
    _head(ws, batch.programme, expert, place)
    first = HEADER_ROW + 1
    for n, zone in enumerate(zones):
        _zone_row(ws, first + n, n + 1, zone, batch, place)
    last = first + len(zones) - 1
    _validate(ws, batch.programme, place, first, last)
    _columns(ws, place)
    ws.protection.sheet = True
    ws.freeze_panes = ws.cell(row=first, column=len(FIXED) - 1)
    payload = {
        "v": 1,
        "expert": expert.name,
        "unit": expert.unit,
        "city": expert.city,
        "round": _round(batch),
        "year": batch.programme.year,
        "sheet": ws.title,
        "zones": [[z.dossier.key, z.zone] for z in zones],
        "zone_col": FIXED.index("zone") + 1,
        "first_row": first,
        "scores": [[col, c.name] for col, c in place.scores],
        "advice": place.advice,
        "declaration": [DECLARATION_ROW, place.width],
    }
    text = ident.encode(payload)
    digest = ident.sign(secret, text)
    hidden = book.create_sheet(word("id_sheet"))
    hidden["A1"], hidden["A2"] = text, digest
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    return book, digest


def _head(ws: Worksheet, programme: Programme, expert: Expert, place: Layout) -> None:
    panel = programme.panel
    width = place.width
    lines = (
        (word("title").format(year=programme.year, round=panel.round), TITLE_FONT, CENTRE),
        (word("expert").format(name=expert.name, unit=expert.unit, city=expert.city), BOLD, LEFT),
        (
            word("rubric").format(
                low=_num(panel.score_min),
                high=_num(panel.score_max),
                total=_num(panel.total_weight),
            ),
            BODY,
            LEFT,
        ),
    )
    for row, (text, font, align) in enumerate(lines, 1):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = ws.cell(row=row, column=1)
        set_cell(cell, text)
        cell.font, cell.alignment = font, align
    ws.row_dimensions[1].height, ws.row_dimensions[3].height = 32, 30
    ws.merge_cells(
        start_row=DECLARATION_ROW, start_column=1, end_row=DECLARATION_ROW, end_column=width - 1
    )
    label = ws.cell(row=DECLARATION_ROW, column=1, value=word("declaration"))
    label.font, label.alignment = BOLD, LEFT
    answer = ws.cell(row=DECLARATION_ROW, column=width)
    answer.border, answer.protection, answer.alignment = BOX, OPEN, CENTRE
    for col, text in _headers(programme, place):
        cell = ws.cell(row=HEADER_ROW, column=col, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTRE
    ws.row_dimensions[HEADER_ROW].height = 48


def _headers(programme: Programme, place: Layout) -> list[tuple[int, str]]:
    panel = programme.panel
    out = [(i, word("columns", key)) for i, key in enumerate(FIXED, 1)]
    out += [(col, fig.label) for col, fig in place.figures]
    out += [
        (
            col,
            word("columns", "criterion").format(
                name=c.name,
                weight=_num(c.weight),
                low=_num(panel.score_min),
                high=_num(panel.score_max),
            ),
        )
        for col, c in place.scores
    ]
    return [
        *out,
        (place.total, word("columns", "total")),
        (place.advice, word("columns", "advice")),
    ]


def _zone_row(
    ws: Worksheet, row: int, number: int, zone: ZoneReview, batch: Batch, place: Layout
) -> None:
    for col, value in enumerate((number, zone.city, zone.zone, zone.carrier()), 1):
        _put(ws, row, col, value)
    for col, fig in place.figures:
        cell = _put(ws, row, col, shown(batch.figure(zone, fig)))
        cell.fill = FIGURE_FILL
    for col, _criterion in place.scores:
        cell = ws.cell(row=row, column=col)
        cell.border, cell.protection, cell.alignment = BOX, OPEN, CENTRE
    total = ws.cell(row=row, column=place.total, value=_total_formula(batch.programme, place, row))
    total.border, total.alignment, total.number_format = BOX, CENTRE, "0.00"
    advice = ws.cell(row=row, column=place.advice)
    advice.border, advice.protection, advice.alignment = BOX, OPEN, LEFT
    ws.row_dimensions[row].height = 36


def _put(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    cell = ws.cell(row=row, column=col)
    set_cell(cell, value)
    cell.font, cell.border = BODY, BOX
    cell.alignment = LEFT if isinstance(value, str) and len(value) > 8 else CENTRE
    return cell


def shown(value: object) -> object:
    """A figure as the sheet shows it: lists joined, booleans as 是/否, absent as blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return word("bool", value)
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return value


def _total_formula(programme: Programme, place: Layout, row: int) -> str:
    panel = programme.panel
    cells = [f"{get_column_letter(col)}{row}" for col, _ in place.scores]
    terms = "+".join(
        f"{ref}*{_num(c.weight)}/{_num(panel.score_max)}"
        for ref, (_, c) in zip(cells, place.scores, strict=True)
    )
    return f'=IF(COUNT({",".join(cells)})={len(cells)},ROUND({terms},2),"")'


def _validate(ws: Worksheet, programme: Programme, place: Layout, first: int, last: int) -> None:
    panel = programme.panel
    low, high = _num(panel.score_min), _num(panel.score_max)
    for col, _criterion in place.scores:
        letter = get_column_letter(col)
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=word("validation", "score_title"),
            error=word("validation", "score_error").format(low=low, high=high),
        )
        check.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(check)
    choice = DataValidation(
        type="list",
        formula1=f'"{word("answer_yes")},{word("answer_no")}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=word("validation", "declaration_title"),
        error=word("validation", "declaration_error"),
    )
    choice.add(f"{get_column_letter(place.width)}{DECLARATION_ROW}")
    ws.add_data_validation(choice)


def _columns(ws: Worksheet, place: Layout) -> None:
    widths = {1: 6, 2: 10, 3: 26, 4: 30, place.total: 10, place.advice: 40}
    for col, _fig in place.figures:
        widths[col] = 12
    for col, _c in place.scores:
        widths[col] = 14
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _num(value: float) -> str:
    """A number as a person writes it: 10, 2.5 (no trailing .0)."""
    return format(Decimal(str(value)).normalize(), "f")
