"""The layout a rendered notice gets in code, after its template is filled in.

Templates hold no computed layout (a tag inside an attribute is corrupt content to Word), so what
depends on the data is done here, on the rendered ``word/document.xml``:

- the title (``GwTitle``, ``GwAttachTitle``) gets explicit line breaks between words
  (:mod:`formkit.writers.title_lines`);
- the 署名 and the 成文日期 get the right indents their lengths call for (GB/T 9704 §7.3.5.2,
  or §7.3.5.1 with a seal: :func:`formkit.writers.gongwen.closing_indents`);
- the paragraph before the 附件说明 or the 署名 keeps with it, so the 署名 and 成文日期 never
  stand alone on a page (the closing styles keep with each other in ``styles.xml``); a long
  附件说明 may break between its second and its last item, since a chain of kept
  paragraphs longer than a page is broken anywhere (the 成文日期 or the 版记 then stood alone);
- in Chinese text, spaces next to a number go (存在 10 处 → 存在10处), applied to every value
  the data gives (:func:`tidy_value`, the Jinja ``finalize`` hook);
- asked to (``carry``, when the printed 版记 stood alone on its page), the last rows of the
  table before the 版记 go onto a new page (:func:`carry_rows`); else, the last body paragraph
  and the closing do (:func:`carry_closing`).

The XML is handled as text (one search per paragraph touched): the work is a few substitutions,
cheaper than parsing the whole part for each document of a batch.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterable, Mapping

from lxml import etree

from formkit.writers.gongwen import W_NS, closing_indents
from formkit.writers.title_lines import break_title

__all__ = ["carry_closing", "carry_rows", "keep_names", "lay_out", "tidy_text", "tidy_value"]

TITLE_STYLES = ("GwTitle", "GwAttachTitle")
CLOSING_STYLES = ("GwAttachNote", "GwSignature")
ATTACH_ITEM = "GwAttachItem"
# From this many 附件说明 lines on, the list may break across pages: with the heading and last
# paragraph before it, the 署名, 成文日期, 附注 and the 版记 the kept chain nears a page (22 lines).
LONG_ATTACHMENTS = 7
_HAN = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_BEFORE_NUMBER = re.compile(rf"(?<=[{_HAN}])[ \u00a0]+(?=[0-9])")
_SPACE_AFTER_NUMBER = re.compile(rf"(?<=[0-9%])[ \u00a0]+(?=[{_HAN}])")
_STYLE = re.compile(r'<w:pStyle w:val="([^"]+)"\s*/>')
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_RUN_PROPS = re.compile(r"<w:r(?: [^>]*)?>\s*(<w:rPr>.*?</w:rPr>)", re.DOTALL)
_PARA_PROPS = re.compile(r"<w:pPr>.*?</w:pPr>", re.DOTALL)
_OPEN = re.compile(r"<w:p(?: [^>]*)?>")


def tidy_text(text: str) -> str:
    """No space between a Chinese character and a number, either side (GB/T 9704 body text)."""
    return _SPACE_AFTER_NUMBER.sub("", _SPACE_BEFORE_NUMBER.sub("", text))


def tidy_value(value: object) -> object:
    """Jinja ``finalize``: every string a template prints, tidied."""
    return tidy_text(value) if isinstance(value, str) else value


def keep_names(context: Mapping[str, object]) -> list[str]:
    """Names the data gives (zone, city, agency …) that a title line must not split."""
    return [v for v in context.values() if isinstance(v, str) and 2 <= len(v) <= 20]


def lay_out(xml: str, keep: Iterable[str] = (), carry: int = 0, *, seal: bool = False) -> str:
    """The rendered document part with broken titles, the 署名 and 成文日期 placed and the
    closing kept together; with ``carry``, the last ``carry`` table rows (or the closing)
    moved onto the 版记's page."""
    keep = tuple(keep)
    for style in TITLE_STYLES:
        at = 0
        while (span := _paragraph_with(xml, style, at)) is not None:
            start, end = span
            broken = _broken(xml[start:end], keep)
            xml = xml[:start] + broken + xml[end:]
            at = start + len(broken)
    xml = _place_closing(xml, seal)
    xml = _loosen_long_attachments(xml)
    closing = [s for s in (_paragraph_with(xml, c) for c in CLOSING_STYLES) if s is not None]
    if closing:
        first = min(start for start, _ in closing)
        before = _paragraph_start(xml, first)
        if before is not None:
            end = xml.index("</w:p>", before) + len("</w:p>")
            xml = xml[:before] + _keep_with_next(xml[before:end]) + xml[end:]
    if carry:
        carried = carry_rows(xml, carry)
        xml = carried if carried is not None else carry_closing(xml)
    return xml


