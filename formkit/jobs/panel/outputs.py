"""What ``formkit panel collect`` writes into PANEL, every file atomically and the same bytes
for the same inputs:

- ``专家评审汇总表.xlsx``: 评审结果 (ranking with the statistics), 专家评分 (every counted
  score), 问题清单 (every finding with its file and cell);
- ``审核意见/<市>/<开发区>.docx``: the zone's 合规性审核意见 from the batch, with the experts'
  完善建议 under 专家意见 (numbered, or named when ``panel.names``);
- ``publicity.yaml``: the data of the 拟支持名单公示 (``formkit notice publicity``); what the
  panel cannot know (文号, dates, 联系人) comes from ``panel.publicity`` or the options.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook

from formkit.jobs.batch.opinions import opinion_data, opinion_path
from formkit.jobs.cycle import workbook as wb
from formkit.jobs.panel import summary
from formkit.jobs.panel.aggregate import Ranking, ZoneResult
from formkit.jobs.panel.batch import Batch
from formkit.jobs.panel.collect import Collected
from formkit.jobs.panel.words import word, word_list
from formkit.model.findings import Finding
from formkit.programme import Programme

PUBLICITY = "publicity.yaml"
PUBLICITY_KEYS = ("doc_no", "doc_seq", "date", "start", "days", "contact", "phone", "recipients")


def write_panel(
    batch: Batch,
    collected: Collected,
    ranking: Ranking,
    out: Path,
    options: Mapping[str, object] | None = None,
) -> list[Path]:
    programme = batch.programme
    findings = [*collected.findings, *ranking.findings]
    book = summary.new_book()
    _results(book, ranking)
    _scores(book, collected, batch)
    _findings(book, findings)
    title = word("summary", "title").format(year=programme.year, round=programme.panel.round)
    path = out / word("summary", "file")
    wb.write(path, summary.workbook_bytes(book, title))
    paths = [path]
    paths += _opinions(batch, collected, out)
    data = publicity_data(ranking, programme, options or {})
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    wb.write(out / PUBLICITY, (word("publicity_comment") + "\n" + text).encode("utf-8"))
    return [*paths, out / PUBLICITY]


def _results(book: Workbook, ranking: Ranking) -> None:
    rows = [_result_row(r) for r in ranking.zones]
    header = word_list("summary", "results_header")
    widths = (7, 10, 26, 30, 10, 9, 9, 11, 9, 8, 8, 8, 10, 8, 8, 8)
    summary.sheet(book, word("summary", "results"), header, widths, rows)


def _result_row(r: ZoneResult) -> tuple[object, ...]:
    return (
        _blank(r.rank),
        r.zone.city,
        r.zone.zone,
        r.zone.carrier(),
        r.zone.status,
        len(r.totals),
        _blank(r.mean),
        _blank(r.trimmed),
        _blank(r.score),
        _blank(r.high),
        _blank(r.low),
        _blank(r.spread),
        word("summary", "flag") if r.disagree else "",
        _blank(r.city_rank),
        r.quota,
        word("summary", "pick") if r.picked else "",
    )


def _blank(value: object) -> object:
    if value is None:
        return ""
    return float(value) if isinstance(value, Decimal) else value


def _scores(book: Workbook, collected: Collected, batch: Batch) -> None:
    criteria = [c.name for c in batch.programme.panel.criteria]
    header = [*word_list("summary", "scores_header"), *criteria, word("summary", "scores_total")]
    rows = []
    for sheet in sorted(collected.sheets, key=lambda s: s.expert):
        for z in batch.zones:
            score = sheet.scores.get(z.dossier.key)
            if score is not None:
                rows.append(
                    (
                        sheet.expert,
                        sheet.unit,
                        z.city,
                        z.zone,
                        *map(float, score.scores),
                        float(score.total),
                    )
                )
    widths = (10, 20, 10, 26, *[12] * len(criteria), 9)
    summary.sheet(book, word("summary", "scores"), header, widths, rows)


def _findings(book: Workbook, findings: list[tuple[str, Finding]]) -> None:
    rows: list[tuple[Any, ...]] = [
        (
            n,
            wb.SEVERITY_ZH.get(f.severity, f.severity),
            source,
            f.location or "",
            f.message(),
            f.code,
        )
        for n, (source, f) in enumerate(findings, 1)
    ]
    if not rows:
        rows = [("", "", "", "", word("summary", "no_findings"), "")]
    header = word_list("summary", "findings_header")
    summary.sheet(book, word("summary", "findings"), header, (6, 8, 30, 14, 70, 24), rows)


def expert_opinions(batch: Batch, collected: Collected, key: str) -> list[str]:
    """The experts' 完善建议 for one zone, numbered (or named when configured)."""
    named = batch.programme.panel.names
    out = []
    for n, sheet in enumerate(sorted(collected.sheets, key=lambda s: s.expert), 1):
        text = sheet.advice.get(key)
        if text:
            template = word("opinion_expert_named" if named else "opinion_expert")
            out.append(template.format(n=n, name=sheet.expert, text=text))
    return out


def _opinions(batch: Batch, collected: Collected, out: Path) -> list[Path]:
    # on use, not at the top: saves ~184 ms of start-up (measured)
    from formkit.writers.notice import render_bytes

    programme = batch.programme
    date = batch.review.date or programme.panel.publicity.get("date") or dt.date.today().isoformat()
    taken: set[str] = set()
    paths = []
    for z in batch.zones:
        data = opinion_data(z, agency=programme.agency, date=date)
        data["experts"] = expert_opinions(batch, collected, z.dossier.key)
        path = out / opinion_path(z, taken)
        wb.write(path, render_bytes("opinion", data))
        paths.append(path)
    return paths


def publicity_data(
    ranking: Ranking, programme: Programme, options: Mapping[str, object]
) -> dict[str, object]:
    """The ``publicity`` notice's data: the proposed zones by rank, and the facts the panel
    cannot know from ``panel.publicity`` with the options winning."""
    known = {
        **programme.panel.publicity,
        **{k: v for k, v in options.items() if v not in (None, "")},
    }
    data: dict[str, Any] = {"year": programme.year}
    data.update({k: str(known[k]) for k in PUBLICITY_KEYS if k in known})
    if "days" in data:
        data["days"] = int(data["days"])
    data["zones"] = [
        {
            "city": r.zone.city,
            "zone": r.zone.zone,
            "carrier": r.zone.carrier() or r.zone.zone,
            "score": str(r.score),
            "rank": r.rank,
        }
        for r in ranking.zones
        if r.picked
    ]
    return data
