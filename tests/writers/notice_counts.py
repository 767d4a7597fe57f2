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
ROWS = {"funding": "allocations", "evaluation": "results", "publicity": "zones"}


def with_rows(kind: str, count: int) -> dict[str, Any]:
    """The sample data of ``kind`` with ``count`` rows in its table."""
    data = yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8"))
    key = ROWS[kind]
    base = data[key]
    rows = [
        {**base[i % len(base)], "zone": f"{base[i % len(base)]['zone']}{i}"} for i in range(count)
    ]
    return {**data, key: rows}
