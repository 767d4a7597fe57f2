"""Per-zone statistics of the counted scores and the rankings.

For each zone: the experts' weighted totals, their mean, the trimmed mean (highest and lowest
dropped) when at least ``panel.trim_from`` experts scored it, the spread (highest − lowest)
and a flag when the spread is over ``panel.margin``. The score used is the trimmed mean
when there is one, else the mean. Zones are ranked overall and within their city (ties share
a rank); a zone is proposed (拟支持) when it is within its city's quota, was not refused in
the compliance review, and — when the programme sets ``target_zones`` — among that many best
of those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from formkit.jobs.batch.review import ZoneReview
from formkit.jobs.batch.status import REJECTED
from formkit.jobs.panel.collect import Collected
from formkit.model.findings import Finding, finding
from formkit.programme import Programme

CENT = Decimal("0.01")


@dataclass
class ZoneResult:
    zone: ZoneReview
    totals: list[tuple[str, Decimal]]  # (expert, weighted total), by expert
    mean: Decimal | None = None
    trimmed: Decimal | None = None
    high: Decimal | None = None
    low: Decimal | None = None
    disagree: bool = False
    rank: int | None = None
    city_rank: int | None = None
    quota: int = 0
    picked: bool = False

    @property
    def score(self) -> Decimal | None:
        return self.trimmed if self.trimmed is not None else self.mean

    @property
    def spread(self) -> Decimal | None:
        return None if self.high is None or self.low is None else self.high - self.low


@dataclass
class Ranking:
    zones: list[ZoneResult]  # by rank, unranked last
    findings: list[tuple[str, Finding]] = field(default_factory=list)


def aggregate(zones: list[ZoneReview], collected: Collected, programme: Programme) -> Ranking:
    panel = programme.panel
    results = []
    findings: list[tuple[str, Finding]] = []
    for z in zones:
        totals = sorted(
            (s.expert, s.scores[z.dossier.key].total)
            for s in collected.sheets
            if z.dossier.key in s.scores
        )
        result = ZoneResult(z, totals, quota=programme.quota(z.city))
        _statistics(result, panel.trim_from, Decimal(str(panel.margin)))
        if result.score is None:
            findings.append((z.zone, finding("panel-zone-unscored", zone=z.zone)))
        elif result.disagree:
            findings.append((z.zone, _disagreement(result, panel.margin)))
        results.append(result)
    _rank(results)
    _pick(results, programme.target_zones)
    order = sorted(results, key=lambda r: (r.rank is None, r.rank or 0, r.zone.city, r.zone.zone))
    return Ranking(order, findings)


def _statistics(r: ZoneResult, trim_from: int, margin: Decimal) -> None:
    values = sorted(t for _, t in r.totals)
    if not values:
        return
    r.mean = (sum(values, Decimal(0)) / len(values)).quantize(CENT)
    if len(values) >= max(trim_from, 3):
        inner = values[1:-1]
        r.trimmed = (sum(inner, Decimal(0)) / len(inner)).quantize(CENT)
    r.high, r.low = values[-1], values[0]
    r.disagree = r.high - r.low > margin


def _disagreement(r: ZoneResult, margin: float) -> Finding:
    return finding(
        "panel-disagreement",
        zone=r.zone.zone,
        spread=r.spread,
        high=r.high,
        low=r.low,
        margin=format(Decimal(str(margin)).normalize(), "f"),
    )


def _rank(results: list[ZoneResult]) -> None:
    scored = [r for r in results if r.score is not None]
    _competition(scored, lambda r, n: setattr(r, "rank", n))
    for city in sorted({r.zone.city for r in scored}):
        within = [r for r in scored if r.zone.city == city]
        _competition(within, lambda r, n: setattr(r, "city_rank", n))


def _competition(results: list[ZoneResult], put: Callable[[ZoneResult, int], None]) -> None:
    """1, 2, 2, 4: equal scores share a rank."""
    ordered = sorted(results, key=lambda r: (-(r.score or 0), r.zone.zone))
    previous: Decimal | None = None
    rank = 0
    for n, r in enumerate(ordered, 1):
        if r.score != previous:
            rank, previous = n, r.score
        put(r, rank)


def _pick(results: list[ZoneResult], target: int | None) -> None:
    eligible = [
        r
        for r in results
        if r.score is not None
        and r.zone.status != REJECTED
        and r.city_rank is not None
        and r.city_rank <= r.quota
    ]
    eligible.sort(key=lambda r: (r.rank or 0, r.zone.zone))
    for r in eligible[: target if target else None]:
        r.picked = True
