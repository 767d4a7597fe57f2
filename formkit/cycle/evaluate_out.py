"""What ``formkit evaluate`` writes: ``绩效评价结果.xlsx`` (评价结果, 指标得分, 维度得分率
with one native bar chart per zone, 问题清单) and ``evaluation.yaml``, the data of the
绩效评价结果通报 (``formkit notice evaluation --data evaluation.yaml`` renders it unchanged;
its results also carry ``roll_on`` and ``reasons``, which ``allocate --evaluation`` reads)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from formkit.codes import CODES
from formkit.cycle import workbook as wb
from formkit.cycle.evaluate import EvaluationResult, ZoneEvaluation
from formkit.errors import InputFileError
from formkit.programme import Programme

WORKBOOK = "绩效评价结果.xlsx"
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
    paths = [wb.save(book, out / WORKBOOK, f"{result.year}年度绩效评价结果")]
    data = evaluation_data(result, programme, date or dt.date.today().isoformat(), doc_seq)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    wb.write(out / DATA, ("# 绩效评价结果通报数据（formkit evaluate 生成）。\n" + text).encode())
    return [*paths, out / DATA]


def _results(book: Workbook, result: EvaluationResult) -> None:
    dims = list(result.weights)
    header = (
        "序号",
        "市",
        "开发区",
        "数据来源",
        *[f"{d}（{result.weights[d]:g}）" for d in dims],
        "总分",
        "等次",
        "预算执行率（%）",
        "滚动支持",
        "理由",
    )
    rows = []
    for n, z in enumerate(result.zones, 1):
        scores = [
            z.dimensions.get(d) if z.dimensions.get(d) is not None else "不适用" for d in dims
        ]
        rate = z.execution_rate if z.execution_rate is not None else "未报"
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
                "是" if z.roll_on else "否",
                "；".join(z.reasons),
            )
        )
    widths = (6, 10, 26, 10, *[12] * len(dims), 8, 8, 12, 9, 70)
    wb.table(book, "评价结果", f"{result.year}年度特色载体绩效评价结果", header, rows, widths)


def _indicators(book: Workbook, result: EvaluationResult) -> None:
    header = (
        "开发区",
        "一级指标",
        "二级指标",
        "单位",
        "指标性质",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "说明",
    )
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
                    _blank(i.actual) if i.applicable else "不适用",
                    float(round(s.points, 2)),
                    s.score if s.score is not None else "—",
                    s.note,
                )
            )
    widths = (24, 12, 34, 8, 9, 11, 11, 8, 8, 36)
    wb.table(book, "指标得分", "指标得分明细", header, rows, widths)


def _blank(value: float | None) -> object:
    return "" if value is None else value


def _dimension_chart(book: Workbook, result: EvaluationResult) -> None:
    """维度得分率: each zone's six dimension scores as % of their weights, and a bar chart
    per zone below the table."""
    dims = list(result.weights)
    rows = [(z.zone.zone, *[_rate(z, d, result.weights[d]) for d in dims]) for z in result.zones]
    ws = wb.table(
        book,
        "维度得分率",
        "六个一级指标得分率（%）",
        ("开发区", *dims),
        rows,
        (26, *[12] * len(dims)),
    )
    categories = Reference(ws, min_col=2, max_col=1 + len(dims), min_row=2)
    anchor = len(rows) + 5
    for n, z in enumerate(result.zones):
        chart = BarChart()
        chart.title = f"{z.zone.zone} 一级指标得分率（%）"
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
        "doc_no": f"{programme.docno_prefix}〔{date[:4]}〕{doc_seq}号",
        "recipients": "各市中小企业主管部门",
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
        reason = CODES["notice-data-unreadable"].render(
            "zh", file=path.name, detail=type(exc).__name__
        )
        raise InputFileError(str(path), "notice-data-unreadable", reason) from None
