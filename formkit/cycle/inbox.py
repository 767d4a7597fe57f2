"""Reading what zones report after approval: 进展情况报送表 (``progress``), 绩效自评表
(``self_eval``) and 绩效目标表 (``targets``, Form B) from an inbox folder, into the registry.

Every file goes through :func:`formkit.pipeline.check` (safety gate, readers, extractor,
validation), so an unreadable file becomes a finding and nothing here raises for bad input.
A report is stored under (kind, zone, year, period); a report of a zone that is not on the
approved list is not stored. What the registry held before stays: a later run replaces a
stored report only with a readable report of the same zone and period.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formkit.findings import Finding, finding
from formkit.normalize.base import ABSENT
from formkit.pipeline import FileResult, Options, check
from formkit.programme import ApprovedZone, Programme
from formkit.registry import Registry
from formkit.resources import word_map

_WORDS = word_map("cycle", "inbox")
# 报送时间段 → the month it ends in; 上半年 and 全年 end with 二季度 and 四季度.
PERIOD_END: dict[str, int] = _WORDS["period_end"]
QUARTERS: tuple[str, ...] = tuple(_WORDS["quarters"])
KINDS = ("progress", "self_eval", "targets")
NOISE = frozenset({"dimension-missing", "dimension-not-quantitative", "unknown-dimension"})
NOT_APPLICABLE: tuple[str, ...] = tuple(_WORDS["not_applicable"])
YEAR_KEY = {"progress": "report_year", "self_eval": "eval_year"}

Sourced = tuple[str, Finding]


@dataclass
class Report:
    """One stored report: what was read, normalised, with absent values left out."""

    kind: str
    zone: str
    year: int
    period: str
    file: str
    sha256: str = ""
    fill_date: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {
            k: getattr(self, k) for k in ("kind", "zone", "year", "period", "file", "sha256")
        } | {
            "fill_date": self.fill_date,
            "data": self.data,
        }

    @property
    def month(self) -> int:
        return PERIOD_END.get(self.period, 12)


@dataclass
class CycleData:
    """Everything known about the approved zones' reports, from the registry."""

    progress: list[Report]
    self_evals: list[Report]
    targets: dict[str, Report]
    findings: list[Sourced] = field(default_factory=list)

    def reports(self, zone: str, year: int | None = None) -> list[Report]:
        """A zone's progress reports in period order (of ``year`` when given)."""
        found = [r for r in self.progress if r.zone == zone and (year is None or r.year == year)]
        return sorted(found, key=lambda r: (r.year, r.month, r.period))


def read_cycle(
    inbox: str | Path,
    programme: Programme,
    registry: str | Path,
    *,
    workers: int | None = None,
    validators: str | None = None,
) -> CycleData:
    """Read ``inbox``, store its reports in ``registry`` and return all stored reports."""
    options = Options(validators=validators, workers=workers or _workers())
    results = check([inbox], options)
    found: list[Sourced] = []
    fresh = _reports(results, Path(inbox), programme, found)
    reg = Registry(registry)
    try:
        reg.save_cycle_reports([r.row() for r in fresh])
        stored = {k: [_report(row) for row in reg.cycle_reports(k)] for k in KINDS}
    finally:
        reg.close()
    targets = {r.zone: r for r in stored["targets"]}
    return CycleData(stored["progress"], stored["self_eval"], targets, found)


def _workers() -> int:
    return max(1, min(8, len(os.sched_getaffinity(0))))


def _report(row: Mapping[str, Any]) -> Report:
    keys = ("kind", "zone", "year", "period", "file", "sha256", "fill_date", "data")
    return Report(**{k: row[k] for k in keys})


# --- results → reports ------------------------------------------------------------------------


def _reports(
    results: Iterable[FileResult], inbox: Path, programme: Programme, found: list[Sourced]
) -> list[Report]:
    chosen: dict[tuple[str, str, int, str], Report] = {}
    for result in results:
        name = _relative(result.file, inbox)
        if result.unreadable:
            found.extend((name, f) for f in result.findings)
            continue
        if result.form not in KINDS or result.record is None:
            continue
        found.extend((name, f) for f in result.findings if _worth_showing(f, result))
        report = _from_record(result, name, programme, found)
        if report is not None:
            _keep_newest(chosen, report, found)
    return list(chosen.values())


