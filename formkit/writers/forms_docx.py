"""Word forms written from the specs, blank or filled: 申报信息表 and 两年期实施方案编制提纲.

申报信息表 is one table on a five-column grid (widths in :data:`GRID_MM`, 156 mm in all):

* a section row merged across the table, shaded, in 黑体;
* short fields two to a row: ``label | value | label | value`` (the first label spans the
  two left grid columns);
* wide fields (lists, names, long hints) and long texts (意见) on a row of their own, the value
  spanning the rest of the row;
* a group (联系人 → 姓名/职务/联系电话/电子邮箱, 市级主管部门 → 联系人/联系电话): the group name
  merged down the first grid column, sub-labels and values beside it, two to a row.

Blank, a value cell shows the field's hint as ``（hint）`` in grey small text (the extractor
drops exactly that text), ``☐是　☐否`` for yes/no and ``☐option`` for choices. Filled, it
shows the value as a clerk types it (:func:`~formkit.writers.ooxml_common.field_text`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import SupportsFloat, TypedDict

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table, _Cell

from formkit.model.resources import word, word_section
from formkit.spec import Field, FormSpec
from formkit.writers.ooxml_common import (
    bool_text,
    close_tables,
    drop_styles_with_effects,
    field_text,
    options_text,
)
from formkit.writers.word_page import (
    HEADING_1,
    HEADING_2,
    LABEL,
    SECTION,
    VALUE,
    Page,
    Sizes,
    add_row,
    add_text,
    add_title,
    hint_run,
    merge_down,
    new_document,
    new_table,
    save,
    shade,
    styled,
)

FORM_PAGE, FORM_SIZES = Page(), Sizes(body=12, title=18, table=12, hint=9)
GRID_MM = (20.0, 24.0, 38.0, 32.0, 42.0)
ROW_MM, TALL_ROW_MM, SECTION_ROW_MM = 10.0, 38.0, 8.0
SECTION_FILL = "D9D9D9"
DATE_PLACEHOLDER = word("writers", "date_placeholder")
WIDE_KINDS = frozenset({"list", "docno", "credit_code"})
SHORT_KINDS = frozenset({"int", "number", "money", "month", "date", "bool", "choice", "phone"})
MAX_PAIR_HINT, MAX_PAIR_EXAMPLE, MAX_PAIR_LABEL = 12, 10, 14


@dataclass(frozen=True)
class Row:
    """One printed row: ``shape`` is pair | wide | longlabel | tall | group."""

    shape: str
    fields: tuple[Field, ...]
    group: str = ""


def application_docx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """申报信息表 as .docx: blank without ``data``, else filled with the normalised values."""
    document = new_document(FORM_PAGE, FORM_SIZES)
    add_title(document, spec.heading, spec.title, FORM_SIZES.title, FORM_PAGE)
    table = _new_table(document)
    for section, fields in spec.by_section():
        if not fields:
            continue
        _section_row(table, section)
        for row in layout_rows(fields):
            _write_row(table, row, data)
    close_tables(document.element.body)
    drop_styles_with_effects(document)
    return save(document, spec.title)


BLANK_TABLE_ROWS = 5
TABLE_MM = 156.0


def spec_docx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """Any spec's form as .docx (a drafted one): the fields as in 申报信息表, then the
    spec's repeating table under its caption, a row per item (blank: a few empty rows)."""
    document = new_document(FORM_PAGE, FORM_SIZES)
    add_title(document, spec.heading, spec.title, FORM_SIZES.title, FORM_PAGE)
    table = _new_table(document)
    for section, fields in spec.by_section():
        if fields:
            _section_row(table, section)
            for row in layout_rows(fields):
                _write_row(table, row, data)
    if spec.table is not None and spec.columns:
        _rows_table(document, spec, data)
    return save(document, spec.title)


def _rows_table(document: Document, spec: FormSpec, data: Mapping[str, object] | None) -> None:
    assert spec.table is not None
    add_text(document, spec.table.label, HEADING_2)
    widths = [TABLE_MM / len(spec.columns)] * len(spec.columns)
    grid = new_table(document, widths)
    spans = [1] * len(spec.columns)
    for cell, column in zip(add_row(grid, widths, spans, ROW_MM), spec.columns, strict=True):
        _label(cell, column.label)
    items = _rows(data, spec.table.key)
    for item in items or [{}] * BLANK_TABLE_ROWS:
        for cell, column in zip(add_row(grid, widths, spans, ROW_MM), spec.columns, strict=True):
            text = field_text(column.kind, item.get(column.key)) if column.key in item else ""
            styled(cell.paragraphs[0], VALUE).add_run(text)


