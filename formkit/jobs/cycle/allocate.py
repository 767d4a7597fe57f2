"""Fund allocation (``formkit allocate``): the year's budget over the approved zones, summed
per city for 切块下达.

Rules (``allocation.rule`` in programme.yaml; none is public, so they are configuration):

- ``equal``: every zone the same share;
- ``tiers``: shares in proportion to the weight of each zone's grade (``allocation.tiers``,
  default 优秀 1.2 / 良好 1.0 / 合格 0.8 / 不合格 0); the grade is the review grade of the
  approved list, or the evaluation grade when an evaluation is given.

With ``cap_by_request`` (default) no zone gets more than it asked for; what a capped zone
leaves is shared again over the others by the same rule, until nobody is over its cap.
Shares are exact fractions until the last step, which rounds to 分 (0.01 万元) by the largest
remainder method, so the amounts add up to the budget exactly (ties go to the zone listed
first). A zone whose evaluation did not roll on gets nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from formkit.model.errors import ConfigError
from formkit.model.findings import Finding, finding
from formkit.programme import ApprovedZone, Programme

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Share:
    """One zone's allocation."""

    zone: ApprovedZone
    grade: str
    weight: Decimal
    amount: Decimal
    capped: bool = False


@dataclass(frozen=True)
class CityBlock:
    """One city's block (切块): how many zones and how much."""

    city: str
    count: int
    amount: Decimal


@dataclass
class AllocationResult:
    year: int
    budget: Decimal
    rule: str
    shares: list[Share]
    findings: list[tuple[str, Finding]] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((s.amount for s in self.shares), Decimal("0.00"))

    @property
    def unspent(self) -> Decimal:
        return self.budget - self.total

    @property
    def by_city(self) -> list[CityBlock]:
        """Per-city sums in the order the cities first appear."""
        blocks: dict[str, list[Decimal]] = {}
        for s in self.shares:
            if s.amount > 0:
                blocks.setdefault(s.zone.city, []).append(s.amount)
        return [CityBlock(c, len(a), sum(a, Decimal("0.00"))) for c, a in blocks.items()]


# --- the arithmetic ------------------------------------------------------------------------------


def split(
    budget: Decimal, weights: Sequence[Fraction], caps: Sequence[Decimal | None]
) -> list[Decimal]:
    """``budget`` (万元, at most two decimals) shared in proportion to ``weights``, no share
    above its cap (None: no cap), rounded to 0.01 by the largest remainder method.

    The amounts add up to ``budget`` exactly unless every weighted share is capped, in which
    case they add up to the caps. Ties in the remainders go to the earlier item.
    """
    return _largest_remainder(_water_fill(Fraction(budget), weights, caps)[0])


def _water_fill(
    budget: Fraction, weights: Sequence[Fraction], caps: Sequence[Decimal | None]
) -> tuple[list[Fraction], dict[int, Fraction]]:
    """Exact shares, and for each capped item the share it would have had when capped."""
    shares = [Fraction(0)] * len(weights)
    wanted: dict[int, Fraction] = {}
    active = [i for i, w in enumerate(weights) if w > 0]
    remaining = budget
    while active:
        total = sum(weights[i] for i in active)
        fair = {i: remaining * weights[i] / total for i in active}
        over = [i for i in active if (c := caps[i]) is not None and fair[i] > c]
        if not over:
            shares = [fair.get(i, shares[i]) for i in range(len(shares))]
            break
        for i in over:
            wanted[i] = fair[i]
            shares[i] = Fraction(caps[i] or 0)
            remaining -= shares[i]
        active = [i for i in active if i not in over]
    return shares, wanted


