"""Scoring rules of the final evaluation, worked by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from formkit.jobs.cycle.scoring import Item, ratio, score_items, totals

WEIGHTS = {
    "产业集聚度": 20.0,
    "资源聚集力": 15.0,
    "持续发展力": 15.0,
    "产出与效益": 20.0,
    "改革创新力": 15.0,
    "辐射带动力": 15.0,
}


def item(**keys: object) -> Item:
    base: dict[str, object] = {
        "dimension": "产业集聚度",
        "indicator": "指标",
        "points": Fraction(10),
    }
    return Item(**{**base, **keys})  # type: ignore[arg-type]


def earned(**keys: object) -> Decimal | None:
    [scored] = score_items([item(**keys)], WEIGHTS)
    return scored.score


def test_at_least_indicator_earns_actual_over_target_times_points() -> None:
    # 6 / 8 × 10 = 7.5
    assert earned(target=8, actual=6) == Decimal("7.50")


def test_at_most_indicator_earns_target_over_actual_times_points() -> None:
    # ≤ 5: actual 8 → 5 / 8 × 10 = 6.25
    assert earned(direction="≤", target=5, actual=8) == Decimal("6.25")


def test_an_indicator_exceeded_fivefold_is_capped_at_full_points() -> None:
    # 50 / 10 = 5 → capped at 1 × 10
    assert earned(target=10, actual=50) == Decimal("10.00")
    assert ratio(item(target=10, actual=50))[1] == "超额完成（5.0 倍），按满分计"
    # ≤ 10 with actual 2: 10 / 2 = 5 → capped
    assert earned(direction="≤", target=10, actual=2) == Decimal("10.00")


def test_a_zero_target() -> None:
    assert earned(target=0, actual=3) == Decimal("10.00")  # ≥ 0 met by anything ≥ 0
    assert earned(direction="≤", target=0, actual=0) == Decimal("10.00")  # 0 ≤ 0 met
    assert earned(direction="≤", target=0, actual=2) == Decimal("0.00")  # over a zero ceiling


def test_qualitative_uses_the_reviewers_score_capped_at_points() -> None:
    assert earned(direction="定性", entered=6) == Decimal("6.00")
    assert earned(direction="定性", entered=12) == Decimal("10.00")
    assert earned(direction="定性") is None  # not scored: dropped


def test_a_missing_actual_earns_nothing_and_not_applicable_is_dropped() -> None:
    assert earned(target=8) == Decimal("0.00")
    assert earned(target=8, actual=6, applicable=False) is None


def test_points_default_to_the_dimension_weight_shared_equally() -> None:
    # 资源聚集力 15 over 2 indicators → 7.5 each; 3/4 of 7.5 = 5.625 → 5.63
    rows = [
        Item("资源聚集力", "甲", target=4, actual=3),
        Item("资源聚集力", "乙", target=4, actual=4),
    ]
    scored = score_items(rows, WEIGHTS)
    assert [s.points for s in scored] == [Fraction(15, 2), Fraction(15, 2)]
    assert [s.score for s in scored] == [Decimal("5.63"), Decimal("7.50")]


def test_not_applicable_rows_are_dropped_and_the_rest_rescaled() -> None:
    # 产业集聚度 (weight 20): 甲 10 points earns 5 (5/10), 乙 10 points 不适用 →
    #   dimension = 20 × 5 / 10 = 10.00
    # 资源聚集力 (15): 丙 15 points, full → 15.00
    # 持续发展力 (15): only 丁, 不适用 → dimension dropped
    # other three dimensions: no rows → dropped
    # total = (10 + 15) / (20 + 15) × 100 = 71.428… → 71.4
    rows = [
        Item("产业集聚度", "甲", target=10, actual=5, points=Fraction(10)),
        Item("产业集聚度", "乙", target=10, actual=1, points=Fraction(10), applicable=False),
        Item("资源聚集力", "丙", target=3, actual=3, points=Fraction(15)),
        Item("持续发展力", "丁", target=3, actual=3, points=Fraction(15), applicable=False),
    ]
    sums = totals(score_items(rows, WEIGHTS), WEIGHTS)
    assert sums.dimensions["产业集聚度"] == Decimal("10.00")
    assert sums.dimensions["资源聚集力"] == Decimal("15.00")
    assert sums.dimensions["持续发展力"] is None
    assert sums.total == Decimal("71.4")


def test_a_full_table_adds_up_to_the_weighted_total() -> None:
    # every dimension two indicators of half its weight; one indicator per dimension at 50 %
    # → each dimension earns 3/4 of its weight → total 75.0
    rows = []
    for dim in WEIGHTS:
        rows += [Item(dim, "满", target=2, actual=2), Item(dim, "半", target=2, actual=1)]
    sums = totals(score_items(rows, WEIGHTS), WEIGHTS)
    assert sums.dimensions["产业集聚度"] == Decimal("15.00")
    assert sums.dimensions["资源聚集力"] == Decimal("11.25")
    assert sums.total == Decimal("75.0")
