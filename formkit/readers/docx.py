"""Read a .docx into the neutral :class:`~formkit.readers.model.Document` by walking its XML.

Blocks come in body order: paragraphs (text, heading level from the paragraph's or its
style's outline level, or a style named ``Heading N`` / ``标题 N``) and tables. A table is a
list of origin cells with real spans from ``w:gridSpan`` and ``w:vMerge``, placed on the
grid after ``w:gridBefore`` columns; rows may hold fewer cells than the grid.

What a clerk sees is what is read: content controls (``w:sdt``) in every placement are
transparent, an empty control's placeholder text reads as empty, checkboxes (w14 content
controls and legacy FORMCHECKBOX fields) become ``☑``/``☐``, legacy FORMTEXT fields give
their result, tracked changes read as accepted (one ``tracked-changes`` note), text boxes
and ``mc:AlternateContent`` are read once.

Locations: a top-level table is ``Location(table=n)`` (n counts top-level tables from 1) and
its cells ``Location(table=n, row=r+1, col=c+1)`` on grid coordinates. A nested table, its
cells, and tables nested deeper all carry the location of the *top-level* cell that holds
them (``表1 第3行第2列``); their own grid position is in ``Cell.row``/``Cell.col``. Body
paragraphs are ``Location(paragraph=k)``, k counting body paragraphs (empty ones too) from 1.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from formkit.findings import finding
from formkit.readers.model import CHECKED, UNCHECKED, Cell, Document, Location, Paragraph, Table
from formkit.readers.ooxml import Package, fail, is_on, local_name, open_package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

MAX_SPAN = 64  # a w:gridSpan/w:gridBefore beyond Word's 63 columns is corrupt; clamp it
MAX_CELLS = 200_000  # table cells per document


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


BODY, P, R, T, TBL, TR, TC = (_w(n) for n in ("body", "p", "r", "t", "tbl", "tr", "tc"))
SDT, SDT_PR, SDT_CONTENT = _w("sdt"), _w("sdtPr"), _w("sdtContent")
SHOWING_PLACEHOLDER = _w("showingPlcHdr")
INS, DEL, MOVE_TO, MOVE_FROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
CUSTOM_XML = _w("customXml")
PPR, RPR, TCPR, TRPR, SDT_END_PR = (_w(n) for n in ("pPr", "rPr", "tcPr", "trPr", "sdtEndPr"))
P_STYLE, OUTLINE, SYM = _w("pStyle"), _w("outlineLvl"), _w("sym")
NAME, BASED_ON, STYLE_ID, STYLE_TYPE = _w("name"), _w("basedOn"), _w("styleId"), _w("type")
GRID_SPAN, V_MERGE, H_MERGE = _w("gridSpan"), _w("vMerge"), _w("hMerge")
GRID_BEFORE, GRID_AFTER = _w("gridBefore"), _w("gridAfter")
FLD_CHAR, FF_DATA = _w("fldChar"), _w("ffData")
TXBX = _w("txbxContent")
VAL = _w("val")
ALTERNATE = f"{{{MC_NS}}}AlternateContent"
M_T = f"{{{M_NS}}}t"
W14_CHECKBOX, W14_CHECKED, W14_VAL = (f"{{{W14_NS}}}{n}" for n in ("checkbox", "checked", "val"))

# Inline elements that carry no readable text (properties, marks, references, ruby text).
_INLINE_SKIP = {
    _w(n)
    for n in (
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "rt",
        "instrText",
        "delText",
        "delInstrText",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "lastRenderedPageBreak",
        "annotationRef",
        "fldData",
    )
}
_BREAKS = {
    _w("br"): "\n",
    _w("cr"): "\n",
    _w("tab"): "\t",
    _w("ptab"): "\t",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
}
_EMBEDS = {_w("drawing"), _w("pict"), _w("object")}
# Symbol-font checkbox glyphs (w:sym font + char) as Word's Insert Symbol writes them.
_SYMBOLS = {
    ("wingdings", "F0FE"): CHECKED,
    ("wingdings", "F078"): "☒",
    ("wingdings", "F0A8"): UNCHECKED,
    ("wingdings", "F06F"): UNCHECKED,
    ("wingdings", "F0FC"): "√",
    ("wingdings 2", "F052"): CHECKED,
    ("wingdings 2", "F054"): "☒",
    ("wingdings 2", "F0A3"): UNCHECKED,
    ("wingdings 2", "F050"): "√",
}
STYLE_CACHE_SIZE = 64
_STYLE_CACHE: dict[tuple[int, int, int], _Styles] = {}
_STYLE_CACHE_LOCK = threading.Lock()
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def read_docx(source: str | Path | bytes, name: str) -> Document:
    """Read a .docx (path or bytes); ``name`` is the file as the user gave it (for errors)."""
    package = open_package(source, name)
    main = package.main_part()
    root = package.xml(main)
    if local_name(root.tag) != "document":
        raise fail(name, "file-unknown-type", f"{main} 不是 Word 文档正文")
    reader = _DocxReader(name)
    body = root.find(BODY)
    doc = Document(name, "docx")
    if body is not None:
        reader.read_body(body, doc)
    if reader.styled:
        _apply_styles(reader.styled, _read_styles(package, main, {s for _, s in reader.styled}))
    if reader.tracked:
        doc.notes.append(finding("tracked-changes"))
    return doc


# --- styles ---------------------------------------------------------------------------------


class _Styles:
    """Paragraph styles: id → display name and heading level (outline level, basedOn chain)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.own_levels: dict[str, int | None] = {}
        self.based_on: dict[str, str] = {}
        self.complete = False  # the whole styles part was read

    def covers(self, wanted: set[str]) -> bool:
        """True when every wanted style and its basedOn chain is known."""
        if self.complete:
            return True
        for style_id in wanted:
            current, seen = style_id, set()
            while current and current not in seen:
                if current not in self.names:
                    return False
                seen.add(current)
                current = self.based_on[current]
        return True

    def add(self, style: etree._Element) -> str:
        """Record one ``w:style``; returns the style it is based on ("" if none)."""
        style_id = style.get(STYLE_ID) or ""
        based = ""
        for child in style:
            if child.tag == NAME:
                self.names[style_id] = child.get(VAL) or style_id
            elif child.tag == BASED_ON:
                based = child.get(VAL) or ""
            elif child.tag == PPR:
                self.own_levels[style_id] = _outline_level(child)
        self.names.setdefault(style_id, style_id)
        self.based_on[style_id] = based
        return based

    def level(self, style_id: str) -> int:
        """Heading level of a style: its (inherited) outline level, or a heading-like name."""
        seen: set[str] = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            own = self.own_levels.get(current)
            if own is not None:
                return own
            match = _HEADING_NAME.match(self.names.get(current, "").strip())
            if match:
                return int(match.group(1))
            current = self.based_on.get(current, "")
        return 0


