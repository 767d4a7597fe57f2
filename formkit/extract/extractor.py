"""spec + Document → Record: the form's fields, indicator rows and plan sections, each value
with its raw text and its place, plus the layout found and what could not be read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator

from formkit.extract import fields as F
from formkit.extract import prose
from formkit.extract.indicators import all_headers, fiscal_words, read_rows, row_key
from formkit.extract.labels import index_for
from formkit.extract.letter import READER as LETTER
from formkit.extract.letter import read_letter
from formkit.extract.sections import is_plan, read_plan
from formkit.extract.values import read_value
from formkit.model.document import Document, Paragraph, Table
from formkit.model.findings import finding
from formkit.model.record import Record, Value
from formkit.spec import FormSpec

_WIDTH_LAYOUTS = {1: "table-2col", 2: "table-4col", 3: "table-6col"}


def extract(doc: Document, spec: FormSpec) -> Record:
    """Read ``doc`` as the form ``spec`` describes, in whatever layout it was filled."""
    if spec.extra.get("reader") == LETTER:
        return read_letter(doc, spec)
    record = Record(form=spec.name)
    claimed: dict[int, Collection[int]] = {}
    table_layout = _indicators(doc, spec, record, claimed) if spec.columns else None
    if is_plan(spec):
        read_plan(doc, spec, record)
    hits = list(_field_hits(doc, spec, claimed))
    _assign(record, [h for h in hits if not _preprinted(spec, h)])
    if is_plan(spec):
        prose.money_fields(doc, spec, record)
        record.layout = "plan"
    else:
        record.layout = table_layout or field_layout(doc, hits)
    return record


def _indicators(
    doc: Document, spec: FormSpec, record: Record, claimed: dict[int, Collection[int]]
) -> str | None:
    index = index_for(spec, "columns", spec.columns)
    headers = all_headers(doc.all_tables(), index, fiscal_words(spec), row_key(spec))
    fiscal = False
    for header in headers:
        rows = read_rows(header, index)
        record.indicators.extend(rows.rows)
        record.findings.extend(rows.findings)
        for group, place in rows.groups.items():
            record.group_locations.setdefault(group, place)
        claimed[id(header.table)] = range(header.top, rows.last_row + 1)
        if spec.table is not None:  # found, even when every row is blank
            record.label_locations.setdefault(spec.table.key, header.location)
        if header.fiscal and not fiscal:
            fiscal = True
            record.findings.append(finding("layout-fiscal", location=header.location))
    if not headers:
        return None
    return "fiscal" if fiscal else "six-dimension"


def _field_hits(
    doc: Document, spec: FormSpec, claimed: dict[int, Collection[int]]
) -> Iterator[F.Hit]:
    index = index_for(spec, "fields", spec.fields)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            yield from F.paragraph_hits([block], index)
            continue
        for table in _with_nested(block):
            yield from F.table_hits(table, index, spec.sections, claimed.get(id(table), ()))
    yield from F.paragraph_hits([*doc.headers, *doc.footers], index)


def _with_nested(table: Table) -> Iterator[Table]:
    yield table
    for cell in table.cells:
        for inner in cell.tables:
            yield from _with_nested(inner)


def _preprinted(spec: FormSpec, hit: F.Hit) -> bool:
    """A value the blank form itself prints under the field's label (a drafted spec's
    ``form.printed``: a notice's 项目联系人：张三) is not the applicant's."""
    printed = spec.extra.get("printed")
    return isinstance(printed, dict) and hit.raw.strip() in printed.get(hit.field.key, ())


def _assign(record: Record, hits: list[F.Hit]) -> None:
    """The first non-blank value of each field wins; every label's place is kept."""
    for hit in hits:
        key = hit.field.key
        record.label_locations.setdefault(key, hit.label_location)
        if key in record.fields or key in record.invalid:
            continue
        read = read_value(hit.field, hit.raw, hit.location, typed=hit.typed, label=hit.label)
        if read.problem is not None:
            record.findings.append(read.problem)
            record.invalid[key] = Value(hit.raw.strip(), None, hit.location)
        elif read.value is not None:
            record.fields[key] = read.value
            record.findings.extend(read.notes)
        elif hit.location is not None and hit.location != hit.label_location:
            record.blank_locations.setdefault(key, hit.location)  # the cell left to fill


def field_layout(doc: Document, hits: list[F.Hit]) -> str:
    """Name the layout the labels were found in (judged on the filled values if any)."""
    in_tables = [h for h in hits if h.how != F.PARAGRAPH]
    in_tables = [h for h in in_tables if h.raw] or in_tables
    if not in_tables:
        return "inline" if hits else "unknown"
    if doc.kind == "xlsx":
        return "xlsx-form"
    hows = Counter(h.how for h in in_tables)
    if set(hows) == {F.RIGHT}:
        width = max(h.labels_in_row for h in in_tables)
        return _WIDTH_LAYOUTS.get(width, f"table-{2 * width}col")
    if set(hows) == {F.INLINE}:
        return "inline"
    if set(hows) == {F.BELOW}:
        return "table-below"
    return "mixed"
