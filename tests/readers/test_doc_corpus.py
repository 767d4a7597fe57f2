"""Real Word-made .doc files get a clean answer through the whole pipeline: read (and
checked against antiword), or refused with a formkit code — never an internal error, a
timeout or a memory refusal. A sample of ``shared/corpus/legacy/doc`` chosen for its cases;
``benchmarks/bench_doc.py`` runs all 134 (about 9 minutes: a LibreOffice start per file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from formkit.intake.office import soffice_available
from formkit.pipeline import FileResult, Options, check

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "legacy" / "doc"
SAMPLE = {
    "Bug46817.doc": "read",  # tables whose cells antiword prints on many lines: no loss
    "innertable.doc": "read",  # a table inside a table
    "Bug49933.doc": "read",  # Word 95 in Russian: not compared (antiword's codepage)
    "empty.doc": "read",
    "53446.doc": "doc-tables-lost",  # LibreOffice's import empties a table antiword reads
    "PasswordProtected.doc": "file-encrypted",
    "word2.doc": "file-unknown-type",  # Word 2.0: not a Word 97 CFB file
    "clusterfuzz-testcase-POIHWPFFuzzer-5696094627495936.doc": "file-legacy-unconverted",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.libreoffice,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus/legacy is not here"),
    pytest.mark.skipif(
        not soffice_available() or shutil.which("antiword") is None,
        reason="LibreOffice and antiword are needed: scripts/setup-system.sh",
    ),
]


@pytest.fixture(scope="module")
def results() -> dict[str, FileResult]:
    found = check([CORPUS / name for name in SAMPLE], Options(workers=2, timeout_s=60))
    return {Path(r.file).name: r for r in found}


def test_each_sampled_doc_gets_the_answer_its_case_calls_for(
    results: dict[str, FileResult],
) -> None:
    answers = {name: r.findings[0].code if r.unreadable else "read" for name, r in results.items()}
    assert answers == SAMPLE


def test_no_doc_ends_in_an_internal_error_timeout_or_memory_refusal(
    results: dict[str, FileResult],
) -> None:
    for result in results.values():
        codes = {f.code for f in result.findings}
        assert not codes & {"internal-error", "file-timeout", "file-memory"}, result.file