def _read_styles(package: Package, main: str, wanted: set[str]) -> _Styles:
    """The paragraph styles in ``wanted`` and their ancestors.

    styles.xml is streamed only as far as needed (Word writes paragraph styles first), and
    what was read is kept per part checksum: forms made from one template share a styles
    part, and python-docx's template carries 350 KB of styles (≈ 4 ms to parse each time).
    """
    part = next(
        (
            rel.target
            for rel in package.rels(main)
            if rel.is_type("styles") and not rel.external and package.has(rel.target)
        ),
        None,
    )
    if part is None:
        return _Styles()
    key = package.fingerprint(part)
    cached = _STYLE_CACHE.get(key) if key is not None else None
    if cached is not None and cached.covers(wanted):
        return cached
    styles = _scan_styles(package, part, wanted)
    if key is not None:
        with _STYLE_CACHE_LOCK:
            while len(_STYLE_CACHE) >= STYLE_CACHE_SIZE:
                _STYLE_CACHE.pop(next(iter(_STYLE_CACHE)))
            _STYLE_CACHE[key] = styles
    return styles


def _scan_styles(package: Package, part: str, wanted: set[str]) -> _Styles:
    styles = _Styles()
    pending = set(wanted)
    for style in package.iter_elements(part, "style"):
        if style.get(STYLE_TYPE) != "paragraph":
            continue
        style_id = style.get(STYLE_ID) or ""
        based = styles.add(style)
        pending.discard(style_id)
        if based and based not in styles.names:
            pending.add(based)
        if not pending:
            return styles
    styles.complete = True
    return styles


def _outline_level(ppr: etree._Element | None) -> int | None:
    """w:outlineLvl 0–8 → heading level 1–9; 9 (body text) → 0; absent → None."""
    el = _child(ppr, OUTLINE) if ppr is not None else None
    if el is None:
        return None
    try:
        value = int(el.get(VAL) or "9")
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else 0


