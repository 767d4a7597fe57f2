"""Progress monitoring (``formkit monitor``): the approved zones' 进展情况报送表 over the
periods, with what the bureau watches.

- 比上季度增加值: each indicator's 报送期末值 less the zone's previous report's;
- completion of the year's target (Form B: 第一年/第二年目标值 by the zone's plan year, or the
  report's 年度目标值): the gain over the year's starting level (基期值 in the first year,
  the first year's target in the second) divided by the gain the target asks for; without a
  starting level, value ÷ target. Per zone and per dimension, the mean over indicators;
- lagging: a zone's mean completion more than ``LAG_POINTS`` below the time-proportional path
  (month of the period ÷ 12); 【定】, no rule is public;
- missing reports (every quarter from the zone's start up to the latest period reported by
  any zone), late reports (dated after the period end + ``DEADLINE_DAYS``), reports dated
  before their period ended, cumulative values that fell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from formkit.jobs.cycle.inbox import QUARTERS, CycleData, Report, Sourced
from formkit.jobs.cycle.scoring import rounded
from formkit.model.findings import Finding, finding, finding_of
from formkit.programme import ApprovedZone, Programme

DEADLINE_DAYS = 15
LAG_POINTS = 10
TENTH = Decimal("0.1")


@dataclass
class IndicatorProgress:
    dimension: str
    indicator: str
    unit: str
    target: float | None
    value: float | None
    increase: float | None
    completion: Decimal | None  # %


@dataclass
class PeriodProgress:
    zone: ApprovedZone
    report: Report
    indicators: list[IndicatorProgress]
    completion: Decimal | None  # mean over indicators, %
    expected: Decimal  # the time path, %
    by_dimension: dict[str, Decimal | None]
    execution_rate: Decimal | None
    late: bool = False

    @property
    def lagging(self) -> bool:
        return self.completion is not None and self.completion < self.expected - LAG_POINTS


@dataclass
class MonitorResult:
    periods: list[PeriodProgress]
    dimensions: list[str]
    findings: list[Sourced] = field(default_factory=list)


def monitor(data: CycleData, programme: Programme) -> MonitorResult:
    """Every approved zone's reports with increases, completion and what to flag."""
    dims = list(programme.evaluation.weights)
    result = MonitorResult([], dims, list(data.findings))
    last = max(((r.year, r.month) for r in data.progress), default=None)
    for zone in programme.approved:
        reports = data.reports(zone.zone)
        result.findings.extend(_missing(zone, reports, programme, last))
        previous: dict[str, float] = {}
        for report in reports:
            period = _period(zone, report, data, previous, dims, result.findings)
            result.periods.append(period)
    lagging_findings(result)
    return result


def _missing(
    zone: ApprovedZone, reports: list[Report], programme: Programme, last: tuple[int, int] | None
) -> list[Sourced]:
    if last is None:
        return []
    have = {(r.year, r.month) for r in reports}
    out = []
    for year in range(zone.start or programme.year, last[0] + 1):
        for n, name in enumerate(QUARTERS, 1):
            if (year, 3 * n) <= last and (year, 3 * n) not in have:
                out.append(
                    (zone.zone, finding("progress-missing", zone=zone.zone, year=year, period=name))
                )
    return out


def _period(
    zone: ApprovedZone,
    report: Report,
    data: CycleData,
    previous: dict[str, float],
    dims: list[str],
    found: list[Sourced],
) -> PeriodProgress:
    plan = _plan(data, zone)
    rows = []
    for row in report.data.get("indicators", []):
        name = str(row.get("indicator") or "")
        value = _number(row.get("value_end"))
        target, start = _target(plan.get(name, {}), row, zone, report.year)
        before = previous.get(name)
        increase = None if value is None or before is None else round(value - before, 6)
        if increase is not None and increase < 0:
            found.append(
                (
                    report.file,
                    _finding(
                        "progress-decreased",
                        zone,
                        report,
                        indicator=name,
                        value=value,
                        previous=before,
                    ),
                )
            )
        if value is not None:
            previous[name] = value
        dimension = str(row.get("dimension") or plan.get(name, {}).get("dimension") or "")
        rows.append(
            IndicatorProgress(
                dimension,
                name,
                str(row.get("unit") or ""),
                target,
                value,
                increase,
                completion(value, target, start),
            )
        )
    late = _dates(zone, report, found)
    return PeriodProgress(
        zone,
        report,
        rows,
        _mean([r.completion for r in rows]),
        Decimal(report.month * 100) / 12 if report.month else Decimal(0),
        {d: _mean([r.completion for r in rows if r.dimension == d]) for d in dims},
        _rate(report.data),
        late,
    )


def _finding(code: str, zone: ApprovedZone, report: Report, **params: object) -> Finding:
    where = {"zone": zone.zone, "year": report.year, "period": report.period}
    return finding_of(code, where | params)


def _plan(data: CycleData, zone: ApprovedZone) -> dict[str, dict[str, object]]:
    targets = data.targets.get(zone.zone)
    rows = targets.data.get("indicators", []) if targets else []
    return {str(r.get("indicator")): r for r in rows}


def _target(
    planned: dict[str, object], row: dict[str, object], zone: ApprovedZone, year: int
) -> tuple[float | None, float | None]:
    first = year == (zone.start or year)
    target = _number(planned.get("target_y1" if first else "target_y2"))
    start = _number(planned.get("baseline" if first else "target_y1"))
    if target is None:
        return _number(row.get("target_year")), None
    return target, start


def completion(value: float | None, target: float | None, start: float | None) -> Decimal | None:
    """% of the year's target reached: the gain over ``start`` against the gain asked for,
    or value ÷ target without a start; None when it cannot be computed."""
    if value is None or target is None:
        return None
    v, t = Fraction(str(value)), Fraction(str(target))
    if start is not None and Fraction(str(start)) != t:
        s = Fraction(str(start))
        return rounded((v - s) * 100 / (t - s), TENTH)
    if t == 0:
        return Decimal(100) if v >= 0 else Decimal(0)
    return rounded(v * 100 / t, TENTH)


def _dates(zone: ApprovedZone, report: Report, found: list[Sourced]) -> bool:
    try:
        filed = dt.date.fromisoformat(str(report.fill_date))
    except ValueError:
        return False
    month = report.month
    end = dt.date(report.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    deadline = end + dt.timedelta(days=DEADLINE_DAYS)
    if filed < end:
        found.append((report.file, _finding("progress-out-of-order", zone, report, date=filed)))
    elif filed > deadline:
        found.append(
            (report.file, _finding("progress-late", zone, report, date=filed, deadline=deadline))
        )
        return True
    return False


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _mean(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return (sum(known, Decimal(0)) / len(known)).quantize(TENTH) if known else None


def _rate(data: dict[str, object]) -> Decimal | None:
    budget, spent = _number(data.get("budget")), _number(data.get("spent"))
    if not budget or spent is None:
        return None
    return rounded(Fraction(str(spent)) * 100 / Fraction(str(budget)), TENTH)


def lagging_findings(result: MonitorResult) -> None:
    """A finding for each zone's latest period when it is behind the time path."""
    latest: dict[str, PeriodProgress] = {}
    for p in result.periods:
        latest[p.zone.zone] = p
    for p in latest.values():
        if p.lagging:
            result.findings.append(
                (
                    p.zone.zone,
                    _finding(
                        "progress-lagging",
                        p.zone,
                        p.report,
                        rate=p.completion,
                        expected=p.expected.quantize(TENTH),
                    ),
                )
            )
