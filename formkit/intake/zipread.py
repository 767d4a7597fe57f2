"""Read the start of an audited zip member straight from the archive's bytes.

The gate reads the first kilobyte of every part of a package; going through
``zipfile.ZipFile.open`` costs ≈ 45 µs a part, ≈ 0.6 ms (≈ 5 % of ``check``) per file
(benchmarks/RESULTS.md, "The zip member reader, kept for its figure"). Stored and deflated members
(all that Office writes) are read here; other methods fall back to ``zipfile``. Output is
always bounded by the size asked for, so a bomb inflates no further than that.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable

_IN_CHUNK = 16 * 1024

Reader = Callable[[int], bytes]


def member_reader(archive: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo) -> Reader:
    """A ``read(n)`` over the member's uncompressed bytes (from the start, sequential)."""
    at = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    start = at + 30 + name_len + extra_len
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return _stored(raw)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return _deflated(raw)
    stream = archive.open(info)
    return stream.read


def _stored(raw: memoryview) -> Reader:
    position = 0

    def read(size: int) -> bytes:
        nonlocal position
        chunk = bytes(raw[position : position + size])
        position += len(chunk)
        return chunk

    return read


def _deflated(raw: memoryview) -> Reader:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    position = 0

    def read(size: int) -> bytes:
        nonlocal position
        out = bytearray()
        while len(out) < size and not inflater.eof:
            chunk = inflater.unconsumed_tail
            if not chunk and position < len(raw):
                chunk = bytes(raw[position : position + min(_IN_CHUNK, max(size, 512))])
                position += len(chunk)
            got = inflater.decompress(chunk, size - len(out))
            out += got
            if not chunk and not got:
                break
        return bytes(out)

    return read
