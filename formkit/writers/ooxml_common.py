"""Helpers the form writers share: deterministic packages, East Asian fonts in Word, and
values printed the way a clerk types them.

Determinism: python-docx and openpyxl stamp the current time into ``docProps/core.xml`` and
into every zip entry. :func:`deterministic_package` rewrites a saved package with fixed entry
timestamps and fixed core properties, so the same input gives the same bytes.

Word's invariants: Word never ends the body or a table cell with a table; it keeps a paragraph
after each (LibreOffice's .doc export drops a table that ends the body, and the form is then
read back as empty). :func:`close_tables` adds that paragraph where python-docx left none.

Fonts: python-docx's ``font.name`` writes only the Latin slots (``w:ascii``/``w:hAnsi``);
Chinese text is drawn with the ``w:eastAsia`` font, and any ``*Theme`` attribute beats an
explicit name. :func:`set_fonts` sets all three and drops the theme attributes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from formkit.model.resources import word, words

FIXED_TIME = dt.datetime(2020, 1, 1, 0, 0, 0)
FIXED_STAMP = "2020-01-01T00:00:00Z"
AUTHOR = "formkit"
CORE_PART = "docProps/core.xml"
CHECKED, UNCHECKED = "☑", "☐"
OPTION_GAP = "　"  # an ideographic space between checkbox options

_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# -- deterministic packages -------------------------------------------------------------------


def deterministic_package(data: bytes, title: str = "") -> bytes:
    """The same package with fixed zip timestamps and fixed core properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == CORE_PART:
                body = fixed_core_properties(body, title)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def fixed_core_properties(xml: bytes, title: str = "") -> bytes:
    """``docProps/core.xml`` with fixed dates, author and title."""
    root = etree.fromstring(xml)
    fixed = {
        "dcterms:created": FIXED_STAMP,
        "dcterms:modified": FIXED_STAMP,
        "dc:creator": AUTHOR,
        "cp:lastModifiedBy": AUTHOR,
        "dc:title": title,
    }
    for name, text in fixed.items():
        _core_element(root, name).text = text or None
    for name in ("dc:description", "cp:revision"):
        for element in root.findall(name, _NS):
            root.remove(element)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _core_element(root: etree._Element, name: str) -> etree._Element:
    found = root.find(name, _NS)
    if found is not None:
        return found
    prefix, local = name.split(":")
    element = etree.SubElement(root, f"{{{_NS[prefix]}}}{local}")
    if prefix == "dcterms":
        xsi = "http://www.w3.org/2001/XMLSchema-instance"
        element.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
    return element


# -- Word's invariants ------------------------------------------------------------------------

# Word 2010's copy of styles.xml with effects, in python-docx's default template; Word 2013 and
# later neither write nor need it, and it goes stale with every style formkit adds.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_TRAILER_LINE = "20"  # twentieths of a point: an exact 1 pt line, so no page is added


def close_tables(body: etree._Element) -> None:
    """A paragraph after every table that ends the body (before its w:sectPr) or a cell."""
    for container in [body, *body.iter(qn("w:tc"))]:
        blocks = [c for c in container if c.tag not in (qn("w:sectPr"), qn("w:tcPr"))]
        if blocks and blocks[-1].tag == qn("w:tbl"):
            blocks[-1].addnext(_trailing_paragraph(container is body))


def drop_styles_with_effects(document: Document) -> None:
    """Leave word/stylesWithEffects.xml out of the saved package (python-docx writes only
    the parts that are related)."""
    part = document.part
    for rel in list(part.rels.values()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(rel.rId)


def _trailing_paragraph(tiny: bool) -> etree._Element:
    paragraph = OxmlElement("w:p")
    if tiny:  # the body's: 1 pt high, so a table that fills its page adds no blank page
        ppr = OxmlElement("w:pPr")
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:before"), "0")
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), _TRAILER_LINE)
        spacing.set(qn("w:lineRule"), "exact")
        ppr.append(spacing)
        paragraph.append(ppr)
    return paragraph


# -- Word fonts -------------------------------------------------------------------------------


def set_fonts(rpr: etree._Element, east_asia: str, latin: str = "Times New Roman") -> None:
    """Name the fonts of a ``w:rPr``: Latin slots and the East Asian slot, no theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # rFonts comes first in CT_RPr
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), "")  # a default lxml-stubs accepts; unused
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def set_chinese_language(rpr: etree._Element) -> None:
    """Mark East Asian text as zh-CN (full-width quotes and dashes)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def drop_theme_color(rpr: etree._Element) -> None:
    """Black text instead of a style's theme colour (python-docx's headings are blue)."""
    for color in rpr.findall(qn("w:color")):
        rpr.remove(color)


# -- values as printed ------------------------------------------------------------------------


def number_text(value: object, decimals: int | None = None) -> str:
    """``500`` → ``500``; ``1250.5`` → ``1250.5``; with ``decimals=2`` → ``500.00``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if decimals is not None:
        return f"{value:.{decimals}f}"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def month_text(value: object) -> str:
    """``2020-01`` → ``2020年1月``; anything else as given."""
    try:
        year, month = str(value).split("-")
        return word("writers", "month_text").format(year=int(year), month=int(month))
    except ValueError:
        return str(value)


def month_dotted(value: object) -> str:
    """``2020-01`` → ``2020.01`` (how the 开发区目录 prints months)."""
    parts = str(value).split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[0]}.{parts[1]}"
    return str(value)


def parse_iso_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def date_text(value: object) -> str:
    """``2020-03-20`` → ``2020年3月20日``; anything else as given."""
    day = parse_iso_date(value)
    if day is None:
        return str(value)
    return word("writers", "date_text").format(year=day.year, month=day.month, day=day.day)


def list_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def options_text(options: Iterable[object], chosen: Iterable[object] = ()) -> str:
    """``☐国家级　☑省级``: one box per option, ticked when chosen."""
    picked = set(chosen)
    return OPTION_GAP.join(f"{CHECKED if o in picked else UNCHECKED}{o}" for o in options)


def bool_text(value: object) -> str:
    """``True`` → ``☑是　☐否``; ``None`` → both boxes empty."""
    yes_no = words("writers", "yes_no")
    chosen = [] if value is None else [yes_no[0] if value else yes_no[1]]
    return options_text(yes_no, chosen)


def field_text(kind: str, value: object, options: Iterable[object] = ()) -> str:
    """A normalised value printed as a clerk would type it into a Word form."""
    if value is None:
        return ""
    if kind == "money":
        return number_text(value, 2)
    if kind in ("int", "number", "target"):
        return number_text(value)
    if kind == "month":
        return month_text(value)
    if kind == "date":
        return date_text(value)
    if kind == "list":
        return list_text(value)
    if kind == "bool":
        return bool_text(bool(value))
    allowed = tuple(options)
    if kind == "choice" and value in allowed:
        return options_text(allowed, [value])
    return list_text(value)