# -- layout -----------------------------------------------------------------------------------


def layout_rows(fields: Sequence[Field]) -> list[Row]:
    """The printed rows of one section, in spec order; short fields paired up, except that
    two months in a row (实施期起 / 止) always share a row."""
    items = [i if isinstance(i, Row) else Row(shape_of(i), (i,)) for i in _grouped(fields)]
    rows: list[Row] = []
    pending: Field | None = None
    for n, item in enumerate(items):
        if item.shape != "pair":
            rows.extend(_alone(pending))
            rows.append(item)
            pending = None
        elif pending is None:
            pending = item.fields[0]
        elif _starts_month_couple(items, n) and pending.kind != "month":
            rows.extend(_alone(pending))
            pending = item.fields[0]
        else:
            rows.append(Row("pair", (pending, item.fields[0])))
            pending = None
    rows.extend(_alone(pending))
    return rows


def _alone(field: Field | None) -> list[Row]:
    return [] if field is None else [Row("wide", (field,))]


def _starts_month_couple(items: Sequence[Row], n: int) -> bool:
    nxt = items[n + 1] if n + 1 < len(items) else None
    return (
        items[n].fields[0].kind == "month"
        and nxt is not None
        and nxt.shape == "pair"
        and nxt.fields[0].kind == "month"
    )


def _grouped(fields: Sequence[Field]) -> Iterator[Field | Row]:
    """Fields one by one, except a group's fields, which come together at the first of them."""
    done: set[str] = set()
    for f in fields:
        if f.group is None:
            yield f
        elif f.group not in done:
            done.add(f.group)
            yield Row("group", tuple(g for g in fields if g.group == f.group), f.group)


def shape_of(field: Field) -> str:
    """pair (half a row), wide (a row), longlabel (a long label, a short value) or tall."""
    if field.kind == "longtext":
        return "tall"
    long_text = len(field.hint) > MAX_PAIR_HINT or len(str(field.example or "")) > MAX_PAIR_EXAMPLE
    if field.kind in WIDE_KINDS or (field.kind not in SHORT_KINDS and long_text):
        return "wide"
    if len(field.label) > MAX_PAIR_LABEL:
        return "longlabel"
    return "pair"


# -- table --------------------------------------------------------------------------------------


def _new_table(document: Document) -> Table:
    return new_table(document, GRID_MM)


def _add_row(table: Table, spans: Sequence[int], height_mm: float = ROW_MM) -> list[_Cell]:
    return add_row(table, GRID_MM, spans, height_mm)


def _section_row(table: Table, name: str) -> None:
    (cell,) = _add_row(table, (len(GRID_MM),), SECTION_ROW_MM)
    paragraph = styled(cell.paragraphs[0], SECTION)
    paragraph.paragraph_format.keep_with_next = True  # never last on a page
    paragraph.add_run(name)
    shade(cell, SECTION_FILL)


def _write_row(table: Table, row: Row, data: Mapping[str, object] | None) -> None:
    if row.shape == "group":
        _group_rows(table, row, data)
        return
    height = TALL_ROW_MM if row.shape == "tall" else ROW_MM
    if row.shape == "pair":
        first, second = row.fields
        cells = _add_row(table, (2, 1, 1, 1), height)
        _label(cells[0], first.label)
        _value(cells[1], first, data)
        _label(cells[2], second.label)
        _value(cells[3], second, data)
        return
    spans = (4, 1) if row.shape == "longlabel" else (2, 3)
    label, value = _add_row(table, spans, height)
    _label(label, row.fields[0].label)
    _value(value, row.fields[0], data)


