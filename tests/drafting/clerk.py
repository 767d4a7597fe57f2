"""A clerk filling any blank form for which a spec was drafted: for every label of the spec
printed in a table with a blank place beside it (or below it, in a row of labels), a value
of the field's kind is typed there; ``标签：____`` lines get the value after the colon;
boxes are ticked. Returns the filled file and what was typed, by key, normalised."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from typing import Any

import docx
import openpyxl
from openpyxl.cell.cell import MergedCell

from formkit.drafting.scan import _INLINE, is_blankish, is_labelish
from formkit.extract.labels import canon
from formkit.spec import Field, FormSpec

_BOX = re.compile(r"[□☐]")


def typed_value(f: Field, n: int) -> tuple[str | int | float, Any]:
    """(what the clerk types, what formkit should read) for the n-th field."""
    if f.kind in ("choice", "bool"):
        option = f.allowed[0] if f.allowed else "是"
        return option, True if f.kind == "bool" else option
    values: dict[str, tuple[Any, Any]] = {
        "money": (f"{100 + n}.5", 100 + n + 0.5),
        "number": (f"{200 + n}", 200 + n),
        "int": (f"{10 + n}", 10 + n),
        "date": (f"2021年8月{n % 27 + 1}日", f"2021-08-{n % 27 + 1:02d}"),
        "month": (f"2021年{n % 12 + 1}月", f"2021-{n % 12 + 1:02d}"),
        "phone": (f"0579-8661{n:04d}", f"0579-8661{n:04d}"),
        "email": (f"clerk{n}@example.cn", f"clerk{n}@example.cn"),
        "credit_code": ("91140100MA0GRXQ12Y", "91140100MA0GRXQ12Y"),
        "list": (f"示范甲{n}、示范乙{n}", [f"示范甲{n}", f"示范乙{n}"]),
    }
    return values.get(f.kind, (f"示范文本{n}", f"示范文本{n}"))


class _Typing:
    def __init__(self, spec: FormSpec) -> None:
        self.by_label: dict[str, Field] = {}
        self.grouped: dict[tuple[str, str], Field] = {}
        for f in spec.fields:
            for sub in f.sublabels if f.group else ():
                self.grouped.setdefault((canon(f.group), canon(sub)), f)
            for label in f.labels:
                self.by_label.setdefault(canon(label), f)
        self.order = {f.key: n for n, f in enumerate(spec.fields)}
        self.expected: dict[str, Any] = {}

    def field(self, text: str, group: str = "") -> Field | None:
        if group:
            return self.grouped.get((canon(group), canon(text)))
        f = self.by_label.get(canon(text)) if text.strip() else None
        return None if f is not None and f.group else f

    def type_into(self, f: Field, blank: str) -> str | int | float | None:
        typed, want = typed_value(f, self.order[f.key])
        if f.kind in ("choice", "bool"):
            if f"□{typed}" not in blank and f"☐{typed}" not in blank:
                return None
            self.expected.setdefault(f.key, want)
            return _BOX.sub("□", blank).replace(f"□{typed}", f"☑{typed}", 1)
        self.expected.setdefault(f.key, want)
        return typed if self.expected[f.key] == want else None


def fill_docx(blank: bytes, spec: FormSpec) -> tuple[bytes, dict[str, Any]]:
    d = docx.Document(io.BytesIO(blank))
    typing = _Typing(spec)
    for table in _all_tables(d.tables):
        _fill_table(table, typing)
    for p in d.paragraphs:
        _fill_line(p, typing)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue(), typing.expected


def _all_tables(tables: list[Any]) -> Iterator[Any]:
    for t in tables:
        yield t
        for row in t.rows:
            for cell in row.cells:
                yield from _all_tables(cell.tables)


def _fill_table(table: Any, typing: _Typing) -> None:
    rows = [_distinct(r.cells) for r in table.rows]
    for r, cells in enumerate(rows):
        for i, cell in enumerate(cells):
            band = cells[0].text if i == 1 and cells[0]._tc is not cell._tc else ""
            f = typing.field(cell.text, band) or typing.field(cell.text)
            if f is None:
                continue
            target = _place(rows, r, i, cells)
            if target is None:
                continue
            text = typing.type_into(f, target.text)
            if text is not None:
                target.text = str(text)


def _place(rows: list[list[Any]], r: int, i: int, cells: list[Any]) -> Any | None:
    right = cells[i + 1] if i + 1 < len(cells) else None
    if right is not None and is_blankish(right.text):
        return right
    beside = right if right is not None else (cells[i - 1] if i > 0 else None)
    labels_row = beside is not None and is_labelish(beside.text)
    if labels_row and r + 1 < len(rows):
        below = [c for c in rows[r + 1] if c._tc is not cells[i]._tc]
        for c in below:
            if _same_column(c, cells[i]) and is_blankish(c.text):
                return c
    return None


def _same_column(a: Any, b: Any) -> bool:
    return a._tc.getparent().index(a._tc) == b._tc.getparent().index(b._tc)


def _distinct(cells: list[Any]) -> list[Any]:
    out: list[Any] = []
    for c in cells:
        if not out or out[-1]._tc is not c._tc:
            out.append(c)
    return out


def _fill_line(p: Any, typing: _Typing) -> None:
    """``标签：____　标签：`` — each blank after a known label's colon replaced by a value."""
    text = p.text
    matches = list(_INLINE.finditer(text))
    changed = text
    for k in reversed(range(len(matches))):
        m = matches[k]
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        f = typing.field(m.group(1))
        if f is None or f.group or not is_blankish(text[m.end() : end]):
            continue
        value = typing.type_into(f, "")
        if value is not None:
            changed = f"{changed[: m.end()]}{value}　{changed[end:]}"
    if changed != text:
        p.text = changed


def fill_xlsx(blank: bytes, spec: FormSpec) -> tuple[bytes, dict[str, Any]]:
    book = openpyxl.load_workbook(io.BytesIO(blank))
    typing = _Typing(spec)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell, right in itertools.pairwise(row):
                f = typing.field(str(cell.value or ""))
                if isinstance(right, MergedCell) or f is None or f.group:
                    continue
                if not is_blankish(str(right.value or "")):
                    continue
                value = typing.type_into(f, str(right.value or ""))
                if value is not None:
                    right.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), typing.expected