def _relative(file: str, inbox: Path) -> str:
    try:
        return Path(file).resolve().relative_to(inbox.resolve()).as_posix()
    except ValueError:
        return file


def _worth_showing(f: Finding, result: FileResult) -> bool:
    """Findings of the file, less the six-dimension rules meant for Form B and 不适用 marks."""
    if f.code in NOISE:
        return False
    return not (f.code == "bad-value" and str(f.params.get("raw", "")).strip() in NOT_APPLICABLE)


def _from_record(
    result: FileResult, name: str, programme: Programme, found: list[Sourced]
) -> Report | None:
    assert result.record is not None and result.form is not None
    kind = result.form
    data = _clean(result)
    zone = match_zone(str(data.get("zone_name") or ""), programme.approved)
    if zone is None:
        code = "evaluation-unknown-zone" if kind == "self_eval" else "progress-unknown-zone"
        found.append((name, finding(code, zone=data.get("zone_name") or "（未填写）")))
        return None
    year = data.get(YEAR_KEY.get(kind, ""), 0) if kind != "targets" else 0
    period = str(data.get("period") or (_WORDS["whole_year"] if kind == "self_eval" else ""))
    if kind != "targets" and not isinstance(year, int):
        return None  # a missing year is already a missing-field finding of the file
    report = Report(kind, zone.zone, int(year), period, name, _digest(data), None, data)
    report.fill_date = data.get("fill_date")
    _drop_negative(report, found)
    return report


def _clean(result: FileResult) -> dict[str, Any]:
    """The record's values without ABSENT; indicator rows marked 不适用 get ``na: true``."""
    record = result.record
    assert record is not None
    data = {k: v.value for k, v in record.fields.items() if v.value is not ABSENT}
    rows = []
    for row in record.indicators:
        item = {k: v.value for k, v in row.items() if v.value is not ABSENT}
        if any(str(v.raw).strip() in NOT_APPLICABLE for v in row.values()):
            item["na"] = True
        rows.append(item)
    data["indicators"] = rows
    return data


def _digest(data: Mapping[str, Any]) -> str:
    """A digest of what was read (an archive member has no file of its own to hash)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _drop_negative(report: Report, found: list[Sourced]) -> None:
    labels: dict[str, str] = _WORDS["field_labels"]
    for key, label in labels.items():
        value = report.data.get(key)
        if isinstance(value, int | float) and value < 0:
            del report.data[key]
            found.append(
                (
                    report.file,
                    finding(
                        "progress-negative",
                        zone=report.zone,
                        year=report.year,
                        period=report.period,
                        field=label,
                        value=value,
                    ),
                )
            )


def _keep_newest(
    chosen: dict[tuple[str, str, int, str], Report], report: Report, found: list[Sourced]
) -> None:
    key = (report.kind, report.zone, report.year, report.period)
    other = chosen.get(key)
    if other is None:
        chosen[key] = report
        return
    newer, older = sorted((report, other), key=lambda r: (r.fill_date or "", r.file), reverse=True)
    chosen[key] = newer
    if report.kind != "targets":
        found.append(
            (
                older.file,
                finding(
                    "progress-duplicate",
                    zone=report.zone,
                    year=report.year,
                    period=report.period,
                    chosen=newer.file,
                ),
            )
        )


def match_zone(name: str, approved: Iterable[ApprovedZone]) -> ApprovedZone | None:
    """The approved zone a report names: the same name, or one inside the other (简称/全称)."""
    name = "".join(name.split())
    if not name:
        return None
    zones = list(approved)
    for z in zones:
        if z.zone == name:
            return z
    near = [z for z in zones if len(name) >= 4 and (name in z.zone or z.zone in name)]
    return near[0] if len(near) == 1 else None