def _apply_styles(styled: list[tuple[Paragraph, str]], styles: _Styles) -> None:
    for paragraph, style_id in styled:
        paragraph.style = styles.names.get(style_id, style_id)
        if paragraph.level < 0:
            paragraph.level = styles.level(style_id)


# --- fields, checkboxes, content controls ---------------------------------------------------


class _Field:
    """One complex field (fldChar begin … separate … end) being read."""

    __slots__ = ("in_result", "suppress")

    def __init__(self, suppress: bool) -> None:
        self.in_result = False
        self.suppress = suppress  # a checkbox or drop-down: its display came from w:ffData


def _form_field_text(ff_data: etree._Element | None) -> str | None:
    """The display of a legacy FORMCHECKBOX (☑/☐) or FORMDROPDOWN (the chosen entry)."""
    if ff_data is None:
        return None
    box = ff_data.find(_w("checkBox"))
    if box is not None:
        state = box.find(_w("checked"))
        if state is None:
            state = box.find(_w("default"))
        return CHECKED if state is not None and is_on(state.get(VAL)) else UNCHECKED
    drop = ff_data.find(_w("ddList"))
    if drop is not None:
        entries = [e.get(VAL) or "" for e in drop.iterchildren(_w("listEntry"))]
        chosen = drop.find(_w("result"))
        if chosen is None:
            chosen = drop.find(_w("default"))
        index = _int(chosen.get(VAL) if chosen is not None else None, 0)
        return entries[index] if 0 <= index < len(entries) else ""
    return None


def _sdt_state(sdt: etree._Element) -> tuple[bool, str | None]:
    """(showing placeholder?, checkbox glyph or None) for a content control."""
    props = _first(sdt, SDT_PR)
    if props is None:
        return False, None
    placeholder = _child(props, SHOWING_PLACEHOLDER)
    box = _child(props, W14_CHECKBOX)
    glyph = None
    if box is not None:
        checked = box.find(W14_CHECKED)
        on = checked is not None and is_on(checked.get(W14_VAL, checked.get(VAL)))
        glyph = CHECKED if on else UNCHECKED
    return placeholder is not None and is_on(placeholder.get(VAL)), glyph


