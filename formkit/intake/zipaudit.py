"""Audit a zip's structure before anything is inflated.

Everything here reads the central directory and the local headers — a few bytes per
member — and nothing is decompressed. An archive passes when it has at most
``max_members`` entries, every declared size and ratio is within :class:`Limits`, no two
entries share a name or overlap in the file (the trick behind non-recursive zip bombs),
every member uses a compression method formkit can read, and no member name is a path
that could escape a folder (absolute, ``..``, drive letter). Names are never used as
paths; a name that *would* escape one is refused because only an attacker makes one.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable

from formkit.intake.limits import Limits
from formkit.intake.names import safe_display
from formkit.model.errors import InputFileError

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_DRIVE = re.compile(r"^[A-Za-z]:")
_FLAG_ENCRYPTED = 0x1
_MEDIA = re.compile(r"^(?:word|xl|ppt)/media/")
_IMAGE_SUFFIXES = {"jpeg", "jpg", "png", "gif", "bmp", "tif", "tiff", "emf", "wmf", "webp"}
MB = 1024 * 1024


def refuse(
    name: str, code: str, /, *, place: str | None = None, **params: object
) -> InputFileError:
    return InputFileError(code, name, place=place, **params)


def audit_zip(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    """The opened archive, after every structural check; raises ``InputFileError``."""
    cd_start, cd_end = _central_directory(data, name)
    _count_entries(data, cd_start, cd_end, name, limits)
    archive = _open(data, name)
    infos = archive.infolist()
    _check_sizes(infos, name, limits)
    _check_names(infos, name)
    _check_methods(infos, name)
    _check_overlap(data, infos, cd_start, name)
    return archive


def encrypted(infos: Iterable[zipfile.ZipInfo]) -> bool:
    return any(info.flag_bits & _FLAG_ENCRYPTED for info in infos)


def _central_directory(data: bytes, name: str) -> tuple[int, int]:
    """(start, end) of the central directory, located from the end record."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        raise refuse(name, "file-corrupt", reason="zip-truncated")
    cd_size, cd_offset = struct.unpack_from("<II", data, at + 12)
    end = at
    if cd_offset == 0xFFFFFFFF or cd_size == 0xFFFFFFFF:
        end, cd_size = _zip64_directory(data, at, name)
    start = end - cd_size
    if start < 0:
        raise refuse(name, "file-corrupt", reason="zip-directory-broken")
    return start, end


def _zip64_directory(data: bytes, eocd: int, name: str) -> tuple[int, int]:
    locator = eocd - 20
    if locator < 0 or data[locator : locator + 4] != _EOCD64_LOCATOR:
        raise refuse(name, "file-corrupt", reason="zip64-directory-broken")
    record = struct.unpack_from("<Q", data, locator + 8)[0]
    at = data.rfind(b"PK\x06\x06", 0, locator)
    if at < 0 or record > len(data):
        raise refuse(name, "file-corrupt", reason="zip64-directory-broken")
    cd_size = struct.unpack_from("<Q", data, at + 40)[0]
    return at, cd_size


def _count_entries(data: bytes, start: int, end: int, name: str, limits: Limits) -> None:
    """Walk the central directory headers; refuse past ``max_members`` before zipfile does."""
    count, at = 0, start
    while at + 46 <= end and data[at : at + 4] == _CENTRAL:
        n, m, k = struct.unpack_from("<HHH", data, at + 28)
        at += 46 + n + m + k
        count += 1
        if count > limits.max_members:
            raise refuse(
                name, "file-unsafe", reason="zip-too-many-members", limit=limits.max_members
            )


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise refuse(name, "file-corrupt", reason="zip-broken", error=_brief(exc)) from exc
    except NotImplementedError as exc:
        raise refuse(name, "archive-refused", reason="zip-version-unsupported") from exc


def is_media(info: zipfile.ZipInfo) -> bool:
    """A picture of an Office document (``word/media/image1.jpeg``): stored or compressed
    image data, not XML — a large one is a large picture, not a bomb."""
    path = member_path(info).casefold()
    return bool(_MEDIA.match(path)) and path.rsplit(".", 1)[-1] in _IMAGE_SUFFIXES