def _paragraph_start(xml: str, before: int) -> int | None:
    """Where the last paragraph starting before offset ``before`` starts."""
    found = max(xml.rfind("<w:p>", 0, before), xml.rfind("<w:p ", 0, before))
    return found if found >= 0 else None


def _paragraph_with(xml: str, style: str, at: int = 0) -> tuple[int, int] | None:
    """(start, end) of the first paragraph of ``style`` from offset ``at``."""
    mark = xml.find(f'<w:pStyle w:val="{style}"/>', at)
    if mark < 0:
        return None
    start = _paragraph_start(xml, mark)
    if start is None:
        return None
    return start, xml.index("</w:p>", mark) + len("</w:p>")


def _broken(paragraph: str, keep: tuple[str, ...]) -> str:
    """The title paragraph as one run with a ``w:br`` between lines (its first run's format)."""
    if "<w:br" in paragraph:
        return paragraph  # broken by hand in the template
    text = "".join(html.unescape(t) for t in _TEXT.findall(paragraph))
    lines = break_title(text, keep)
    if len(lines) < 2:
        return paragraph
    props = _RUN_PROPS.search(paragraph)
    rpr = props.group(1) if props else ""
    ppr = _PARA_PROPS.search(paragraph)
    opening = _OPEN.match(paragraph)
    body = "<w:br/>".join(
        f'<w:t xml:space="preserve">{html.escape(line, quote=False)}</w:t>' for line in lines
    )
    return (
        (opening.group(0) if opening else "<w:p>")
        + (ppr.group(0) if ppr else "")
        + f"<w:r>{rpr}{body}</w:r></w:p>"
    )


# pPr children that follow w:ind in the schema (CT_PPrBase, then rPr, sectPr, pPrChange)
_AFTER_IND = re.compile(
    r"<w:(?:contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment"
    r"|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)[ />]"
)
_IND = re.compile(r"<w:ind(?: [^>]*)?/>")


def _place_closing(xml: str, seal: bool) -> str:
    """The first 署名 and 成文日期 right-indented as their printed lengths call for."""
    found = [_paragraph_with(xml, style) for style in ("GwSignature", "GwDate")]
    spans = [span for span in found if span is not None]
    if len(spans) < 2:
        return xml
    texts = ["".join(html.unescape(t) for t in _TEXT.findall(xml[a:b])) for a, b in spans]
    indents = closing_indents(texts[0], texts[1], seal=seal)
    for (start, end), right in sorted(zip(spans, indents, strict=True), reverse=True):
        xml = xml[:start] + _right_indented(xml[start:end], right) + xml[end:]
    return xml


def _right_indented(paragraph: str, right: int) -> str:
    props = _PARA_PROPS.search(paragraph)
    if props is None:
        return paragraph
    ppr = _IND.sub("", props.group(0))
    after = _AFTER_IND.search(ppr)
    at = after.start() if after else len(ppr) - len("</w:pPr>")
    ppr = ppr[:at] + f'<w:ind w:right="{right}"/>' + ppr[at:]
    return paragraph[: props.start()] + ppr + paragraph[props.end() :]


def _loosen_long_attachments(xml: str) -> str:
    """Items 2 … n-1 of a long 附件说明 no longer keep with the next, as their style does."""
    spans = []
    at = 0
    while (span := _paragraph_with(xml, ATTACH_ITEM, at)) is not None:
        spans.append(span)
        at = span[1]
    if len(spans) + 1 < LONG_ATTACHMENTS:  # the first item is on the 附件 line
        return xml
    for start, end in reversed(spans[:-1]):
        xml = xml[:start] + _not_kept(xml[start:end]) + xml[end:]
    return xml


def _not_kept(paragraph: str) -> str:
    if "<w:keepNext/>" in paragraph:  # set on the paragraph itself in the template
        return paragraph.replace("<w:keepNext/>", '<w:keepNext w:val="0"/>', 1)
    mark = f'<w:pStyle w:val="{ATTACH_ITEM}"/>'
    return paragraph.replace(mark, mark + '<w:keepNext w:val="0"/>', 1)