def _group_rows(table: Table, row: Row, data: Mapping[str, object] | None) -> None:
    """The group name merged down column 0; sub-label/value pairs beside it, two a row."""
    members = list(row.fields)
    for n in range(0, len(members), 2):
        pair = members[n : n + 2]
        cells = _add_row(table, (1, 1, 1, 1, 1) if len(pair) == 2 else (1, 1, 3))
        merge_down(cells[0], first=n == 0)
        if n == 0:
            _label(cells[0], row.group)
        _label(cells[1], _sublabel(pair[0]))
        _value(cells[2], pair[0], data)
        if len(pair) == 2:
            _label(cells[3], _sublabel(pair[1]))
            _value(cells[4], pair[1], data)


def _sublabel(field: Field) -> str:
    return field.sublabels[0] if field.sublabels else field.label


def _label(cell: _Cell, text: str) -> None:
    styled(cell.paragraphs[0], LABEL).add_run(text)


def _value(cell: _Cell, field: Field, data: Mapping[str, object] | None) -> None:
    paragraph = styled(cell.paragraphs[0], VALUE)
    value = None if data is None else data.get(field.key)
    if value is not None:
        paragraph.add_run(field_text(field.kind, value, field.allowed))
        return
    if field.kind == "bool":
        paragraph.add_run(bool_text(None))
    elif field.kind == "choice" and field.allowed:
        paragraph.add_run(options_text(field.allowed))
    elif field.kind == "date" and not field.hint:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(DATE_PLACEHOLDER)
    if field.hint:
        _hint(cell, field)


def _hint(cell: _Cell, field: Field) -> None:
    """The hint, ``（hint）`` in grey; under a long text it sits at the bottom right."""
    paragraph = cell.paragraphs[-1]
    if paragraph.text:
        paragraph.add_run("　")
    if field.kind == "longtext":
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hint_run(paragraph, f"（{field.hint}）")


# -- the plan -----------------------------------------------------------------------------------


class _PlanWords(TypedDict):  # vocabulary/writers.yaml: plan
    outline_suffix: str
    outline_note: str
    part_hint: str
    sub_numerals: list[str]
    blank_uses: list[str]
    total: str


PLAN_WORDS = word_section("writers", "plan", _PlanWords)
NUMERALS = word("normalize", "numbering_digits")  # 一、 二、
SUB_NUMERALS: tuple[str, ...] = tuple(PLAN_WORDS["sub_numerals"])
PLAN_PAGE = Page(top=37, bottom=35, left=28, right=26)
PLAN_SIZES = Sizes(body=16, title=22, table=14, hint=14, line=28.95, indent=True)
FUND_COLUMNS_MM, FUND_ROW_MM = (96.0, 60.0), 9.0
BLANK_USES: tuple[str, ...] = tuple(PLAN_WORDS["blank_uses"])
OUTLINE_NOTE: str = PLAN_WORDS["outline_note"]
INFO_BLANK = "　" * 16


def plan_docx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """两年期实施方案: blank, the 编制提纲 (the numbered part headings, each with its 编写要点,
    and the fund-use table); filled, the plan with each part's text under its heading.

    The goal fields (第一年目标 …) become sub-headings of the part their hint names
    (“写在‘实施目标’部分”); the fund-use table goes under the part its label or aliases name.
    """
    document = new_document(PLAN_PAGE, PLAN_SIZES)
    suffix = "" if data is not None else PLAN_WORDS["outline_suffix"]
    add_title(document, spec.heading + suffix, spec.title + suffix, PLAN_SIZES.title, PLAN_PAGE)
    for f in spec.fields:
        if f.kind != "longtext":
            _info_line(document, f, data)
    if data is None:
        hint_run(document.add_paragraph(), OUTLINE_NOTE.format(count=NUMERALS[len(spec.parts) - 1]))
    texts = (data or {}).get("sections") or {}
    if not isinstance(texts, Mapping):
        raise TypeError("data: sections is not a mapping of part texts")
    homes, table_home = _goal_homes(spec), _table_home(spec)
    for n, part in enumerate(spec.parts):
        add_text(document, f"{NUMERALS[n]}、{part.label}", HEADING_1)
        _part_body(document, part, str(texts.get(part.key) or ""), data is None)
        _year_goals(document, [f for f, home in homes if home == part.key], data)
        if part.key == table_home:
            _fund_table(document, spec, data)
    close_tables(document.element.body)
    drop_styles_with_effects(document)
    return save(document, spec.title)


