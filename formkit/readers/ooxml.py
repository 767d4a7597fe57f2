"""Opening Office Open XML packages (.docx, .xlsx) safely: the part both readers share.

A package is a zip of XML parts linked by relationships (``_rels/*.rels``). This module
opens the zip, finds parts through relationships (never by fixed names: writers rename
``document.xml``), and parses each part with a hardened lxml parser: no entity expansion,
no network, no DTD loading, no huge trees, and any part carrying a ``<!DOCTYPE`` is
refused (the OOXML spec forbids DTDs, so one can only mean an XXE or billion-laughs try).

Strict OOXML (ISO 29500 strict) uses other namespace URIs for the same vocabulary; parts
are renamed to the transitional namespaces on load, so the readers see one vocabulary.

Every failure becomes :class:`~formkit.model.errors.InputFileError`; zipfile, zlib and lxml
exceptions never escape.
"""

from __future__ import annotations

import posixpath
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import IO, Generic, TypeVar
from urllib.parse import unquote

from lxml import etree

from formkit.model.errors import InputFileError

MAX_PART_BYTES = 48 * 1024 * 1024  # one decompressed XML part
T = TypeVar("T")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: encrypted OOXML or .doc/.xls
ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_TO_TRANSITIONAL = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/math": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}

STRICT_PREFIXES = tuple(STRICT_TO_TRANSITIONAL)

_local = threading.local()


def _parser() -> etree.XMLParser:
    """One hardened parser per thread (lxml parsers must not be shared between threads)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        _local.parser = parser
    return parser


def fail(name: str, code: str, /, **params: object) -> InputFileError:
    """The error for an unreadable file; ``params`` are its code's (or its reason's)."""
    return InputFileError(code, name, **params)


@dataclass(frozen=True)
class Rel:
    """One relationship: its id, type (URI), resolved part name (or URL) and mode."""

    id: str
    type: str
    target: str
    external: bool = False

    def is_type(self, suffix: str) -> bool:
        """True when the type URI ends in ``/suffix`` (transitional and strict alike)."""
        return self.type.rsplit("/", 1)[-1] == suffix


class PartMemo(Generic[T]):
    """What was read from a package part, kept per part name and fingerprint (CRC-32, size,
    compressed size): forms made from one template share such parts (relationships, cell
    styles), so each is read once per process. At most ``size`` entries, oldest dropped."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: dict[tuple[str, int, int, int], T] = {}
        self._lock = threading.Lock()

    def read(self, package: Package, part: str, reader: Callable[[], T]) -> T:
        """``reader()``'s value for ``part`` of ``package``, from memory when seen before."""
        fingerprint = package.fingerprint(part)
        if fingerprint is None:
            return reader()
        key = (part.lower(), *fingerprint)
        found = self._items.get(key)
        if found is None:
            found = reader()
            with self._lock:
                while len(self._items) >= self.size:
                    self._items.pop(next(iter(self._items)))
                self._items[key] = found
        return found


_RELS: PartMemo[tuple[Rel, ...]] = PartMemo(256)

# What zipfile and zlib raise for a damaged or truncated member.
UNZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError)


