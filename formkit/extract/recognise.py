"""Which form a document is, by its content — never by the file name, and never by words
any office document prints.

A form is taken only on evidence specific to it (:func:`evidence`): its labels, the
headings of its parts, the columns of its indicator table, the names of its six 一级指标
and its printed heading. Generic words (基本情况, 项目名称, 联系人, 资金安排: see
:data:`formkit.extract.labels.GENERIC_LABELS`) count for nothing, and fuzzy look-alikes do
not count at all: a student's application or a company's 任务书 scores near zero. The
threshold and the margin it leaves are measured in benchmarks/bench_recognition.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from formkit.extract.indicators import all_headers, fiscal_words, row_key
from formkit.extract.labels import LabelIndex, canon, core, index_for, is_generic
from formkit.extract.letter import READER as LETTER
from formkit.extract.letter import score as letter_score
from formkit.extract.sections import find_headings
from formkit.model.document import Document, Paragraph, Table
from formkit.spec import FormSpec

HEADING_POINTS = 4  # the form's full printed heading (省级…申报信息表)
TITLE_POINTS = 1  # only its short title (申报信息表): other programmes print it too
PART_POINTS = 2  # a specific heading of the plan's parts, as a heading
MIN_EVIDENCE = 5  # measured: unrelated documents ≤ 2, our forms ≥ 7 (RESULTS.md)
TITLE_ROWS = 3
_COLON = re.compile(r"[:：]")


@dataclass(frozen=True)
class Evidence:
    """Why a document may be one form: the points and what earned them."""

    form: str
    points: int
    found: tuple[str, ...] = ()


def recognise(doc: Document, specs: Mapping[str, FormSpec]) -> str | None:
    """The name of the spec ``doc`` fills best, or None when no form has the evidence."""
    best = max(evidence(doc, specs), key=lambda e: e.points, default=None)
    return best.form if best is not None and best.points >= MIN_EVIDENCE else None


def evidence(doc: Document, specs: Mapping[str, FormSpec]) -> list[Evidence]:
    """The evidence for every spec, in the specs' order (ties go to the first)."""
    tables = doc.all_tables()  # once: every spec looks at them
    texts = _label_texts(doc, tables)
    # canonical texts hold no whitespace: one search of the joined titles per word finds
    # what a search of every title would
    titles = "\n".join(_title_texts(doc, tables))
    # a blank cell adds "", which names no dimension: no strip() per cell needed
    cells = {canon(c.text) for t in tables for c in t.cells}
    return [_evidence(doc, tables, spec, texts, titles, cells) for spec in specs.values()]


def _evidence(
    doc: Document,
    tables: list[Table],
    spec: FormSpec,
    texts: set[str],
    titles: str,
    cells: set[str],
) -> Evidence:
    if spec.extra.get("reader") == LETTER:
        points = letter_score(doc)
        return Evidence(spec.name, points, ("letter",) if points else ())
    found: list[str] = []
    points = 0
    labels = _specific_labels(index_for(spec, "fields", spec.fields))
    named = sorted({labels[t] for t in texts & labels.keys()})
    found += named
    points += len(named)
    heading, title = canon(spec.heading), canon(spec.title)
    if heading and heading in titles:
        found.append("heading")
        points += HEADING_POINTS
    elif title and title in titles:
        found.append("title")
        points += TITLE_POINTS
    dimensions = [str(d) for d in spec.extra.get("dimensions", ())]
    hits = sorted(d for d in dimensions if canon(d) in cells)
    found += hits
    points += len(hits)
    if spec.columns and spec.table is not None and not spec.parts:
        columns = _specific_columns(tables, spec)
        found += columns
        points += len(columns)
    if spec.parts:
        parts = _specific_parts(doc, spec)
        found += parts
        points += PART_POINTS * len(parts)
    return Evidence(spec.name, points, tuple(found))


@functools.lru_cache(maxsize=64)  # an index per spec; bounded for processes that reload specs
def _specific_labels(index: LabelIndex) -> dict[str, str]:
    """Canonical label → field key for the labels of ``index`` that are not generic words.
    Once per spec, so that a document's texts are only intersected with it: one set
    operation instead of a look-up and a generic test per text and spec."""
    return {t: f.key for t, f in index.exact.items() if not is_generic(t)}


def _specific_columns(tables: list[Table], spec: FormSpec) -> list[str]:
    """The indicator columns found under a header printed with a specific label."""
    columns = index_for(spec, "columns", spec.columns)
    best: list[str] = []
    for header in all_headers(tables, columns, fiscal_words(spec), row_key(spec)):
        grid = header.table.grid()
        keys = sorted(
            {
                f.key
                for col, f in header.columns.items()
                if any(
                    (cell := grid[row][col]) is not None and not is_generic(cell.text)
                    for row in range(header.top, header.bottom + 1)
                )
            }
        )
        best = max(best, keys, key=len)
    return best


def _specific_parts(doc: Document, spec: FormSpec) -> list[str]:
    """The plan's parts named exactly by a heading that is not a generic word."""
    parts = index_for(spec, "parts", spec.parts)
    found = set()
    for h in find_headings(doc.blocks, parts):
        m = parts.exact_match(h.title)
        if m is not None and m.field is not None and not is_generic(h.title):
            found.add(m.field.key)
    return sorted(found)


def _label_texts(doc: Document, tables: list[Table]) -> set[str]:
    """Canonical texts that may be labels: cell texts, and the part before a colon."""
    printed = list(_all_texts(doc, tables))
    texts = {canon(text) for text in printed}
    for text in [t for t in printed if ":" in t or "：" in t]:  # most have no colon to split at
        for piece in _COLON.split(text)[:-1]:
            words = piece.split()
            if words:
                texts.add(canon(words[-1]))
    return texts | {core(t) for t in texts}


def _all_texts(doc: Document, tables: list[Table]) -> Iterable[str]:
    for block in [*doc.blocks, *doc.headers, *doc.footers]:
        if isinstance(block, Paragraph):
            yield block.text
    for table in tables:
        for cell in table.cells:
            if len(cell.text) <= 60:
                yield cell.text


def _title_texts(doc: Document, tables: list[Table]) -> list[str]:
    """Paragraphs and the first rows of every table, where a form prints its title (in no
    particular order: they are searched joined)."""
    found: list[str] = []
    for block in doc.blocks[:12]:
        if isinstance(block, Paragraph) and block.text.strip():
            found.append(canon(block.text))
    for table in tables:
        for row in table.rows()[:TITLE_ROWS]:  # not a test of every cell of a sheet
            found.extend(canon(c.text) for c in row if c.text.strip())
        if isinstance(table, Table) and table.name:
            found.append(canon(table.name))
    return found
