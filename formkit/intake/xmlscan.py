"""Refuse a DTD in an XML part by reading only its prolog.

XML allows a document type declaration only in the prolog, before the root element. The
OOXML specification forbids DTDs in package parts, and refusing them stops XXE (external
entities) and billion-laughs (nested entity expansion) before any parser runs. So the scan
reads a part only until its root element starts — usually the first 100 bytes — skipping
the XML declaration, processing instructions, comments and white space, and refuses:

- ``<!DOCTYPE`` or any other ``<!`` markup that is not a comment;
- an encoding that is not a common ASCII-compatible one or UTF-16 (UTF-7 or UTF-32 could
  hide markup from a byte scan), and EBCDIC;
- a prolog longer than the budget (a part that pads its prolog to hide a DTD further on).

The part is decompressed incrementally, so a bomb is never inflated past the budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ALLOWED_ENCODING = re.compile(
    r"(utf-?8|utf-?16(le|be)?|(us-?)?ascii|iso[-_]?8859[-_]?\d{1,2}|latin-?1"
    r"|(windows|cp)-?125\d|gbk|gb2312|gb18030|cp936|big5)",
    re.IGNORECASE,
)
_ENCODING_DECL = re.compile(r"""encoding\s*=\s*["']([^"']*)["']""")
_SPACE = " \t\r\n"
_FIRST_READ = 256


class UnsafeXml(Exception):
    """An XML part carries a DTD or hides its prolog; ``params`` name a
    :data:`formkit.model.codes.REASONS` entry (``reason``) and its placeholders."""

    def __init__(self, reason: str, **params: str) -> None:
        super().__init__(reason)
        self.params = {"reason": reason, **params}


def check_prolog(raw: bytes, budget: int = 64 * 1024) -> None:
    """Raise :class:`UnsafeXml` when the XML in ``raw`` has a DTD before its root."""
    view = raw[:budget]
    if _scan(view, eof=len(raw) <= budget) is None:
        raise UnsafeXml("xml-prolog-too-long")


def check_stream(read: Callable[[int], bytes], budget: int = 64 * 1024) -> None:
    """Like :func:`check_prolog` over ``read(n)``, reading no more than ``budget`` bytes."""
    _check_stream(read, budget)


def _check_stream(read: Callable[[int], bytes], budget: int) -> None:
    buffer = b""
    want = _FIRST_READ
    while True:
        chunk = read(want - len(buffer))
        buffer += chunk
        eof = len(buffer) < want
        if _scan(buffer, eof) is not None:
            return
        if eof:
            return
        if len(buffer) >= budget:
            raise UnsafeXml("xml-prolog-too-long")
        want = min(budget, want * 4)


def _scan(raw: bytes, eof: bool) -> bool | None:
    """True when the root element (or non-XML content) is reached; None when more is needed."""
    text = _decode(raw)
    if text is None:
        return True
    i = 0
    while True:
        while i < len(text) and text[i] in _SPACE:
            i += 1
        rest = text[i : i + 4]
        if not rest:
            return True if eof else None
        if not rest.startswith("<"):
            return True  # not XML markup at all: no parser will read it as XML
        if rest.startswith("<?"):
            end = text.find("?>", i + 2)
            if end < 0:
                return True if eof else None
            _check_declaration(text[i : end + 2])
            i = end + 2
        elif rest.startswith("<!--"):
            end = text.find("-->", i + 4)
            if end < 0:
                return True if eof else None
            i = end + 3
        elif rest.startswith("<!") and (len(rest) == 4 or eof):
            raise UnsafeXml("xml-dtd")
        elif rest.startswith("<!") or rest == "<":
            return True if eof else None
        else:
            return True


def _check_declaration(pi: str) -> None:
    if not pi.startswith("<?xml"):
        return
    match = _ENCODING_DECL.search(pi)
    if match and not _ALLOWED_ENCODING.fullmatch(match.group(1).strip()):
        raise UnsafeXml("xml-encoding", encoding=repr(match.group(1)[:20]))


def _decode(raw: bytes) -> str | None:
    """The prolog as text, by the byte patterns of XML 1.0 appendix F; None for non-XML."""
    head = raw[:4]
    if head.startswith(
        (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\x00<", b"<\x00\x00\x00")
    ):
        raise UnsafeXml("xml-encoding", encoding="UTF-32")
    if head.startswith(b"\x4c\x6f\xa7\x94"):
        raise UnsafeXml("xml-encoding", encoding="EBCDIC")
    if head.startswith(b"\xfe\xff") or (len(head) >= 2 and head[0] == 0 and head[1] != 0):
        return _utf16(raw, "utf-16-be")
    if head.startswith(b"\xff\xfe") or (len(head) >= 2 and head[1] == 0 and head[0] != 0):
        return _utf16(raw, "utf-16-le")
    if head.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("latin-1")


def _utf16(raw: bytes, codec: str) -> str:
    body = raw[: len(raw) // 2 * 2]
    return body.decode(codec, "replace").lstrip("\ufeff")
