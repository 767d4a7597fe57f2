"""What ``formkit monitor`` writes: ``进展汇总.xlsx`` — 进展汇总 (one row per zone and
period), 指标明细 (报送期末值, 比上季度增加值, 完成率), 维度完成率, 完成率走势 with one native
line chart per zone (completion against the time path), and 问题清单."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TypedDict

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel

from formkit.jobs.cycle import workbook as wb
from formkit.jobs.cycle.monitor import MonitorResult, PeriodProgress
from formkit.model.resources import word_section


class _SummaryWords(wb.TableWords):
    lagging: str
    on_track: str
    late: str
    on_time: str


class _DimensionsWords(wb.SheetWords):
    first: list[str]  # then one column per dimension


class _ChartsWords(wb.TableWords):
    chart: str
    series: list[str]


class _MonitorWords(TypedDict):  # vocabulary/cycle.yaml: monitor
    workbook: str
    title: str
    period: str
    summary: _SummaryWords
    indicators: wb.TableWords
    dimensions: _DimensionsWords
    charts: _ChartsWords


WORDS = word_section("cycle", "monitor", _MonitorWords)
WORKBOOK: str = WORDS["workbook"]
CHART_ROWS = 16


def write_monitor(result: MonitorResult, out: Path) -> list[Path]:
    book = wb.new_book()
    _summary(book, result)
    _indicators(book, result)
    _dimensions(book, result)
    _charts(book, result)
    wb.findings_sheet(book, result.findings)
    return [wb.save(book, out / WORKBOOK, WORDS["title"])]


def _label(p: PeriodProgress) -> str:
    label: str = WORDS["period"].format(year=p.report.year, period=p.report.period)
    return label


def _or(value: object, blank: object = "—") -> object:
    return blank if value is None else value


def _summary(book: Workbook, result: MonitorResult) -> None:
    words = WORDS["summary"]
    header = tuple(words["header"])
    rows = [
        (
            p.zone.city,
            p.zone.zone,
            _label(p),
            _or(p.report.fill_date),
            _or(p.report.data.get("budget")),
            _or(p.report.data.get("spent")),
            _or(p.execution_rate),
            _or(p.completion),
            p.expected.quantize(Decimal("0.1")),
            words["lagging"] if p.lagging else words["on_track"],
            words["late"] if p.late else words["on_time"],
            p.report.file,
        )
        for p in result.periods
    ]
    widths = (10, 24, 16, 12, 12, 12, 11, 13, 12, 8, 8, 50)
    wb.table(book, words["sheet"], words["title"], header, rows, widths, (5, 6))


def _indicators(book: Workbook, result: MonitorResult) -> None:
    words = WORDS["indicators"]
    header = tuple(words["header"])
    rows = [
        (
            p.zone.zone,
            _label(p),
            i.dimension,
            i.indicator,
            i.unit,
            _or(i.target, ""),
            _or(i.value, ""),
            _or(i.increase, ""),
            _or(i.completion, ""),
        )
        for p in result.periods
        for i in p.indicators
    ]
    widths = (24, 16, 12, 34, 8, 11, 11, 13, 11)
    wb.table(book, words["sheet"], words["title"], header, rows, widths)


def _dimensions(book: Workbook, result: MonitorResult) -> None:
    words = WORDS["dimensions"]
    header = (*words["first"], *result.dimensions)
    rows = [
        (p.zone.zone, _label(p), *[_or(p.by_dimension.get(d), "") for d in result.dimensions])
        for p in result.periods
    ]
    wb.table(
        book,
        words["sheet"],
        words["title"],
        header,
        rows,
        (24, 16, *[12] * len(result.dimensions)),
    )


def _charts(book: Workbook, result: MonitorResult) -> None:
    """完成率走势: per zone its periods' completion and the time path, and a line chart."""
    rows = [
        (p.zone.zone, _label(p), _or(p.completion, None), float(p.expected)) for p in result.periods
    ]
    words = WORDS["charts"]
    ws = wb.table(
        book,
        words["sheet"],
        words["title"],
        tuple(words["header"]),
        rows,
        (24, 16, 12, 12),
    )
    blocks: dict[str, list[int]] = {}
    for n, p in enumerate(result.periods):
        blocks.setdefault(p.zone.zone, []).append(3 + n)
    anchor = len(rows) + 5
    for k, (zone, lines) in enumerate(blocks.items()):
        chart = LineChart()
        chart.title = words["chart"].format(zone=zone)
        chart.y_axis.title, chart.height, chart.width = "%", 7, 18
        data = Reference(ws, min_col=3, max_col=4, min_row=lines[0], max_row=lines[-1])
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=2, min_row=lines[0], max_row=lines[-1]))
        for series, name in zip(chart.series, words["series"], strict=True):
            series.tx = SeriesLabel(v=name)
        ws.add_chart(chart, f"A{anchor + k * CHART_ROWS}")
