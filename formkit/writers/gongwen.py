"""GB/T 9704-2012 (党政机关公文格式) in OOXML: the numbers and the package parts of a 公文 .docx.

``scripts/build_templates.py`` assembles the notice templates from these parts; the tests
check rendered documents against the same constants. Everything is written as plain WordprocessingML
(no theme fonts, no numbering parts) so that Word, WPS and LibreOffice read it alike and a clerk
can edit it. Element order inside ``pPr``/``rPr``/``tblPr`` follows the schema, which Word enforces.

Lengths are twentieths of a point (twips) unless named otherwise; font sizes (``w:sz``) are half
points; border widths (``w:sz`` of a border) are eighths of a point.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from formkit.model.resources import text_map

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# --- page and type area (§5.2) -----------------------------------------------------------------
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM = 2098, 1984  # 天头 37 mm; 225 mm text block leaves 35 mm
MARGIN_LEFT, MARGIN_RIGHT = 1588, 1474  # 订口 28 mm; 156 mm text block leaves 26 mm
HEADER_DIST, FOOTER_DIST = 851, 1247  # page number's dash about 7 mm below the text block
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 8844 = 156 mm
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 12756 = 225 mm
LINE_PITCH = 579  # 225 mm / 22 lines = 28.95 pt
CHAR_W = 316  # 156 mm / 28 characters, in twips
# 三号 is 16 pt but 28 characters leave 15.79 pt each: -0.25 pt character spacing. With a
# ``lines`` grid this gives 28 per line in Word *and* LibreOffice (a ``linesAndChars`` grid
# gives 14 in LibreOffice 7.4).
CHAR_SPACING = -5

# --- type faces and sizes (§7) -----------------------------------------------------------------
TYPEFACES: dict[str, str] = text_map("writers", "typefaces")
XIAOBIAOSONG, FANGSONG = TYPEFACES["xiaobiaosong"], TYPEFACES["fangsong"]
HEITI, KAITI, SONGTI = TYPEFACES["heiti"], TYPEFACES["kaiti"], TYPEFACES["songti"]
LATIN = "Times New Roman"
SZ_TITLE = 44  # 2号
SZ_BODY = 32  # 3号
SZ_SMALL = 28  # 4号: 版记, page numbers
SZ_TABLE = 24  # 小四: tables
SZ_MARK = 60  # 发文机关标志: 30 pt keeps a 13-character name on one line
RED = "FF0000"
RULE_RED = 10  # 版头分隔线 1.25 pt ≈ 0.44 mm (0.35–0.5 mm)
RULE_THICK = 8  # 版记 first/last rule 1 pt ≈ 0.35 mm
RULE_THIN = 6  # 版记 middle rules 0.75 pt ≈ 0.26 mm


def esc(text: str) -> str:
    return escape(text)


# --- styles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """One paragraph style: the ``pPr`` and ``rPr`` children in schema order, as XML text."""

    id: str
    name: str
    ppr: str = ""
    rpr: str = ""
    outline: int | None = None


def fonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def exact_line(twips: int) -> str:
    return f'<w:spacing w:line="{twips}" w:lineRule="exact"/>'


# Advance widths of body text (3号, with CHAR_SPACING), in twips: a Chinese or full-width
# character is 16 pt, an ASCII character of Times New Roman 8 pt (its digits are half an em;
# the rare letter is near enough for placing a line). Where Chinese meets a digit or letter
# both Word and LibreOffice widen the gap (w:autoSpaceDN/DE, on by default): LibreOffice 7.4
# by 3.45 pt (measured, 2020年4月10日 has five such gaps), Word by a quarter em; LibreOffice 7.4
# does not honour switching it off, so it is counted, at LibreOffice's width.
FULL_ADVANCE = SZ_BODY * 10 + CHAR_SPACING  # half points → twips: 16 pt − 0.25 pt
HALF_ADVANCE = SZ_BODY * 5 + CHAR_SPACING
AUTO_SPACE = 69


def text_width(text: str) -> int:
    """The printed width of ``text`` in body type, in twips."""
    gaps = sum(
        1
        for a, b in itertools.pairwise(text)
        if a.isalnum() and b.isalnum() and _half(a) != _half(b)
    )
    return sum(HALF_ADVANCE if _half(c) else FULL_ADVANCE for c in text) + gaps * AUTO_SPACE


def _half(char: str) -> bool:
    return ord(char) < 0x2000


def closing_indents(signature: str, date: str, *, seal: bool = False) -> tuple[int, int]:
    """The right indents (twips) of the 发文机关署名 and the 成文日期, both right-aligned.

    GB/T 9704-2012 §7.3.5.2, no seal: the 署名 stands two characters from the right edge, and
    the date on the next line starts two characters right of the 署名's first character; a
    date longer than the 署名 stands two characters from the right edge, and the 署名's
    right indent grows to keep its first character two characters left of the date's.
    §7.3.5.1, with a seal: the date stands four characters from the right edge and the 署名 is
    centred over it.
    """
    sign, dated = text_width(signature), text_width(date)
    if seal:
        return max(0, 4 * CHAR_W + (dated - sign) // 2), 4 * CHAR_W
    if dated > sign:
        return 4 * CHAR_W + dated - sign, 2 * CHAR_W
    return 2 * CHAR_W, sign - dated


def right_indent(chars: int) -> str:
    """Right indent of ``chars`` body characters."""
    return f'<w:ind w:right="{chars * CHAR_W}"/>'


NO_GRID = '<w:snapToGrid w:val="0"/>'
FIRST_LINE = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
CENTER = '<w:jc w:val="center"/>'

_NAMES: dict[str, str] = text_map("writers", "gongwen_styles")  # id → the name Word shows
STYLES: tuple[Style, ...] = (
    Style("GwBody", _NAMES["GwBody"], FIRST_LINE + '<w:jc w:val="both"/>'),
    Style(
        "GwMark",
        _NAMES["GwMark"],
        NO_GRID + '<w:spacing w:before="1780" w:line="1000" w:lineRule="exact"/>' + CENTER,
        fonts(XIAOBIAOSONG) + f'<w:color w:val="{RED}"/><w:spacing w:val="0"/>' + size(SZ_MARK),
    ),
    Style(
        "GwDocNo",
        _NAMES["GwDocNo"],
        f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_RED}" w:space="8" w:color="{RED}"/>'
        f'</w:pBdr><w:spacing w:before="{2 * LINE_PITCH}"/>' + CENTER,
    ),
    Style(
        "GwTitle",
        _NAMES["GwTitle"],
        NO_GRID
        + f'<w:spacing w:before="{2 * LINE_PITCH}" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
        + CENTER,
        fonts(XIAOBIAOSONG) + '<w:spacing w:val="0"/>' + size(SZ_TITLE),
    ),
    Style("GwRecipient", _NAMES["GwRecipient"], f'<w:spacing w:before="{LINE_PITCH}"/>'),
    Style("GwH1", _NAMES["GwH1"], FIRST_LINE, fonts(HEITI), outline=0),
    Style("GwH2", _NAMES["GwH2"], FIRST_LINE, fonts(KAITI), outline=1),
    Style("GwH3", _NAMES["GwH3"], FIRST_LINE, fonts(FANGSONG), outline=2),
    Style("GwH4", _NAMES["GwH4"], FIRST_LINE, fonts(FANGSONG), outline=3),
    Style(
        "GwAttachNote",
        _NAMES["GwAttachNote"],
        f'<w:keepNext/><w:spacing w:before="{LINE_PITCH}"/><w:ind w:left="1600" w:hanging="960"/>',
    ),
    Style("GwAttachItem", _NAMES["GwAttachItem"], '<w:keepNext/><w:ind w:left="1600"/>'),
    Style(
        "GwSignature",
        _NAMES["GwSignature"],
        f'<w:keepNext/><w:spacing w:before="{LINE_PITCH}"/>{right_indent(2)}<w:jc w:val="right"/>',
    ),
    Style("GwDate", _NAMES["GwDate"], f'<w:keepNext/>{right_indent(4)}<w:jc w:val="right"/>'),
    Style("GwNote", _NAMES["GwNote"], "<w:keepNext/>" + FIRST_LINE),
    Style("GwAttachLabel", _NAMES["GwAttachLabel"], "<w:pageBreakBefore/>", fonts(HEITI)),
    Style(
        "GwAttachTitle",
        _NAMES["GwAttachTitle"],
        NO_GRID + f'<w:spacing w:before="{LINE_PITCH}" w:after="{LINE_PITCH}"'
        f' w:line="{LINE_PITCH}" w:lineRule="exact"/>' + CENTER,
        fonts(XIAOBIAOSONG) + '<w:spacing w:val="0"/>' + size(SZ_TITLE),
    ),
    Style(
        "GwTableHead",
        _NAMES["GwTableHead"],
        NO_GRID + exact_line(400) + CENTER,
        fonts(HEITI) + '<w:spacing w:val="0"/>' + size(SZ_TABLE),
    ),
    Style(
        "GwTableText",
        _NAMES["GwTableText"],
        NO_GRID + exact_line(400) + CENTER,
        '<w:spacing w:val="0"/>' + size(SZ_TABLE),
    ),
    Style(
        "GwImprint",
        _NAMES["GwImprint"],
        NO_GRID + exact_line(560) + '<w:ind w:left="280" w:right="280"/>',
        '<w:spacing w:val="0"/>' + size(SZ_SMALL),
    ),
    Style("GwImprintAnchor", _NAMES["GwImprintAnchor"], NO_GRID + exact_line(20), size(2)),
    Style(
        "GwPageNum",
        _NAMES["GwPageNum"],
        NO_GRID,
        fonts(SONGTI, SONGTI) + '<w:spacing w:val="0"/>' + size(SZ_SMALL),
    ),
)


def _style_xml(s: Style) -> str:
    ppr = s.ppr + (f'<w:outlineLvl w:val="{s.outline}"/>' if s.outline is not None else "")
    keep = "<w:keepNext/>" if s.outline is not None else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{s.id}">'
        f'<w:name w:val={quoteattr(s.name)}/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{keep}{ppr}</w:pPr>" + (f"<w:rPr>{s.rpr}</w:rPr>" if s.rpr else "") + "</w:style>"
    )


def styles_xml() -> str:
    """docDefaults carry the body face: 3号 仿宋_GB2312 in the East Asian slot, -0.25 pt."""
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + fonts(FANGSONG)
        + f'<w:spacing w:val="{CHAR_SPACING}"/>'
        + '<w:kern w:val="2"/>'
        + size(SZ_BODY)
        + '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        + '<w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
    )
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    body = "".join(_style_xml(s) for s in STYLES)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
        f"{defaults}{normal}{table}{body}</w:styles>"
    )


# --- settings, footers, section ----------------------------------------------------------------


def settings_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
        '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
    )


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def footer_xml(odd: bool) -> str:
    """``— N —`` in 4号 宋体: odd pages right, even pages left, one character in from the edge."""
    place = (
        '<w:ind w:right="280"/><w:jc w:val="right"/>'
        if odd
        else ('<w:ind w:left="280"/><w:jc w:val="left"/>')
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="GwPageNum"/>'
        f"{place}</w:pPr>{_run('— ')}{field}{_run(' —')}</w:p></w:ftr>"
    )


def sect_pr() -> str:
    return (
        '<w:sectPr><w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}"'
        f' w:left="{MARGIN_LEFT}" w:header="{HEADER_DIST}" w:footer="{FOOTER_DIST}" w:gutter="0"/>'
        f'<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
        "</w:sectPr>"
    )


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect_pr()}'
        "</w:body></w:document>"
    )


# --- package plumbing --------------------------------------------------------------------------

_OOXML = "application/vnd.openxmlformats"
_CT = f"{_OOXML}-officedocument.wordprocessingml"


def content_types_xml() -> str:
    over = {
        "/word/document.xml": f"{_CT}.document.main+xml",
        "/word/styles.xml": f"{_CT}.styles+xml",
        "/word/settings.xml": f"{_CT}.settings+xml",
        "/word/fontTable.xml": f"{_CT}.fontTable+xml",
        "/word/footer1.xml": f"{_CT}.footer+xml",
        "/word/footer2.xml": f"{_CT}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{_OOXML}-officedocument.extended-properties+xml",
    }
    overrides = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in over.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns='
        '"http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{_OOXML}-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in items)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        f'"http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package_rels_xml() -> str:
    return _rels(
        [
            ("rId1", f"{_OD}/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", f"{_OD}/extended-properties", "docProps/app.xml"),
        ]
    )


def document_rels_xml() -> str:
    return _rels(
        [
            ("rIdStyles", f"{_OD}/styles", "styles.xml"),
            ("rIdSettings", f"{_OD}/settings", "settings.xml"),
            ("rIdFonts", f"{_OD}/fontTable", "fontTable.xml"),
            ("rIdFooterOdd", f"{_OD}/footer", "footer1.xml"),
            ("rIdFooterEven", f"{_OD}/footer", "footer2.xml"),
        ]
    )


def font_table_xml() -> str:
    """The four 公文 faces with their GB2312 charset, so Word/WPS substitute sensibly."""
    names = (XIAOBIAOSONG, FANGSONG, HEITI, KAITI, SONGTI)
    faces = "".join(
        f'<w:font w:name="{n}"><w:charset w:val="86"/><w:family w:val="auto"/></w:font>'
        for n in names
    )
    latin = f'<w:font w:name="{LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/></w:font>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">'
        f"{faces}{latin}</w:fonts>"
    )


def core_xml(title: str) -> str:
    """Document properties without dates or authors, so output is reproducible."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
        '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>formkit</dc:creator></cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
        '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>formkit</Application></Properties>"
    )


def package_parts(body: str, title: str) -> dict[str, str]:
    """Every part of a 公文 .docx, by name, in the order they are zipped."""
    return {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": package_rels_xml(),
        "docProps/core.xml": core_xml(title),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(body),
        "word/_rels/document.xml.rels": document_rels_xml(),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/footer1.xml": footer_xml(odd=True),
        "word/footer2.xml": footer_xml(odd=False),
    }


# --- deterministic zip -------------------------------------------------------------------------

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def zip_bytes(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``parts`` in the order given, with fixed timestamps and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()