def _alternate(el: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    for child in el:
        if local_name(child.tag) in ("Choice", "Fallback"):
            return child
    return None


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child if it is ``tag`` (property elements always come first)."""
    for child in el:
        return child if child.tag == tag else None
    return None


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child named ``tag`` (a plain loop: several times faster than ``find``)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --- the reader -----------------------------------------------------------------------------


class _DocxReader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tracked = False
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
                content = _child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content, hidden or _sdt_state(child)[0])
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                self.tracked = self.tracked or tag != CUSTOM_XML
                yield from self.blocks(child, hidden)
            elif tag in (DEL, MOVE_FROM):
                self.tracked = True
            elif tag == ALTERNATE:
                branch = _alternate(child)
                if branch is not None:
                    yield from self.blocks(branch, hidden)

    def paragraph(self, p: etree._Element, hidden: bool, location: Location) -> Paragraph:
        """A body paragraph; its style name and style-based level are filled in later."""
        ppr = _first(p, PPR)
        style_el = _child(ppr, P_STYLE) if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        level = _outline_level(ppr)
        paragraph = Paragraph(self.text(p, hidden), location, level or 0, style_id)
        if style_id:
            self.styled.append((paragraph, style_id))
            if level is None:
                paragraph.level = -1  # from the style
        return paragraph

    def text(self, p: etree._Element, hidden: bool) -> str:
        if hidden:
            return ""
        out: list[str] = []
        self.inline(p, out, [])
        return "".join(out).replace("\u00ad", "")

    # inline content

    def inline(self, parent: etree._Element, out: list[str], fields: list[_Field]) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self.run(child, out, fields)
            elif tag in _INLINE_SKIP or not isinstance(tag, str):
                continue
            elif tag == SDT:
                self.inline_sdt(child, out, fields)
            elif tag in (DEL, MOVE_FROM):
                self.tracked = True
            elif tag == ALTERNATE:
                branch = _alternate(child)
                if branch is not None:
                    self.inline(branch, out, fields)
            elif tag == M_T:
                if _showing(fields):
                    out.append(child.text or "")
            else:  # ins, moveTo, hyperlink, fldSimple, smartTag, customXml, math, ruby …
                self.tracked = self.tracked or tag in (INS, MOVE_TO)
                self.inline(child, out, fields)

    def inline_sdt(self, sdt: etree._Element, out: list[str], fields: list[_Field]) -> None:
        placeholder, glyph = _sdt_state(sdt)
        if glyph is not None:
            if _showing(fields):
                out.append(glyph)
            return
        content = _child(sdt, SDT_CONTENT)
        if content is not None and not placeholder:
            self.inline(content, out, fields)

    def run(self, r: etree._Element, out: list[str], fields: list[_Field]) -> None:
        for child in r:
            tag = child.tag
            if tag == T:
                if not fields or _showing(fields):
                    out.append(child.text or "")
            elif tag == RPR:
                continue
            elif tag == FLD_CHAR:
                self.field_char(child, out, fields)
            elif fields and not _showing(fields):
                continue
            elif tag in _BREAKS:
                out.append(_BREAKS[tag])
            elif tag == SYM:
                out.append(_symbol(child))
            elif tag in _EMBEDS:
                self.textboxes(child, out)
            elif tag == ALTERNATE:
                branch = _alternate(child)
                if branch is not None:
                    self.run(branch, out, fields)

    def field_char(self, el: etree._Element, out: list[str], fields: list[_Field]) -> None:
        kind = el.get(_w("fldCharType"))
        if kind == "begin":
            display = _form_field_text(el.find(FF_DATA))
            if display is not None and _showing(fields):
                out.append(display)
            fields.append(_Field(suppress=display is not None))
        elif kind == "separate" and fields:
            fields[-1].in_result = True
        elif kind == "end" and fields:
            fields.pop()

    def textboxes(self, embed: etree._Element, out: list[str]) -> None:
        """Text boxes inside a drawing/picture, read once (outermost txbxContent only)."""
        for box in embed.iter(TXBX):
            if any(True for _ in box.iterancestors(TXBX)):
                continue
            text = self.flat_text(box)
            if text:
                out.append(("\n" if out else "") + text)

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
                content = _child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.rows(content, hidden or _sdt_state(child)[0])
            elif tag == CUSTOM_XML:
                yield from self.rows(child, hidden)

    def row_cells(self, tr: etree._Element, hidden: bool) -> Iterator[tuple[etree._Element, bool]]:
        for child in tr:
            tag = child.tag
            if tag == TC:
                yield child, hidden
            elif tag == SDT:
                content = _child(child, SDT_CONTENT)
                if content is not None:
                    yield from self.row_cells(content, hidden or _sdt_state(child)[0])
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
            raise fail(self.name, "file-too-large", f"表格单元格超过 {MAX_CELLS} 个")
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


def _showing(fields: list[_Field]) -> bool:
    """Outside every field, or inside their results (not instructions, not ffData displays)."""
    return all(f.in_result and not f.suppress for f in fields)


def _cell_props(tc: etree._Element) -> tuple[int, str | None, str | None]:
    """(grid span, vMerge "restart"/"continue"/None, hMerge likewise) of a w:tc."""
    props = _first(tc, TCPR)
    span, v_merge, h_merge = 1, None, None
    if props is not None:
        for el in props:
            tag = el.tag
            if tag == GRID_SPAN:
                span = min(max(_int(el.get(VAL), 1), 1), MAX_SPAN)
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
                    before = min(max(_int(el.get(VAL), 0), 0), MAX_SPAN)
                elif tag == GRID_AFTER:
                    after = min(max(_int(el.get(VAL), 0), 0), MAX_SPAN)
                elif tag == DEL:
                    deleted = True
            break
        if child.tag == TC:
            break
    return before, after, deleted


def _symbol(sym: etree._Element) -> str:
    """A w:sym character: known checkbox glyphs of symbol fonts, else the code point itself."""
    font = (sym.get(_w("font")) or "").strip().lower()
    code = (sym.get(_w("char")) or "").strip().upper()
    if len(code) == 2:
        code = "F0" + code
    known = _SYMBOLS.get((font, code))
    if known is not None:
        return known
    value = _int_hex(code)
    if value is None or 0xE000 <= value <= 0xF8FF or value > 0x10FFFF:
        return ""  # a private-use symbol-font glyph with no known meaning
    return chr(value)


def _int_hex(code: str) -> int | None:
    try:
        return int(code, 16)
    except ValueError:
        return None
