"""Every odd real file from the peer libraries' test suites gets a clean answer from the
whole pipeline: read, or refused with a formkit code — no internal error, no timeout."""

from __future__ import annotations

from pathlib import Path

import pytest

from formkit.pipeline import FileResult, Options, check

PEERS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "peers"
REFUSALS = {
    "file-encrypted",
    "file-scanned-pdf",
    "file-docx-pictures",
    "file-pdf-empty",
    "file-pdf-unmapped",
    "file-empty",
    "file-corrupt",
    "file-unknown-type",
    "file-unsafe",
    "file-legacy-unconverted",
    "archive-refused",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PEERS.is_dir(), reason="shared/corpus/peers is not beside the repo"),
]


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    files = sorted(p for p in PEERS.rglob("*") if p.is_file() and p.suffix != ".md")
    return check(files, Options(workers=2, timeout_s=60))


def test_every_peer_file_gets_a_clean_answer(results: list[FileResult]) -> None:
    bad = [
        (r.file, [f.code for f in r.findings])
        for r in results
        if any(f.code in {"internal-error", "file-timeout", "file-memory"} for f in r.findings)
    ]
    assert bad == []


def test_refusals_use_formkit_codes(results: list[FileResult]) -> None:
    for r in results:
        if r.unreadable:
            assert {f.code for f in r.findings} <= REFUSALS, r.file


def test_most_peer_files_are_read(results: list[FileResult]) -> None:
    read = sum(1 for r in results if not r.unreadable)
    assert read >= 0.9 * len(results)
