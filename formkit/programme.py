"""The programme configuration (``programme.yaml``): one year's call of the provincial scheme.

Keys (``samples/programme.yaml`` is a complete example)::

    synthetic: true                 # sample data, not a real call (optional)
    year: 2020                      # the year of the call
    agency: 山西省小企业发展促进局    # issuing agency (renamed over the years: configuration)
    docno_prefix: 晋企发             # 发文字号 prefix → 晋企发〔2020〕95号
    parent_notice: 《……实施方案》（晋政办发〔2019〕12号）   # the notice cited as the basis
    target_zones: 5                 # how many zones the province supports this year (optional)
    publicity_days: 5               # working days of the 公示 (default 5)
    cities:                         # the cities that may recommend, with their quotas
      - {name: 太原市, quota: 2}
    demo_counties:                  # 小微企业创业创新基地示范县 (priority)
      - {name: 清徐县, city: 太原市}
    holidays: [2020-01-01, 2020-01-24..2020-02-02]   # public holidays (dates or ranges a..b)
    workdays: [2020-01-19]          # 调休: weekend days that are working days
    evaluation:                     # optional; defaults below
      weights: {产业集聚度: 20, …}   # per dimension, summing to 100
      grades: [{name: 优秀, min: 90}, …]
      roll_on_grades: [优秀, 良好, 合格]   # grades that roll on (滚动支持)
      min_execution: 60             # least budget execution rate (%) to roll on
      max_years: 3                  # longest support (years)
    catalogue: catalogue.csv        # zone catalogue, relative to this file (.csv or .xlsx)
    approved:                       # 支持名单 after the 公示 (formkit allocate/monitor/evaluate)
      - {zone: 山西清徐经济开发区, city: 太原市, carrier: 清徐精细化工融通创新港,
         request: 500, grade: 优秀, start: 2020}
    allocation:                     # 资金分配 (formkit allocate); optional
      budget: 2000                  # 万元, two decimals at most
      rule: tiers                   # equal | tiers
      cap_by_request: true          # no zone gets more than its request (default true)
      tiers: {优秀: 1.2, 良好: 1, 合格: 0.8}   # share weights by grade (rule tiers)
      doc_seq: 95                   # 资金下达通知 number → 晋企发〔2020〕95号 (optional)
      date: 2020-06-18              # 成文日期 of that notice (optional)

Default evaluation weights (【定】: the official ones are not public) are 20 for 产业集聚度 and
产出与效益 and 15 for the other four dimensions; default grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60,
不合格 below.
``approved`` lists the supported zones: ``request`` (万元) is the zone's 申请省级奖补资金,
``grade`` its review grade (used by the tiers rule), ``start`` the first year of its two-year plan
(default ``year``). ``allocation`` defaults (【定】, no rule is public): ``rule: equal``,
``cap_by_request: true``, tiers 优秀 1.2 / 良好 1.0 / 合格 0.8 / 不合格 0.

A configuration that cannot be used raises :class:`ConfigError` naming the file
and the key, in Chinese (``programme.yaml：cities 第2项缺少 quota``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from formkit.catalogue import Catalogue, CatalogueMatch, Zone, load_catalogue
from formkit.errors import ConfigError

__all__ = [
    "Allocation",
    "ApprovedZone",
    "Catalogue",
    "CatalogueMatch",
    "City",
    "DemoCounty",
    "Evaluation",
    "Grade",
    "Programme",
    "Zone",
    "load_catalogue",
    "load_programme",
]

DIMENSIONS = ("产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力")
DEFAULT_WEIGHTS = {
    "产业集聚度": 20.0,
    "资源聚集力": 15.0,
    "持续发展力": 15.0,
    "产出与效益": 20.0,
    "改革创新力": 15.0,
    "辐射带动力": 15.0,
}


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


DEFAULT_GRADES = (Grade("优秀", 90), Grade("良好", 80), Grade("合格", 60), Grade("不合格", 0))


@dataclass(frozen=True)
class Evaluation:
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    grades: tuple[Grade, ...] = DEFAULT_GRADES
    # roll-on (滚动支持): grades that roll on, the least budget execution rate (%), and the
    # longest support in years (【源】 at most three)
    roll_on_grades: tuple[str, ...] = ("优秀", "良好", "合格")
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
DEFAULT_TIERS = {
    "优秀": Decimal("1.2"),
    "良好": Decimal("1"),
    "合格": Decimal("0.8"),
    "不合格": Decimal(0),
}


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

    def city(self, name: str) -> City | None:
        """The configured city for a name, also when 市 is left off (太原 → 太原市)."""
        name = name.strip()
        for c in self.cities:
            if name in (c.name, c.name.removesuffix("市")):
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


# --- loading --------------------------------------------------------------------------------


def load_programme(path: str | Path) -> Programme:
    """Read ``programme.yaml`` and its catalogue; raises ConfigError when unusable."""
    path = Path(path)
    doc = _read_yaml(path)
    return _Reader(path, doc).programme()


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates, so a bad date is reported by key, not by PyYAML."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise ConfigError(f"{path.name}：无法读取（{exc.strerror}）") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path.name}：不是 UTF-8 编码的文本") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第{mark.line + 1}行" if mark is not None else ""
        raise ConfigError(f"{path.name}：{line}YAML 格式错误") from exc
    if not isinstance(doc, Mapping):
        raise ConfigError(f"{path.name}：应为键值形式的配置")
    return doc


class _Reader:
    """Reads one configuration mapping, naming file and key in every error."""

    def __init__(self, path: Path, doc: Mapping[str, Any]) -> None:
        self.path = path
        self.doc = doc

    def fail(self, where: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path.name}：{where}{problem}")

    def required(self, key: str, kind: type) -> Any:
        if key not in self.doc or self.doc[key] in (None, ""):
            raise self.fail("", f"缺少 {key}")
        return self.typed(self.doc[key], kind, key)

    def typed(self, value: Any, kind: type, where: str) -> Any:
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(where, " 应为整数")
        if kind is str and not isinstance(value, str | int):
            raise self.fail(where, " 应为文字")
        return str(value).strip() if kind is str else value

    def items(self, key: str) -> list[Any]:
        value = self.doc.get(key) or []
        if not isinstance(value, list):
            raise self.fail(key, " 应为列表")
        return value

    def programme(self) -> Programme:
        catalogue_path = self.catalogue_path()
        return Programme(
            year=self.required("year", int),
            agency=self.required("agency", str),
            docno_prefix=self.required("docno_prefix", str),
            parent_notice=self.typed(self.doc.get("parent_notice", ""), str, "parent_notice"),
            cities=self.cities(),
            source=str(self.path),
            demo_counties=self.demo_counties(),
            holidays=self.dates("holidays"),
            workdays=self.dates("workdays"),
            evaluation=self.evaluation(),
            catalogue_path=catalogue_path,
            catalogue=load_catalogue(catalogue_path) if catalogue_path else None,
            target_zones=self.optional_int("target_zones"),
            publicity_days=self.optional_int("publicity_days") or 5,
            synthetic=bool(self.doc.get("synthetic", False)),
            approved=self.approved(),
            allocation=self.allocation(),
        )

    def optional_int(self, key: str) -> int | None:
        value = self.doc.get(key)
        return None if value is None else self.typed(value, int, key)

    def entry(self, key: str, index: int, item: Any, needed: tuple[str, ...]) -> Mapping[str, Any]:
        if not isinstance(item, Mapping):
            raise self.fail(f"{key} 第{index}项", " 应为键值形式，如 {name: 太原市, quota: 2}")
        for name in needed:
            if item.get(name) in (None, ""):
                raise self.fail(f"{key} 第{index}项", f"缺少 {name}")
        return item

    def cities(self) -> tuple[City, ...]:
        cities = []
        for i, item in enumerate(self.items("cities"), 1):
            entry = self.entry("cities", i, item, ("name", "quota"))
            quota = self.typed(entry["quota"], int, f"cities 第{i}项 quota")
            if quota < 0:
                raise self.fail(f"cities 第{i}项 quota", " 不能为负数")
            cities.append(City(self.typed(entry["name"], str, f"cities 第{i}项 name"), quota))
        if not cities:
            raise self.fail("", "缺少 cities（申报地市及名额）")
        names = [c.name for c in cities]
        if len(set(names)) != len(names):
            raise self.fail("cities", " 中有重复的地市")
        return tuple(cities)

    def demo_counties(self) -> tuple[DemoCounty, ...]:
        out = []
        for i, item in enumerate(self.items("demo_counties"), 1):
            entry = self.entry("demo_counties", i, item, ("name", "city"))
            out.append(DemoCounty(str(entry["name"]).strip(), str(entry["city"]).strip()))
        return tuple(out)

    def dates(self, key: str) -> frozenset[dt.date]:
        days: set[dt.date] = set()
        for i, item in enumerate(self.items(key), 1):
            days.update(self.date_range(item, f"{key} 第{i}项"))
        return frozenset(days)

    def date_range(self, item: Any, where: str) -> list[dt.date]:
        if isinstance(item, dt.date):
            return [item]
        first, _, last = str(item).partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise self.fail(where, f"“{item}”应为日期 YYYY-MM-DD 或区间 起..止") from None
        if end < start:
            raise self.fail(where, f"“{item}”的结束日期早于开始日期")
        return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]

    def evaluation(self) -> Evaluation:
        section = self.doc.get("evaluation") or {}
        if not isinstance(section, Mapping):
            raise self.fail("evaluation", " 应为键值形式")
        weights = section.get("weights") or DEFAULT_WEIGHTS
        if not isinstance(weights, Mapping) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in weights.values()
        ):
            raise self.fail("evaluation.weights", " 应为 一级指标: 分值 的形式")
        unknown = sorted(set(weights) - set(DIMENSIONS))
        if unknown:
            raise self.fail("evaluation.weights", f" 含有不是一级指标的项：{'、'.join(unknown)}")
        return Evaluation(
            {str(k): float(v) for k, v in weights.items()},
            self.grades(section),
            **self.roll_on(section),
        )

    def roll_on(self, section: Mapping[str, Any]) -> dict[str, Any]:
        """Optional roll-on settings: roll_on_grades, min_execution (%), max_years."""
        out: dict[str, Any] = {}
        if section.get("roll_on_grades"):
            out["roll_on_grades"] = tuple(str(g) for g in section["roll_on_grades"])
        if section.get("min_execution") is not None:
            out["min_execution"] = float(
                self.amount(section["min_execution"], "evaluation.min_execution", None)
            )
        if section.get("max_years") is not None:
            out["max_years"] = self.typed(section["max_years"], int, "evaluation.max_years")
        return out

    def grades(self, section: Mapping[str, Any]) -> tuple[Grade, ...]:
        items = section.get("grades")
        if not items:
            return DEFAULT_GRADES
        out = []
        for i, item in enumerate(items, 1):
            entry = self.entry("evaluation.grades", i, item, ("name", "min"))
            if not isinstance(entry["min"], int | float):
                raise self.fail(f"evaluation.grades 第{i}项 min", " 应为数字")
            out.append(Grade(str(entry["name"]), float(entry["min"])))
        return tuple(sorted(out, key=lambda g: -g.min_score))

    def catalogue_path(self) -> Path | None:
        value = self.doc.get("catalogue")
        if not value:
            return None
        path = (self.path.parent / str(value)).resolve()
        if not path.is_file():
            raise self.fail("catalogue", f" 指向的文件不存在：{value}")
        return path

    # --- approved list and allocation (formkit allocate / monitor / evaluate) ----------------

    def amount(self, value: Any, where: str, places: int | None = 2) -> Decimal:
        """A non-negative exact decimal (万元 with at most ``places`` decimals)."""
        if isinstance(value, bool):
            raise self.fail(where, " 应为数字")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(where, f" 应为数字，现为 {value!r}") from None
        if not number.is_finite() or number < 0:
            raise self.fail(where, " 应为非负数")
        exponent = number.as_tuple().exponent
        if places is not None and isinstance(exponent, int) and -exponent > places:
            raise self.fail(where, f" 最多 {places} 位小数")
        return number

    def approved(self) -> tuple[ApprovedZone, ...]:
        out = []
        for i, item in enumerate(self.items("approved"), 1):
            where = f"approved 第{i}项"
            entry = self.entry("approved", i, item, ("zone", "city"))
            request = entry.get("request")
            start = entry.get("start")
            out.append(
                ApprovedZone(
                    zone=self.typed(entry["zone"], str, f"{where} zone"),
                    city=self.typed(entry["city"], str, f"{where} city"),
                    carrier=str(entry.get("carrier") or "").strip(),
                    request=None if request is None else self.amount(request, f"{where} request"),
                    grade=str(entry.get("grade") or "").strip(),
                    start=None if start is None else self.typed(start, int, f"{where} start"),
                )
            )
        names = [z.zone for z in out]
        if len(set(names)) != len(names):
            raise self.fail("approved", " 中有重复的开发区")
        return tuple(out)

    def allocation(self) -> Allocation:
        section = self.doc.get("allocation") or {}
        if not isinstance(section, Mapping):
            raise self.fail("allocation", " 应为键值形式")
        rule = str(section.get("rule") or "equal").strip()
        if rule not in ALLOCATION_RULES:
            raise self.fail("allocation.rule", f" 应为 {' / '.join(ALLOCATION_RULES)} 之一")
        budget = section.get("budget")
        tiers = section.get("tiers") or DEFAULT_TIERS
        if not isinstance(tiers, Mapping):
            raise self.fail("allocation.tiers", " 应为 等次: 权重 的形式")
        return Allocation(
            budget=None if budget is None else self.amount(budget, "allocation.budget"),
            rule=rule,
            cap_by_request=bool(section.get("cap_by_request", True)),
            tiers={str(k): self.amount(v, f"allocation.tiers.{k}", None) for k, v in tiers.items()},
            doc_seq=str(section.get("doc_seq") or "").strip(),
            date=str(section.get("date") or "").strip(),
        )
