"""The final performance evaluation (``formkit evaluate``): per approved zone, indicator
scores, budget execution, dimension scores with the programme's weights, a total, a grade
and whether support rolls on, with its reasons.

A zone is scored from its 绩效自评表 of the year when there is one (the points and the
reviewer's scores of qualitative indicators come from it), otherwise from its progress
reports of the year (the latest period's 报送期末值 against the year's target of Form B, or
the 年度目标值 printed in the report), each dimension's weight shared equally over its
indicators. The scoring rules are in :mod:`formkit.jobs.cycle.scoring`.

Roll-on (滚动支持, at most three years 【源】): the grade is one of
``evaluation.roll_on_grades``, the budget execution rate is at least
``evaluation.min_execution`` % (when known), and the zone has had fewer than
``evaluation.max_years`` years of support.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypedDict

from formkit.jobs.cycle.inbox import CycleData, Report, Sourced
from formkit.jobs.cycle.scoring import QUALITATIVE, Item, Scored, rounded, score_items, totals
from formkit.model.findings import finding
from formkit.model.resources import word_section
from formkit.programme import ApprovedZone, Programme


class _DecisionWords(TypedDict):  # vocabulary/cycle.yaml: decision
    sources: dict[str, str]
    reasons: dict[str, str]


_WORDS = word_section("cycle", "decision", _DecisionWords)
SOURCES: dict[str, str] = _WORDS["sources"]
REASONS: dict[str, str] = _WORDS["reasons"]

SCORE_TOLERANCE = Decimal("0.05")


@dataclass
class ZoneEvaluation:
    zone: ApprovedZone
    year: int
    source: str  # 自评表 / 监测数据 / 无数据
    scored: list[Scored]
    dimensions: dict[str, Decimal | None]
    total: Decimal
    grade: str
    execution_rate: Decimal | None
    roll_on: bool
    reasons: list[str]


@dataclass
class EvaluationResult:
    year: int
    zones: list[ZoneEvaluation]
    weights: dict[str, float]
    findings: list[Sourced] = field(default_factory=list)


def evaluate(data: CycleData, programme: Programme, year: int | None = None) -> EvaluationResult:
    """Evaluate every approved zone for ``year`` (default: the latest year reported)."""
    year = year or latest_year(data) or programme.year
    weights = dict(programme.evaluation.weights)
    result = EvaluationResult(year, [], weights, list(data.findings))
    for zone in programme.approved:
        result.zones.append(_zone(data, programme, zone, year, result.findings))
    return result


def latest_year(data: CycleData) -> int | None:
    years = [r.year for r in data.self_evals] or [r.year for r in data.progress]
    return max(years) if years else None


def _zone(
    data: CycleData, programme: Programme, zone: ApprovedZone, year: int, found: list[Sourced]
) -> ZoneEvaluation:
    weights = dict(programme.evaluation.weights)
    own = [r for r in data.self_evals if r.zone == zone.zone and r.year == year]
    reports = data.reports(zone.zone, year)
    if own:
        source, items, money = SOURCES["self_eval"], _self_eval_items(own[-1]), own[-1].data
    elif reports:
        source, money = SOURCES["monitoring"], reports[-1].data
        items = _monitoring_items(reports[-1], data.targets.get(zone.zone), zone, year)
    else:
        found.append((zone.zone, finding("evaluation-no-data", zone=zone.zone, year=year)))
        return _unscored(programme, zone, year)
    scored = score_items(items, weights)
    _item_findings(zone.zone, scored, own[-1] if own else None, found)
    sums = totals(scored, weights)
    grade = programme.evaluation.grade(float(sums.total))
    rate = execution_rate(money)
    roll_on, reasons = decide(programme, zone, year, sums.total, grade, rate)
    return ZoneEvaluation(
        zone, year, source, scored, sums.dimensions, sums.total, grade, rate, roll_on, reasons
    )


def _unscored(programme: Programme, zone: ApprovedZone, year: int) -> ZoneEvaluation:
    grade = programme.evaluation.grades[-1].name
    reasons = [REASONS["no_data"].format(year=year, grade=grade)]
    dims: dict[str, Decimal | None] = {d: None for d in programme.evaluation.weights}
    return ZoneEvaluation(
        zone, year, SOURCES["none"], [], dims, Decimal("0.0"), grade, None, False, reasons
    )


# --- items from the two sources --------------------------------------------------------------


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _self_eval_items(report: Report) -> list[Item]:
    items = []
    for row in report.data.get("indicators", []):
        points = _number(row.get("points"))
        items.append(
            Item(
                dimension=str(row.get("dimension") or ""),
                indicator=str(row.get("indicator") or ""),
                direction=str(row.get("direction") or "≥"),
                target=_number(row.get("target")),
                actual=_number(row.get("actual")),
                points=None if points is None else Fraction(str(points)),
                entered=_number(row.get("score")),
                applicable=not row.get("na"),
                unit=str(row.get("unit") or ""),
            )
        )
    return items


def _monitoring_items(
    report: Report, targets: Report | None, zone: ApprovedZone, year: int
) -> list[Item]:
    form_b = {
        str(r.get("indicator")): r for r in (targets.data if targets else {}).get("indicators", [])
    }
    column = "target_y1" if year == (zone.start or year) else "target_y2"
    items = []
    for row in report.data.get("indicators", []):
        name = str(row.get("indicator") or "")
        planned = form_b.get(name, {})
        target = _number(planned.get(column))
        items.append(
            Item(
                dimension=str(row.get("dimension") or planned.get("dimension") or ""),
                indicator=name,
                direction=str(planned.get("direction") or row.get("direction") or "≥"),
                target=target if target is not None else _number(row.get("target_year")),
                actual=_number(row.get("value_end")),
                applicable=not row.get("na"),
                unit=str(row.get("unit") or ""),
            )
        )
    return items


def _item_findings(
    zone: str, scored: list[Scored], own: Report | None, found: list[Sourced]
) -> None:
    where = own.file if own else zone
    for s in scored:
        item, name = s.item, s.item.indicator
        if item.applicable and item.direction == QUALITATIVE and s.earned is None:
            found.append(
                (where, finding("evaluation-qualitative-unscored", zone=zone, indicator=name))
            )
        elif item.applicable and item.direction != QUALITATIVE and item.target is not None:
            if item.actual is None:
                found.append(
                    (where, finding("evaluation-missing-actual", zone=zone, indicator=name))
                )
            elif item.target == 0:
                found.append(
                    (
                        where,
                        finding("evaluation-zero-target", zone=zone, indicator=name, detail=s.note),
                    )
                )
            elif item.entered is not None and s.score is not None:
                claimed = Decimal(str(item.entered))
                if abs(claimed - s.score) > SCORE_TOLERANCE:
                    found.append(
                        (
                            where,
                            finding(
                                "evaluation-score-differs",
                                zone=zone,
                                indicator=name,
                                claimed=claimed,
                                computed=s.score,
                            ),
                        )
                    )


# --- budget and decision ---------------------------------------------------------------------


def execution_rate(data: dict[str, object]) -> Decimal | None:
    """执行数 ÷ 预算数 × 100, to 0.1 %, or None without a positive budget."""
    budget, spent = _number(data.get("budget")), _number(data.get("spent"))
    if not budget or budget <= 0 or spent is None or spent < 0:
        return None
    return rounded(Fraction(str(spent)) * 100 / Fraction(str(budget)), Decimal("0.1"))


def decide(
    programme: Programme,
    zone: ApprovedZone,
    year: int,
    total: Decimal,
    grade: str,
    rate: Decimal | None,
) -> tuple[bool, list[str]]:
    """Whether support rolls on, with every reason that decided it."""
    config = programme.evaluation
    shown = total.quantize(Decimal("0.1"), ROUND_HALF_UP)
    reasons = [REASONS["total"].format(total=shown, grade=grade)]
    ok = grade in config.roll_on_grades
    if not ok:
        grades = "、".join(config.roll_on_grades)
        reasons.append(REASONS["grade_not_rolling"].format(grade=grade, grades=grades))
    least = f"{config.min_execution:g}"
    if rate is None:
        reasons.append(REASONS["no_execution"])
    elif rate < Decimal(least):
        ok = False
        reasons.append(REASONS["execution_low"].format(rate=rate, least=least))
    else:
        reasons.append(REASONS["execution_ok"].format(rate=rate, least=least))
    years = year - (zone.start or programme.year) + 1
    limit = "years_reached" if years >= config.max_years else "years_left"
    ok = ok and years < config.max_years
    reasons.append(REASONS[limit].format(years=years, max_years=config.max_years))
    return ok, reasons