def _check_sizes(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    total = media = 0
    for info in infos:
        # A picture is only ever as large as it is stored: inflating to more than 4× is
        # no picture format's doing, so such a member still counts as a possible bomb.
        picture = is_media(info) and info.file_size <= 4 * max(info.compress_size, 1)
        if picture and info.file_size > limits.max_member:
            raise refuse(
                name,
                "file-image-too-large",
                place=member_label(info),
                reason="image-too-large",
                size=_mb(info.file_size),
                limit=_mb(limits.max_member),
            )
        if info.file_size > limits.max_member:
            raise refuse(
                name,
                "file-unsafe",
                place=member_label(info),
                reason="member-too-large",
                size=_mb(info.file_size),
                limit=_mb(limits.max_member),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise refuse(
                name,
                "file-unsafe",
                place=member_label(info),
                reason="member-ratio",
                ratio=f"{ratio:.0f}",
            )
        total += info.file_size
        media += info.file_size if picture else 0
        if total > limits.max_total and media * 2 > total:
            raise refuse(
                name,
                "file-image-too-large",
                reason="images-total-too-large",
                size=_mb(media),
                limit=_mb(limits.max_total),
            )
        if total > limits.max_total:
            raise refuse(name, "file-unsafe", reason="total-too-large", limit=_mb(limits.max_total))


def _check_names(infos: list[zipfile.ZipInfo], name: str) -> None:
    seen: set[str] = set()
    for info in infos:
        path = member_path(info)
        if unsafe_path(path):
            raise refuse(
                name, "file-unsafe", reason="member-path-unsafe", member=safe_display(path)
            )
        key = path.casefold().rstrip("/")
        if key in seen:
            raise refuse(
                name, "file-unsafe", reason="member-name-duplicate", member=safe_display(path)
            )
        seen.add(key)


def _check_methods(infos: list[zipfile.ZipInfo], name: str) -> None:
    for info in infos:
        if info.compress_type not in _SUPPORTED_METHODS and not info.flag_bits & _FLAG_ENCRYPTED:
            raise refuse(
                name,
                "archive-refused",
                place=member_label(info),
                reason="method-unsupported",
                method=info.compress_type,
            )


def _check_overlap(data: bytes, infos: list[zipfile.ZipInfo], cd_start: int, name: str) -> None:
    """Each member's local header and data must end before the next one begins."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for info, following in zip(ordered, [*ordered[1:], None], strict=True):
        at = info.header_offset
        if at < 0 or data[at : at + 4] != _LOCAL or at + 30 > len(data):
            raise refuse(
                name, "file-corrupt", place=member_label(info), reason="local-header-broken"
            )
        n, m = struct.unpack_from("<HH", data, at + 26)
        end = at + 30 + n + m + info.compress_size
        limit = cd_start if following is None else following.header_offset
        if end > limit:
            raise refuse(name, "file-unsafe", place=member_label(info), reason="members-overlap")


def member_path(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it: GBK and Unicode-path names decoded."""
    name = info.orig_filename
    if info.flag_bits & 0x800 or (name.isascii() and b"up" not in info.extra):
        return _slashes(name)  # decoded right by zipfile (0x7075 is b"up" little-endian)
    raw = name.encode("cp437")  # zipfile decoded the raw bytes as cp437: undo it
    unicode_path = _unicode_path_extra(info.extra, raw)
    if unicode_path is not None:
        return _slashes(unicode_path)
    return _slashes(decode_legacy_name(raw))


def decode_legacy_name(raw: bytes) -> str:
    """A name without the UTF-8 flag: UTF-8 if it is valid (macOS, Linux tools), else GBK
    (Chinese Windows, through GB18030 which covers every GBK byte pair), else cp437."""
    if raw.isascii():
        return raw.decode("ascii")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("cp437")


def member_label(info: zipfile.ZipInfo) -> str:
    return safe_display(member_path(info))


def unsafe_path(path: str) -> bool:
    """Whether a member name would escape a folder if it were ever used as a path."""
    if path.startswith("/") or _DRIVE.match(path) or "\x00" in path:
        return True
    return any(part == ".." for part in path.split("/"))


def _unicode_path_extra(extra: bytes, raw: bytes) -> str | None:
    """Info-ZIP's Unicode Path field (0x7075), used when it matches the raw name's CRC."""
    at = 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + size]
        unicode = tag == 0x7075 and len(body) >= 5 and body[0] == 1
        if unicode and struct.unpack_from("<I", body, 1)[0] == zlib.crc32(raw):
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                return None
        at += 4 + size
    return None


def _slashes(path: str) -> str:
    return path.replace("\\", "/")


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size} B"


def _brief(exc: Exception) -> str:
    return safe_display(str(exc), 80) or type(exc).__name__
