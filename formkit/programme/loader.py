"""Reading ``programme.yaml`` into a :class:`~formkit.programme.model.Programme`.

The keys are described in :mod:`formkit.programme`. Every problem raises
:class:`~formkit.model.errors.ConfigError` with a ``programme-*`` code of the catalogue and the
place as params (``file``, and :class:`At`'s ``key``, ``item``, ``part``), worded in Chinese
(``programme.yaml：cities 第2项缺少 quota``) or English; the catalogue the file points to is
read by :func:`formkit.programme.catalogue.load_catalogue`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast, overload

from formkit.model import codes
from formkit.model.errors import ConfigError
from formkit.programme.catalogue import load_catalogue
from formkit.programme.model import (
    ALLOCATION_RULES,
    DEFAULT_GRADES,
    DEFAULT_TIERS,
    DEFAULT_WEIGHTS,
    DIMENSIONS,
    Allocation,
    ApprovedZone,
    City,
    Criterion,
    DemoCounty,
    Evaluation,
    Grade,
    Panel,
    Programme,
)

if TYPE_CHECKING:
    import yaml

__all__ = ["load_programme"]


def load_programme(path: str | Path) -> Programme:
    """Read ``programme.yaml`` and its catalogue; raises ConfigError when unusable."""
    path = Path(path)
    doc = _read_yaml(path)
    return _Reader(path, doc).programme()


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """YAML without implicit dates, so a bad date is reported by key, not by PyYAML."""
    # on use, not at the top: see formkit.model.preparsed (PyYAML's import, ~105 M
    # instructions), which a check without --programme never needs
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _read_yaml(path: Path) -> Mapping[str, object]:
    import yaml  # on use: see _loader

    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())
    except OSError as exc:
        raise ConfigError("programme-unreadable", file=path.name, detail=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("programme-not-utf8", file=path.name) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise ConfigError("programme-yaml-line", file=path.name, line=mark.line + 1) from exc
        raise ConfigError("programme-yaml", file=path.name) from exc
    if not isinstance(doc, Mapping):
        raise ConfigError("programme-not-mapping", file=path.name)
    return doc


class _RollOn(TypedDict, total=False):
    """The roll-on settings of ``evaluation`` that were given (Evaluation's keywords)."""

    roll_on_grades: tuple[str, ...]
    min_execution: float
    max_years: int


@dataclass(frozen=True)
class At:
    """Where in ``programme.yaml`` a problem is: a key (``evaluation.weights``), an item of
    its list (1-based) and a key of that item — an error's ``at`` param, worded by the
    catalogue's ``programme-at-*`` line (``cities 第2项 quota`` / ``quota of cities item 2``)."""

    key: str
    item: int | None = None
    part: str | None = None

    def then(self, part: str) -> At:
        return At(self.key, self.item, part)

    def params(self) -> dict[str, object]:
        if self.item is None:
            return {"at_word": "programme-at-key", "key": self.key}
        if self.part is None:
            return {"at_word": "programme-at-item", "key": self.key, "item": self.item}
        return {
            "at_word": "programme-at-part",
            "key": self.key,
            "item": self.item,
            "part": self.part,
        }


# each list of mappings → the catalogue's line with an item of it (programme-item-not-mapping)
_EXAMPLES = {
    "cities": "programme-example-cities",
    "demo_counties": "programme-example-demo_counties",
    "evaluation.grades": "programme-example-grades",
    "approved": "programme-example-approved",
    "panel.criteria": "programme-example-criteria",
}


class _Reader:
    """Reads one configuration mapping, naming file and key in every error."""

    def __init__(self, path: Path, doc: Mapping[str, object]) -> None:
        self.path = path
        self.doc = doc

    def fail(self, code: str, at: At, /, **params: object) -> ConfigError:
        return ConfigError(code, file=self.path.name, **at.params(), **params)

    @overload
    def required(self, key: str, kind: type[int]) -> int: ...
    @overload
    def required(self, key: str, kind: type[str]) -> str: ...
    def required(self, key: str, kind: type[int] | type[str]) -> int | str:
        if key not in self.doc or self.doc[key] in (None, ""):
            raise self.fail("programme-key-missing", At(key))
        return self.typed(self.doc[key], kind, At(key))

    @overload
    def typed(self, value: object, kind: type[int], at: At) -> int: ...
    @overload
    def typed(self, value: object, kind: type[str], at: At) -> str: ...
    def typed(self, value: object, kind: type[int] | type[str], at: At) -> int | str:
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail("programme-not-integer", at)
        if kind is str and not isinstance(value, str | int):
            raise self.fail("programme-not-text", at)
        return str(value).strip() if kind is str else cast(int, value)  # checked above

    def items(self, key: str) -> list[object]:
        value = self.doc.get(key) or []
        if not isinstance(value, list):
            raise self.fail("programme-not-list", At(key))
        return value

    def programme(self) -> Programme:
        catalogue_path = self.catalogue_path()
        return Programme(
            year=self.required("year", int),
            agency=self.required("agency", str),
            docno_prefix=self.required("docno_prefix", str),
            parent_notice=self.typed(self.doc.get("parent_notice", ""), str, At("parent_notice")),
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
            panel=self.panel(),
        )

    def optional_int(self, key: str) -> int | None:
        value = self.doc.get(key)
        return None if value is None else self.typed(value, int, At(key))

    def entry(
        self, key: str, index: int, item: object, needed: tuple[str, ...]
    ) -> Mapping[str, object]:
        at = At(key, index)
        if not isinstance(item, Mapping):
            example = _EXAMPLES[key]
            raise self.fail("programme-item-not-mapping", at, example_word=example)
        for name in needed:
            if item.get(name) in (None, ""):
                raise self.fail("programme-item-key-missing", at, name=name)
        return item

    def cities(self) -> tuple[City, ...]:
        cities = []
        for i, item in enumerate(self.items("cities"), 1):
            at = At("cities", i)
            entry = self.entry("cities", i, item, ("name", "quota"))
            quota = self.typed(entry["quota"], int, at.then("quota"))
            if quota < 0:
                raise self.fail("programme-negative", at.then("quota"))
            cities.append(City(self.typed(entry["name"], str, at.then("name")), quota))
        if not cities:
            raise self.fail("programme-cities-missing", At("cities"))
        names = [c.name for c in cities]
        if len(set(names)) != len(names):
            raise self.fail("programme-duplicate-cities", At("cities"))
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
            days.update(self.date_range(item, At(key, i)))
        return frozenset(days)

    def date_range(self, item: object, at: At) -> list[dt.date]:
        if isinstance(item, dt.date):
            return [item]
        first, _, last = str(item).partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise self.fail("programme-date-invalid", at, value=str(item)) from None
        if end < start:
            raise self.fail("programme-date-reversed", at, value=str(item))
        return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]

    def evaluation(self) -> Evaluation:
        section = self.doc.get("evaluation") or {}
        if not isinstance(section, Mapping):
            raise self.fail("programme-section-not-mapping", At("evaluation"))
        weights = section.get("weights") or DEFAULT_WEIGHTS
        if not isinstance(weights, Mapping) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in weights.values()
        ):
            raise self.fail("programme-weights-form", At("evaluation.weights"))
        unknown = sorted(set(weights) - set(DIMENSIONS))
        if unknown:
            names = codes.text("list-sep").join(unknown)
            raise self.fail("programme-weights-unknown", At("evaluation.weights"), names=names)
        return Evaluation(
            {str(k): float(v) for k, v in weights.items()},
            self.grades(section),
            **self.roll_on(section),
        )

    def roll_on(self, section: Mapping[str, object]) -> _RollOn:
        """Optional roll-on settings: roll_on_grades, min_execution (%), max_years."""
        out: _RollOn = {}
        if grades := section.get("roll_on_grades"):
            listed = grades if isinstance(grades, Iterable) else (grades,)  # one, unlisted
            out["roll_on_grades"] = tuple(str(g) for g in listed)
        if section.get("min_execution") is not None:
            out["min_execution"] = float(
                self.amount(section["min_execution"], At("evaluation.min_execution"), None)
            )
        if section.get("max_years") is not None:
            out["max_years"] = self.typed(section["max_years"], int, At("evaluation.max_years"))
        return out

    def grades(self, section: Mapping[str, object]) -> tuple[Grade, ...]:
        items = section.get("grades")
        if not items:
            return DEFAULT_GRADES
        out = []
        # one grade not in a list is refused by entry() as not a mapping
        for i, item in enumerate(items if isinstance(items, Iterable) else (items,), 1):
            entry = self.entry("evaluation.grades", i, item, ("name", "min"))
            if not isinstance(entry["min"], int | float):
                raise self.fail("programme-not-number", At("evaluation.grades", i, "min"))
            out.append(Grade(str(entry["name"]), float(entry["min"])))
        return tuple(sorted(out, key=lambda g: -g.min_score))

    def catalogue_path(self) -> Path | None:
        value = self.doc.get("catalogue")
        if not value:
            return None
        path = (self.path.parent / str(value)).resolve()
        if not path.is_file():
            raise self.fail("programme-catalogue-missing", At("catalogue"), value=str(value))
        return path

    # --- approved list and allocation (formkit allocate / monitor / evaluate) ----------------

    def amount(self, value: object, at: At, places: int | None = 2) -> Decimal:
        """A non-negative exact decimal (万元 with at most ``places`` decimals)."""
        if isinstance(value, bool):
            raise self.fail("programme-not-number", at)
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail("programme-not-number-was", at, value=repr(value)) from None
        if not number.is_finite() or number < 0:
            raise self.fail("programme-not-non-negative", at)
        exponent = number.as_tuple().exponent
        if places is not None and isinstance(exponent, int) and -exponent > places:
            raise self.fail("programme-too-many-decimals", at, places=places)
        return number

    def approved(self) -> tuple[ApprovedZone, ...]:
        out = []
        for i, item in enumerate(self.items("approved"), 1):
            at = At("approved", i)
            entry = self.entry("approved", i, item, ("zone", "city"))
            request = entry.get("request")
            start = entry.get("start")
            out.append(
                ApprovedZone(
                    zone=self.typed(entry["zone"], str, at.then("zone")),
                    city=self.typed(entry["city"], str, at.then("city")),
                    carrier=str(entry.get("carrier") or "").strip(),
                    request=None if request is None else self.amount(request, at.then("request")),
                    grade=str(entry.get("grade") or "").strip(),
                    start=None if start is None else self.typed(start, int, at.then("start")),
                )
            )
        names = [z.zone for z in out]
        if len(set(names)) != len(names):
            raise self.fail("programme-duplicate-zones", At("approved"))
        return tuple(out)

    def allocation(self) -> Allocation:
        section = self.doc.get("allocation") or {}
        if not isinstance(section, Mapping):
            raise self.fail("programme-section-not-mapping", At("allocation"))
        rule = str(section.get("rule") or "equal").strip()
        if rule not in ALLOCATION_RULES:
            rules = " / ".join(ALLOCATION_RULES)
            raise self.fail("programme-rule-unknown", At("allocation.rule"), rules=rules)
        budget = section.get("budget")
        tiers = section.get("tiers") or DEFAULT_TIERS
        if not isinstance(tiers, Mapping):
            raise self.fail("programme-tiers-form", At("allocation.tiers"))
        return Allocation(
            budget=None if budget is None else self.amount(budget, At("allocation.budget")),
            rule=rule,
            cap_by_request=bool(section.get("cap_by_request", True)),
            tiers={
                str(k): self.amount(v, At(f"allocation.tiers.{k}"), None) for k, v in tiers.items()
            },
            doc_seq=str(section.get("doc_seq") or "").strip(),
            date=str(section.get("date") or "").strip(),
        )

    # --- the expert panel (formkit panel) ------------------------------------------------------

    def panel(self) -> Panel:
        section = self.doc.get("panel") or {}
        if not isinstance(section, Mapping):
            raise self.fail("programme-section-not-mapping", At("panel"))
        score = section.get("score") or {}
        if not isinstance(score, Mapping):
            raise self.fail("programme-section-not-mapping", At("panel.score"))
        low = float(self.amount(score.get("min", 0), At("panel.score.min"), None))
        high = float(self.amount(score.get("max", 10), At("panel.score.max"), None))
        if high <= low:
            raise self.fail("programme-score-range", At("panel.score"))
        publicity = section.get("publicity") or {}
        if not isinstance(publicity, Mapping):
            raise self.fail("programme-section-not-mapping", At("panel.publicity"))
        return Panel(
            criteria=self.criteria(section),
            score_min=low,
            score_max=high,
            margin=float(self.amount(section.get("margin", 15), At("panel.margin"), None)),
            trim_from=self.typed(section.get("trim_from", 5), int, At("panel.trim_from")),
            names=bool(section.get("names", False)),
            round=self.typed(section.get("round", 1), int, At("panel.round")),
            publicity={str(k): str(v).strip() for k, v in publicity.items() if v is not None},
        )

    def criteria(self, section: Mapping[str, object]) -> tuple[Criterion, ...]:
        items = section.get("criteria") or []
        if not isinstance(items, list):
            raise self.fail("programme-not-list", At("panel.criteria"))
        out = []
        for i, item in enumerate(items, 1):
            at = At("panel.criteria", i)
            entry = self.entry("panel.criteria", i, item, ("name", "weight"))
            figures = entry.get("figures") or []
            if not isinstance(figures, list):
                raise self.fail("programme-not-list", at.then("figures"))
            out.append(
                Criterion(
                    self.typed(entry["name"], str, at.then("name")),
                    float(self.amount(entry["weight"], at.then("weight"), None)),
                    tuple(str(f).strip() for f in figures),
                )
            )
        names = [c.name for c in out]
        if len(set(names)) != len(names):
            raise self.fail("programme-duplicate-criteria", At("panel.criteria"))
        return tuple(out)
