"""Minimal PDFs written by hand, for cases no office suite produces on demand.

The builder writes real PDF syntax — objects, content streams and a correct cross-reference
table — that pdfminer parses without repair or warnings. The cases: blank pages, a page of
rulings only, a picture, Latin text in a standard font, and glyphs of a CID font
(``Identity-H``, character collection ``Adobe-Identity``) without a ``/ToUnicode`` map —
what a PDF looks like when the tool that wrote it dropped the map: pdfminer can only answer
``(cid:N)`` for each glyph — or with a ``/ToUnicode`` map into the private-use area.
"""

from __future__ import annotations

from collections.abc import Sequence

A4 = (595, 842)
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def stream(content: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(content), entries, content)


class RawPdf:
    """Objects numbered as they are added; pages share one resource dictionary."""

    def __init__(self) -> None:
        self.objects: list[bytes] = [b"", b""]  # 1 catalog, 2 page tree: written last
        self.pages: list[tuple[int, int]] = []  # (page object, its content stream)
        self.fonts: dict[str, int] = {}
        self.images: dict[str, int] = {}

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def page(self, content: bytes = b"") -> RawPdf:
        contents = self.add(stream(content))
        self.pages.append((self.add(b"null"), contents))  # the page is written by build
        return self

    def build(self) -> bytes:
        resources = b"<< /Font << %s >> /XObject << %s >> >>" % (
            _names(self.fonts),
            _names(self.images),
        )
        for number, contents in self.pages:
            self.objects[number - 1] = (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s"
                b" /Contents %d 0 R >>" % (A4[0], A4[1], resources, contents)
            )
        kids = b" ".join(b"%d 0 R" % n for n, _ in self.pages)
        self.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        self.objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.pages))
        return assemble(self.objects)


def _names(refs: dict[str, int]) -> bytes:
    return b" ".join(b"/%s %d 0 R" % (name.encode(), n) for name, n in refs.items())


def assemble(objects: Sequence[bytes]) -> bytes:
    """A PDF file of the numbered ``objects`` (1 is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- page content ---------------------------------------------------------------------------


def rulings() -> bytes:
    """The grid of an empty 3 × 4 table and a rectangle: vector drawing only."""
    ops = [b"0.8 w"]
    ops += [b"72 %d m 522 %d l S" % (700 - 30 * r, 700 - 30 * r) for r in range(5)]
    ops += [b"%d 580 m %d 700 l S" % (72 + 150 * c, 72 + 150 * c) for c in range(4)]
    ops.append(b"100 200 395 150 re S")
    return b"\n".join(ops)


def _escape(text: str) -> bytes:
    raw = text.encode("latin-1")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def latin_lines(lines: Sequence[str], font: str = "F1", top: int = 760) -> bytes:
    """Lines of Latin text, 16 pt apart, starting at ``top``."""
    shows = [b"BT /%s 12 Tf 72 %d Td 16 TL" % (font.encode(), top)]
    shows += [b"(%s) '" % _escape(line) for line in lines]
    shows.append(b"ET")
    return b"\n".join(shows)


def glyph_lines(lines: Sequence[Sequence[int]], font: str = "F2", top: int = 500) -> bytes:
    """Lines of two-byte glyph codes (CIDs under ``Identity-H``), 20 pt apart."""
    shows = [b"BT /%s 14 Tf 72 %d Td 20 TL" % (font.encode(), top)]
    shows += [b"<%s> '" % b"".join(b"%04X" % cid for cid in cids) for cids in lines]
    shows.append(b"ET")
    return b"\n".join(shows)


def picture(x: int, y: int, width: int, height: int, name: str = "Im1") -> bytes:
    """The picture ``name`` scaled to the box with lower-left corner (x, y)."""
    return b"q %d 0 0 %d %d %d cm /%s Do Q" % (width, height, x, y, name.encode())


# --- resources ------------------------------------------------------------------------------


def add_helvetica(pdf: RawPdf, name: str = "F1") -> None:
    """Helvetica, a standard font: pdfminer knows its encoding and widths unembedded."""
    pdf.fonts[name] = pdf.add(HELVETICA)


def add_cid_font(
    pdf: RawPdf, name: str = "F2", to_unicode: bytes | None = None, family: str = "SimSun"
) -> None:
    """A Type0 font over a CIDFontType2 of the ``Adobe-Identity`` collection, no font
    program embedded, and ``/ToUnicode`` only if given (a CMap's text)."""
    base = b"ABCDEF+" + family.encode()
    descriptor = pdf.add(
        b"<< /Type /FontDescriptor /FontName /%s /Flags 4"
        b" /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141"
        b" /CapHeight 859 /StemV 80 >>" % base
    )
    descendant = pdf.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % (base, descriptor)
    )
    extra = b""
    if to_unicode is not None:
        extra = b" /ToUnicode %d 0 R" % pdf.add(stream(to_unicode))
    pdf.fonts[name] = pdf.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R]%s >>" % (base, descendant, extra)
    )


