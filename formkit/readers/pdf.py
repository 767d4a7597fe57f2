"""PDF reader: pdfplumber pages → one :class:`Document` of tables and paragraphs.

Per page, ``find_tables`` (lines strategy) runs once; its cells become model cells with
real spans (see :mod:`formkit.readers.pdf_tables`), and the characters outside every table
become lines, paragraphs and headings (:mod:`formkit.readers.pdf_text`). A page without
ruled tables is searched for borderless ones (spreadsheets printed without grid lines).
A table at the bottom of a page that goes on at the top of the next page with the same
columns is joined into one table, its repeated header row dropped.

Refusals (``InputFileError``): a PDF whose pages are only images (a scan) →
``file-scanned-pdf``; a PDF with no text at all (blank pages, only drawings or a small
picture, no pages) → ``file-pdf-empty``; text whose fonts map to no characters (pdfminer's
``(cid:N)``, or private-use code points) → ``file-pdf-unmapped``; a password →
``file-encrypted``; anything pdfminer cannot parse → ``file-corrupt``; more than
:data:`MAX_PAGES` pages → ``file-too-large``.

What this module relies on: stream bombs (a small PDF whose Flate streams inflate to
gigabytes; pdfminer inflates every stream fully) are refused before this reader by the
intake gate (``Limits.pdf_max_stream`` / ``pdf_max_inflated``), and time and memory are
bounded by the per-file worker of :mod:`formkit.intake.isolate`. Here the work is bounded
by the page cap, and each page's cached objects are released once it is read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from formkit.intake.pdf_errors import PARSE_ERRORS
from formkit.model.document import Block, Document, Location, Paragraph
from formkit.model.errors import InputFileError
from formkit.model.findings import finding
from formkit.model.resources import text_map
from formkit.readers.pdf_tables import (
    RawTable,
    borderless_tables,
    continues,
    join,
    ruled_table,
    to_model,
)
from formkit.readers.pdf_text import (
    Char,
    Line,
    TextBlock,
    body_size,
    checkbox_text,
    group_lines,
    paragraphs,
)

MAX_PAGES = 200
SCAN_IMAGE_COVER = 0.5  # an image covering half the page …
SCAN_MAX_CHARS = 20  # … with fewer characters than this is a scanned page
MARGIN = 0.12  # top and bottom share of the page where headers and footers live
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


Box = tuple[float, float, float, float]


@dataclass
class RawPage:
    """What pdfplumber gave for one page: characters, ruled tables' cell boxes, image cover."""

    number: int
    height: float
    chars: list[Char]
    tables: list[tuple[Box, list[Box]]]
    image_cover: float


@dataclass
class PageContent:
    """One page as found: its ruled tables and the lines outside them."""

    number: int
    height: float
    tables: list[RawTable]
    lines: list[Line]
    scanned: bool = False
    unmapped: int = 0
    visible: int = 0
    blocks: list[RawTable | TextBlock] = field(default_factory=list)


def read_pdf(source: str | Path | bytes, name: str) -> Document:
    """Read a PDF (a path or its bytes) into a Document of tables and paragraphs."""
    pages = [_content(raw) for raw in _read_pages(_load(source, name), name)]
    _refuse_unreadable(pages, name)
    body = body_size(line for page in pages for line in page.lines)
    right = max((line.x1 for page in pages for line in page.lines), default=0.0)
    for page in pages:
        page.blocks = _page_blocks(page, right, body)
    doc = Document(name, "pdf", _assemble(pages, _running_texts(pages)))
    scanned = [str(page.number) for page in pages if page.scanned]
    if scanned:
        doc.notes.append(finding("pdf-scanned-pages", pages_words=scanned))
    unreadable = [str(page.number) for page in pages if page.unmapped]
    if unreadable:  # too few to refuse the file, but values may hold (cid:…) garbage
        doc.notes.append(finding("pdf-unmapped-pages", pages_words=unreadable))
    return doc


def _load(source: str | Path | bytes, name: str) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except FileNotFoundError as exc:
        raise _refusal(name, "file-not-found") from exc


# --- pdfplumber, guarded ------------------------------------------------------------------


def _read_pages(data: bytes, name: str) -> list[RawPage]:
    """What pdfplumber finds on each page; its failures (and only its) become refusals."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count > MAX_PAGES:
                raise _refusal(
                    name, "file-too-large", reason="pdf-pages", pages=count, limit=MAX_PAGES
                )
            return [_read_page(page) for page in pdf.pages]
    except InputFileError:
        raise
    except PARSE_ERRORS as exc:
        raise _parse_error(name, exc) from exc


def _parse_error(name: str, exc: BaseException) -> InputFileError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return _refusal(name, "file-encrypted")
    return _refusal(name, "file-corrupt", reason="pdf-unparsable", error=type(cause).__name__)


def _refusal(name: str, code: str, /, **params: object) -> InputFileError:
    return InputFileError(code, name, **params)


def _read_page(page: Page) -> RawPage:
    found = page.find_tables(TABLE_SETTINGS)
    raw = RawPage(
        page.page_number,
        float(page.height),
        page.chars,
        [(t.bbox, t.cells) for t in found],
        _image_cover(page),
    )
    page.close()
    return raw


def _content(raw: RawPage) -> PageContent:
    """One page's ruled tables and lines outside them, and whether it is a scan."""
    for char in raw.chars:
        char["text"] = checkbox_text(char["text"], char["fontname"])
    tables, outside = _split_chars(raw)
    content = PageContent(raw.number, raw.height, tables, group_lines(outside))
    content.visible = sum(1 for c in raw.chars if c["text"].strip())
    content.unmapped = sum(1 for c in raw.chars if unmapped(c["text"]))
    content.scanned = content.visible < SCAN_MAX_CHARS and raw.image_cover >= SCAN_IMAGE_COVER
    return content


