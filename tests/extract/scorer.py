"""Count what the extractor read right against what was written into a test form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from formkit.model.record import Record


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> Score:
        return Score(self.right + other.right, self.total + other.total, self.misses + other.misses)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def same(got: Any, want: Any) -> bool:
    if isinstance(want, float) or isinstance(got, float):
        try:
            return abs(float(got) - float(want)) < 1e-9
        except (TypeError, ValueError):
            return False
    return bool(got == want)


def score(
    record: Record,
    fields: Mapping[str, Any] = (),  # type: ignore[assignment]
    rows: Sequence[Mapping[str, Any]] = (),
    name: str = "",
) -> Score:
    """Every expected field and every expected indicator cell is one point."""
    result = Score()
    for key, want in dict(fields).items():
        result.total += 1
        got = record.fields[key].value if key in record.fields else None
        if same(got, want):
            result.right += 1
        else:
            result.misses.append(f"{name} {key}: got {got!r}, want {want!r}")
    for i, want_row in enumerate(rows):
        got_row = record.indicators[i] if i < len(record.indicators) else {}
        for key, want in want_row.items():
            result.total += 1
            got = got_row[key].value if key in got_row else None
            if same(got, want):
                result.right += 1
            else:
                result.misses.append(f"{name} row {i + 1} {key}: got {got!r}, want {want!r}")
    extra = len(record.indicators) - len(rows)
    if rows and extra > 0:
        result.total += extra
        result.misses.append(f"{name}: {extra} extra indicator rows")
    return result
