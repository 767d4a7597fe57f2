"""Builders of real .docx/.xlsx files for the reader tests.

Word files start from python-docx (a real package with styles) and get raw WordprocessingML
injected with lxml for what python-docx cannot write (content controls, checkboxes, legacy
form fields, revisions, gridBefore, text boxes). Workbooks come from openpyxl, or — for
parts openpyxl never writes (shared strings with runs, cached formula values, strict
namespaces) — are assembled from raw parts with zipfile.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import docx
import pytest
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "w": W_NS,
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
DECLS = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NAMESPACES.items())
PEERS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "peers"


def fragment(xml: str) -> list[etree._Element]:
    """Parse WordprocessingML written with the usual prefixes (w:, w14:, mc:, …)."""
    wrapper = etree.fromstring(f"<w:wrap {DECLS}>{xml}</w:wrap>")
    return list(wrapper)


def build_docx(*xml: str, before: Callable[[docx.document.Document], None] | None = None) -> bytes:
    """A .docx whose body holds what ``before`` adds with python-docx, then the raw ``xml``."""
    document = docx.Document()
    if before is not None:
        before(document)
    body = document.element.body
    sect_pr = body[-1]
    for chunk in xml:
        for el in fragment(chunk):
            sect_pr.addprevious(el)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def p(text: str = "", inner: str | None = None) -> str:
    """A paragraph with one run of ``text`` (or the given inner XML)."""
    return f"<w:p>{inner if inner is not None else run(text)}</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(content: str, props: str = "") -> str:
    """A table cell; ``content`` is a text (wrapped in a paragraph) or raw block XML."""
    body = content if content.startswith("<") else p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tbl(*rows: str, grid: int = 3) -> str:
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def rezip(data: bytes, change: Callable[[str, bytes], tuple[str, bytes] | None]) -> bytes:
    """Rewrite a package part by part: ``change(name, data)`` → (name, data) or None to drop."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            changed = change(info.filename, src.read(info))
            if changed is not None:
                dst.writestr(changed[0], changed[1], zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- raw workbooks ----------------------------------------------------------------------------

S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def build_xlsx(
    sheets: Iterable[tuple[str, str]],
    shared: Iterable[str] = (),
    styles: str = "",
    workbook_pr: str = "",
) -> bytes:
    """A workbook from raw parts: (name, inner XML of ``worksheet``) per sheet, raw ``si``
    items, the inner XML of ``styleSheet``."""
    sheets = list(sheets)
    shared = list(shared)
    entries = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (name, _) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    rels += f'<Relationship Id="rIdY" Type="{REL}/styles" Target="styles.xml"/>'
    parts = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": f'<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{S_NS}" xmlns:r="{R_NS}">{workbook_pr}'
        f"<sheets>{entries}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG_NS}">{rels}</Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{S_NS}">{"".join(shared)}</sst>',
        "xl/styles.xml": f'<styleSheet xmlns="{S_NS}">{styles}</styleSheet>',
    }
    for i, (_, inner) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = f'<worksheet xmlns="{S_NS}">{inner}</worksheet>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def _content_types(n_sheets: int) -> str:
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{main}.worksheet+xml"/>'
        for i in range(1, n_sheets + 1)
    )
    return (
        f'<Types xmlns="{ct}"><Default Extension="rels" '
        f'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )


def sheet_data(rows: str, extra: str = "") -> str:
    return f"<sheetData>{rows}</sheetData>{extra}"


@pytest.fixture
def peers() -> Path:
    """The peer libraries' test files (shared/corpus/peers); skips when absent."""
    if not PEERS.is_dir():
        pytest.skip(f"{PEERS} is absent")
    return PEERS
