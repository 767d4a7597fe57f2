"""Notices of one kind with a given number of table rows, for the print-layout tests and the
sweep (benchmarks/sweep_imprint.py): where a data table ends decides where the 版记 falls.

The rows repeat the sample's rows (``samples/notices/<kind>.yaml``), each zone name numbered so
that no two rows are alike; the same count always gives the same document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "notices"
ROWS = {
    "funding": "allocations",
    "evaluation": "results",
    "publicity": "zones",
    "call": "forms",
    "opinion": "findings",
}
NUMBERED = ("zone", "message")  # the field of a row that gets its number


def with_rows(kind: str, count: int) -> dict[str, Any]:
    """The sample data of ``kind`` with ``count`` rows in its table."""
    data = yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8"))
    key = ROWS[kind]
    base = data.get(key) or ["申报信息表"]
    return {**data, key: [_numbered(base[i % len(base)], i) for i in range(count)]}


def _numbered(row: object, number: int) -> object:
    if isinstance(row, dict):
        field = next(f for f in NUMBERED if f in row)
        return {**row, field: f"{row[field]}{number}"}
    return f"{row}{number}"
