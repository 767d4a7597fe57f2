"""Just enough of the Compound File Binary format ([MS-CFB]) to name a container's streams.

Legacy Office files (.doc, .xls, WPS .wps/.et) and *encrypted* OOXML files are CFB
containers. The gate only needs the names of the streams and storages inside, and the
first bytes of a few streams, to tell them apart; reading is bounded and every chain walk
is guarded against loops, so a malformed container yields ``None`` instead of hanging.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_END_OF_CHAIN = 0xFFFFFFFE
_MAX_REGULAR = 0xFFFFFFFA
_ENTRY = 128
_MINI_CUTOFF = 4096
_HEADER_DIFAT = 109


@dataclass(frozen=True)
class Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class _Malformed(Exception):
    pass


class Container:
    """A parsed CFB header, FAT and directory over the bytes of a file."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise _Malformed("no CFB header")
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise _Malformed("bad sector shift")
        self.sector = 1 << shift
        self.n_sectors = (len(data) + self.sector - 1) // self.sector
        self.fat = self._read_fat()
        first_dir = struct.unpack_from("<I", data, 0x30)[0]
        self.entries = self._read_directory(first_dir)

    def names(self) -> set[str]:
        return {e.name for e in self.entries if e.kind in (1, 2, 5)}

    def stream_head(self, name: str, size: int) -> bytes | None:
        """The first ``size`` bytes of a stream (None when there is no such stream)."""
        for entry in self.entries:
            if entry.kind == 2 and entry.name == name:
                if entry.size >= _MINI_CUTOFF:
                    sectors = self._chain(entry.start)
                    head = b"".join(self._sector(s) for s in sectors[: size // self.sector + 1])
                else:
                    head = self._mini_head(entry, size)
                return head[: min(size, entry.size)]
        return None

    def _mini_head(self, entry: Entry, size: int) -> bytes:
        """Small streams live in 64-byte mini sectors inside the root entry's stream."""
        root = next(e for e in self.entries if e.kind == 5)
        mini_stream = b"".join(self._sector(s) for s in self._chain(root.start))
        first_minifat = struct.unpack_from("<I", self.data, 0x3C)[0]
        raw = b"".join(self._sector(s) for s in self._chain(first_minifat))
        minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
        chunks: list[bytes] = []
        sector = entry.start
        while sector != _END_OF_CHAIN and len(chunks) * 64 < size:
            if sector >= len(minifat) or len(chunks) > len(minifat):
                raise _Malformed("broken mini chain")
            chunks.append(mini_stream[sector * 64 : sector * 64 + 64])
            sector = minifat[sector]
        return b"".join(chunks)

    def _sector(self, index: int) -> bytes:
        offset = (index + 1) * self.sector
        if offset >= len(self.data):
            raise _Malformed("sector beyond end of file")
        return self.data[offset : offset + self.sector]

    def _chain(self, start: int) -> list[int]:
        chain: list[int] = []
        sector = start
        while sector != _END_OF_CHAIN:
            if sector > _MAX_REGULAR or sector >= len(self.fat) or len(chain) > self.n_sectors:
                raise _Malformed("broken sector chain")
            chain.append(sector)
            sector = self.fat[sector]
        return chain

    def _read_fat(self) -> list[int]:
        n_fat = struct.unpack_from("<I", self.data, 0x2C)[0]
        if n_fat > self.n_sectors:
            raise _Malformed("FAT larger than the file")
        fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", self.data, 0x4C))
        fat_sectors += self._extra_difat()
        fat: list[int] = []
        for sector in fat_sectors[:n_fat]:
            if sector > _MAX_REGULAR:
                break
            raw = self._sector(sector)
            fat.extend(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
        return fat

    def _extra_difat(self) -> list[int]:
        sector, count = struct.unpack_from("<II", self.data, 0x44)
        found: list[int] = []
        per_sector = self.sector // 4 - 1
        for _ in range(min(count, self.n_sectors)):
            if sector > _MAX_REGULAR:
                break
            raw = self._sector(sector)
            values = struct.unpack(f"<{per_sector + 1}I", raw)
            found.extend(values[:per_sector])
            sector = values[per_sector]
        return found

    def _read_directory(self, first: int) -> list[Entry]:
        entries: list[Entry] = []
        for sector in self._chain(first):
            raw = self._sector(sector)
            for offset in range(0, len(raw) - _ENTRY + 1, _ENTRY):
                entry = _entry(raw, offset)
                if entry is not None:
                    entries.append(entry)
        return entries


def _entry(raw: bytes, offset: int) -> Entry | None:
    name_len = struct.unpack_from("<H", raw, offset + 0x40)[0]
    kind = raw[offset + 0x42]
    if kind == 0 or not 2 <= name_len <= 64:
        return None
    name = raw[offset : offset + name_len - 2].decode("utf-16-le", "replace")
    start, size = struct.unpack_from("<II", raw, offset + 0x74)  # high size word: v3 junk
    return Entry(name, kind, start, size)


def legacy_encrypted(container: Container) -> bool:
    """Whether a .doc/.xls (or WPS) file is password-protected: the Word FIB's fEncrypted
    flag, or a FILEPASS record in the workbook's globals. A container too broken to tell
    is left to the reader."""
    try:
        return _legacy_encrypted(container)
    except (_Malformed, struct.error, IndexError, StopIteration):
        return False


def _legacy_encrypted(container: Container) -> bool:
    head = container.stream_head("WordDocument", 12)
    if head is not None and len(head) >= 12:
        return bool(struct.unpack_from("<H", head, 10)[0] & 0x0100)
    for stream in ("Workbook", "Book"):
        head = container.stream_head(stream, 4096)
        if head is not None:
            return _biff_filepass(head)
    return False


def _biff_filepass(head: bytes) -> bool:
    at = 0
    for _ in range(64):
        if at + 4 > len(head):
            break
        kind, size = struct.unpack_from("<HH", head, at)
        if kind == 0x002F:  # FILEPASS
            return True
        if kind == 0x000A:  # EOF of the globals substream
            break
        at += 4 + size
    return False


def open_container(data: bytes) -> Container | None:
    """The container, or ``None`` when ``data`` is not a readable CFB file."""
    try:
        return Container(data)
    except (_Malformed, struct.error, IndexError):
        return None
