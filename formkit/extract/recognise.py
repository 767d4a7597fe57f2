"""Which form a document is, by its content: label hits, an indicator header row, the plan's
headings and the form's title — never by the file name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from formkit.extract.indicators import all_headers, fiscal_words, row_key
from formkit.extract.labels import canon, index_for
from formkit.extract.letter import READER as LETTER
from formkit.extract.letter import score as letter_score
from formkit.extract.sections import find_headings
from formkit.readers.model import Document, Paragraph, Table
from formkit.spec import FormSpec

TITLE_POINTS = 5
COLUMN_POINTS = 2
PART_POINTS = 3
MIN_SCORE = 4
TITLE_ROWS = 3
_COLON = re.compile(r"[:：]")


def recognise(doc: Document, specs: Mapping[str, FormSpec]) -> str | None:
    """The name of the spec ``doc`` fills best, or None when none fits."""
    texts = _label_texts(doc)
    titles = _title_texts(doc)
    best: tuple[int, str] | None = None
    for name, spec in specs.items():
        points = score(doc, spec, texts, titles)
        if points >= MIN_SCORE and (best is None or points > best[0]):
            best = (points, name)
    return best[1] if best else None


def score(doc: Document, spec: FormSpec, texts: set[str], titles: list[str]) -> int:
    if spec.extra.get("reader") == LETTER:
        return letter_score(doc)
    index = index_for(spec, "fields", spec.fields)
    named = {index.exact[t].key for t in texts if t in index.exact}
    points = len(named)
    title = canon(spec.title)
    if any(title in t for t in titles):
        points += TITLE_POINTS
    if spec.columns and spec.table is not None and not spec.parts:
        columns = index_for(spec, "columns", spec.columns)
        headers = all_headers(doc.all_tables(), columns, fiscal_words(spec), row_key(spec))
        if headers:
            points += COLUMN_POINTS * max(len(h.columns) for h in headers)
    if spec.parts:
        parts = index_for(spec, "parts", spec.parts)
        found = {
            m.field.key
            for h in find_headings(doc.blocks, parts)
            if (m := parts.match(h.title)) is not None and m.field is not None
        }
        points += PART_POINTS * len(found)
    return points


def _label_texts(doc: Document) -> set[str]:
    """Canonical texts that may be labels: cell texts, and the part before a colon."""
    texts: set[str] = set()
    for text in _all_texts(doc):
        texts.add(canon(text))
        for piece in _COLON.split(text)[:-1]:
            token = piece.split()[-1] if piece.split() else ""
            if token:
                texts.add(canon(token))
    return texts


def _all_texts(doc: Document) -> Iterable[str]:
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            yield block.text
    for table in doc.all_tables():
        for cell in table.cells:
            if len(cell.text) <= 60:
                yield cell.text


def _title_texts(doc: Document) -> list[str]:
    """Paragraphs and the first rows of every table, where a form prints its title."""
    found: list[str] = []
    for block in doc.blocks[:12]:
        if isinstance(block, Paragraph) and block.text.strip():
            found.append(canon(block.text))
    for table in doc.all_tables():
        found.extend(canon(c.text) for c in table.cells if c.row < TITLE_ROWS and c.text.strip())
        if isinstance(table, Table) and table.name:
            found.append(canon(table.name))
    return found
