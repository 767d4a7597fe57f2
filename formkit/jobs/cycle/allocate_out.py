"""What ``formkit allocate`` writes: ``资金分配表.xlsx`` (明细, 切块下达, 问题清单) and
``funding.yaml``, the data of the 资金下达通知 (``formkit notice funding --data funding.yaml``
renders it unchanged). Amounts are written as exact two-decimal strings in the YAML and as
numbers formatted ``0.00`` in the workbook; both come from the same :class:`Share` values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypedDict

import yaml
from openpyxl import Workbook

from formkit.jobs.cycle import workbook as wb
from formkit.jobs.cycle.allocate import AllocationResult
from formkit.model.resources import text_map, word_section
from formkit.programme import Programme


class _DetailWords(wb.TableWords):
    capped: str
    nothing: str
    zones: str


class _AllocationWords(TypedDict):  # vocabulary/cycle.yaml: allocation
    workbook: str
    title: str
    rules: dict[str, str]
    data_comment: str
    detail: _DetailWords
    blocks: wb.TableWords
    recipients: str
    cc: list[str]
    province: str


WORDS = word_section("cycle", "allocation", _AllocationWords)
WORKBOOK: str = WORDS["workbook"]
FUNDING = "funding.yaml"
RULE_ZH: dict[str, str] = WORDS["rules"]
_DOCNO = text_map("identifiers", "docno")


def write_allocation(result: AllocationResult, programme: Programme, out: Path) -> list[Path]:
    """Write the workbook and funding.yaml into ``out``; return their paths."""
    book = wb.new_book()
    _detail(book, result)
    _blocks(book, result)
    wb.findings_sheet(book, result.findings)
    paths = [wb.save(book, out / WORKBOOK, WORDS["title"].format(year=result.year))]
    text = yaml.safe_dump(funding_data(result, programme), allow_unicode=True, sort_keys=False)
    wb.write(
        out / FUNDING,
        (WORDS["data_comment"] + text).encode(),
    )
    paths.append(out / FUNDING)
    return paths


def _detail(book: Workbook, result: AllocationResult) -> None:
    words = WORDS["detail"]
    header = tuple(words["header"])
    rows: list[tuple[Any, ...]] = []
    for n, s in enumerate(result.shares, 1):
        note = words["capped"] if s.capped else (words["nothing"] if s.amount == 0 else "")
        request = s.zone.request if s.zone.request is not None else ""
        rows.append(
            (
                n,
                s.zone.city,
                s.zone.zone,
                s.zone.carrier,
                s.grade,
                s.weight,
                request,
                s.amount,
                note,
            )
        )
    zones = words["zones"].format(count=len(result.shares))
    rows.append((wb.TOTAL, "", zones, "", "", "", "", result.total, ""))
    rule = RULE_ZH.get(result.rule, result.rule)
    title = words["title"].format(year=result.year, rule=rule, budget=result.budget)
    widths = (6, 10, 26, 34, 8, 10, 14, 14, 14)
    ws = wb.table(book, words["sheet"], title, header, rows, widths, (7, 8))
    wb.bold_last_row(ws)


def _blocks(book: Workbook, result: AllocationResult) -> None:
    rows: list[tuple[Any, ...]] = [
        (n, b.city, b.count, b.amount) for n, b in enumerate(result.by_city, 1)
    ]
    rows.append((wb.TOTAL, "", sum(b.count for b in result.by_city), result.total))
    words = WORDS["blocks"]
    ws = wb.table(
        book,
        words["sheet"],
        words["title"],
        tuple(words["header"]),
        rows,
        (6, 12, 10, 16),
        (4,),
    )
    wb.bold_last_row(ws)


def funding_data(result: AllocationResult, programme: Programme) -> dict[str, object]:
    """The ``funding`` notice's data (docs/templates.md), amounts as exact strings."""
    cities = [b.city for b in result.by_city]
    config = programme.allocation
    seq = config.doc_seq or "1"
    return {
        "agency": programme.agency,
        "doc_no": f"{programme.docno_prefix}〔{programme.year}〕{seq}{_DOCNO['number']}",
        "recipients": WORDS["recipients"].format(cities="、".join(cities)),
        "year": result.year,
        "parent_notice": programme.parent_notice,
        "allocations": [
            {
                "city": s.zone.city,
                "zone": s.zone.zone,
                "carrier": s.zone.carrier or s.zone.zone,
                "amount": str(s.amount),
            }
            for s in result.shares
            if s.amount > 0
        ],
        "date": config.date or dt.date.today().isoformat(),
        "cc": [cc.format(province=_province(programme.agency)) for cc in WORDS["cc"]],
    }


def _province(agency: str) -> str:
    """山西省小企业发展促进局 → 山西省 (the 抄送 goes to the province's 财政厅)."""
    province: str = WORDS["province"]
    head, sep, _ = agency.partition(province)
    return head + sep if sep else province
