"""Official documents (公文) from Word templates: ``render(kind, data, out)``.

A template is an ordinary .docx in ``templates/`` with docxtpl's tags (``{{ x }}``,
``{%p for … %}``, ``{%tr for … %}``), so a clerk edits its wording in Word. Rendering takes
docxtpl's tag clean-up (``patch_xml``) and then does the rest itself, because docxtpl redoes all
work on every call and has escaping off by default:

- each template part is patched and compiled **once** by Jinja2 with ``StrictUndefined`` and
  autoescape, cached by the file's path, size and modification time;
- before rendering, the variables the template needs (``jinja2.meta``) are compared with the
  data, and every missing one is named together with the template;
- the document part gets the layout that depends on the data (:mod:`notice_layout`: title
  line breaks, the closing kept with the text, no spaces around numbers);
- the rendered XML is parsed to prove it well-formed, and zipped in the template's part order
  with fixed timestamps, so the same data gives the same bytes.

PDFs come from LibreOffice through :func:`formkit.intake.office.convert`, all documents of a
batch in one call (:func:`render_many`).
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.parsers import expat

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

from formkit.intake import office
from formkit.model.dates import cn_date
from formkit.model.errors import OutputFileError, TemplateError
from formkit.model.resources import templates_dir
from formkit.writers.gongwen import zip_bytes
from formkit.writers.notice_data import prepare
from formkit.writers.notice_layout import keep_names, lay_out, tidy_value
from formkit.writers.print_check import UNREADABLE, imprint_faults, read

__all__ = [
    "KINDS",
    "CompiledTemplate",
    "NoticeJob",
    "load_template",
    "render",
    "render_bytes",
    "render_many",
    "template_path",
]

KINDS = ("call", "publicity", "funding", "evaluation", "opinion")
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH = re.compile(r"<w:p([ >])")


def _money(value: object) -> str:
    return f"{Decimal(str(value)):.2f}"


def _score(value: object) -> str:
    return f"{float(str(value)):.1f}"


def environment() -> jinja2.Environment:
    """Strict and escaping: a missing value is an error, ``<``/``&``/quotes stay intact."""
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=tidy_value,
    )
    env.filters.update(money=_money, score=_score, cn_date=cn_date)
    return env


_ENV = environment()


@dataclass(frozen=True)
class NoticeJob:
    """One document of a batch: its kind, its data and where the .docx goes."""

    kind: str
    data: Mapping[str, Any]
    out: Path


@dataclass(frozen=True)
class CompiledTemplate:
    """A template's parts: bytes copied as they are, or compiled Jinja templates."""

    name: str
    parts: tuple[tuple[str, bytes | jinja2.Template], ...]
    needs: frozenset[str]
    sources: Mapping[str, str]

    def render(self, context: Mapping[str, object], *, carry: int = 0) -> bytes:
        """The .docx; ``carry``: rows (or the closing) moved onto the 版记's page."""
        missing = sorted(self.needs - context.keys())
        if missing:
            raise TemplateError("template-missing-data", template=self.name, names_words=missing)
        rendered = (
            (
                name,
                self._render_part(name, part, context, carry)
                if not isinstance(part, bytes)
                else part,
            )
            for name, part in self.parts
        )
        return zip_bytes(rendered)

    def _render_part(
        self, name: str, template: jinja2.Template, context: Mapping[str, object], carry: int = 0
    ) -> bytes:
        try:
            xml = template.render(context)
        except jinja2.UndefinedError as exc:
            raise self._error("template-undefined", name, exc) from None
        except jinja2.TemplateError as exc:
            raise self._error("template-syntax", name, exc) from None
        if name == "word/document.xml":
            xml = lay_out(xml, keep_names(context), carry, seal=bool(context.get("seal")))
        # One paragraph a line stays in the output: whitespace between elements means nothing
        # in WordprocessingML, and it lets an error name the paragraph.
        data = xml.encode("utf-8")
        try:
            expat.ParserCreate().Parse(data, True)  # well-formed? (a third of lxml's cost)
        except expat.ExpatError as exc:
            where = _paragraph_text(xml, exc.lineno)
            raise TemplateError(
                "template-bad-output", template=self.name, detail=f"{where}（{exc}）"
            ) from None
        return data

    def _error(self, code: str, part: str, exc: jinja2.TemplateError) -> TemplateError:
        lineno = getattr(exc, "lineno", None) or _failing_line(exc)
        context = _paragraph_text(self.sources.get(part, ""), lineno)
        return TemplateError(
            code, template=self.name, context=context, detail=exc.message or str(exc)
        )


