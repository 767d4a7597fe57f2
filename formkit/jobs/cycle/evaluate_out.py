"""What ``formkit evaluate`` writes: ``绩效评价结果.xlsx`` (评价结果, 指标得分, 维度得分率
with one native bar chart per zone, 问题清单) and ``evaluation.yaml``, the data of the
绩效评价结果通报 (``formkit notice evaluation --data evaluation.yaml`` renders it unchanged;
its results also carry ``roll_on`` and ``reasons``, which ``allocate --evaluation`` reads)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TypedDict

import yaml
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from formkit.jobs.cycle import workbook as wb
from formkit.jobs.cycle.evaluate import EvaluationResult, ZoneEvaluation
from formkit.model.errors import InputFileError
from formkit.model.resources import text_map, word_section
from formkit.programme import Programme


class _ResultsWords(wb.SheetWords):
    header_before: list[str]  # then one column per dimension
    dimension: str
    header_after: list[str]
    not_applicable: str
    not_reported: str
    roll_on: str
    no_roll_on: str


class _IndicatorsWords(wb.TableWords):
    not_applicable: str


class _DimensionsWords(wb.SheetWords):
    first: str
    chart: str


class _EvaluationWords(TypedDict):  # vocabulary/cycle.yaml: evaluation
    workbook: str
    title: str
    data_comment: str
    results: _ResultsWords
    indicators: _IndicatorsWords
    dimensions: _DimensionsWords
    recipients: str


WORDS = word_section("cycle", "evaluation", _EvaluationWords)
WORKBOOK: str = WORDS["workbook"]
_DOCNO = text_map("identifiers", "docno")
DATA = "evaluation.yaml"
CHART_ROWS = 15  # rows each chart takes


def write_evaluation(
    result: EvaluationResult,
    programme: Programme,
    out: Path,
    *,
    date: str | None = None,
    doc_seq: str = "1",
) -> list[Path]:
    """Write the workbook and evaluation.yaml into ``out``; return their paths."""
    book = wb.new_book()
    _results(book, result)
    _indicators(book, result)
    _dimension_chart(book, result)
    wb.findings_sheet(book, result.findings)
    paths = [wb.save(book, out / WORKBOOK, WORDS["title"].format(year=result.year))]
    data = evaluation_data(result, programme, date or dt.date.today().isoformat(), doc_seq)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    wb.write(out / DATA, (WORDS["data_comment"] + text).encode())
    return [*paths, out / DATA]


def _results(book: Workbook, result: EvaluationResult) -> None:
    dims = list(result.weights)
    words = WORDS["results"]
    header = (
        *words["header_before"],
        *[words["dimension"].format(name=d, weight=result.weights[d]) for d in dims],
        *words["header_after"],
    )
    rows = []
    for n, z in enumerate(result.zones, 1):
        na = words["not_applicable"]
        scores = [z.dimensions.get(d) if z.dimensions.get(d) is not None else na for d in dims]
        rate = z.execution_rate if z.execution_rate is not None else words["not_reported"]
        rows.append(
            (
                n,
                z.zone.city,
                z.zone.zone,
                z.source,
                *scores,
                z.total,
                z.grade,
                rate,
                words["roll_on"] if z.roll_on else words["no_roll_on"],
                "；".join(z.reasons),
            )
        )
    widths = (6, 10, 26, 10, *[12] * len(dims), 8, 8, 12, 9, 70)
    wb.table(book, words["sheet"], words["title"].format(year=result.year), header, rows, widths)


def _indicators(book: Workbook, result: EvaluationResult) -> None:
    words = WORDS["indicators"]
    header = tuple(words["header"])
    rows = []
    for z in result.zones:
        for s in z.scored:
            i = s.item
            rows.append(
                (
                    z.zone.zone,
                    i.dimension,
                    i.indicator,
                    i.unit,
                    i.direction,
                    _blank(i.target),
                    _blank(i.actual) if i.applicable else words["not_applicable"],
                    float(round(s.points, 2)),
                    s.score if s.score is not None else "—",
                    s.note,
                )
            )
    widths = (24, 12, 34, 8, 9, 11, 11, 8, 8, 36)
    wb.table(book, words["sheet"], words["title"], header, rows, widths)


def _blank(value: float | None) -> object:
    return "" if value is None else value


def _dimension_chart(book: Workbook, result: EvaluationResult) -> None:
    """维度得分率: each zone's six dimension scores as % of their weights, and a bar chart
    per zone below the table."""
    dims = list(result.weights)
    rows = [(z.zone.zone, *[_rate(z, d, result.weights[d]) for d in dims]) for z in result.zones]
    words = WORDS["dimensions"]
    ws = wb.table(
        book,
        words["sheet"],
        words["title"],
        (words["first"], *dims),
        rows,
        (26, *[12] * len(dims)),
    )
    categories = Reference(ws, min_col=2, max_col=1 + len(dims), min_row=2)
    anchor = len(rows) + 5
    for n, z in enumerate(result.zones):
        chart = BarChart()
        chart.title = words["chart"].format(zone=z.zone.zone)
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.legend = None
        data = Reference(ws, min_col=2, max_col=1 + len(dims), min_row=3 + n)
        chart.add_data(data, from_rows=True, titles_from_data=False)
        chart.set_categories(categories)
        chart.height, chart.width = 7, 16
        ws.add_chart(chart, f"A{anchor + n * CHART_ROWS}")


def _rate(z: ZoneEvaluation, dim: str, weight: float) -> object:
    score = z.dimensions.get(dim)
    if score is None or not weight:
        return None
    return float((score * 100 / Decimal(str(weight))).quantize(Decimal("0.1")))


def evaluation_data(
    result: EvaluationResult, programme: Programme, date: str, doc_seq: str
) -> dict[str, object]:
    """The ``evaluation`` notice's data (docs/templates.md)."""
    return {
        "agency": programme.agency,
        "doc_no": f"{programme.docno_prefix}〔{date[:4]}〕{doc_seq}{_DOCNO['number']}",
        "recipients": WORDS["recipients"],
        "year": result.year,
        "parent_notice": programme.parent_notice,
        "results": [
            {
                "city": z.zone.city,
                "zone": z.zone.zone,
                "carrier": z.zone.carrier or z.zone.zone,
                "score": str(z.total),
                "grade": z.grade,
                "roll_on": z.roll_on,
                "reasons": z.reasons,
            }
            for z in result.zones
        ],
        "grades": [{"name": g.name, "min": g.min_score} for g in programme.evaluation.grades],
        "date": date,
    }


def read_decisions(path: Path) -> dict[str, Mapping[str, object]]:
    """Zone → {grade, roll_on, reasons} from an evaluation.yaml this module wrote."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        results = data["results"]
        return {str(r["zone"]): r for r in results}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, detail=type(exc).__name__
        ) from None
