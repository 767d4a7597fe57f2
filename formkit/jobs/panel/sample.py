"""What an expert does to a scoring workbook, done with openpyxl — for the panel sample
(scripts/make_panel_sample.py), the tests and the benchmark. Not used by the commands."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from openpyxl import load_workbook

from formkit.jobs.panel.words import word
from formkit.writers.ooxml_common import deterministic_package

Scores = Callable[[str, int], Sequence[object]]  # (zone name, row) → one value per criterion


def fill(
    path: Path,
    scores: Scores,
    *,
    declaration: str | None = None,
    advice: Mapping[str, str] | None = None,
) -> bytes:
    """The workbook at ``path`` with every zone scored by ``scores``, the declaration set
    (default 是; None-like "" leaves it blank) and ``advice`` (zone name → 完善建议)."""
    book = load_workbook(path)
    payload = json.loads(str(book[word("id_sheet")]["A1"].value))
    ws = book[payload["sheet"]]
    row, col = payload["declaration"]
    answer = word("answer_yes") if declaration is None else declaration
    ws.cell(row=row, column=col, value=answer or None)
    for n, (_key, zone) in enumerate(payload["zones"]):
        at = payload["first_row"] + n
        for (score_col, _criterion), value in zip(payload["scores"], scores(zone, at), strict=True):
            ws.cell(row=at, column=score_col, value=value)
        if advice and zone in advice:
            ws.cell(row=at, column=payload["advice"], value=advice[zone])
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue())
