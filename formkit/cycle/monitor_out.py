"""What ``formkit monitor`` writes: ``进展汇总.xlsx`` — 进展汇总 (one row per zone and
period), 指标明细 (报送期末值, 比上季度增加值, 完成率), 维度完成率, 完成率走势 with one native
line chart per zone (completion against the time path), and 问题清单."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel

from formkit.cycle import workbook as wb
from formkit.cycle.monitor import MonitorResult, PeriodProgress

WORKBOOK = "进展汇总.xlsx"
CHART_ROWS = 16


def write_monitor(result: MonitorResult, out: Path) -> list[Path]:
    book = wb.new_book()
    _summary(book, result)
    _indicators(book, result)
    _dimensions(book, result)
    _charts(book, result)
    wb.findings_sheet(book, result.findings)
    return [wb.save(book, out / WORKBOOK, "进展情况汇总")]


def _label(p: PeriodProgress) -> str:
    return f"{p.report.year}年{p.report.period}"


def _or(value: object, blank: object = "—") -> object:
    return blank if value is None else value


def _summary(book: Workbook, result: MonitorResult) -> None:
    header = (
        "市",
        "开发区",
        "报送时间段",
        "填报日期",
        "预算数（万元）",
        "执行数（万元）",
        "执行率（%）",
        "平均完成率（%）",
        "时间进度（%）",
        "进度",
        "报送",
        "文件",
    )
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
            "滞后" if p.lagging else "正常",
            "逾期" if p.late else "按时",
            p.report.file,
        )
        for p in result.periods
    ]
    widths = (10, 24, 16, 12, 12, 12, 11, 13, 12, 8, 8, 50)
    wb.table(book, "进展汇总", "进展情况汇总", header, rows, widths, (5, 6))


def _indicators(book: Workbook, result: MonitorResult) -> None:
    header = (
        "开发区",
        "报送时间段",
        "一级指标",
        "二级指标",
        "单位",
        "年度目标值",
        "报送期末值",
        "比上季度增加值",
        "完成率（%）",
    )
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
    wb.table(book, "指标明细", "指标进展明细", header, rows, (24, 16, 12, 34, 8, 11, 11, 13, 11))


def _dimensions(book: Workbook, result: MonitorResult) -> None:
    header = ("开发区", "报送时间段", *result.dimensions)
    rows = [
        (p.zone.zone, _label(p), *[_or(p.by_dimension.get(d), "") for d in result.dimensions])
        for p in result.periods
    ]
    wb.table(
        book,
        "维度完成率",
        "一级指标平均完成率（%）",
        header,
        rows,
        (24, 16, *[12] * len(result.dimensions)),
    )


def _charts(book: Workbook, result: MonitorResult) -> None:
    """完成率走势: per zone its periods' completion and the time path, and a line chart."""
    rows = [
        (p.zone.zone, _label(p), _or(p.completion, None), float(p.expected)) for p in result.periods
    ]
    ws = wb.table(
        book,
        "完成率走势",
        "指标完成率走势（%）",
        ("开发区", "报送时间段", "平均完成率", "时间进度"),
        rows,
        (24, 16, 12, 12),
    )
    blocks: dict[str, list[int]] = {}
    for n, p in enumerate(result.periods):
        blocks.setdefault(p.zone.zone, []).append(3 + n)
    anchor = len(rows) + 5
    for k, (zone, lines) in enumerate(blocks.items()):
        chart = LineChart()
        chart.title = f"{zone} 指标完成率与时间进度"
        chart.y_axis.title, chart.height, chart.width = "%", 7, 18
        data = Reference(ws, min_col=3, max_col=4, min_row=lines[0], max_row=lines[-1])
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=2, min_row=lines[0], max_row=lines[-1]))
        for series, name in zip(chart.series, ("平均完成率", "时间进度"), strict=True):
            series.tx = SeriesLabel(v=name)
        ws.add_chart(chart, f"A{anchor + k * CHART_ROWS}")
