"""The peer corpus (330 files from seven parsers' test suites) through the gate: it never
raises anything but InputFileError, passes every ordinary file and names the rejects."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from formkit.intake.archive import iter_members
from formkit.intake.gate import inspect
from formkit.model.errors import InputFileError

PEERS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "peers"
FILES = (
    sorted(p for p in PEERS.rglob("*") if p.is_file() and p.suffix != ".md")
    if PEERS.is_dir()
    else []
)

REFUSED = {
    "openpyxl/openpyxl/reader/tests/data/null_file.xlsx": "file-empty",
    "pdfplumber/tests/pdfs/empty.pdf": "file-empty",
    "unstructured/example-docs/password_protected.xlsx": "file-encrypted",
    "openpyxl/openpyxl/tests/data/reader/null_archive.xlsx": "file-corrupt",
}

pytestmark = pytest.mark.skipif(not FILES, reason="shared/corpus/peers is absent")


def _gate(path: Path) -> str:
    try:
        return inspect(path.read_bytes(), path.name).kind
    except InputFileError as exc:
        return exc.code


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PEERS)))
def test_every_peer_file_is_read_or_refused_with_a_code(path):
    answer = _gate(path)
    expected = REFUSED.get(str(path.relative_to(PEERS)))
    if expected:
        assert answer == expected
    else:
        assert (
            answer
            == {
                ".docx": "docx",
                ".xlsx": "xlsx",
                ".xlsm": "xlsx",
                ".xltx": "xlsx",
                ".xltm": "xlsx",
                ".pdf": "pdf",
                ".xls": "xls",
            }[path.suffix]
        )


def test_every_peer_package_read_as_an_archive_only_raises_input_file_errors():
    """200 real zips through the archive reader (names, nesting, sizes)."""
    read = 0
    for path in FILES:
        if path.suffix in (".docx", ".xlsx", ".xlsm") and path.stat().st_size:
            with contextlib.suppress(InputFileError):
                read += len(list(iter_members(path.read_bytes(), path.name)))
    assert read > 1000
