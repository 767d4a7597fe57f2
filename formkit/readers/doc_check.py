"""A legacy Word file converted by LibreOffice, checked against an independent reading.

LibreOffice's .doc import can lose what Word stored: a table it does not see comes back as
one long paragraph (LibreOffice's own .doc export of a body ending in a table does this),
and read as ``label：value`` text that table would give wrong values and false 未填写. So
the converted document is compared with antiword's reading of the original (its own .doc
parser: text and table rows, ``|`` between cells), after olefile has confirmed the file is
a Word 97 or later document (its ``WordDocument`` stream's FIB):

- tables: how much of the text antiword found in tables (its ``|`` lines) the converted
  document holds in its tables; less than :data:`MIN_SHARE` → ``doc-tables-lost``;
- text: how much of antiword's body text (footnotes, endnotes and text boxes, which it
  prints after a rule, left out) the converted document holds anywhere; less than
  :data:`MIN_SHARE` → ``doc-text-lost``.

Text is compared as a multiset of characters, whitespace and table rules removed, so order,
line breaks and layout do not matter; a loss under :data:`MIN_LOST_CHARS` characters is
never called noticeable.

Either loss refuses the file (请另存为 .docx 后重新提交), naming what was lost: fields read
from a damaged copy would be wrong, and fields missing from it are not missing from the file.
Without antiword, or when antiword cannot read the file, there is nothing to compare with
and the file is read as converted (its ``legacy-converted`` note already asks for a check).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from formkit.intake.worker import release_limits
from formkit.model.document import Document
from formkit.model.errors import InputFileError

__all__ = ["Reading", "antiword_reading", "verify"]

MIN_SHARE = 0.9  # of antiword's characters (in tables; in all) the conversion must hold …
MIN_LOST_CHARS = 30  # … unless fewer than this many are missing
TIMEOUT_S = 30.0
_NOISE = re.compile(r"[\s|\u3000]+")
_WORD97 = 0xC1
_RULE = "\n-----------------------\n"
_MARKERS = re.compile(r"\[(?:pic|\d+)\]")  # antiword's picture and footnote markers


@dataclass(frozen=True)
class Reading:
    """What antiword read of the body: the characters inside tables and all of them."""

    table: Counter[str]
    chars: Counter[str]


def verify(doc: Document, original: bytes) -> None:
    """Raise the refusal naming what LibreOffice's conversion of ``original`` lost."""
    reading = antiword_reading(original)
    if reading is None:
        return
    ours, in_tables = _chars(doc)
    # Rows are no measure (antiword prints a cell's every line as a row); table text is.
    lost = _lost(reading.table, in_tables)
    if lost is not None:
        raise InputFileError("doc-tables-lost", doc.name, detail=str(lost))
    lost = _lost(reading.chars, ours)
    if lost is not None:
        raise InputFileError("doc-text-lost", doc.name, detail=str(lost))


def _lost(theirs: Counter[str], ours: Counter[str]) -> int | None:
    """The percentage of ``theirs`` missing from ``ours`` when it is a noticeable loss."""
    total = sum(theirs.values())
    kept = sum((theirs & ours).values())
    if total - kept >= MIN_LOST_CHARS and kept < MIN_SHARE * total:
        return 100 - 100 * kept // total
    return None


def antiword_reading(data: bytes) -> Reading | None:
    """antiword's reading of a Word file's body; None when it is no Word 97+ file, there is
    no antiword, or antiword cannot read it in time (it declines files with a tiny text)."""
    exe = shutil.which("antiword")
    if exe is None or not _word97(data):
        return None
    with tempfile.TemporaryDirectory(prefix="formkit-doc-") as tmp:
        path = Path(tmp) / "original.doc"
        path.write_bytes(data)
        try:
            done = subprocess.run(
                [exe, "-w", "0", "-m", "UTF-8.txt", str(path)],
                capture_output=True,
                timeout=TIMEOUT_S,
                preexec_fn=release_limits,
                check=False,
            )
        except (subprocess.TimeoutExpired, OSError):
            return None
    if done.returncode != 0:
        return None
    # Footnotes, endnotes and text boxes follow antiword's rule line; the reader keeps the body.
    body = done.stdout.decode("utf-8", "replace").split(_RULE, 1)[0]
    table = "".join(line for line in body.splitlines() if line.startswith("|"))
    return Reading(_count(table), _count(body))


def _count(text: str) -> Counter[str]:
    return Counter(_NOISE.sub("", _MARKERS.sub("", text)))


def _word97(data: bytes) -> bool:
    """Whether the file has a Word 97 or later ``WordDocument`` stream (FIB ``nFib`` ≥
    0xC1). antiword reads Word 6/95 text in a Western codepage, so a Russian or Chinese
    Word 95 file would look lost when it is not: those are not compared."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                return False
            head = ole.openstream("WordDocument").read(4)
    except Exception:  # olefile raises its own and struct/OSError types on damaged files
        return False
    return len(head) == 4 and int.from_bytes(head[2:4], "little") >= _WORD97


def _chars(doc: Document) -> tuple[Counter[str], Counter[str]]:
    """The converted document's characters: all of them, and those inside tables."""
    in_tables: Counter[str] = Counter()
    for table in doc.all_tables():
        for cell in table.cells:
            in_tables.update(_NOISE.sub("", cell.text))
    found = Counter(in_tables)
    for paragraph in doc.paragraphs:
        found.update(_NOISE.sub("", paragraph.text))
    return found, in_tables
