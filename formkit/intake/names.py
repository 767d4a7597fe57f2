"""File and member names shown safely.

A name comes from whoever sent the file: it may carry newlines (a forged second line of a
report), terminal escape sequences, right-to-left overrides that make ``cod.exe`` read as
``exe.doc``, or invisible characters. :func:`safe_display` makes every such character
visible as an escape, so what is printed is what the name really is. Names are only ever
shown, never used as paths and never passed to a shell; shell metacharacters (``;|&$``…)
are printable and are shown as they are.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MAX_SHOWN = 200

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# Bidirectional controls (embeddings, overrides, isolates, marks) and other invisibles.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def safe_display(name: str, limit: int = MAX_SHOWN) -> str:
    """``name`` with control, bidi and invisible characters shown as escapes.

    >>> safe_display("报告\\u202egpj.exe\\n")
    '报告\\\\u202egpj.exe\\\\n'
    """
    # every character escaped is one Python does not count printable (categories C and Z):
    # most names have none, and the test of each character cost a check 0.3 ms per file
    shown = name if name.isprintable() else "".join(_escape(ch) for ch in name)
    return _shorten(shown, limit)


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    if ch in _INVISIBLE or _is_hidden(ch):
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch


def _is_hidden(ch: str) -> bool:
    """Control (Cc), format (Cf), separator (Zl/Zp), surrogate or unassigned characters."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[len(text) - keep :]}"


# What offices, file managers and Macs leave beside the real files in a folder: hidden files
# and folders, Word's and Excel's lock files (~$…), macOS resource forks (__MACOSX). check,
# batch and panel collect skip the same ones, so the clerk's check sees the dossier batch sees.
SKIPPED_PREFIXES = (".", "~$", "__MACOSX")


def skipped(parts: Iterable[str]) -> bool:
    """Whether a path below a folder, given by its parts, is such a leftover."""
    return any(part.startswith(SKIPPED_PREFIXES) for part in parts)
