"""Read a .docx into the neutral :class:`~formkit.model.document.Document` by walking its XML.

Blocks come in body order: paragraphs (text, heading level from the paragraph's or its
style's outline level, or a style named ``Heading N`` / ``标题 N``) and tables. A table is a
list of origin cells with real spans from ``w:gridSpan`` and ``w:vMerge``, placed on the
grid after ``w:gridBefore`` columns; rows may hold fewer cells than the grid.

Paragraph text is what a clerk sees (content controls, fields, checkboxes, text boxes,
``mc:AlternateContent``): :mod:`formkit.readers.docx_text`. Tracked changes read as accepted,
with one ``tracked-changes`` note. Style names and style-based heading levels:
:mod:`formkit.readers.docx_styles`.

Locations: a top-level table is ``Location(table=n)`` (n counts top-level tables from 1) and
its cells ``Location(table=n, row=r+1, col=c+1)`` on grid coordinates. A nested table, its
cells, and tables nested deeper all carry the location of the *top-level* cell that holds
them (``表1 第3行第2列``); their own grid position is in ``Cell.row``/``Cell.col``. Body
paragraphs are ``Location(paragraph=k)``, k counting body paragraphs (empty ones too) from 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from formkit.model.document import Cell, Document, Location, Paragraph, Table
from formkit.model.findings import finding
from formkit.readers.docx_styles import StyleCache, apply_styles, outline_level, read_styles
from formkit.readers.docx_text import (
    ALTERNATE,
    DEL,
    INS,
    MOVE_FROM,
    MOVE_TO,
    PPR,
    SDT,
    SDT_CONTENT,
    VAL,
    InlineReader,
    alternate_branch,
    find_child,
    first_child,
    sdt_state,
    to_int,
    w_tag,
)
from formkit.readers.ooxml import Package, fail, local_name, open_package

MAX_SPAN = 64  # a w:gridSpan/w:gridBefore beyond Word's 63 columns is corrupt; clamp it
MAX_CELLS = 200_000  # table cells per document

BODY, P, TBL, TR, TC = (w_tag(n) for n in ("body", "p", "tbl", "tr", "tc"))
CUSTOM_XML = w_tag("customXml")
TCPR, TRPR, P_STYLE = w_tag("tcPr"), w_tag("trPr"), w_tag("pStyle")
GRID_SPAN, V_MERGE, H_MERGE = w_tag("gridSpan"), w_tag("vMerge"), w_tag("hMerge")
GRID_BEFORE, GRID_AFTER = w_tag("gridBefore"), w_tag("gridAfter")

# Paragraph styles read so far, per styles part: forms made from one template share theirs.
_STYLE_CACHE: StyleCache = {}


def read_docx(source: str | Path | bytes, name: str) -> Document:
    """Read a .docx (path or bytes); ``name`` is the file as the user gave it (for errors)."""
    package = open_package(source, name)
    main = package.main_part()
    root = package.xml(main)
    if local_name(root.tag) != "document":
        raise fail(name, "file-unknown-type", reason="not-word-main", part=main)
    reader = _DocxReader(name)
    body = root.find(BODY)
    doc = Document(name, "docx")
    if body is not None:
        reader.read_body(body, doc)
    if reader.styled:
        wanted = {s for _, s in reader.styled}
        apply_styles(reader.styled, read_styles(package, main, wanted, _STYLE_CACHE))
    _headers_footers(package, main, reader, doc)
    _refuse_pictures_only(package, main, doc)
    if reader.tracked:
        doc.notes.append(finding("tracked-changes"))
    return doc


def _refuse_pictures_only(package: Package, main: str, doc: Document) -> None:
    """A document whose text is all in pictures (a scan pasted into Word) needs a person,
    as a scanned PDF does: the reading says so, and the pipeline refuses it."""
    if _has_text(doc.blocks):
        return
    pictures = sum(1 for rel in package.rels(main) if rel.is_type("image"))
    if pictures:
        doc.notes.append(finding("file-docx-pictures", detail=str(pictures)))


def _has_text(blocks: list[Paragraph | Table]) -> bool:
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                return True
        elif any(c.text.strip() or _has_text(list(c.tables)) for c in block.cells):
            return True
    return False


def _headers_footers(package: Package, main: str, reader: _DocxReader, doc: Document) -> None:
    """The text of every page header and footer part (first, even and default pages alike),
    each line once: a 填报单位 typed in the header belongs to the form."""
    for rel in package.rels(main):
        area = "header" if rel.is_type("header") else "footer" if rel.is_type("footer") else ""
        if not area or rel.external or not package.has(rel.target):
            continue
        into = doc.headers if area == "header" else doc.footers
        seen = {p.text for p in into}
        for line in reader.flat_text(package.xml(rel.target)).splitlines():
            if line.strip() and line not in seen:
                seen.add(line)
                into.append(Paragraph(line, Location(paragraph=len(into) + 1, area=area)))


# --- the reader -----------------------------------------------------------------------------


class _DocxReader(InlineReader):
    """Blocks and tables of one document (paragraph text: :class:`InlineReader`)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.n_cells = 0
        self.styled: list[tuple[Paragraph, str]] = []  # body paragraphs and their style ids

    # blocks

    def read_body(self, body: etree._Element, doc: Document) -> None:
        n_paragraphs = n_tables = 0
        for el, hidden in self.blocks(body, False):
            if el.tag == P:
                n_paragraphs += 1
                doc.blocks.append(self.paragraph(el, hidden, Location(paragraph=n_paragraphs)))
            else:
                n_tables += 1
                doc.blocks.append(self.table(el, hidden, n_tables, None))

    def blocks(self, parent: etree._Element, hidden: bool) -> Iterator[tuple[etree._Element, bool]]:
        """Block-level paragraphs and tables, seen through sdt, customXml, revisions, mc."""
        for child in parent:
            tag = child.tag
            if tag in (P, TBL):
                yield child, hidden
            elif tag == SDT:
                content = find_child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content, hidden or sdt_state(child)[0])
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                self.tracked = self.tracked or tag != CUSTOM_XML
                yield from self.blocks(child, hidden)
            elif tag in (DEL, MOVE_FROM):
                self.tracked = True
            elif tag == ALTERNATE:
                branch = alternate_branch(child)
                if branch is not None:
                    yield from self.blocks(branch, hidden)

    def paragraph(self, p: etree._Element, hidden: bool, location: Location) -> Paragraph:
        """A body paragraph; its style name and style-based level are filled in later."""
        ppr = first_child(p, PPR)
        style_el = find_child(ppr, P_STYLE) if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        level = outline_level(ppr)
        paragraph = Paragraph(self.text(p, hidden), location, level or 0, style_id)
        if style_id:
            self.styled.append((paragraph, style_id))
            if level is None:
                paragraph.level = -1  # from the style
        return paragraph

    def flat_text(self, container: etree._Element) -> str:
        """Blocks of a text box as plain lines (tables: cells joined by tabs)."""
        lines: list[str] = []
        for el, hidden in self.blocks(container, False):
            if el.tag == P:
                lines.append(self.text(el, hidden))
            else:
                table = self.table(el, hidden, 0, Location())
                lines.extend("\t".join(c.text for c in row) for row in table.rows())
        return "\n".join(lines)

    # tables

    def table(
        self, tbl: etree._Element, hidden: bool, number: int, outer: Location | None
    ) -> Table:
        """A table as origin cells; ``outer`` is the top-level cell holding a nested table."""
        cells: list[Cell] = []
        above: dict[int, Cell] = {}  # grid column → cell occupying it in the row above
        n_rows = n_cols = 0
        for tr, row_hidden, grid in self.rows(tbl, hidden):
            row_cells: dict[int, Cell] = {}
            col = grid[0]
            last: Cell | None = None
            for tc, cell_hidden in self.row_cells(tr, row_hidden):
                span, v_merge, h_merge = _cell_props(tc)
                owner = above.get(col) if v_merge == "continue" else None
                if owner is not None and owner.col == col:
                    owner.rowspan = n_rows - owner.row + 1
                    self.merge_text(owner, tc, cell_hidden, number, outer)
                    target = owner
                elif h_merge == "continue" and last is not None:
                    last.colspan += span
                    self.merge_text(last, tc, cell_hidden, number, outer)
                    target = last
                else:
                    target = self.cell(tc, cell_hidden, n_rows, col, span, number, outer)
                    cells.append(target)
                for c in range(col, col + span):
                    row_cells[c] = target
                last = target
                col += span
            n_cols = max(n_cols, col + grid[1])
            above = row_cells
            n_rows += 1
        location = outer if outer is not None else Location(table=number)
        return Table(cells, n_rows, n_cols, location)

    def rows(
        self, tbl: etree._Element, hidden: bool
    ) -> Iterator[tuple[etree._Element, bool, tuple[int, int]]]:
        """Rows (through row-level sdt/customXml) with their (gridBefore, gridAfter)."""
        for child in tbl:
            tag = child.tag
            if tag == TR:
                before, after, deleted = _row_props(child)
                if deleted:
                    self.tracked = True
                else:
                    yield child, hidden, (before, after)
            elif tag == SDT:
                content = find_child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.rows(content, hidden or sdt_state(child)[0])
            elif tag == CUSTOM_XML:
                yield from self.rows(child, hidden)

    def row_cells(self, tr: etree._Element, hidden: bool) -> Iterator[tuple[etree._Element, bool]]:
        for child in tr:
            tag = child.tag
            if tag == TC:
                yield child, hidden
            elif tag == SDT:
                content = find_child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.row_cells(content, hidden or sdt_state(child)[0])
            elif tag == CUSTOM_XML:
                yield from self.row_cells(child, hidden)

    def cell(
        self,
        tc: etree._Element,
        hidden: bool,
        row: int,
        col: int,
        span: int,
        number: int,
        outer: Location | None,
    ) -> Cell:
        self.n_cells += 1
        if self.n_cells > MAX_CELLS:
            raise fail(self.name, "file-too-large", reason="table-cells", limit=MAX_CELLS)
        location = outer or Location(table=number, row=row + 1, col=col + 1)
        text, tables = self.cell_content(tc, hidden, location)
        return Cell(text, row, col, location, colspan=span, tables=tables)

    def cell_content(
        self, tc: etree._Element, hidden: bool, location: Location
    ) -> tuple[str, list[Table]]:
        """Paragraph texts joined by newlines; nested tables apart (their text not repeated)."""
        lines: list[str] = []
        tables: list[Table] = []
        for el, el_hidden in self.blocks(tc, hidden):
            if el.tag == P:
                lines.append(self.text(el, el_hidden))
            else:
                tables.append(self.table(el, el_hidden, location.table or 0, location))
        return "\n".join(lines), tables

    def merge_text(
        self, owner: Cell, tc: etree._Element, hidden: bool, number: int, outer: Location | None
    ) -> None:
        """A merged-away cell normally is empty; keep any text it has on its origin."""
        text, tables = self.cell_content(tc, hidden, owner.location)
        if text.strip():
            owner.text = f"{owner.text}\n{text}" if owner.text else text
        owner.tables.extend(tables)


