"""The safety gate: every input passes here before any parser sees it.

``inspect(data, name)`` types the file by its content, audits zips before inflating
anything, refuses DTDs in OOXML parts, encrypted files, other archive formats and files
it cannot name, and returns the kind to read plus warnings (macros, external references,
an extension that lies). It raises :class:`~formkit.model.errors.InputFileError` with a code
from :mod:`formkit.model.codes` for everything it refuses, and nothing else.

The kinds it returns are the pipeline's reader kinds: ``docx`` ``xlsx`` (macro-enabled
files included, with a ``macro-present`` warning), ``pdf``, ``doc`` ``xls`` ``wps`` ``et``
and ``zip`` (an archive of submissions, opened member by member by
:func:`formkit.intake.archive.iter_members`).
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePath

from formkit.intake import cfb
from formkit.intake.limits import DEFAULT_LIMITS, Limits
from formkit.intake.names import safe_display
from formkit.intake.ooxml_gate import PackageReport, scan_package
from formkit.intake.pdfcheck import pdf_precheck
from formkit.intake.sniff import sniff, zip_kind
from formkit.intake.zipaudit import audit_zip, encrypted
from formkit.model.codes import REPORT_TEXTS
from formkit.model.errors import InputFileError
from formkit.model.findings import Finding, finding

__all__ = ["DEFAULT_LIMITS", "GateResult", "Limits", "inspect"]

_MACRO_KINDS = {"docm": "docx", "xlsm": "xlsx"}

_ARCHIVES = {"rar": "RAR", "7z": "7z", "gzip": "gzip", "bzip2": "bzip2", "xz": "xz"}
_EXTENSIONS = {
    "docx": ("docx", "docm"),
    "dotx": ("docx",),
    "docm": ("docm",),
    "dotm": ("docm",),
    "xlsx": ("xlsx", "xlsm"),
    "xltx": ("xlsx",),
    "xlsm": ("xlsm",),
    "xltm": ("xlsm",),
    "pdf": ("pdf",),
    "doc": ("doc", "wps"),
    "wps": ("wps", "doc"),
    "xls": ("xls", "et"),
    "et": ("et", "xls"),
    "zip": ("zip",),
}
_OOXML_EXTENSIONS = ("docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "xltm")
_SHOWN_KIND = {
    "docx": ".docx",
    "docm": ".docm",
    "xlsx": ".xlsx",
    "xlsm": ".xlsm",
    "pdf": ".pdf",
    "doc": ".doc",
    "xls": ".xls",
    "wps": ".wps",
    "et": ".et",
    "zip": ".zip",
}


@dataclass(frozen=True)
class GateResult:
    """What the gate let through: the reader kind, the sniffed kind and warnings."""

    kind: str
    notes: list[Finding] = field(default_factory=list)
    sniffed: str = ""


def inspect(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> GateResult:
    """Check one file's bytes before any parser runs; raise ``InputFileError`` to refuse."""
    if not data:
        raise InputFileError("file-empty", name)
    if len(data) > limits.max_file_bytes:
        raise InputFileError("file-too-large", name, detail=f"{len(data) >> 20} MB")
    sniffed = _sniff_head(data)
    if sniffed == "zip":
        result = _inspect_zip(data, name, limits)
    elif sniffed == "pdf":
        pdf_precheck(data, name, limits)
        result = GateResult("pdf", [], "pdf")
    else:
        result = _inspect_other(data, name)
    mismatch = _extension_note(name, result.sniffed)
    return (
        result
        if mismatch is None
        else GateResult(result.kind, [mismatch, *result.notes], result.sniffed)
    )


def _sniff_head(data: bytes) -> str:
    """Magic bytes only; zip packages are told apart after the audit."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    return sniff(data)


def _inspect_zip(data: bytes, name: str, limits: Limits) -> GateResult:
    archive = audit_zip(data, name, limits)
    with archive:
        if encrypted(archive.infolist()):
            raise _encrypted(archive, name)
        try:
            kind = zip_kind(archive, data)
            if kind == "zip":
                return _plain_zip(name)
            if kind not in ("docx", "docm", "xlsx", "xlsm"):
                raise _unknown(name, kind)
            report = scan_package(archive, data, name, limits)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            error = type(exc).__name__
            raise InputFileError("file-corrupt", name, reason="data-broken", error=error) from exc
    return GateResult(_MACRO_KINDS.get(kind, kind), _package_notes(report, kind), kind)


def _plain_zip(name: str) -> GateResult:
    ext = _extension(name)
    if ext in _OOXML_EXTENSIONS:
        raise InputFileError("file-corrupt", name, reason="ooxml-structure-missing", ext=ext)
    return GateResult("zip", [], "zip")


def _encrypted(archive: zipfile.ZipFile, name: str) -> InputFileError:
    names = {info.filename.casefold() for info in archive.infolist()}
    if "[content_types].xml" in names:
        return InputFileError("file-encrypted", name)
    return InputFileError("archive-refused", name, reason="archive-password")


def _package_notes(report: PackageReport, kind: str) -> list[Finding]:
    notes: list[Finding] = []
    if report.macros or kind in _MACRO_KINDS:
        notes.append(finding("macro-present"))
    if report.external:
        notes.append(finding("external-reference", detail="；".join(report.external)))
    return notes


def _inspect_other(data: bytes, name: str) -> GateResult:
    kind = sniff(data)
    if kind == "cfb-encrypted":
        raise InputFileError("file-encrypted", name)
    if kind in ("doc", "xls", "wps", "et"):
        return GateResult(kind, _legacy_notes(data, name), kind)
    if kind in _ARCHIVES:
        raise InputFileError(
            "archive-refused", name, reason="archive-format", format=_ARCHIVES[kind]
        )
    raise _unknown(name, kind)


def _legacy_notes(data: bytes, name: str) -> list[Finding]:
    container = cfb.open_container(data)
    if container is not None and cfb.legacy_encrypted(container):
        raise InputFileError("file-encrypted", name)
    names = {n.casefold() for n in container.names()} if container else set()
    if names & {"macros", "_vba_project_cur", "vba"}:
        return [finding("macro-present")]
    return []


def _unknown(name: str, kind: str) -> InputFileError:
    word = f"type-{kind}" if f"type-{kind}" in REPORT_TEXTS else "type-unknown"
    ext = _extension(name)
    if ext:
        return InputFileError(
            "file-unknown-type", name, reason="kind-extension", description_word=word, ext=ext
        )
    return InputFileError("file-unknown-type", name, detail_word=word)


def _extension(name: str) -> str:
    return safe_display(PurePath(name.rsplit("!", 1)[-1]).suffix.lower().lstrip("."), 16)


def _extension_note(name: str, sniffed: str) -> Finding | None:
    ext = _extension(name)
    expected = _EXTENSIONS.get(ext)
    if expected is None or sniffed in expected or sniffed not in _SHOWN_KIND:
        return None
    return finding(
        "extension-mismatch", detail_word="ext-content", ext=ext, kind=_SHOWN_KIND[sniffed]
    )
