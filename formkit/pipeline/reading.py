"""``formkit read``: what the readers saw in a file, before any form is recognised.

For a person who wants to know why a form did not map, and for tools. One :class:`Reading`
per input file (archive members as in ``check``): its kind, its tables (a workbook's sheets,
hidden ones too) as cells with 1-based rows and columns and spans, its paragraphs with their
places, its page headers and footers, and the reader's findings. A cell's text is the value
as formkit reads it (a stored number without a trailing ``.0``, a date as ``YYYY-MM-DD``, a
formula's stored value, text as stored). Files are read in isolated workers, as in check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formkit.model.codes import place_text, text
from formkit.model.document import Cell, Document, Table
from formkit.model.errors import InputFileError
from formkit.model.findings import Finding, finding
from formkit.model.resources import templates_dir
from formkit.pipeline import Options, failed, iter_inputs, read_document, read_input, warm_up


@dataclass
class Reading:
    """What the reader made of one input file (or archive member)."""

    file: str
    kind: str | None = None
    tables: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[dict[str, str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "file": self.file,
            "kind": self.kind,
            "tables": self.tables,
            "paragraphs": self.paragraphs,
            "headers": self.headers,
            "footers": self.footers,
            "findings": [f.to_dict(lang) for f in self.findings],
        }


def describe(doc: Document, notes: Iterable[Finding] = ()) -> Reading:
    """A read document as plain data."""
    return Reading(
        doc.name,
        doc.kind,
        [_table(t, nested) for t, nested in _tables(doc)],
        [{"text": p.text, "location": str(p.location)} for p in doc.paragraphs],
        [p.text for p in doc.headers],
        [p.text for p in doc.footers],
        [*notes, *doc.notes],
    )


def _tables(doc: Document) -> Iterator[tuple[Table, bool]]:
    def visit(table: Table, nested: bool) -> Iterator[tuple[Table, bool]]:
        yield table, nested
        for cell in table.cells:
            for inner in cell.tables:
                yield from visit(inner, True)

    for table in doc.tables:
        yield from visit(table, False)


def _table(table: Table, nested: bool) -> dict[str, object]:
    out: dict[str, Any] = {
        "name": table.name or str(table.location),
        "cells": [_cell(c) for c in table.cells],
    }
    if table.hidden:
        out["hidden"] = True
    if nested:
        out["nested"] = True
    return out


def _cell(cell: Cell) -> dict[str, object]:
    # A sheet's cell by its Excel address (blocks of a vast sheet keep theirs); a Word or
    # PDF cell by its place on the table's grid.
    at = cell.location
    on_sheet = at.sheet is not None and at.row is not None and at.col is not None
    row = at.row if on_sheet and at.row is not None else cell.row + 1
    col = at.col if on_sheet and at.col is not None else cell.col + 1
    return {
        "row": row,
        "col": col,
        "rowspan": cell.rowspan,
        "colspan": cell.colspan,
        "text": cell.text,
    }


def read_bytes(name: str, data: bytes) -> list[Reading]:
    """Gate, unpack and read one input's bytes; never raises for bad input."""
    # on use, not at the top: saves ~24 ms of start-up (measured)
    from formkit.intake.archive import iter_members
    from formkit.intake.gate import inspect

    try:
        gate = inspect(data, name)
    except InputFileError as exc:
        return [_unreadable(name, exc)]
    if gate.kind == "zip":
        found: list[Reading] = []
        try:
            for member in iter_members(data, name):
                found.extend(read_bytes(member.name, member.data))
        except InputFileError as exc:
            found.append(_unreadable(name, exc))
        return found
    try:
        reading = describe(read_document(name, data, gate.kind), gate.notes)
    except InputFileError as exc:
        return [_unreadable(name, exc, gate.kind)]
    except Exception as exc:  # an internal defect: one line for the user
        reading = Reading(name, gate.kind, unreadable=True)
        reading.findings.append(finding("internal-error", detail=type(exc).__name__))
    reading.kind = gate.kind  # the file's own kind (a .doc is read through a conversion)
    return [reading]


def read_one(name: str, path: str) -> list[Reading]:
    try:
        data = read_input(name, Path(path))
    except InputFileError as exc:
        return [_unreadable(name, exc)]
    return read_bytes(name, data)


def read_files(paths: Iterable[str | Path], options: Options | None = None) -> list[Reading]:
    """Read files, folders and archives; one reading per file, in input order, each file in
    an isolated worker under the options' time and memory limits."""
    # on use, not at the top: saves ~64 ms of start-up (measured)
    from formkit.intake.isolate import IsolatedPool

    opts = Options.resolve(options)
    inputs = list(iter_inputs(paths))
    if not opts.isolate:
        return [r for name, path in inputs for r in read_one(name, str(path))]
    warm_up(opts, [path for _, path in inputs])
    slots: list[list[Reading]] = [[] for _ in inputs]
    workers = max(1, min(opts.workers, len(inputs)))
    with IsolatedPool(workers, timeout_s=opts.timeout_s, memory_mb=opts.memory_mb) as pool:
        calls = [(name, str(path)) for name, path in inputs]
        names = [n for n, _ in inputs]
        chunk = pool.chunk_for(len(calls))
        for outcome in pool.imap_unordered(read_one, calls, names=names, chunk=chunk):
            name = inputs[outcome.index][0]
            if outcome.error is None:
                slots[outcome.index] = outcome.result()
            else:
                slots[outcome.index] = [_failed(name, outcome.error)]
    return [r for slot in slots for r in slot]


def _unreadable(name: str, exc: InputFileError, kind: str | None = None) -> Reading:
    reading = Reading(name, kind, unreadable=True)
    reading.findings.append(finding(exc.code, location=exc.place, **exc.params))
    return reading


def render_text(readings: list[Reading], lang: str = "zh") -> str:
    """The readable dump ``formkit read`` prints without ``--json``."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # plain text for a terminal
    )
    env.globals["w"] = lambda key, **params: text(key, lang, **params)
    env.globals["place"] = lambda where: place_text(where, lang)
    rows = [{**r.to_dict(lang), "messages": [_line(f, lang) for f in r.findings]} for r in readings]
    return env.get_template("read.txt.j2").render(readings=rows)


def _line(f: Finding, lang: str) -> str:
    place = f" {place_text(f.location, lang)}" if f.location else ""
    return f"[{f.code}]{place} {f.message(lang)}"


def _failed(name: str, error: BaseException) -> Reading:
    result = failed(name, error)
    return Reading(name, findings=result.findings, unreadable=True)
