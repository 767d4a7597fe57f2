"""Scoring rules of the final evaluation (FORMS.md §5), exact until the last rounding.

- a ``≥`` (or ``=``, 达到即可) indicator earns 实际/目标 × 分值, at most 分值; a zero (or
  negative) target is met by any actual at or above it;
- a ``≤`` indicator earns 目标/实际 × 分值, at most 分值; an actual of 0 meets it;
- a ``定性`` indicator earns the 得分 a reviewer entered (at most 分值);
- a non-applicable indicator is dropped: its dimension is scored over the others' points,
  and a dimension with nothing applicable is dropped and the total rescaled over the
  remaining weights.

Indicator scores are rounded to 0.01, dimension scores to 0.01, the total to 0.1 (the
precision of the evaluation notice), all half up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypedDict

from formkit.model.resources import word_section


class _ScoringWords(TypedDict):  # vocabulary/cycle.yaml: scoring
    qualitative: str
    notes: dict[str, str]


_WORDS = word_section("cycle", "scoring", _ScoringWords)
QUALITATIVE: str = _WORDS["qualitative"]
NOTES: dict[str, str] = _WORDS["notes"]
CENT, TENTH = Decimal("0.01"), Decimal("0.1")


@dataclass(frozen=True)
class Item:
    """One indicator as scored: 分值 ``points``; ``entered`` is a reviewer's 得分."""

    dimension: str
    indicator: str
    direction: str = "≥"
    target: float | None = None
    actual: float | None = None
    points: Fraction | None = None
    entered: float | None = None
    applicable: bool = True
    unit: str = ""


@dataclass(frozen=True)
class Scored:
    item: Item
    points: Fraction
    earned: Fraction | None  # None: dropped (not applicable, or a qualitative one unscored)
    note: str = ""

    @property
    def score(self) -> Decimal | None:
        return None if self.earned is None else rounded(self.earned, CENT)


def rounded(value: Fraction, step: Decimal) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(step, ROUND_HALF_UP)


def ratio(item: Item) -> tuple[Fraction | None, str]:
    """The share of its points an indicator earns (0…1), or None when it cannot be scored,
    and a note saying why when a special case applied."""
    if not item.applicable:
        return None, NOTES["not_applicable"]
    if item.direction == QUALITATIVE:
        if item.entered is None or item.points in (None, 0):
            return None, NOTES["qualitative_missing"]
        return _capped(Fraction(str(item.entered)) / item.points), NOTES["qualitative"]
    if item.target is None:
        return None, NOTES["no_target"]
    if item.actual is None:
        return Fraction(0), NOTES["no_actual"]
    target, actual = Fraction(str(item.target)), Fraction(str(item.actual))
    if item.direction == "≤":
        return _at_most(target, actual)
    return _at_least(target, actual)


def _at_least(target: Fraction, actual: Fraction) -> tuple[Fraction, str]:
    if target <= 0:
        return (
            (Fraction(1), NOTES["zero_target_met"])
            if actual >= target
            else (Fraction(0), NOTES["zero_target_missed"])
        )
    share = actual / target
    note = NOTES["exceeded"].format(times=rounded(share, TENTH)) if share > 1 else ""
    return _capped(share), note


def _at_most(target: Fraction, actual: Fraction) -> tuple[Fraction, str]:
    if actual <= 0:
        return Fraction(1), NOTES["zero_actual"]
    if target <= 0:
        return Fraction(0), NOTES["zero_target_above"]
    return _capped(target / actual), ""


def _capped(share: Fraction) -> Fraction:
    return max(Fraction(0), min(Fraction(1), share))


def score_items(items: Sequence[Item], weights: Mapping[str, float]) -> list[Scored]:
    """Each item with its points (given, or the dimension's weight shared equally) and the
    points it earns."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.dimension] = counts.get(item.dimension, 0) + 1
    out = []
    for item in items:
        points = item.points
        if points is None:
            weight = Fraction(str(weights.get(item.dimension, 0)))
            points = weight / counts[item.dimension]
        share, note = ratio(item)
        out.append(Scored(item, points, None if share is None else share * points, note))
    return out


@dataclass(frozen=True)
class Totals:
    dimensions: dict[str, Decimal | None]  # per dimension, out of its weight; None: dropped
    total: Decimal  # out of 100, to 0.1


def totals(scored: Sequence[Scored], weights: Mapping[str, float]) -> Totals:
    """Dimension scores (weight × earned / applicable points) and the total over the
    dimensions that could be scored, rescaled to 100."""
    dims: dict[str, Decimal | None] = {}
    kept_weight, kept_score = Fraction(0), Fraction(0)
    for name, weight in weights.items():
        rows = [s for s in scored if s.item.dimension == name and s.earned is not None]
        possible = sum((s.points for s in rows), Fraction(0))
        if not rows or possible == 0:
            dims[name] = None
            continue
        earned = sum((s.earned or Fraction(0) for s in rows), Fraction(0))
        value = Fraction(str(weight)) * earned / possible
        dims[name] = rounded(value, CENT)
        kept_weight += Fraction(str(weight))
        kept_score += value
    total = kept_score * 100 / kept_weight if kept_weight else Fraction(0)
    return Totals(dims, rounded(total, TENTH))
