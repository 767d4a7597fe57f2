"""The WordprocessingML names, and the text of a .docx paragraph as a clerk sees it.

Part of :mod:`formkit.readers.docx`, which walks blocks and tables; this module reads what
is inside a paragraph: runs, fields, checkboxes and content controls.

What a clerk sees is what is read: content controls (``w:sdt``) in every placement are
transparent, an empty control's placeholder text reads as empty, checkboxes (w14 content
controls and legacy FORMCHECKBOX fields) become ``☑``/``☐``, legacy FORMTEXT fields give
their result, tracked changes read as accepted (the reader's ``tracked`` flag), text boxes
and ``mc:AlternateContent`` are read once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from lxml import etree

from formkit.model.document import CHECKED, UNCHECKED, symbol_box, symbol_family
from formkit.readers.ooxml import is_on, local_name

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w_tag(name: str) -> str:
    """``name`` in the WordprocessingML namespace, as lxml spells a tag."""
    return f"{{{W_NS}}}{name}"


R, T = w_tag("r"), w_tag("t")
SDT, SDT_PR, SDT_CONTENT = w_tag("sdt"), w_tag("sdtPr"), w_tag("sdtContent")
SHOWING_PLACEHOLDER = w_tag("showingPlcHdr")
INS, DEL, MOVE_TO, MOVE_FROM = w_tag("ins"), w_tag("del"), w_tag("moveTo"), w_tag("moveFrom")
PPR, RPR, SYM = w_tag("pPr"), w_tag("rPr"), w_tag("sym")
FLD_CHAR, FF_DATA = w_tag("fldChar"), w_tag("ffData")
TXBX = w_tag("txbxContent")
VAL = w_tag("val")
ALTERNATE = f"{{{MC_NS}}}AlternateContent"
M_T = f"{{{M_NS}}}t"
W14_CHECKBOX, W14_CHECKED, W14_VAL = (f"{{{W14_NS}}}{n}" for n in ("checkbox", "checked", "val"))

# Inline elements that carry no readable text (properties, marks, references, ruby text).
_INLINE_SKIP = {
    w_tag(n)
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
    w_tag("br"): "\n",
    w_tag("cr"): "\n",
    w_tag("tab"): "\t",
    w_tag("ptab"): "\t",
    w_tag("noBreakHyphen"): "-",
    w_tag("softHyphen"): "",
}
_EMBEDS = {w_tag("drawing"), w_tag("pict"), w_tag("object")}


class InlineReader(ABC):
    """Reads paragraph text; sets ``tracked`` when it meets a tracked change.

    A text box holds whole blocks (paragraphs, tables), so the block reader that subclasses
    this one supplies :meth:`flat_text`.
    """

    def __init__(self) -> None:
        self.tracked = False

    @abstractmethod
    def flat_text(self, container: etree._Element) -> str:
        """Blocks of a text box as plain lines."""

    def text(self, p: etree._Element, hidden: bool) -> str:
        if hidden:
            return ""
        out: list[str] = []
        self.inline(p, out, [])
        return "".join(out).replace("\u00ad", "")

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
                branch = alternate_branch(child)
                if branch is not None:
                    self.inline(branch, out, fields)
            elif tag == M_T:
                if _showing(fields):
                    out.append(child.text or "")
            else:  # ins, moveTo, hyperlink, fldSimple, smartTag, customXml, math, ruby …
                self.tracked = self.tracked or tag in (INS, MOVE_TO)
                self.inline(child, out, fields)

    def inline_sdt(self, sdt: etree._Element, out: list[str], fields: list[_Field]) -> None:
        placeholder, glyph = sdt_state(sdt)
        if glyph is not None:
            if _showing(fields):
                out.append(glyph)
            return
        content = find_child(sdt, SDT_CONTENT)
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
                branch = alternate_branch(child)
                if branch is not None:
                    self.run(branch, out, fields)

    def field_char(self, el: etree._Element, out: list[str], fields: list[_Field]) -> None:
        kind = el.get(w_tag("fldCharType"))
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


# --- fields, checkboxes, content controls ---------------------------------------------------


class _Field:
    """One complex field (fldChar begin … separate … end) being read."""

    __slots__ = ("in_result", "suppress")

    def __init__(self, suppress: bool) -> None:
        self.in_result = False
        self.suppress = suppress  # a checkbox or drop-down: its display came from w:ffData


def _showing(fields: list[_Field]) -> bool:
    """Outside every field, or inside their results (not instructions, not ffData displays)."""
    return all(f.in_result and not f.suppress for f in fields)


def _form_field_text(ff_data: etree._Element | None) -> str | None:
    """The display of a legacy FORMCHECKBOX (☑/☐) or FORMDROPDOWN (the chosen entry)."""
    if ff_data is None:
        return None
    box = ff_data.find(w_tag("checkBox"))
    if box is not None:
        state = box.find(w_tag("checked"))
        if state is None:
            state = box.find(w_tag("default"))
        return CHECKED if state is not None and is_on(state.get(VAL)) else UNCHECKED
    drop = ff_data.find(w_tag("ddList"))
    if drop is not None:
        entries = [e.get(VAL) or "" for e in drop.iterchildren(w_tag("listEntry"))]
        chosen = drop.find(w_tag("result"))
        if chosen is None:
            chosen = drop.find(w_tag("default"))
        index = to_int(chosen.get(VAL) if chosen is not None else None, 0)
        return entries[index] if 0 <= index < len(entries) else ""
    return None


def sdt_state(sdt: etree._Element) -> tuple[bool, str | None]:
    """(showing placeholder?, checkbox glyph or None) for a content control."""
    props = first_child(sdt, SDT_PR)
    if props is None:
        return False, None
    placeholder = find_child(props, SHOWING_PLACEHOLDER)
    box = find_child(props, W14_CHECKBOX)
    glyph = None
    if box is not None:
        checked = box.find(W14_CHECKED)
        on = checked is not None and is_on(checked.get(W14_VAL, checked.get(VAL)))
        glyph = CHECKED if on else UNCHECKED
    return placeholder is not None and is_on(placeholder.get(VAL)), glyph


def _symbol(sym: etree._Element) -> str:
    """A w:sym character: known checkbox glyphs of symbol fonts, else the code point itself."""
    code = (sym.get(w_tag("char")) or "").strip().upper()
    if len(code) == 2:
        code = "F0" + code
    value = _int_hex(code)
    family = symbol_family(sym.get(w_tag("font")) or "")
    known = symbol_box(family, value) if family and value is not None else None
    if known is not None:
        return known
    if value is None or 0xE000 <= value <= 0xF8FF or value > 0x10FFFF:
        return ""  # a private-use symbol-font glyph with no known meaning
    return chr(value)


def _int_hex(code: str) -> int | None:
    try:
        return int(code, 16)
    except ValueError:
        return None


# --- small XML helpers ----------------------------------------------------------------------


def alternate_branch(el: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    for child in el:
        if local_name(child.tag) in ("Choice", "Fallback"):
            return child
    return None


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child if it is ``tag`` (property elements always come first)."""
    for child in el:
        return child if child.tag == tag else None
    return None


def find_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child named ``tag`` (a plain loop: several times faster than ``find``)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def to_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
