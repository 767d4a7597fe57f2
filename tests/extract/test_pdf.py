"""The extractor on PDFs that LibreOffice rendered from the Word layouts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from formkit.extract import extract, recognise
from formkit.spec import FormSpec

from . import corpus_application as A
from . import corpus_plan as C
from .scorer import score

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)"),
]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    (folder / "app.docx").write_bytes(A.ours_4col()[0])
    (folder / "plan.docx").write_bytes(C.numbered_plan())
    profile = folder / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "app.docx"),
            str(folder / "plan.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {"app": folder / "app.pdf", "plan": folder / "plan.pdf"}


def test_application_pdf_reads_every_field(
    pdfs: dict[str, Path], specs: dict[str, FormSpec]
) -> None:
    from formkit.readers.pdf import read_pdf

    doc = read_pdf(pdfs["app"], "app.pdf")
    assert recognise(doc, specs) == "application"
    record = extract(doc, specs["application"])
    assert score(record, A.EXPECTED).misses == []


def test_plan_pdf_finds_every_part(pdfs: dict[str, Path], specs: dict[str, FormSpec]) -> None:
    from formkit.readers.pdf import read_pdf

    doc = read_pdf(pdfs["plan"], "plan.pdf")
    assert recognise(doc, specs) == "plan"
    record = extract(doc, specs["plan"])
    assert len(record.sections) == 6
    assert record.fields["fund_uses"].value == C.FUND_USES
    assert record.fields["year2_goal"].value == C.YEAR2
