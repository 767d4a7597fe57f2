"""The programme as values: cities and quotas, demo counties, the working-day calendar,
evaluation weights and grades, the approved list and the allocation settings.

:func:`formkit.programme.load_programme` builds a :class:`Programme` from ``programme.yaml``
(see :mod:`formkit.programme` for the keys and :mod:`formkit.programme.loader` for the reading).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from formkit.model.resources import text_map, word, word_section, words
from formkit.programme.catalogue import Catalogue

# the 一级指标 and their default weights, grades and tiers (【定】): vocabulary/programme.yaml
DEFAULT_WEIGHTS = {
    k: float(v) for k, v in word_section("programme", "dimensions", dict[str, float]).items()
}
DIMENSIONS = tuple(DEFAULT_WEIGHTS)

_CITY_SUFFIX = word("programme", "city_suffix")


@dataclass(frozen=True)
class City:
    name: str
    quota: int


@dataclass(frozen=True)
class DemoCounty:
    name: str
    city: str


@dataclass(frozen=True)
class Grade:
    name: str
    min_score: float


# the lowest scores as the YAML gives them (90, not 90.0: outputs print them)
DEFAULT_GRADES = tuple(
    Grade(name, low) for name, low in word_section("programme", "grades", dict[str, float]).items()
)


@dataclass(frozen=True)
class Evaluation:
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    grades: tuple[Grade, ...] = DEFAULT_GRADES
    # roll-on (滚动支持): grades that roll on, the least budget execution rate (%), and the
    # longest support in years (【源】 at most three)
    roll_on_grades: tuple[str, ...] = words("programme", "roll_on_grades")
    min_execution: float = 60.0
    max_years: int = 3

    def grade(self, score: float) -> str:
        """The grade band a total score falls in (bands sorted from the top)."""
        for band in sorted(self.grades, key=lambda g: -g.min_score):
            if score >= band.min_score:
                return band.name
        return self.grades[-1].name


@dataclass(frozen=True)
class ApprovedZone:
    """One zone on the approved list (支持名单)."""

    zone: str
    city: str
    carrier: str = ""
    request: Decimal | None = None  # 申请省级奖补资金, 万元
    grade: str = ""  # review grade, for the tiers rule
    start: int | None = None  # first year of the two-year plan


ALLOCATION_RULES = ("equal", "tiers")
DEFAULT_TIERS = {k: Decimal(v) for k, v in text_map("programme", "tiers").items()}


@dataclass(frozen=True)
class Allocation:
    """How the year's budget is shared (``formkit allocate``)."""

    budget: Decimal | None = None
    rule: str = "equal"
    cap_by_request: bool = True
    tiers: Mapping[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_TIERS))
    doc_seq: str = ""
    date: str = ""


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion of the expert panel: its weight (points of the total) and the
    dossier figures the experts see beside each zone (``application`` field keys, or
    ``form.key`` for another form)."""

    name: str
    weight: float
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Panel:
    """The expert panel (``formkit panel``): the rubric, the score range of every criterion,
    the disagreement margin (points of the weighted total), the least number of experts for
    a trimmed mean, whether the 审核意见 name the experts, and the 公示 facts the panel
    cannot know (``publicity``: doc_seq, date, start, contact, phone, recipients)."""

    criteria: tuple[Criterion, ...] = ()
    score_min: float = 0.0
    score_max: float = 10.0
    margin: float = 15.0
    trim_from: int = 5
    names: bool = False
    round: int = 1
    publicity: Mapping[str, str] = field(default_factory=dict)

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)


@dataclass(frozen=True)
class Programme:
    year: int
    agency: str
    docno_prefix: str
    parent_notice: str
    cities: tuple[City, ...]
    source: str = ""
    demo_counties: tuple[DemoCounty, ...] = ()
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    evaluation: Evaluation = field(default_factory=Evaluation)
    catalogue_path: Path | None = None
    catalogue: Catalogue | None = None
    target_zones: int | None = None
    publicity_days: int = 5
    synthetic: bool = False
    approved: tuple[ApprovedZone, ...] = ()
    allocation: Allocation = field(default_factory=Allocation)
    panel: Panel = field(default_factory=Panel)

    def city(self, name: str) -> City | None:
        """The configured city for a name, also when 市 is left off (太原 → 太原市)."""
        name = name.strip()
        for c in self.cities:
            if name in (c.name, c.name.removesuffix(_CITY_SUFFIX)):
                return c
        return None

    def quota(self, city: str) -> int:
        found = self.city(city)
        return found.quota if found else 0

    def is_demo_county(self, county: str, city: str | None = None) -> bool:
        wanted = self.city(city) if city else None
        return any(
            county.strip() == d.name and (wanted is None or wanted == self.city(d.city))
            for d in self.demo_counties
        )

    def is_workday(self, day: dt.date) -> bool:
        """Mon–Fri unless a holiday; Sat/Sun only when a 调休 working day."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        day = start
        while days > 0:
            day += dt.timedelta(days=1)
            days -= int(self.is_workday(day))
        return day
