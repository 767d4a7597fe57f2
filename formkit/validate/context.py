"""Where a rule's finding points: a path into the validated document (``("zone_name",)``,
``("indicators", 3, "unit")``, ``("sections", "content")``) becomes the printed label, the
place in the file and the raw text as typed, and a position in the form's field order so
that findings come out in the order a clerk reads the form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from formkit.model.document import PLACE, Location
from formkit.model.findings import Finding, finding_of
from formkit.model.record import Record, Value
from formkit.spec import Field, FormSpec

if TYPE_CHECKING:
    from formkit.programme.model import Programme

Path = tuple[Any, ...]


@dataclass
class Context:
    """One validation run: the spec, the record, the programme and the findings so far."""

    spec: FormSpec
    record: Record
    programme: Programme | None = None
    hits: list[tuple[tuple[int, int, int, int], Finding]] = field(default_factory=list)
    _seen: set[tuple[str, Path, str]] = field(default_factory=set)

    def add(
        self, code: str, path: Sequence[object], *, at: Location | None = None, **params: object
    ) -> None:
        """Record a finding at ``path`` (placed ``at`` a location of its own, if given); the
        same finding at the same path is kept once."""
        path = tuple(path)
        params.setdefault("raw", self.raw(path))
        params.setdefault("field", self.label(path))
        seen = (code, path, repr(sorted(params.items())))
        if seen in self._seen:
            return
        self._seen.add(seen)
        label = params.pop("field")
        found = finding_of(
            code,
            params,
            field=None if label is None else str(label),
            location=at or self.location(path),
            key=self.key(path),
        )
        self.hits.append((self.order(path), found))

    def reported(self, path: Sequence[object]) -> bool:
        """Whether some finding already points at ``path``."""
        return any(seen[1] == tuple(path) for seen in self._seen)

    def table_found(self) -> bool:
        """Whether the form's table was found (its header), even if no row was filled."""
        table = self.spec.table
        return table is not None and (
            bool(self.record.indicators) or table.key in self.record.label_locations
        )

    def findings(self) -> list[Finding]:
        return [f for _, f in sorted(self.hits, key=lambda hit: hit[0])]

    # --- path → spec --------------------------------------------------------------------

    def spec_field(self, path: Path) -> Field | None:
        top = path[0] if path else None
        spec = self.spec
        if spec.table is not None and top == spec.table.key:
            return _find(spec.columns, path[2]) if len(path) > 2 else spec.table
        if spec.outline is not None and top == spec.outline.key:
            return _find(spec.parts, path[1]) if len(path) > 1 else spec.outline
        return _find(spec.fields, top)

    def label(self, path: Path) -> str | None:
        f = self.spec_field(path)
        return f.label if f else None

    def key(self, path: Path) -> str | None:
        return ".".join(str(p) for p in path) or None

    def order(self, path: Path) -> tuple[int, int, int, int]:
        keys = list(self.spec.schema)
        top = keys.index(path[0]) if path and path[0] in keys else len(keys)
        row = path[1] if len(path) > 1 and isinstance(path[1], int) else -1
        sub = path[-1] if len(path) > 1 and not isinstance(path[-1], int) else None
        inner = self._inner_keys(path)
        col = inner.index(sub) if sub in inner else -1
        return top, row, col, len(self.hits)

    def _inner_keys(self, path: Path) -> list[str]:
        if not path:
            return []
        rules = self.spec.schema.get(path[0], {})
        if rules.get("type") == "list":
            return list(rules.get("schema", {}).get("schema", {}))
        return list(rules.get("schema", {})) if rules.get("type") == "dict" else []

    # --- path → record ------------------------------------------------------------------

    def value(self, path: Path) -> Value | None:
        rec = self.record
        if not path:
            return None
        if self.spec.table is not None and path[0] == self.spec.table.key and len(path) > 1:
            if not rec.indicators:
                return self._list_cell(path)
            row = rec.indicators[path[1]] if path[1] < len(rec.indicators) else {}
            return row.get(path[2]) if len(path) > 2 else None
        if self.spec.outline is not None and path[0] == self.spec.outline.key and len(path) > 1:
            return rec.sections.get(path[1])
        return rec.fields.get(path[0]) or rec.invalid.get(path[0])

    def _list_cell(self, path: Path) -> Value | None:
        """A cell of a table the extractor keeps as a list field (the plan's fund uses),
        placed at the table."""
        held = self.record.fields.get(path[0])
        rows = held.value if held is not None and isinstance(held.value, list) else []
        if len(path) < 3 or not isinstance(path[1], int) or path[1] >= len(rows):
            return None
        row = rows[path[1]]
        cell = row.get(path[2]) if isinstance(row, dict) else None
        return None if cell is None or held is None else Value(_text(cell), cell, held.location)

    def raw(self, path: Path) -> str:
        v = self.value(path)
        if v is None:
            return ""
        return v.raw if v.raw not in (None, "") else _text(v.value)

    def location(self, path: Path) -> Location | None:
        v = self.value(path)
        if v is not None and v.location is not None:
            return v.location
        if len(path) > 1 and isinstance(path[1], int):
            found = self.row_location(path[1]) or self.end_location(path[1])
            if found is not None:
                return found
        if len(path) == 2 and not isinstance(path[1], int):
            return self.record.label_locations.get(str(path[1]))  # a plan part's heading
        held = self.record.fields.get(path[0]) if path else None
        if held is not None and held.location is not None:
            return held.location  # inside a table kept as a list field: the table
        if not path:
            return None
        key = str(path[0])
        return self.record.blank_locations.get(key) or self.record.label_locations.get(key)

    def row_location(self, index: int) -> Location | None:
        """The place of a table row: its first located cell, reduced to the row."""
        rows = self.record.indicators
        cells = rows[index].values() if index < len(rows) else ()
        for v in cells:
            if v.location is not None:
                loc = v.location
                return Location(sheet=loc.sheet, table=loc.table, row=loc.row, page=loc.page)
        return None

    def end_location(self, index: int) -> Location | None:
        """One past the last row (``len(indicators)``): the end of the table, right under its
        last row, in the 一级指标 column when the rows have one — where a row would be added."""
        rows = self.record.indicators
        last = self.row_location(index - 1) if rows and index == len(rows) else None
        if last is None or last.row is None:
            return None
        dim = rows[-1].get("dimension")
        at = dim.location if dim is not None else None
        same = at is not None and (at.sheet, at.table) == (last.sheet, last.table)
        col = at.col if at is not None and same else None
        return Location(
            sheet=last.sheet, table=last.table, row=last.row + 1, col=col, page=last.page
        )

    def row_name(self, index: int) -> str:
        """How to name a table row in a message: its indicator, else its number."""
        return self.row_indicator(index) or PLACE["row"].format(row=self.row_number(index))

    def row_indicator(self, index: int) -> str | None:
        """The indicator a table row names, if any."""
        rows = self.record.indicators
        cell = rows[index].get("indicator") if index < len(rows) else None
        if cell is not None and cell.value not in (None, ""):
            return _text(cell.value)
        return None

    def row_number(self, index: int) -> int:
        """A table row's number in the file when known, else its place among the rows."""
        loc = self.row_location(index)
        return loc.row if loc is not None and loc.row else index + 1


def _find(fields: Sequence[Field], key: object) -> Field | None:
    return next((f for f in fields if f.key == key), None)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "、".join(_text(v) for v in value)
    return str(value)
