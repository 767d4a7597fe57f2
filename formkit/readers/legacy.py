"""Legacy and WPS formats (.doc .wps → .docx, .xls .et → .xlsx) through LibreOffice.

Workbooks are read natively first (:func:`read_workbook`, :mod:`formkit.readers.xls`:
Excel's stored formula values, no LibreOffice start); LibreOffice converts only those the
native reader refuses, and every .doc/.wps.

Files are written under neutral names (``0001.doc``) into a private temporary folder and
converted by :func:`formkit.intake.office.convert` — one ``soffice`` process per target format for
the whole batch, a private profile, a timeout per file and one retry — then read by the
.docx / .xlsx readers under the name the user gave. WPS files are the same CFB formats as
.doc/.xls with extra streams, so they are handed to LibreOffice as .doc/.xls.

A Word file's conversion is checked against antiword's reading of the original
(:mod:`formkit.readers.doc_check`): one that lost tables or a noticeable share of the text is
refused (``doc-tables-lost`` / ``doc-text-lost``) rather than read as if it were the file.

Without LibreOffice, or when it cannot convert a file, the file is refused with
``file-legacy-unconverted`` (请另存为 .docx/.xlsx 后重新提交). A converted file carries the
note ``legacy-converted`` so the clerk knows what was read.

Batch review converts many files in one call with :func:`convert_many` (a LibreOffice
start costs about a second); :func:`read_legacy` is the one-file path the pipeline uses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from formkit.intake import office
from formkit.intake.sniff import sniff
from formkit.model.document import Document
from formkit.model.errors import ConfigError, InputFileError
from formkit.model.findings import finding

# legacy kind → (extension LibreOffice is given, target format, LibreOffice filter)
TARGETS = {
    "doc": ("doc", "docx", "docx:MS Word 2007 XML"),
    "wps": ("doc", "docx", "docx:MS Word 2007 XML"),
    "xls": ("xls", "xlsx", "xlsx:Calc MS Excel 2007 XML"),
    "et": ("xls", "xlsx", "xlsx:Calc MS Excel 2007 XML"),
}
TIMEOUT_S = 60.0  # per file

Item = tuple[str, bytes, str]  # (name as given, content, legacy kind)


def convert_many(
    items: Sequence[Item], *, timeout: float = TIMEOUT_S
) -> dict[str, bytes | InputFileError]:
    """Convert legacy files to .docx/.xlsx bytes; one LibreOffice run per target format.

    Returns, per name, the converted bytes or the ``InputFileError`` refusing that file.
    """
    results: dict[str, bytes | InputFileError] = {}
    batches: dict[str, list[tuple[int, Item]]] = {}
    for index, item in enumerate(items):
        name, _, kind = item
        if kind not in TARGETS:
            results[name] = (
                InputFileError(
                    "file-legacy-unconverted", name, reason="legacy-not-legacy", kind=kind
                )
                if kind
                else InputFileError("file-legacy-unconverted", name, reason="legacy-no-kind")
            )
        elif TARGETS.get(sniff(item[1]), ("",))[0] != TARGETS[kind][0]:
            results[name] = InputFileError(
                "file-legacy-unconverted", name, reason="legacy-content", kind=kind
            )
        else:
            batches.setdefault(TARGETS[kind][2], []).append((index, item))
    with tempfile.TemporaryDirectory(prefix="formkit-legacy-") as tmp:
        for fmt, batch in batches.items():
            results.update(_convert_batch(batch, fmt, Path(tmp), timeout))
    return results


def convert_legacy(
    source: str | Path | bytes, name: str, kind: str | None = None, *, timeout: float = TIMEOUT_S
) -> bytes:
    """One legacy file → .docx/.xlsx bytes (``kind`` sniffed from the content if omitted)."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    outcome = convert_many([(name, data, kind or sniff(data))], timeout=timeout)[name]
    if isinstance(outcome, InputFileError):
        raise outcome
    return outcome


def read_legacy(data: bytes, name: str, kind: str) -> Document:
    """Convert one legacy file and read it with the .docx/.xlsx reader; a Word file's
    conversion is checked against the original (:mod:`formkit.readers.doc_check`)."""
    return read_converted(name, convert_legacy(data, name, kind), kind, original=data)


def read_workbook(data: bytes, name: str, kind: str) -> Document:
    """A .xls/.et read natively (:mod:`formkit.readers.xls`); through LibreOffice only when
    the native reader refuses the file."""
    # on use, not at the top: saves ~23 ms of start-up (measured)
    from formkit.readers.xls import NativeRefused, read_xls

    try:
        return read_xls(data, name)
    except NativeRefused:
        return read_legacy(data, name, kind)


def read_converted(
    name: str, converted: bytes, kind: str, *, original: bytes | None = None
) -> Document:
    """Read what :func:`convert_many` gave for a legacy file of ``kind``. With the
    ``original`` bytes, a Word file is refused when the conversion lost tables or text."""
    if TARGETS[kind][1] == "docx":
        # on use, not at the top: saves ~23 ms of start-up (measured)
        from formkit.readers.doc_check import verify
        from formkit.readers.docx import read_docx

        doc = read_docx(converted, name)
        if original is not None:
            verify(doc, original)
    else:
        from formkit.readers.xlsx import read_xlsx

        doc = read_xlsx(converted, name)
    doc.notes.append(finding("legacy-converted", detail=f".{kind}"))
    return doc


def _convert_batch(
    batch: list[tuple[int, Item]], fmt: str, folder: Path, timeout: float
) -> dict[str, bytes | InputFileError]:
    sources: dict[Path, str] = {}
    kinds: dict[str, str] = {}
    for index, (name, data, kind) in batch:
        path = folder / f"{index:04d}.{TARGETS[kind][0]}"
        path.write_bytes(data)
        sources[path] = name
        kinds[name] = kind
    outdir = folder / "out"
    failed: set[Path] = set()
    try:
        office.convert(list(sources), fmt, outdir, timeout=timeout, retries=1)
    except ConfigError:
        return {
            n: InputFileError(
                "file-legacy-unconverted", n, reason="legacy-no-office", kind=kinds[n]
            )
            for n in sources.values()
        }
    except office.ConversionError as exc:
        failed = {Path(p).resolve() for p in exc.failed}
    ext = fmt.split(":", 1)[0]
    results: dict[str, bytes | InputFileError] = {}
    for path, name in sources.items():
        if path.resolve() in failed:
            results[name] = InputFileError(
                "file-legacy-unconverted", name, reason="legacy-convert-failed", kind=kinds[name]
            )
        else:
            results[name] = (outdir / f"{path.stem}.{ext}").read_bytes()
    return results
