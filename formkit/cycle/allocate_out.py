"""What ``formkit allocate`` writes: ``资金分配表.xlsx`` (明细, 切块下达, 问题清单) and
``funding.yaml``, the data of the 资金下达通知 (``formkit notice funding --data funding.yaml``
renders it unchanged). Amounts are written as exact two-decimal strings in the YAML and as
numbers formatted ``0.00`` in the workbook; both come from the same :class:`Share` values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook

from formkit.cycle import workbook as wb
from formkit.cycle.allocate import AllocationResult
from formkit.programme import Programme

WORKBOOK = "资金分配表.xlsx"
FUNDING = "funding.yaml"
RULE_ZH = {"equal": "平均分配", "tiers": "按等次分档"}


def write_allocation(result: AllocationResult, programme: Programme, out: Path) -> list[Path]:
    """Write the workbook and funding.yaml into ``out``; return their paths."""
    book = wb.new_book()
    _detail(book, result)
    _blocks(book, result)
    wb.findings_sheet(book, result.findings)
    paths = [wb.save(book, out / WORKBOOK, f"{result.year}年度资金分配表")]
    text = yaml.safe_dump(funding_data(result, programme), allow_unicode=True, sort_keys=False)
    wb.write(
        out / FUNDING,
        ("# 资金下达通知数据（formkit allocate 生成）。金额单位：万元。\n" + text).encode(),
    )
    paths.append(out / FUNDING)
    return paths


def _detail(book: Workbook, result: AllocationResult) -> None:
    header = (
        "序号",
        "市",
        "开发区",
        "特色载体",
        "等次",
        "分配权重",
        "申请额（万元）",
        "分配额（万元）",
        "说明",
    )
    rows: list[tuple[Any, ...]] = []
    for n, s in enumerate(result.shares, 1):
        note = "按申请额封顶" if s.capped else ("未安排" if s.amount == 0 else "")
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
    rows.append(("合计", "", f"{len(result.shares)} 个开发区", "", "", "", "", result.total, ""))
    rule = RULE_ZH.get(result.rule, result.rule)
    title = f"{result.year}年度中小企业发展专项资金分配表（{rule}，预算 {result.budget} 万元）"
    ws = wb.table(book, "分配明细", title, header, rows, (6, 10, 26, 34, 8, 10, 14, 14, 14), (7, 8))
    wb.bold_last_row(ws)


def _blocks(book: Workbook, result: AllocationResult) -> None:
    rows: list[tuple[Any, ...]] = [
        (n, b.city, b.count, b.amount) for n, b in enumerate(result.by_city, 1)
    ]
    rows.append(("合计", "", sum(b.count for b in result.by_city), result.total))
    ws = wb.table(
        book,
        "切块下达",
        "分市切块下达表",
        ("序号", "市", "开发区数", "金额（万元）"),
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
        "doc_no": f"{programme.docno_prefix}〔{programme.year}〕{seq}号",
        "recipients": f"{'、'.join(cities)}中小企业主管部门，财政局",
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
        "cc": [f"{_province(programme.agency)}财政厅", "各有关市财政局"],
    }


def _province(agency: str) -> str:
    """山西省小企业发展促进局 → 山西省 (the 抄送 goes to the province's 财政厅)."""
    head, sep, _ = agency.partition("省")
    return head + sep if sep else "省"
