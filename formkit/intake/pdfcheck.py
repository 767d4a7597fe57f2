"""A PDF precheck against stream bombs, run by the gate before the PDF reader.

A PDF stream's ``/Length`` is its *compressed* length, so declared sizes say nothing about
a Flate bomb (a 1 MB stream that inflates to 1 GB). The precheck therefore inflates every
zlib stream in the file — counting the output, never keeping it — and refuses the file as
soon as one stream passes ``Limits.pdf_max_stream`` (or passes ``pdf_ratio_floor`` at
more than ``max_ratio`` times its compressed size, so a bomb is caught after ~32 MiB: zlib
inflates runs of zeros at only ~100 MB/s) or all of them together pass
``Limits.pdf_max_inflated``. Streams under other filters (JPEG, JBIG2, ASCII85 chains) are
left to the reader, which runs under the worker's memory limit anyway.

For the PDF reader's author: the reader may assume that every plain ``/FlateDecode``
stream inflates to at most ``pdf_max_stream`` bytes. The cost is one inflate pass over the
file's Flate streams, a small fraction of what text extraction costs (see the report).
"""

from __future__ import annotations

import zlib

from formkit.intake.limits import DEFAULT_LIMITS, Limits
from formkit.model.codes import REPORT_TEXTS
from formkit.model.errors import InputFileError

_CHUNK_IN = 64 * 1024
_CHUNK_OUT = 1024 * 1024


def pdf_precheck(data: bytes, name: str = "", limits: Limits = DEFAULT_LIMITS) -> int:
    """Total inflated size of the PDF's Flate streams; raises ``InputFileError`` on a bomb."""
    view = memoryview(data)
    total = 0
    for start, end in _streams(data):
        if not _zlib_header(data, start):
            continue
        size = _inflated_size(view[start:end], limits)
        if size < 0:
            place = REPORT_TEXTS["at-byte"][0].format(offset=start)
            raise InputFileError("file-unsafe", name, place=place, reason="pdf-stream-bomb")
        total += size
        if total > limits.pdf_max_inflated:
            limit = limits.pdf_max_inflated >> 20
            raise InputFileError("file-unsafe", name, reason="pdf-streams-total", limit=limit)
    return total


def _streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of the bytes between each ``stream`` EOL and its ``endstream``."""
    found: list[tuple[int, int]] = []
    at = 0
    while True:
        at = data.find(b"stream", at)
        if at < 0:
            return found
        if data[at - 3 : at] == b"end":
            at += 6
            continue
        start = at + 6
        if data[start : start + 2] == b"\r\n":
            start += 2
        elif data[start : start + 1] in (b"\n", b"\r"):
            start += 1
        else:
            at = start
            continue
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        found.append((start, end))
        at = end + 9


def _zlib_header(data: bytes, at: int) -> bool:
    if at + 2 > len(data):
        return False
    cmf, flg = data[at], data[at + 1]
    return cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0


def _inflated_size(stream: memoryview, limits: Limits) -> int:
    """Bytes the stream inflates to, or -1 once it passes ``pdf_max_stream``, or passes
    ``pdf_ratio_floor`` at more than ``max_ratio`` times the input read so far. Damaged
    data ends the count (the reader reports it)."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for offset in range(0, len(stream), _CHUNK_IN):
            pending = bytes(stream[offset : offset + _CHUNK_IN])
            produced = _CHUNK_OUT
            while pending or produced == _CHUNK_OUT:  # a full buffer may leave output behind
                produced = len(inflater.decompress(pending, _CHUNK_OUT))
                size += produced
                pending = inflater.unconsumed_tail
                if _too_big(size, offset + _CHUNK_IN - len(pending), limits):
                    return -1
                if inflater.eof:
                    return size
    except zlib.error:
        return size
    return size


def _too_big(size: int, read: int, limits: Limits) -> bool:
    if size > limits.pdf_max_stream:
        return True
    return size > limits.pdf_ratio_floor and size > read * limits.max_ratio
