"""Indicator tables (Form B, progress): found by their header row wherever they sit.

Any table or sheet may hold one, under title rows, with a one- or two-level header
(``目标值`` over ``第一年 / 第二年``) and its columns in any order. Vertically merged cells
(``一级指标`` over a group of rows) give every row of the group their value; a ``一级指标``
left blank under a group inherits the one above. The fiscal layout (一级 产出/效益/满意度 →
二级 → 三级指标 → 指标值 ``≥30家``) is recognised and read too: 三级指标 becomes the
indicator, 指标值 the first-year target with its direction, and the caller reports the layout.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from formkit.extract.labels import CONTAINS, LabelIndex, canon, core, matches_any
from formkit.extract.values import percent_points, read_value
from formkit.model.document import Cell, Location, Table
from formkit.model.findings import Finding, finding
from formkit.model.record import Value
from formkit.model.resources import word, word_section, words
from formkit.normalize import ABSENT, NormalizeError, parse_target
from formkit.spec import Field, FormSpec

SCAN_ROWS = 40
MIN_HEADER_COLUMNS = 3
_STOP_WORDS = words("extract", "table_stop_words")
_TARGETS: dict[tuple[str, str], tuple[str | None, object]] = {}
_MEMO_SIZE = 8192
# The headers found in the last document read, per (label index, fiscal words) asked for,
# and the canonical texts of its tables' first rows, which every form asks the same.
_HeaderKey = tuple[int, tuple[tuple[str, tuple[str, ...]], ...], str]
_LAST_HEADERS: list[
    tuple[list[Table], dict[_HeaderKey, tuple[LabelIndex, list[Header]]], list[_RowTexts]] | None
] = [None]
_UNIT_TAIL = re.compile(r"[\d.]\s*([^\d\s.]{1,6})\s*$")

DEFAULT_FISCAL: Mapping[str, Sequence[str]] = {
    key: tuple(labels)
    for key, labels in word_section("extract", "fiscal", dict[str, list[str]]).items()
}
_LEVEL2 = word("extract", "level2_label")


@dataclass
class Header:
    """An indicator table's header: which grid column holds which column field."""

    table: Table
    top: int
    bottom: int
    columns: dict[int, Field]
    fiscal: bool = False
    level2_col: int | None = None
    required: str = "indicator"

    @property
    def location(self) -> Location:
        first = self.table.grid()[self.top][min(self.columns)]
        return first.location if first is not None else self.table.location


