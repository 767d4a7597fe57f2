"""What a file really is, by its content — never by its extension.

``sniff`` answers one of the kinds formkit knows how to read or refuse:

======================  =====================================================
``docx`` ``xlsx``       OOXML (templates .dotx/.xltx included), by the main part's
                        content type in ``[Content_Types].xml``
``docm`` ``xlsm``       the same, macro-enabled
``pdf``                 ``%PDF-`` within the first 1,024 bytes
``zip``                 a zip that is not an OOXML package (an archive of submissions)
``cfb-encrypted``       a CFB container with ``EncryptionInfo``: a password-protected
                        .docx/.xlsx (Office stores those as CFB, not zip)
``doc`` ``xls``         CFB with a ``WordDocument`` / ``Workbook`` (or ``Book``) stream
``wps`` ``et``          the same written by Kingsoft WPS (a ``WpsCustomData`` /
                        ``ETExtData`` stream beside it)
``rar`` ``7z``          other archive formats
``unknown``             anything else
======================  =====================================================

A few more kinds name common disguises so the refusal can say what the file is:
``pptx`` ``xlsb`` ``odt`` ``ods`` ``ppt`` ``cfb`` ``png`` ``jpeg`` ``gif`` ``bmp``
``tiff`` ``exe`` ``elf`` ``html`` ``rtf`` ``gzip`` ``bzip2`` ``xz``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from formkit.intake import cfb
from formkit.intake.xmlscan import UnsafeXml, check_prolog
from formkit.intake.zipread import member_reader

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "docx",
    "application/vnd.ms-word.document.macroenabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
    "application/vnd.ms-excel.template.macroenabled.main+xml": "xlsm",
    "application/vnd.ms-excel.sheet.binary.macroenabled.main": "xlsb",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.ms-powerpoint.presentation.macroenabled.main+xml": "pptx",
}
_ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_MAGICS = (
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"BM", "bmp"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"MZ", "exe"),
    (b"\x7fELF", "elf"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_CONTENT_TYPES_CAP = 4 * 1024 * 1024
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def sniff(data: bytes | str | Path) -> str:
    """The kind of a file's content (see the module docstring)."""
    if not isinstance(data, bytes | bytearray):
        data = Path(data).read_bytes()
    data = bytes(data)
    if data.startswith(_ZIP_MAGICS):
        return _sniff_zip(data)
    if data.startswith(cfb.MAGIC):
        return _sniff_cfb(data)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, kind in _MAGICS:
        if data.startswith(magic):
            return kind
    return "html" if _looks_like_html(data) else "unknown"


def open_zip(data: bytes) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None


def _sniff_zip(data: bytes) -> str:
    archive = open_zip(data)
    if archive is None:
        return "zip"  # a zip by its magic that will not open: the gate calls it corrupt
    with archive:
        return zip_kind(archive)


def zip_kind(archive: zipfile.ZipFile, audited: bytes | None = None) -> str:
    """``docx``/``xlsx``/… for an OOXML or ODF package, ``zip`` for a plain archive.

    ``audited``: the archive's bytes, once :func:`~formkit.intake.zipaudit.audit_zip`
    passed them, so parts can be read straight from them (faster).
    """
    by_name = {info.filename.casefold(): info for info in archive.infolist()}
    types = by_name.get("[content_types].xml")
    if types is not None:
        return _ooxml_kind(archive, types, audited)
    mimetype = by_name.get("mimetype")
    if mimetype is not None and mimetype.file_size < 200:
        return _ODF_TYPES.get(_read(archive, mimetype).strip(), "zip")
    return "zip"


def _ooxml_kind(archive: zipfile.ZipFile, info: zipfile.ZipInfo, audited: bytes | None) -> str:
    if info.file_size > _CONTENT_TYPES_CAP:
        return "unknown"
    if audited is None:
        raw = _read(archive, info)
    else:
        raw = member_reader(archive, audited, info)(info.file_size)
    try:
        check_prolog(raw)
        root = etree.fromstring(raw, _PARSER)
    except (UnsafeXml, etree.XMLSyntaxError, ValueError):
        return "unknown"
    for tag in ("Override", "Default"):
        for node in root.iter(_CT_NS + tag):
            kind = _MAIN_TYPES.get((node.get("ContentType") or "").strip().lower())
            if kind:
                return kind
    return "unknown"


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError, EOFError):
        return b""  # damaged or encrypted: the gate reports it


def _sniff_cfb(data: bytes) -> str:
    container = cfb.open_container(data)
    if container is None:
        return "cfb"
    names = {name.casefold() for name in container.names()}
    if "encryptioninfo" in names or "encryptedpackage" in names:
        return "cfb-encrypted"
    if "worddocument" in names:
        return "wps" if "wpscustomdata" in names else "doc"
    if "workbook" in names or "book" in names:
        return "et" if "etextdata" in names else "xls"
    if "powerpoint document" in names:
        return "ppt"
    return "cfb"


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"mime-version:"))
