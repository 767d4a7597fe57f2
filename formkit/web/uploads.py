"""Receiving uploads: a multipart body streamed into a private folder, within limits.

Every file part of the form field ``files`` is written to ``<folder>/<n>.upload`` as it
arrives; the name the client sent is kept only as a label (``Upload.name``) and is never
used as a path. Limits are checked while the body streams in, so an oversized upload is
refused without being held in memory: ``Content-Length`` over the request limit is refused
before reading anything (413), a file over the per-file limit or a body over the request
limit as soon as it crosses it (413), more files than allowed (400), none at all (400).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:  # defined for type checkers only
    from python_multipart.multipart import MultipartCallbacks

from formkit.model.codes import CODES

FIELD = "files"
MAX_NAME = 255


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int
    max_request_bytes: int
    max_files: int


@dataclass(frozen=True)
class Upload:
    """One received file: its label as sent, where it lies in the private folder, its size."""

    name: str
    path: Path
    size: int


class UploadRefused(Exception):
    """The request as a whole is refused; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, code: str, **params: object) -> None:
        self.status = status
        self.code = code
        self.params = params
        self.message = CODES[code].render("zh", **params)
        super().__init__(self.message)

    def message_in(self, lang: str) -> str:
        return CODES[self.code].render(lang, **self.params)


def upload_name(raw: bytes) -> str:
    """The client's file name as a label: its last path component, at most 255 characters."""
    text = raw.decode("utf-8", errors="replace")
    return re.split(r"[\\/]", text)[-1][:MAX_NAME]


@dataclass
class _Receiver:
    """The parser's callbacks: headers of the current part, the file it is written to."""

    folder: Path
    limits: UploadLimits
    uploads: list[Upload] = field(default_factory=list)
    headers: dict[bytes, bytes] = field(default_factory=dict)
    header_name: bytes = b""
    header_value: bytes = b""
    sink: IO[bytes] | None = None
    name: str = ""
    size: int = 0
    finished: bool = False

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value_data,
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
            "on_end": self.end,
        }

    def part_begin(self) -> None:
        self.headers, self.sink, self.size = {}, None, 0

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def header_value_data(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def header_end(self) -> None:
        self.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        filename = options.get(b"filename")
        if options.get(b"name") != FIELD.encode() or not filename:
            return  # another field, or a file input left empty: read past it
        if len(self.uploads) >= self.limits.max_files:
            raise UploadRefused(400, "upload-too-many-files", count=self.limits.max_files)
        self.name = upload_name(filename)
        path = self.folder / f"{len(self.uploads):03d}.upload"
        self.sink = open(path, "xb")  # noqa: SIM115 - closed in part_end or close()
        self.uploads.append(Upload(self.name, path, 0))

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.sink is None:
            return
        self.size += end - start
        if self.size > self.limits.max_file_bytes:
            raise UploadRefused(
                413, "upload-file-too-large", file=self.name, limit=_mb(self.limits.max_file_bytes)
            )
        self.sink.write(data[start:end])

    def part_end(self) -> None:
        if self.sink is not None:
            self.sink.close()
            last = self.uploads[-1]
            self.uploads[-1] = Upload(last.name, last.path, self.size)
            self.sink = None

    def end(self) -> None:
        self.finished = True

    def close(self) -> None:
        if self.sink is not None:
            self.sink.close()


async def receive_uploads(
    headers: dict[str, str], body: AsyncIterator[bytes], folder: Path, limits: UploadLimits
) -> list[Upload]:
    """Stream a ``multipart/form-data`` body into ``folder``; the files of field ``files``.

    Raises :class:`UploadRefused` (400 or 413) when the request breaks a limit or is not a
    form upload. ``folder`` must be private to this request; the caller removes it.
    """
    boundary = _boundary(headers.get("content-type", ""))
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_request_bytes:
        raise UploadRefused(413, "upload-request-too-large", limit=_mb(limits.max_request_bytes))
    receiver = _Receiver(folder, limits)
    parser = MultipartParser(boundary, receiver.callbacks())
    total = 0
    try:
        async for chunk in body:
            total += len(chunk)
            if total > limits.max_request_bytes:
                raise UploadRefused(
                    413, "upload-request-too-large", limit=_mb(limits.max_request_bytes)
                )
            parser.write(chunk)
        parser.finalize()
    except UploadRefused:
        raise
    except Exception as exc:  # a malformed body: python-multipart's own errors
        raise UploadRefused(400, "upload-malformed", detail=type(exc).__name__) from None
    finally:
        receiver.close()
    if not receiver.finished:
        raise UploadRefused(400, "upload-malformed", detail_word="upload-unterminated")
    if not receiver.uploads:
        raise UploadRefused(400, "upload-no-files")
    return receiver.uploads


def _boundary(content_type: str) -> bytes:
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused(400, "upload-not-multipart")
    return boundary


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g}"