@dataclass
class Rows:
    """The indicator rows read under one header, and what went wrong on the way."""

    rows: list[dict[str, Value]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    last_row: int = 0
    # 一级指标 printed on a row without an indicator (a blank form's pre-printed group),
    # by the value read: where that group's rows belong
    groups: dict[str, Location] = field(default_factory=dict)


def find_header(
    table: Table,
    index: LabelIndex,
    fiscal: Mapping[str, Sequence[str]] | None,
    required: str = "indicator",
    min_columns: int = MIN_HEADER_COLUMNS,
) -> Header | None:
    """The first row (within the first rows) that reads as the header of a table whose
    rows need a ``required`` column; ``fiscal`` words, when given, recognise that layout."""
    return _find_header(table, _RowTexts(table, min_columns), index, fiscal, required, min_columns)


class _RowTexts:
    """The canonical texts, and their cores, of a table's first rows that print at least
    ``min_columns`` texts: (row, texts, cores). Read only as far as asked, and kept, so the
    forms that look for a header in one document read each row once."""

    def __init__(self, table: Table, min_columns: int) -> None:
        self._todo = enumerate(table.rows()[:SCAN_ROWS])
        self._min = min_columns
        self._read: list[tuple[int, list[str], list[str]]] = []

    def __iter__(self) -> Iterator[tuple[int, list[str], list[str]]]:
        yield from self._read
        for r, row in self._todo:
            if len(row) < self._min:
                continue
            texts = [canon(c.text) for c in row if c.text.strip()]
            if len(texts) >= self._min:
                self._read.append((r, texts, [core(t) for t in texts]))
                yield self._read[-1]


@functools.cache
def _canon_set(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(canon(x) for x in labels)


def _find_header(
    table: Table,
    rows: _RowTexts,
    index: LabelIndex,
    fiscal: Mapping[str, Sequence[str]] | None,
    required: str,
    min_columns: int,
) -> Header | None:
    level3 = _canon_set(tuple(fiscal["level3_labels"])) if fiscal else frozenset()
    exact = index.exact
    for r, texts, cores in rows:
        is_fiscal = not (level3.isdisjoint(texts) and level3.isdisjoint(cores))
        known = sum(1 for t, c in zip(texts, cores, strict=True) if t in exact or c in exact)
        if not is_fiscal and known < min_columns:
            continue
        header = _map_columns(table, r, index, fiscal if is_fiscal else None)
        header.required = required
        keys = {f.key for f in header.columns.values()}
        if len(keys) >= min_columns and required in keys:
            return header
    return None


def _row_cells(grid: list[list[Cell | None]], r: int) -> list[Cell]:
    seen: list[Cell] = []
    for cell in grid[r]:
        if cell is not None and cell.text.strip() and (not seen or seen[-1] is not cell):
            seen.append(cell)
    return seen


def _map_columns(
    table: Table, r: int, index: LabelIndex, fiscal: Mapping[str, Sequence[str]] | None
) -> Header:
    grid = table.grid()
    two_level = _has_sub_header(grid, r, table.n_rows)
    header = Header(table, r, r + 1 if two_level else r, {}, fiscal is not None)
    taken: set[str] = set()
    pending: list[tuple[int, Cell]] = []
    for j in range(table.n_cols):
        parent = grid[r][j]
        if parent is None or not parent.text.strip():
            continue
        child = grid[r + 1][j] if two_level else None
        if child is parent or (child is not None and child.row != r + 1):
            child = None
        f = _column_field(index, parent.text, child.text if child else "", fiscal, header, j)
        if f is not None and f.key not in taken:
            header.columns[j] = f
            taken.add(f.key)
        elif f is None and child is not None and child.text.strip():
            pending.append((j, parent))
    _assign_by_parent(index, header, pending, taken)
    return header


def _has_sub_header(grid: list[list[Cell | None]], r: int, n_rows: int) -> bool:
    if r + 1 >= n_rows:
        return False
    row = grid[r]
    return any(c is not None and (c.colspan > 1 or c.rowspan > 1) and c.row == r for c in row)


def _column_field(
    index: LabelIndex,
    parent: str,
    child: str,
    fiscal: Mapping[str, Sequence[str]] | None,
    header: Header,
    col: int,
) -> Field | None:
    texts = [child + parent, parent + child, child] if child.strip() else [parent]
    if fiscal is not None:
        for text in texts:
            if matches_any(text, fiscal["level3_labels"]):
                return _by_key(index, "indicator")
            if matches_any(text, fiscal["value_labels"]):
                return _by_key(index, "target_y1")
            if canon(text) == canon(_LEVEL2):
                header.level2_col = col
                return None
    for text in texts:
        found = index.match(text)
        if found is not None and found.field is not None and found.strength >= CONTAINS:
            return found.field
    return None


def _by_key(index: LabelIndex, key: str) -> Field | None:
    return next((f for f in index.fields if f.key == key), None)


def _assign_by_parent(
    index: LabelIndex, header: Header, pending: list[tuple[int, Cell]], taken: set[str]
) -> None:
    """Children such as ``2020年 / 2021年`` under one ``目标值``: the columns whose labels
    contain the parent's text, in spec order."""
    by_parent: dict[int, list[int]] = {}
    parents: dict[int, Cell] = {}
    for j, parent in pending:
        by_parent.setdefault(id(parent), []).append(j)
        parents[id(parent)] = parent
    for key, cols in by_parent.items():
        text = canon(parents[key].text)
        family = [
            f
            for f in index.fields
            if f.key not in taken and any(text in canon(label) for label in f.labels)
        ]
        for j, f in zip(cols, family, strict=False):
            header.columns[j] = f
            taken.add(f.key)


# -- rows -------------------------------------------------------------------------------


def read_rows(header: Header, index: LabelIndex) -> Rows:
    table, grid = header.table, header.table.grid()
    out = Rows(last_row=header.bottom)
    key_col = {f.key: j for j, f in header.columns.items()}
    ind_col = key_col[header.required]
    previous: dict[str, Value] = {}
    for r in range(header.bottom + 1, table.n_rows):
        cells = _row_cells(grid, r)
        if not cells:
            continue
        if _is_stop_row(cells, table.n_cols):
            break
        indicator = grid[r][ind_col]
        if indicator is None or not indicator.text.strip():
            _nameless_row(header, grid, r, out.findings)
            group = _group_of(header, grid, r, key_col.get("dimension"), previous)
            if group is not previous and group["dimension"].location is not None:
                out.groups.setdefault(str(group["dimension"].value), group["dimension"].location)
            previous = group
            continue
        if _spans_columns(indicator, key_col.values(), ind_col):
            break  # a note or a form field under the table, not an indicator
        if canon(indicator.text) in index.exact:
            continue  # the header repeated (a table broken across pages)
        row = _read_row(header, grid, r, out.findings)
        row = {header.required: row.pop(header.required), **row} if header.required in row else row
        dim = row.get("dimension")
        if dim is None and "dimension" in key_col and "dimension" in previous:
            row["dimension"] = previous["dimension"]
        out.rows.append(row)
        out.last_row = r
        previous = row
    return out


def _nameless_row(
    header: Header, grid: list[list[Cell | None]], r: int, findings: list[Finding]
) -> None:
    """A row with values typed but its indicator's name left blank is reported at its first
    value, not dropped unseen. Not such a row: a merged 一级指标 (or any cell merged down
    from above), a note across columns, an unlabelled row of totals (``=SUM(…)``). A fiscal
    table is reported once as a whole; the plan's fund uses are no indicators."""
    if header.fiscal or header.required != "indicator":
        return
    filled = _values_typed(header, grid, r)
    if not filled or all(_is_aggregate(cell) for _, cell in filled):
        return
    name = next(f for f in header.columns.values() if f.key == header.required)
    findings.append(
        finding(
            "indicator-name-missing",
            field=name.label,
            location=filled[0][1].location,
            key=header.required,
            filled_words=[f"“{f.label}”" for f, _ in filled],  # joined in the output's language
        )
    )


def _values_typed(
    header: Header, grid: list[list[Cell | None]], r: int
) -> list[tuple[Field, Cell]]:
    """The value cells that start on row ``r``, in column order: every mapped column but
    the 一级指标 and the name itself."""
    columns = list(header.columns)
    out = []
    for j in sorted(columns):
        f, cell = header.columns[j], grid[r][j]
        if f.key in (header.required, "dimension") or cell is None or cell.row != r:
            continue
        if cell.col == j and cell.text.strip() and not _spans_columns(cell, columns, j):
            out.append((f, cell))
    return out


def _group_of(
    header: Header,
    grid: list[list[Cell | None]],
    r: int,
    j: int | None,
    previous: dict[str, Value],
) -> dict[str, Value]:
    """The group the rows below inherit a blank 一级指标 (column ``j``) from: a row without a
    name that names a 一级指标 starts its group, though it is no indicator itself."""
    cell = grid[r][j] if j is not None else None
    if j is None or cell is None or cell.row != r or not cell.text.strip():
        return previous  # none, or merged down from a row already read
    f = header.columns[j]
    read = read_value(f, cell.text, cell.location)
    return {"dimension": _as_allowed(f, read.value)} if read.value is not None else previous


_AGGREGATE = re.compile(r"^=\s*(SUM|SUBTOTAL|AVERAGE|SUMIF|SUMIFS|SUMPRODUCT)\s*\(", re.I)


def _is_aggregate(cell: Cell) -> bool:
    return bool(cell.formula and _AGGREGATE.match(cell.formula))


def _spans_columns(cell: Cell, columns: Iterable[int], own: int) -> bool:
    return any(c != own and cell.col <= c <= cell.end_col for c in columns)


def _is_stop_row(cells: list[Cell], n_cols: int) -> bool:
    first = "".join(cells[0].text.split())
    if first.startswith(_STOP_WORDS):
        return True
    return len(cells) == 1 and cells[0].colspan >= n_cols and n_cols > 2


def _read_row(
    header: Header, grid: list[list[Cell | None]], r: int, findings: list[Finding]
) -> dict[str, Value]:
    row: dict[str, Value] = {}
    cells = {f.key: (f, grid[r][j]) for j, f in header.columns.items()}
    unit_cell = cells.get("unit", (None, None))[1]
    unit = unit_cell.text.strip() if unit_cell is not None else ""
    for key, (f, cell) in cells.items():
        if cell is None or not cell.text.strip():
            continue
        if f.kind == "target":
            _read_target(row, f, cell, unit, findings)
            continue
        typed = percent_points(cell.value, cell.number_format, f.unit or unit)
        read = read_value(f, cell.text, cell.location, typed=typed)
        if read.problem is not None:
            findings.append(read.problem)
        elif read.value is not None:
            row[key] = _as_allowed(f, read.value)
            findings.extend(read.notes)
    return row


def _as_allowed(f: Field, value: Value) -> Value:
    """A choice written with an aside (``产业集聚度（20分）``, ``年报（每年一次）``) is the
    allowed option it names, when it names exactly one; the raw text is kept."""
    if f.kind != "choice" or not f.allowed or value.value in f.allowed:
        return value
    text = canon(str(value.value))
    named = [a for a in f.allowed if canon(str(a)) in (text, core(text))]
    if len(named) != 1:
        named = [a for a in f.allowed if len(str(a)) >= 2 and canon(str(a)) in text]
    return Value(value.raw, named[0], value.location) if len(named) == 1 else value


def _read_target(
    row: dict[str, Value], f: Field, cell: Cell, unit: str, findings: list[Finding]
) -> None:
    raw = cell.text.strip()
    row_unit = unit or _unit_of(raw)
    typed = percent_points(cell.value, cell.number_format, unit)
    source = typed if isinstance(typed, (int, float)) and not isinstance(typed, bool) else raw
    try:
        direction, number = _target(source if isinstance(source, str) else str(source), row_unit)
    except NormalizeError as exc:
        findings.append(
            finding(
                "bad-value",
                field=f.label,
                location=cell.location,
                key=f.key,
                raw=raw,
                kind=exc.kind_label,
            )
        )
        return
    if number is ABSENT:
        return  # a none-marker (/, —, 无): the key is absent
    row[f.key] = Value(raw, number, cell.location)
    if direction and "direction" not in row:
        row["direction"] = Value(raw, direction, cell.location)
    if row_unit and "unit" not in row and not unit:
        row["unit"] = Value(raw, row_unit, cell.location)


def _target(text: str, unit: str) -> tuple[str | None, object]:
    """``parse_target``, remembered: targets repeat from file to file (``≥6个``, ``100%``)."""
    key = (text, unit)
    found = _TARGETS.get(key)
    if found is None:
        found = parse_target(text, unit)
        if len(_TARGETS) >= _MEMO_SIZE:
            _TARGETS.clear()
        _TARGETS[key] = found
    return found


def _unit_of(raw: str) -> str:
    found = _UNIT_TAIL.search(raw)
    return found.group(1) if found else ""


def fiscal_words(spec: FormSpec) -> Mapping[str, Sequence[str]]:
    words = spec.extra.get("fiscal_layout")
    if not isinstance(words, Mapping):
        return DEFAULT_FISCAL
    return {k: tuple(words.get(k, DEFAULT_FISCAL.get(k, ()))) for k in DEFAULT_FISCAL}


def row_key(spec: FormSpec) -> str:
    """The column that makes a row of the form's table: ``indicator``, or in a table without
    one (a drafted 成员名单) its first column."""
    keys = [c.key for c in spec.columns]
    return "indicator" if "indicator" in keys or not keys else keys[0]


def all_headers(
    tables: Iterable[Table],
    index: LabelIndex,
    fiscal: Mapping[str, Sequence[str]],
    required: str = "indicator",
) -> list[Header]:
    """The indicator headers of ``tables``. Recognition asks this of a document for every
    form with a table, extraction again for the form found: the answers for the last
    document are kept, per index (tables are not changed once read)."""
    tables = list(tables)
    last = _LAST_HEADERS[0]
    if last is None or not _same(last[0], tables):
        # the rows once per document, not once per form that asks
        last = (tables, {}, [_RowTexts(t, MIN_HEADER_COLUMNS) for t in tables])
        _LAST_HEADERS[0] = last
    key = (id(index), tuple((k, tuple(v)) for k, v in sorted(fiscal.items())), required)
    hit = last[1].get(key)
    if hit is not None and hit[0] is index:
        return list(hit[1])
    found = []
    for table, rows in zip(tables, last[2], strict=True):
        header = _find_header(table, rows, index, fiscal, required, MIN_HEADER_COLUMNS)
        if header is not None:
            found.append(header)
    last[1][key] = (index, found)
    return list(found)


def _same(old: list[Table], new: list[Table]) -> bool:
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))
