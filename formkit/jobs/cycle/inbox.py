"""Reading what zones report after approval: 进展情况报送表 (``progress``), 绩效自评表
(``self_eval``) and 绩效目标表 (``targets``, Form B) from an inbox folder, into the registry.

The inbox is read by :func:`formkit.jobs.batch.ingest.ingest`, the reader ``formkit batch`` uses:
each file through the safety gate, readers, extractor and validation in an isolated worker,
only files that are new or changed since the registry last saw them; an unreadable file
becomes a finding and nothing here raises for bad input. The reports are then made from
what the registry stores (values as read, findings as code, params and place), so a second
run on the same inbox reads no file.
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
from typing import Any, TypedDict

from formkit.jobs.batch.ingest import NOT_APPLICABLE, Ingested, ingest
from formkit.jobs.entries import Entry
from formkit.jobs.registry import Registry
from formkit.model.data import conforms
from formkit.model.findings import Finding, finding
from formkit.model.resources import word_section
from formkit.programme import ApprovedZone, Programme


class _InboxWords(TypedDict):  # vocabulary/cycle.yaml: inbox
    period_end: dict[str, int]
    quarters: list[str]
    whole_year: str
    not_applicable: list[str]
    field_labels: dict[str, str]


_WORDS = word_section("cycle", "inbox", _InboxWords)
# 报送时间段 → the month it ends in; 上半年 and 全年 end with 二季度 and 四季度.
PERIOD_END: dict[str, int] = _WORDS["period_end"]
QUARTERS: tuple[str, ...] = tuple(_WORDS["quarters"])
KINDS = ("progress", "self_eval", "targets")
NOISE = frozenset({"dimension-missing", "dimension-not-quantitative", "unknown-dimension"})
YEAR_KEY = {"progress": "report_year", "self_eval": "eval_year"}

Sourced = tuple[str, Finding]


class ReportRow(TypedDict):
    """A report as the registry stores it (``cycle_reports``)."""

    kind: str
    zone: str
    year: int
    period: str
    file: str
    sha256: str
    fill_date: str | None
    data: dict[str, object]


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

    def row(self) -> ReportRow:
        return {
            "kind": self.kind,
            "zone": self.zone,
            "year": self.year,
            "period": self.period,
            "file": self.file,
            "sha256": self.sha256,
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
    read: Ingested = field(default_factory=Ingested)  # what reading the inbox did

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
    """Read ``inbox`` into ``registry`` (only new and changed files), store its reports and
    return all stored reports."""
    found: list[Sourced] = []
    reg = Registry(registry)
    try:
        read = ingest(
            reg, Path(inbox).resolve(), validators=validators, workers=workers or _workers()
        )
        order = {path: n for n, path in enumerate(read.files)}
        entries = sorted(reg.entries(_kept), key=lambda e: (order.get(e.path, 0), e.ordinal))
        reg.save_cycle_reports([r.row() for r in _reports(entries, programme, found)])
        stored = {k: [_report(row) for row in reg.cycle_reports(k)] for k in KINDS}
    finally:
        reg.close()
    targets = {r.zone: r for r in stored["targets"]}
    return CycleData(stored["progress"], stored["self_eval"], targets, found, read)


def _kept(result: Mapping[str, object]) -> dict[str, object]:
    """What the reports are made of (the plan's texts and the places are left out)."""
    keys = ("file", "form", "fields", "indicators", "findings", "rows_not_applicable")
    return {k: result[k] for k in keys if k in result}


def _workers() -> int:
    return max(1, min(8, len(os.sched_getaffinity(0))))


def _report(row: Mapping[str, object]) -> Report:
    if not conforms(row, ReportRow):
        raise ValueError(f"registry cycle_reports: not a report: {sorted(row)}")
    return Report(
        row["kind"],
        row["zone"],
        row["year"],
        row["period"],
        row["file"],
        row["sha256"],
        row["fill_date"],
        row["data"],
    )


# --- results → reports ------------------------------------------------------------------------


def _reports(entries: Iterable[Entry], programme: Programme, found: list[Sourced]) -> list[Report]:
    chosen: dict[tuple[str, str, int, str], Report] = {}
    for entry in entries:
        name, result = str(entry.result["file"]), entry.result
        findings = [Finding.from_data(f) for f in result.get("findings") or []]
        if entry.unreadable:
            found.extend((name, f) for f in findings)
            continue
        if result.get("form") not in KINDS:
            continue
        found.extend((name, f) for f in findings if _worth_showing(f))
        report = _from_result(result, name, programme, found)
        if report is not None:
            _keep_newest(chosen, report, found)
    return list(chosen.values())


def _worth_showing(f: Finding) -> bool:
    """Findings of the file, less the six-dimension rules meant for Form B and 不适用 marks."""
    if f.code in NOISE:
        return False
    return not (f.code == "bad-value" and str(f.params.get("raw", "")).strip() in NOT_APPLICABLE)


def _from_result(
    result: Mapping[str, object], name: str, programme: Programme, found: list[Sourced]
) -> Report | None:
    kind = str(result["form"])
    data = _clean(result)
    zone = match_zone(str(data.get("zone_name") or ""), programme.approved)
    if zone is None:
        code = "evaluation-unknown-zone" if kind == "self_eval" else "progress-unknown-zone"
        given = data.get("zone_name")
        found.append(
            (name, finding(code, zone=given) if given else finding(code, zone_word="not-given"))
        )
        return None
    year = 0 if kind == "targets" else data.get(YEAR_KEY.get(kind, ""), 0)
    period = str(data.get("period") or (_WORDS["whole_year"] if kind == "self_eval" else ""))
    if not isinstance(year, int):
        return None  # a missing year is already a missing-field finding of the file
    report = Report(kind, zone.zone, year, period, name, _digest(data), None, data)
    filled = data.get("fill_date")
    report.fill_date = None if filled is None else str(filled)
    _drop_negative(report, found)
    return report


def _clean(result: Mapping[str, object]) -> dict[str, object]:
    """The stored values (absent ones are not stored); indicator rows marked 不适用 get
    ``na: true``."""
    fields, listed = result.get("fields"), result.get("indicators")
    marked = result.get("rows_not_applicable")
    data: dict[str, object] = dict(fields) if isinstance(fields, dict) else {}
    rows = [dict(row) for row in listed] if isinstance(listed, list) else []
    for n in marked if isinstance(marked, list) else []:
        rows[n]["na"] = True
    data["indicators"] = rows
    return data


def _digest(data: Mapping[str, object]) -> str:
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