def _failing_line(exc: BaseException) -> int | None:
    """The template line of a runtime error, from the traceback of the compiled template."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _paragraph_text(source: str, lineno: int | None) -> str:
    """The words of the paragraph at ``lineno`` (one paragraph per line), for error messages."""
    if not lineno:
        return "?"
    lines = source.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    words = re.sub(r"<[^>]+>", "", line).strip()
    return words[:40] + ("…" if len(words) > 40 else "") if words else "?"


# --- loading and caching -----------------------------------------------------------------------

_CACHE: dict[Path, tuple[tuple[int, int], CompiledTemplate]] = {}


def template_path(kind: str, templates: Path | None = None) -> Path:
    folder = Path(templates) if templates else templates_dir()
    path = folder / f"{kind}.docx"
    if not path.is_file():
        kinds = sorted(p.stem for p in folder.glob("*.docx")) or list(KINDS)
        raise TemplateError("notice-unknown-kind", kind=kind, kinds_words=kinds)
    return path


def load_template(path: Path) -> CompiledTemplate:
    """The compiled template, from the cache while the file is unchanged."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(
            "template-unreadable", template=path.name, detail=exc.strerror or str(exc)
        ) from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    compiled = _compile(path)
    _CACHE[path] = (stamp, compiled)
    return compiled


def _compile(path: Path) -> CompiledTemplate:
    try:
        with zipfile.ZipFile(path) as archive:
            raw = [
                (info.filename, archive.read(info))
                for info in archive.infolist()
                if not info.is_dir()
            ]
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(
            "template-unreadable", template=path.name, reason="docx-invalid", error=str(exc)
        ) from None
    if "word/document.xml" not in dict(raw):
        raise TemplateError("template-unreadable", template=path.name, reason="docx-no-document")
    parts: list[tuple[str, bytes | jinja2.Template]] = []
    needs: set[str] = set()
    sources: dict[str, str] = {}
    for name, data in raw:
        if not _TEMPLATED.match(name) or b"{" not in data:
            parts.append((name, data))
            continue
        source = _patch(_checked_xml(path.name, data))
        sources[name] = source
        try:
            ast = _ENV.parse(source)
            parts.append((name, _ENV.from_string(ast)))
        except jinja2.TemplateSyntaxError as exc:
            context = _paragraph_text(source, exc.lineno)
            raise TemplateError(
                "template-syntax", template=path.name, context=context, detail=exc.message
            ) from None
        needs |= meta.find_undeclared_variables(ast)
    return CompiledTemplate(
        path.name, tuple(parts), frozenset(needs - _ENV.globals.keys()), sources
    )


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TAG_MARK = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_CLOSES = {"{{": "}}", "{%": "%}", "{#": "#}"}
_W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def _checked_xml(name: str, data: bytes) -> str:
    """The part re-serialised by lxml, once every paragraph's tags are known to pair up.

    Re-serialising writes quotes in text as plain characters: LibreOffice and other editors save
    ``'`` as ``&apos;``, which Jinja cannot read inside a tag. The pairing check names the
    paragraph of a tag missing a brace, which docxtpl's clean-up would silently swallow with
    the text after it.
    """
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        raise TemplateError("template-unreadable", template=name, detail=str(exc)) from None
    for paragraph in root.iter(_W_P):
        text = "".join(t.text or "" for t in paragraph.iter(_W_T))
        expected = None
        for mark in _TAG_MARK.findall(text):
            if expected is None and mark in _CLOSES:
                expected = _CLOSES[mark]
            elif mark == expected:
                expected = None
            else:
                expected = "!"
                break
        if expected is not None:
            context = text[:40] + ("…" if len(text) > 40 else "")
            raise TemplateError(
                "template-syntax", template=name, context=context, reason="tags-unclosed"
            )
    return _XML_DECLARATION + etree.tostring(root, encoding="unicode")