class Package:
    """An opened OOXML zip: parts by name (case-insensitive, as OPC says), XML, relationships."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self._names = {info.filename.lower(): info for info in archive.infolist()}

    def has(self, part: str) -> bool:
        return part.lower() in self._names

    def fingerprint(self, part: str) -> tuple[int, int, int] | None:
        """(CRC-32, size, compressed size) the zip records for a part: a cache key."""
        info = self._names.get(part.lower())
        return (info.CRC, info.file_size, info.compress_size) if info is not None else None

    def read(self, part: str) -> bytes:
        """A part's bytes, at most MAX_PART_BYTES whatever the zip claims."""
        info = self._names.get(part.lower())
        if info is None:
            raise fail(self.name, "file-corrupt", reason="part-missing", part=part)
        try:
            with self.archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            raise fail(self.name, "file-encrypted") from exc
        except UNZIP_ERRORS as exc:
            raise fail(self.name, "file-corrupt", reason="part-unzip", part=part) from exc
        if len(data) > MAX_PART_BYTES:
            raise fail(
                self.name,
                "file-too-large",
                reason="part-too-large",
                part=part,
                limit=MAX_PART_BYTES >> 20,
            )
        return data

    def xml(self, part: str) -> etree._Element:
        """Parse a part with the hardened parser; strict namespaces become transitional."""
        return parse_xml(self.read(part), self.name, part)

    def iter_elements(self, part: str, local: str) -> Iterator[etree._Element]:
        """Stream the elements named ``local`` (any namespace) of a part, decompressing and
        parsing only as far as the caller reads; each is dropped once the caller moves on."""
        info = self._names.get(part.lower())
        if info is None:
            return
        try:
            with self.archive.open(info) as stream:
                events = etree.iterparse(
                    _Capped(stream, self.name, part),
                    events=("end",),
                    tag=f"{{*}}{local}",
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                    huge_tree=False,
                    remove_comments=True,
                    remove_pis=True,
                )
                for n, (_, el) in enumerate(events):
                    if n == 0:
                        _refuse_dtd(el, self.name, part)
                    if el.tag[1:].startswith(STRICT_PREFIXES):
                        _to_transitional(el)
                    yield el
                    el.clear()
        except etree.XMLSyntaxError as exc:
            raise fail(self.name, "file-corrupt", reason="part-not-xml", part=part) from exc
        except RuntimeError as exc:
            raise fail(self.name, "file-encrypted") from exc
        except UNZIP_ERRORS as exc:
            raise fail(self.name, "file-corrupt", reason="part-unzip", part=part) from exc

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` ("" for the package), targets resolved to part names.

        Remembered per relationships part fingerprint: forms made from one template carry
        the same package and main-part relationships, parsed once per process."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_part):
            return []
        return list(_RELS.read(self, rels_part, lambda: self._read_rels(rels_part, folder)))

    def _read_rels(self, rels_part: str, folder: str) -> tuple[Rel, ...]:
        found: list[Rel] = []
        for el in self.xml(rels_part).iter(f"{{{REL_NS}}}Relationship"):
            target = el.get("Target") or ""
            external = el.get("TargetMode") == "External"
            if not external:
                target = resolve_target(folder, target)
            found.append(Rel(el.get("Id") or "", el.get("Type") or "", target, external))
        return tuple(found)

    def main_part(self) -> str:
        """The officeDocument part named by ``_rels/.rels``."""
        for rel in self.rels(""):
            if rel.is_type("officeDocument") and not rel.external and self.has(rel.target):
                return rel.target
        raise fail(self.name, "file-corrupt", reason="main-part-missing")


def resolve_target(folder: str, target: str) -> str:
    """A relationship target relative to the source part's folder → a part name."""
    target = unquote(target)
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def parse_xml(data: bytes, name: str, part: str) -> etree._Element:
    """Parse one part; refuse DTDs; rename strict-namespace elements to transitional."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise fail(name, "file-corrupt", reason="part-not-xml", part=part) from exc
    _refuse_dtd(root, name, part)
    if any(uri in STRICT_TO_TRANSITIONAL for uri in root.nsmap.values()):
        root = _to_transitional(root)
    return root


def _refuse_dtd(el: etree._Element, name: str, part: str) -> None:
    docinfo = el.getroottree().docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise fail(name, "file-unsafe", reason="part-dtd", part=part)


class _Capped:
    """A read-only stream that refuses to yield more than MAX_PART_BYTES."""

    def __init__(self, stream: IO[bytes], name: str, part: str) -> None:
        self.stream, self.name, self.part, self.total = stream, name, part, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size if size >= 0 else MAX_PART_BYTES + 1)
        self.total += len(data)
        if self.total > MAX_PART_BYTES:
            raise fail(
                self.name,
                "file-too-large",
                reason="part-too-large",
                part=self.part,
                limit=MAX_PART_BYTES >> 20,
            )
        return data


def _to_transitional(root: etree._Element) -> etree._Element:
    """Rename strict-namespace tags and attributes in place."""
    prefixes = {f"{{{s}}}": f"{{{t}}}" for s, t in STRICT_TO_TRANSITIONAL.items()}

    def rename(qname: str) -> str:
        if qname.startswith("{"):
            ns_end = qname.find("}") + 1
            new = prefixes.get(qname[:ns_end])
            if new:
                return new + qname[ns_end:]
        return qname

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        el.tag = rename(el.tag)
        for key in [str(k) for k in el.attrib if str(k).startswith("{")]:
            new_key = rename(key)
            if new_key != key:
                el.attrib[new_key] = el.attrib.pop(key)
    etree.cleanup_namespaces(root)
    return root


def open_package(source: str | Path | bytes, name: str) -> Package:
    """Open a .docx/.xlsx from a path or bytes; refuse empty, encrypted and non-zip input."""
    data = _load(source, name)
    if not data:
        raise fail(name, "file-empty")
    if data.startswith(CFB_MAGIC):
        if ENCRYPTION_MARK in data:
            raise fail(name, "file-encrypted")
        raise fail(name, "file-unknown-type", reason="legacy-binary")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        OSError,
        ValueError,
    ) as exc:
        raise fail(name, "file-corrupt", reason="not-office-zip") from exc
    return Package(archive, name)


def _load(source: str | Path | bytes, name: str) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    try:
        return Path(source).read_bytes()
    except FileNotFoundError as exc:
        raise fail(name, "file-not-found") from exc
    except OSError as exc:
        error = exc.strerror or type(exc).__name__
        raise fail(name, "file-corrupt", reason="read-failed", error=error) from exc


def is_on(value: str | None) -> bool:
    """OOXML on/off value: absent ``val`` means on; "0"/"false"/"off" mean off."""
    return value is None or value.strip().lower() not in ("0", "false", "off", "")


def local_name(tag: object) -> str:
    """``{ns}name`` → ``name``; "" for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