def _cell_props(tc: etree._Element) -> tuple[int, str | None, str | None]:
    """(grid span, vMerge "restart"/"continue"/None, hMerge likewise) of a w:tc."""
    props = first_child(tc, TCPR)
    span, v_merge, h_merge = 1, None, None
    if props is not None:
        for el in props:
            tag = el.tag
            if tag == GRID_SPAN:
                span = min(max(to_int(el.get(VAL), 1), 1), MAX_SPAN)
            elif tag == V_MERGE:
                v_merge = _merge_kind(el)
            elif tag == H_MERGE:
                h_merge = _merge_kind(el)
    return span, v_merge, h_merge


def _merge_kind(el: etree._Element) -> str:
    return "restart" if el.get(VAL) == "restart" else "continue"


def _row_props(tr: etree._Element) -> tuple[int, int, bool]:
    """(gridBefore, gridAfter, deleted as a tracked change) of a w:tr."""
    before = after = 0
    deleted = False
    for child in tr:
        if child.tag == TRPR:
            for el in child:
                tag = el.tag
                if tag == GRID_BEFORE:
                    before = min(max(to_int(el.get(VAL), 0), 0), MAX_SPAN)
                elif tag == GRID_AFTER:
                    after = min(max(to_int(el.get(VAL), 0), 0), MAX_SPAN)
                elif tag == DEL:
                    deleted = True
            break
        if child.tag == TC:
            break
    return before, after, deleted