def _largest_remainder(exact: Sequence[Fraction]) -> list[Decimal]:
    cents = [x * 100 for x in exact]
    floors = [c.numerator // c.denominator for c in cents]
    target = sum(cents)
    if target.denominator != 1:  # cannot happen with budgets and caps in 分; be safe anyway
        target = Fraction(round(target))
    extra = int(target) - sum(floors)
    order = sorted(range(len(cents)), key=lambda i: (-(cents[i] - floors[i]), i))
    for i in order[:extra]:
        floors[i] += 1
    return [(Decimal(n) / 100).quantize(CENT) for n in floors]


# --- the programme's allocation ---------------------------------------------------------------


def allocate(
    programme: Programme, evaluation: Mapping[str, Mapping[str, object]] | None = None
) -> AllocationResult:
    """Share ``programme.allocation.budget`` over ``programme.approved``.

    ``evaluation`` maps zone names to ``{grade, roll_on, reasons}`` (as ``evaluation.yaml``
    lists them); its grades replace the review grades and zones that do not roll on get
    nothing. Raises :class:`ConfigError` when there is no budget or no approved zone.
    """
    config = programme.allocation
    name = _source(programme)
    if config.budget is None:
        raise ConfigError("allocation-budget-missing", file=name)
    if not programme.approved:
        raise ConfigError("allocation-approved-missing", file=name)
    found: list[tuple[str, Finding]] = []
    grades, weights = [], []
    for z in programme.approved:
        grade, weight = _weight(programme, z, evaluation, found)
        grades.append(grade)
        weights.append(weight)
    caps = [_cap(programme, z, found) for z in programme.approved]
    exact, wanted = _water_fill(Fraction(config.budget), [Fraction(w) for w in weights], caps)
    amounts = _largest_remainder(exact)
    shares = [
        Share(z, g, w, a, capped=i in wanted)
        for i, (z, g, w, a) in enumerate(
            zip(programme.approved, grades, weights, amounts, strict=True)
        )
    ]
    result = AllocationResult(programme.year, config.budget, config.rule, shares, found)
    _explain(result, wanted)
    return result


def _source(programme: Programme) -> str:
    return programme.source.rsplit("/", 1)[-1] or "programme.yaml"


def _weight(
    programme: Programme,
    zone: ApprovedZone,
    evaluation: Mapping[str, Mapping[str, object]] | None,
    found: list[tuple[str, Finding]],
) -> tuple[str, Decimal]:
    judged = (evaluation or {}).get(zone.zone)
    grade = str(judged.get("grade") or zone.grade) if judged else zone.grade
    if judged is not None and not judged.get("roll_on", True):
        reasons = judged.get("reasons") or []
        listed = reasons if isinstance(reasons, Iterable) else [reasons]
        reason = "；".join(map(str, listed)) or grade
        found.append((zone.zone, finding("allocation-not-rolled", zone=zone.zone, reason=reason)))
        return grade, Decimal(0)
    if programme.allocation.rule == "equal":
        return grade, Decimal(1)
    tiers = programme.allocation.tiers
    if grade not in tiers:
        found.append((zone.zone, finding("allocation-grade-unknown", zone=zone.zone, grade=grade)))
        return grade, Decimal(0)
    return grade, tiers[grade]


def _cap(
    programme: Programme, zone: ApprovedZone, found: list[tuple[str, Finding]]
) -> Decimal | None:
    if not programme.allocation.cap_by_request:
        return None
    if zone.request is None:
        found.append((zone.zone, finding("allocation-no-request", zone=zone.zone)))
    return zone.request


def _explain(result: AllocationResult, wanted: Mapping[int, Fraction]) -> None:
    """Findings for capped zones and an unspent remainder."""
    for i, share in enumerate(result.shares):
        if i in wanted:
            fair = (Decimal(wanted[i].numerator) / wanted[i].denominator).quantize(CENT)
            zone = share.zone.zone
            result.findings.append(
                (zone, finding("allocation-capped", zone=zone, share=fair, request=share.amount))
            )
    if result.unspent > 0:
        result.findings.append(
            ("", finding("allocation-unspent", budget=result.budget, amount=result.unspent))
        )