def _patch(xml: str) -> str:
    """docxtpl's clean-up of Word's split runs and ``{%p``/``{%tr`` tags, one paragraph a line."""
    patched: str = DocxTemplate.patch_xml(None, xml)  # uses no instance state
    return _PARAGRAPH.sub(r"\n<w:p\1", patched)


# --- rendering ---------------------------------------------------------------------------------


def render_bytes(
    kind: str, data: Mapping[str, object], *, templates: Path | None = None, carry: int = 0
) -> bytes:
    """The .docx of one notice, in memory; ``carry`` > 0 moves that many of the last table's
    rows (or the closing) onto a page of their own with the 版记 (:func:`render_many` asks for
    it when the printed 版记 stood alone)."""
    template = load_template(template_path(kind, templates))
    return template.render(prepare(kind, data), carry=carry)


def render(
    kind: str,
    data: Mapping[str, object],
    out: Path,
    *,
    templates: Path | None = None,
    pdf: bool = False,
) -> list[Path]:
    """Write ``out`` (.docx) and, with ``pdf``, ``out`` with the suffix .pdf beside it."""
    return render_many([NoticeJob(kind, data, Path(out))], templates=templates, pdf=pdf)


def render_many(
    jobs: Iterable[NoticeJob | tuple[str, Mapping[str, object], Path]],
    *,
    templates: Path | None = None,
    pdf: bool = True,
) -> list[Path]:
    """Write every job's .docx, then convert them all to PDF in one LibreOffice call.

    Each PDF is then read as a reader of 公文 would (:mod:`formkit.writers.print_check`): where
    the 版记 stands alone on the last page (a table or the text ended within about two lines of
    the page foot), the .docx is written again with the last rows carried onto that page
    (:data:`CARRY`, at most two more tries) and converted again, so the .docx and its PDF agree.
    Returns the paths written: the .docx files in job order, then the PDFs.
    """
    todo = [job if isinstance(job, NoticeJob) else NoticeJob(*job) for job in jobs]
    for job in todo:
        _write(Path(job.out), render_bytes(job.kind, job.data, templates=templates))
    written = [Path(job.out) for job in todo]
    if not pdf or not written:
        return written
    pdfs = _pdfs(written)
    faulty = list(range(len(todo)))
    for carry in CARRY:
        faulty = [i for i in faulty if _imprint_alone(pdfs[i])]
        if not faulty:
            break
        for i in faulty:
            job = todo[i]
            _write(written[i], render_bytes(job.kind, job.data, templates=templates, carry=carry))
        _pdfs([written[i] for i in faulty])
    return written + pdfs


# Table rows carried onto the 版记's page: two (GB/T 9704 asks for text on the 版记's page);
# four when two rows were too short to make room for the 版记 on the page before.
CARRY = (2, 4)


def _imprint_alone(pdf: Path) -> bool:
    """A PDF pdfplumber cannot read is left as LibreOffice wrote it: the check mends, it does
    not judge (the PDF was written, and a reader's PDF viewer may well open it)."""
    try:
        return "alone" in imprint_faults(read(pdf, last_only=True))
    except UNREADABLE:
        return False


def _pdfs(docs: Sequence[Path]) -> list[Path]:
    by_folder: dict[Path, list[Path]] = {}
    for doc in docs:
        by_folder.setdefault(doc.parent, []).append(doc)
    pdfs: list[Path] = []
    for folder, group in by_folder.items():
        pdfs += office.convert(group, "pdf", folder)
    return pdfs


def _write(out: Path, data: bytes) -> None:
    """Atomically: a reader never sees half a file."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".formkit-", suffix=".docx", dir=out.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, out)
    except OSError as exc:
        raise OutputFileError(
            "output-unwritable", path=str(out), detail=exc.strerror or str(exc)
        ) from None
