"""The layout a rendered notice gets in code, after its template is filled in.

Templates hold no computed layout (a tag inside an attribute is corrupt content to Word), so what
depends on the data is done here, on the rendered ``word/document.xml``:

- the title (``GwTitle``, ``GwAttachTitle``) gets explicit line breaks between words
  (:mod:`formkit.writers.title_lines`);
- the paragraph before the 附件说明 or the 署名 keeps with it, so the 署名 and 成文日期 never
  stand alone on a page (the closing styles keep with each other in ``styles.xml``); a long
  附件说明 may break between its second and its last item, since a chain of kept
  paragraphs longer than a page is broken anywhere (the 成文日期 or the 版记 then stood alone);
- in Chinese text, spaces next to a number go (存在 10 处 → 存在10处), applied to every value
  the data gives (:func:`tidy_value`, the Jinja ``finalize`` hook).

The XML is handled as text (one search per paragraph touched): the work is a few substitutions,
cheaper than parsing the whole part for each document of a batch.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from formkit.writers.title_lines import break_title

__all__ = ["keep_names", "lay_out", "tidy_text", "tidy_value"]

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


def lay_out(xml: str, keep: Iterable[str] = ()) -> str:
    """The rendered document part with broken titles and the closing kept together."""
    keep = tuple(keep)
    for style in TITLE_STYLES:
        at = 0
        while (span := _paragraph_with(xml, style, at)) is not None:
            start, end = span
            broken = _broken(xml[start:end], keep)
            xml = xml[:start] + broken + xml[end:]
            at = start + len(broken)
    xml = _loosen_long_attachments(xml)
    closing = [s for s in (_paragraph_with(xml, c) for c in CLOSING_STYLES) if s is not None]
    if closing:
        first = min(start for start, _ in closing)
        before = _paragraph_start(xml, first)
        if before is not None:
            end = xml.index("</w:p>", before) + len("</w:p>")
            xml = xml[:before] + _keep_with_next(xml[before:end]) + xml[end:]
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