def _keep_with_next(paragraph: str) -> str:
    if "<w:keepNext/>" in paragraph:
        return paragraph
    style = _STYLE.search(paragraph)
    if style and paragraph.find("<w:pPr>") < style.start():
        return paragraph[: style.end()] + "<w:keepNext/>" + paragraph[style.end() :]
    if "<w:pPr>" in paragraph:
        return paragraph.replace("<w:pPr>", "<w:pPr><w:keepNext/>", 1)
    opening = _OPEN.match(paragraph)
    if opening is None:
        return paragraph
    return paragraph[: opening.end()] + "<w:pPr><w:keepNext/></w:pPr>" + paragraph[opening.end() :]


# --- the 版记's page: what goes with it when it would stand alone -------------------------------

_W = f"{{{W_NS}}}"
# A paragraph one point high that starts a page: Word and LibreOffice both break before it
# (neither breaks inside a table row), and it keeps the two halves of a table apart.
_BREAK = (
    f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="GwTableText"/><w:pageBreakBefore/>'
    '<w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


def carry_rows(xml: str, rows: int) -> str | None:
    """The last ``rows`` rows of the table right before the 版记 (and its 合计 row) as a table
    of their own on a new page, under its header rows repeated; None when the 版记 follows
    text, not a table, or the table has too few rows to leave one where it was.

    The page the table ended on then ends earlier, and the 版记's page carries rows of the
    table and the 版记 at its foot. Word and LibreOffice break before a paragraph, never inside
    a table, so the table is split: the same page break in the .docx a clerk opens and in the
    PDF.
    """
    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find(f"{_W}body")
    table = _table_before_imprint(body) if body is not None else None
    if table is None:
        return None
    all_rows = table.findall(f"{_W}tr")
    heads = [r for r in all_rows if r.find(f"{_W}trPr/{_W}tblHeader") is not None]
    items = [r for r in all_rows if r not in heads]
    take = rows + (1 if _is_total(items[-1]) else 0) if items else 0
    if len(items) - take < 1:
        return None
    tail = etree.Element(f"{_W}tbl")
    for part in ("tblPr", "tblGrid"):
        found = table.find(f"{_W}{part}")
        if found is not None:
            tail.append(copy.deepcopy(found))
    tail.extend(copy.deepcopy(r) for r in heads)
    tail.extend(items[-take:])  # moved, not copied
    tail.tail = table.tail
    table.addnext(tail)
    brk = etree.fromstring(_BREAK)
    brk.tail = table.tail
    table.addnext(brk)
    return _serialised(root, xml)


def carry_closing(xml: str) -> str:
    """The paragraph before the closing starts a page: it, the 署名, the 成文日期 and the 版记
    stand together on the last page."""
    closing = [s for s in (_paragraph_with(xml, c) for c in CLOSING_STYLES) if s is not None]
    if not closing:
        return xml
    before = _paragraph_start(xml, min(start for start, _ in closing))
    if before is None:
        return xml
    end = xml.index("</w:p>", before) + len("</w:p>")
    paragraph = xml[before:end]
    if "<w:pageBreakBefore/>" in paragraph:
        return xml
    style = _STYLE.search(paragraph)
    if style is None:
        return xml
    at = style.end()  # pPr order: pStyle, keepNext, keepLines, pageBreakBefore
    for kept in ("<w:keepNext/>", "<w:keepLines/>"):
        if paragraph.startswith(kept, at):
            at += len(kept)
    broken = paragraph[:at] + "<w:pageBreakBefore/>" + paragraph[at:]
    return xml[:before] + broken + xml[end:]


def _table_before_imprint(body: etree._Element) -> etree._Element | None:
    """The last table before the floating 版记 table, with only empty paragraphs between."""
    children = list(body)
    imprint = [i for i, c in enumerate(children) if c.find(f"{_W}tblPr/{_W}tblpPr") is not None]
    if not imprint:
        return None
    for child in reversed(children[: imprint[-1]]):
        if child.tag == f"{_W}tbl":
            return child
        if child.tag != f"{_W}p" or "".join(map(str, child.itertext())).strip():
            return None
    return None


def _is_total(row: etree._Element) -> bool:
    """A 合计 row: its first cell spans columns."""
    first = row.find(f"{_W}tc")
    return first is not None and first.find(f"{_W}tcPr/{_W}gridSpan") is not None


def _serialised(root: etree._Element, original: str) -> str:
    text: str = etree.tostring(root, encoding="unicode")
    if not original.startswith("<?xml"):
        return text
    return original[: original.index("?>") + 2] + "\n" + text
