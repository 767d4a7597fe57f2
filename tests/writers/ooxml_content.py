"""Helpers to read a .docx by content: parts as normalised XML, paragraphs, styles."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
VOLATILE = ("created", "modified", "lastModifiedBy", "revision", "lastPrinted", "TotalTime")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def xml(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(docx)[name])


def normalised(docx: bytes) -> str:
    """Every part as indented canonical XML, volatile metadata dropped; one text to compare."""
    out = []
    for name, data in sorted(parts(docx).items()):
        root = etree.fromstring(data)
        for el in list(root.iter()):
            if isinstance(el.tag, str) and etree.QName(el).localname in VOLATILE:
                el.getparent().remove(el)
        etree.indent(root, space=" ")
        text = etree.tostring(root, method="c14n2").decode("utf-8")
        out.append(f"=== {name}\n{text}\n")
    return "".join(out)


def paragraphs(docx: bytes, style: str | None = None) -> list[str]:
    """Texts of the body's paragraphs (outside tables), optionally of one style."""
    body = xml(docx, "word/document.xml").find("w:body", NS)
    found = []
    for p in body.findall("w:p", NS):
        style_el = p.find("w:pPr/w:pStyle", NS)
        if style is None or (style_el is not None and style_el.get(w("val")) == style):
            found.append("".join(t.text or "" for t in p.iter(w("t"))))
    return found


def style(docx: bytes, style_id: str) -> etree._Element:
    found = xml(docx, "word/styles.xml").find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def table_rows(docx: bytes, index: int) -> list[list[str]]:
    table = xml(docx, "word/document.xml").findall(".//w:tbl", NS)[index]
    return [
        ["".join(t.text or "" for t in tc.iter(w("t"))) for tc in tr.findall("w:tc", NS)]
        for tr in table.findall("w:tr", NS)
    ]


def all_text(docx: bytes) -> str:
    return "".join(t.text or "" for t in xml(docx, "word/document.xml").iter(w("t")))