def _split_chars(raw: RawPage) -> tuple[list[RawTable], list[Char]]:
    """Each table's characters go to it; the rest are text outside tables."""
    boxes = [bbox for bbox, _ in raw.tables]
    inside: list[list[Char]] = [[] for _ in boxes]
    outside: list[Char] = []
    for char in raw.chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for i, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= x <= x1 and top <= y <= bottom:
                inside[i].append(char)
                break
        else:
            outside.append(char)
    tables = [
        ruled_table(cells, bbox, own, raw.number)
        for (bbox, cells), own in zip(raw.tables, inside, strict=True)
    ]
    return [t for t in tables if t.n_rows], outside


def _image_cover(page: Page) -> float:
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for image in page.images:
        width = min(image["x1"], page.width) - max(image["x0"], 0)
        height = min(image["bottom"], page.height) - max(image["top"], 0)
        covered += max(0.0, width) * max(0.0, height)
    return covered / area


# --- refusals -----------------------------------------------------------------------------


def unmapped(text: str) -> bool:
    """A character pdfminer could not map: ``(cid:N)``, or a private-use code point (what a
    font's own cmap gives when the PDF has no ``/ToUnicode``)."""
    if text.startswith("(cid:"):
        return True
    code = ord(text[0]) if len(text) == 1 else 0
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _refuse_unreadable(pages: list[PageContent], name: str) -> None:
    """Scans, text-less files and unmappable text need a person, not the form reader."""
    visible = sum(page.visible for page in pages)
    scans_only = all(page.scanned or page.visible == 0 for page in pages)
    if scans_only and any(page.scanned for page in pages):
        raise _refusal(name, "file-scanned-pdf")
    if not visible:
        raise _refusal(name, "file-pdf-empty")
    if sum(page.unmapped for page in pages) * 2 > visible:
        raise _refusal(name, "file-pdf-unmapped")


# --- layout -------------------------------------------------------------------------------


def _page_blocks(page: PageContent, right: float, body: float) -> list[RawTable | TextBlock]:
    """Tables and paragraphs of one page, top to bottom."""
    lines = page.lines
    tables: list[RawTable] = list(page.tables)
    if not tables:
        kept: list[Line] = []
        start = 0
        for first, end, table in borderless_tables(lines, page.number):
            kept += lines[start:first]
            tables.append(table)
            start = end
        lines = kept + lines[start:]
    blocks: list[RawTable | TextBlock] = [*tables, *paragraphs(lines, right, body)]
    blocks.sort(key=lambda b: b.bbox[1] if isinstance(b, RawTable) else b.top)
    return blocks


def _assemble(pages: list[PageContent], running: set[str]) -> list[Block]:
    """Join tables across page breaks, number tables and paragraphs, in reading order."""
    ordered: list[tuple[int, RawTable | TextBlock]] = []
    last_table: RawTable | None = None
    for page in pages:
        for block in page.blocks:
            if isinstance(block, RawTable):
                if last_table is not None and _carries_on(last_table, block, page, running):
                    join(last_table, block)
                    continue
                last_table = block
            elif not _in_margin(block, page.height, running):
                last_table = None
            ordered.append((page.number, block))
    return _number(ordered)


def _carries_on(first: RawTable, second: RawTable, page: PageContent, running: set[str]) -> bool:
    """``second`` opens ``page`` (only running headers above it) and ``first`` ended the page
    before (only running footers after it)."""
    if first.row_pages[-1] != page.number - 1:
        return False
    if any(
        isinstance(b, TextBlock) and not _in_margin(b, page.height, running)
        for b in page.blocks[: page.blocks.index(second)]
    ):
        return False
    return continues(first, second)


_PN: dict[str, str] = text_map("readers", "page_number")
_PAGE_NUMBER = re.compile(
    rf"^[-—–\s]*({_PN['ordinal']}\s*)?#(\s*{_PN['page']})?"
    rf"(\s*[/／{_PN['total']}]\s*#?\s*{_PN['page']}?)?[-—–\s]*$"
)


def _running_key(block: TextBlock) -> str:
    return re.sub(r"\d+", "#", block.text.strip())


def _band(block: TextBlock, height: float) -> bool:
    return block.top < height * MARGIN or block.lines[-1].bottom > height * (1 - MARGIN)


def _running_texts(pages: list[PageContent]) -> set[str]:
    """Texts in the top or bottom band of two or more pages: running headers and footers."""
    seen: dict[str, set[int]] = {}
    for page in pages:
        for block in page.blocks:
            if isinstance(block, TextBlock) and _band(block, page.height):
                seen.setdefault(_running_key(block), set()).add(page.number)
    return {text for text, where in seen.items() if len(where) > 1}


def _in_margin(block: TextBlock, height: float, running: set[str]) -> bool:
    """A page number or a running header/footer, in the top or bottom band of the page."""
    if not _band(block, height):
        return False
    key = _running_key(block)
    return key in running or bool(_PAGE_NUMBER.match(key))


def _number(ordered: list[tuple[int, RawTable | TextBlock]]) -> list[Block]:
    blocks: list[Block] = []
    n_tables = 0
    per_page: dict[int, int] = {}
    for page, block in ordered:
        if isinstance(block, RawTable):
            n_tables += 1
            blocks.append(to_model(block, n_tables))
        else:
            per_page[page] = per_page.get(page, 0) + 1
            place = Location(page=page, paragraph=per_page[page])
            blocks.append(Paragraph(block.text, place, level=block.level))
    return blocks