def add_symbol_font(pdf: RawPdf, name: str, family: str) -> None:
    """A simple TrueType symbol font (Wingdings) with neither ``/Encoding`` nor
    ``/ToUnicode``: pdfminer reads its one-byte codes as Latin-1 (0xFE → ``þ``)."""
    descriptor = pdf.add(
        b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [0 -200 1000 900]"
        b" /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>" % family.encode()
    )
    pdf.fonts[name] = pdf.add(
        b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255"
        b" /Widths [%s] /FontDescriptor %d 0 R >>"
        % (family.encode(), b" ".join([b"900"] * 224), descriptor)
    )


def _cmap(body: bytes) -> bytes:
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
            body,
            b"endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )


def private_use_cmap(first: int, last: int, start: int = 0xE000) -> bytes:
    """A ToUnicode CMap sending CIDs ``first``–``last`` to private-use code points."""
    return _cmap(b"1 beginbfrange <%04X> <%04X> <%04X> endbfrange" % (first, last, start))


def text_cmap(text: str, first: int = 1) -> bytes:
    """A ToUnicode CMap sending CIDs ``first``, ``first`` + 1, … to the characters of
    ``text`` in turn (BMP only)."""
    pairs = [b"<%04X> <%04X>" % (first + i, ord(ch)) for i, ch in enumerate(text)]
    return _cmap(b"%d beginbfchar\n%s\nendbfchar" % (len(pairs), b"\n".join(pairs)))


def one_byte_lines(lines: Sequence[bytes], font: str, top: int = 400) -> bytes:
    """Lines of one-byte codes in a simple font."""
    shows = [b"BT /%s 14 Tf 72 %d Td 20 TL" % (font.encode(), top)]
    shows += [b"<%s> '" % line.hex().encode() for line in lines]
    shows.append(b"ET")
    return b"\n".join(shows)


def add_picture(pdf: RawPdf, name: str = "Im1") -> None:
    """A 2 × 2 grey picture (drawn at any size with :func:`picture`)."""
    pixels = bytes([40, 200, 200, 40])
    pdf.images[name] = pdf.add(
        stream(
            pixels,
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 ",
        )
    )


# --- whole files ----------------------------------------------------------------------------


def blank_pdf(pages: int = 1) -> bytes:
    """Pages with nothing on them."""
    pdf = RawPdf()
    for _ in range(pages):
        pdf.page()
    return pdf.build()


def latin_text_pdf(lines: Sequence[str]) -> bytes:
    """One page of Latin text lines in Helvetica."""
    pdf = RawPdf()
    add_helvetica(pdf)
    return pdf.page(latin_lines(lines)).build()


def cid_text_pdf(lines: Sequence[Sequence[int]]) -> bytes:
    """One page of glyph strings in a CID font without ``/ToUnicode``."""
    pdf = RawPdf()
    add_cid_font(pdf)
    return pdf.page(glyph_lines(lines)).build()
