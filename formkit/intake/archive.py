"""Read a submission archive (.zip) member by member, trusting none of its names.

Zips made on Chinese Windows store names in GBK without the UTF-8 flag (bit 0x800);
:func:`formkit.intake.zipaudit.member_path` decodes those, honours the flag and Info-ZIP's
Unicode-path field. Names are only *shown* (``archive.zip!目录/申报表.docx``): nothing is
ever written to a path taken from a member. Zips inside zips are opened to
``Limits.max_depth`` (the outer archive is depth 0); every level passes the same audit,
and one budget of uncompressed bytes covers the whole tree, so a nested bomb (42.zip)
stops at the first level that breaks a limit.

Whole-archive refusals (raised as ``InputFileError`` before any member is yielded): a
corrupt or hostile structure (see :func:`~formkit.intake.zipaudit.audit_zip`), a password,
no member to read. A nested archive that breaks a rule raises when it is reached, naming
the member in ``place``.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from formkit.intake.limits import DEFAULT_LIMITS, Limits
from formkit.intake.names import safe_display
from formkit.intake.sniff import open_zip, zip_kind
from formkit.intake.zipaudit import audit_zip, encrypted, member_path
from formkit.model.errors import InputFileError

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Member:
    """One file inside an archive.

    ``name`` is the shown name, ``outer.zip!folder/file.docx`` (characters that could
    mislead a reader escaped); ``path`` is the decoded member name, for display and
    matching only — never a filesystem path.
    """

    name: str
    data: bytes
    path: str = ""

    @property
    def name_shown(self) -> str:
        return self.name


class _Budget:
    """Uncompressed bytes still allowed across an archive and everything nested in it."""

    def __init__(self, total: int) -> None:
        self.left = total

    def spend(self, size: int, name: str) -> None:
        self.left -= size
        if self.left < 0:
            raise InputFileError("file-unsafe", name, reason="nested-total-too-large")


def iter_members(
    data: bytes,
    name: str,
    *,
    depth: int = 0,
    limits: Limits = DEFAULT_LIMITS,
    budget: _Budget | None = None,
) -> Iterator[Member]:
    """Yield each readable member of the zip in ``data``; nested zips are flattened."""
    budget = budget or _Budget(limits.max_total)
    archive = audit_zip(data, name, limits)
    with archive:
        infos = [info for info in archive.infolist() if _wanted(info)]
        if encrypted(infos):
            raise InputFileError("archive-refused", name, reason="archive-password")
        if depth == 0 and not infos:
            raise InputFileError("archive-refused", name, reason="archive-empty")
        for info in infos:
            yield from _member(archive, info, name, depth, limits, budget)


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    outer: str,
    depth: int,
    limits: Limits,
    budget: _Budget,
) -> Iterator[Member]:
    path = member_path(info)
    shown = f"{outer}!{safe_display(path)}"
    budget.spend(info.file_size, outer)
    data = _read(archive, info, outer, path)
    if not _is_plain_zip(data):
        yield Member(shown, data, path)
        return
    if depth + 1 > limits.max_depth:
        raise InputFileError(
            "archive-refused",
            outer,
            place=safe_display(path),
            reason="archive-too-deep",
            limit=limits.max_depth,
        )
    yield from iter_members(data, shown, depth=depth + 1, limits=limits, budget=budget)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, outer: str, path: str) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise InputFileError(
            "file-corrupt",
            outer,
            place=safe_display(path),
            reason="member-broken",
            error=type(exc).__name__,
        ) from exc


def _is_plain_zip(data: bytes) -> bool:
    """A zip that is an archive, not an OOXML/ODF package."""
    if not data.startswith(_ZIP_MAGIC):
        return False
    nested = open_zip(data)
    if nested is None:
        return True  # let the nested audit call it corrupt
    with nested:
        return zip_kind(nested) == "zip"


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Skip folders and the litter of file managers (macOS forks, thumbnails, Office locks)."""
    path = member_path(info)
    base = path.rstrip("/").rsplit("/", 1)[-1]
    if info.is_dir() or path.endswith("/") or not base:
        return False
    if path.startswith("__MACOSX/") or base.casefold() in _JUNK_NAMES:
        return False
    return not base.startswith(("~$", "._"))