def _table_home(spec: FormSpec) -> str | None:
    """The part the fund-use table belongs under: the one whose hint names the table's
    uses (直接补助、绩效奖励……), else the one whose heading is closest to the table's name."""
    if spec.table is None or len(spec.columns) < 2 or not spec.parts:
        return None
    for part in spec.parts:
        if any(str(option) in part.hint for option in spec.columns[0].allowed):
            return part.key
    label = spec.table.label
    return max(spec.parts, key=lambda p: _shared_prefix(p.label, label)).key


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _goal_homes(spec: FormSpec) -> list[tuple[Field, str]]:
    """Each goal field with the key of the part its hint names (else the last part)."""
    goals = [f for f in spec.fields if f.kind == "longtext"]
    last = spec.parts[-1].key if spec.parts else ""
    return [(f, next((p.key for p in spec.parts if p.label in f.hint), last)) for f in goals]


def _info_line(document: Document, field: Field, data: Mapping[str, object] | None) -> None:
    """``开发区名称：value`` under the title; blank, an underlined gap to write on."""
    paragraph = document.add_paragraph(f"{field.label}：")
    paragraph.paragraph_format.first_line_indent = 0
    value = None if data is None else data.get(field.key)
    if value is None:
        paragraph.add_run(INFO_BLANK).underline = True
    else:
        paragraph.add_run(field_text(field.kind, value, field.allowed))


def _part_body(document: Document, part: Field, text: object, blank: bool) -> None:
    if text:
        for line in str(text).splitlines():
            if line.strip():
                document.add_paragraph(line.strip())
    elif blank and part.hint:
        paragraph = document.add_paragraph()
        hint_run(paragraph, PLAN_WORDS["part_hint"].format(hint=part.hint))


def _year_goals(
    document: Document, goals: Sequence[Field], data: Mapping[str, object] | None
) -> None:
    """Goal fields as numbered sub-headings with their text. Always written: a reader finds
    the goals by these headings, even when the part's own text happens to repeat them."""
    if not goals:
        return
    for n, f in enumerate(goals):
        add_text(document, f"{SUB_NUMERALS[n]}{f.label}", HEADING_2)
        value = None if data is None else data.get(f.key)
        if value:
            for line in str(value).splitlines():
                if line.strip():
                    document.add_paragraph(line.strip())


def _fund_table(document: Document, spec: FormSpec, data: Mapping[str, object] | None) -> None:
    """用途 | 金额（万元）: the uses given, or the usual three to fill in; then 合计."""
    use, amount = spec.columns[0], spec.columns[1]
    rows = _rows(data, spec.table.key if spec.table else "")
    if data is not None and not rows:
        return  # a filled plan without fund uses has no table to show
    table = new_table(document, FUND_COLUMNS_MM, outer=False)
    _fund_row(table, use.label, amount.label, LABEL)
    for item in rows:
        _fund_row(table, str(item.get(use.key, "")), field_text(amount.kind, item.get(amount.key)))
    for name in () if rows else (use.allowed or BLANK_USES):
        _fund_row(table, str(name), "")
    total = sum(_float(item.get(amount.key) or 0) for item in rows)
    total_text = field_text(amount.kind, total) if rows else ""
    _fund_row(table, PLAN_WORDS["total"], total_text, LABEL, last=True)


def _fund_row(table: Table, left: str, right: str, style: str = VALUE, last: bool = False) -> None:
    cells = add_row(table, FUND_COLUMNS_MM, (1, 1), FUND_ROW_MM)
    for cell, text, own in zip(cells, (left, right), (LABEL, style), strict=True):
        paragraph = styled(cell.paragraphs[0], own)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = not last  # the table stays on one page
        paragraph.add_run(text)


def _rows(data: Mapping[str, object] | None, key: str) -> list[Mapping[str, object]]:
    """A table's rows in a record's data (Record.data(): a list of dicts)."""
    rows = (data or {}).get(key) or []
    if not isinstance(rows, list | tuple) or not all(isinstance(r, Mapping) for r in rows):
        raise TypeError(f"data: {key} is not a list of rows")
    return list(rows)


def _float(value: object) -> float:
    if not isinstance(value, SupportsFloat | str):
        raise TypeError(f"not a number: {value!r}")
    return float(value)
