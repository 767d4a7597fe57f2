"""Official documents as PDF: one LibreOffice batch for every kind, then what a reader sees.

The text extracts intact, a full body line holds 28 characters at a 28.95 pt pitch (22 lines to a
page), and the four 公文 faces come out as four distinct free fonts, with no fallback face.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml

from formkit.intake import office
from formkit.intake.office import soffice_available
from formkit.writers.notice import KINDS, NoticeJob, render_bytes, render_many, template_path

from .ooxml_content import all_text, paragraphs

pytestmark = [
    pytest.mark.skipif(not soffice_available(), reason="LibreOffice (soffice) not installed"),
    pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed"),
    pytest.mark.libreoffice,
    pytest.mark.slow,
]

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "notices"
LEFT_EDGE = 28 / 25.4 * 72  # 订口 28 mm, in points
CJK = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef《》“”]+$")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("notices")
    jobs = [
        NoticeJob(
            kind,
            yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8")),
            folder / f"{kind}.docx",
        )
        for kind in KINDS
    ]
    written = render_many(jobs, pdf=True)
    return {kind: (written[i], written[len(KINDS) + i]) for i, kind in enumerate(KINDS)}


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"—\s*\d+\s*—", "", text)  # page numbers
    return re.sub(r"\s+", "", text)


def lines(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(top, left, text) of each printed line of a page."""
    with pdfplumber.open(pdf) as document:
        chars = document.pages[page].chars
    rows: dict[float, list[Any]] = {}
    for char in chars:
        rows.setdefault(round(char["top"]), []).append(char)
    out = []
    for top in sorted(rows):
        row = sorted(rows[top], key=lambda c: c["x0"])
        out.append((row[0]["top"], row[0]["x0"], "".join(c["text"] for c in row)))
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_paragraph_reads_back_from_the_pdf(
    rendered: dict[str, tuple[Path, Path]], kind: str
) -> None:
    docx, pdf = rendered[kind]
    text = pdf_text(pdf)
    for paragraph in paragraphs(docx.read_bytes()):
        assert re.sub(r"\s+", "", paragraph) in text
    missing = Counter(re.sub(r"\s+", "", all_text(docx.read_bytes()))) - Counter(text)
    assert not missing  # table cells too: no character lost


def test_a_full_body_line_holds_28_characters(rendered: dict[str, tuple[Path, Path]]) -> None:
    counts = [
        len(text)
        for kind in ("call", "funding")
        for page in (0, 1)
        for _, left, text in lines(rendered[kind][1], page)
        if CJK.match(text) and abs(left - LEFT_EDGE) < 1.5
    ]
    assert max(counts) == 28


def test_lines_sit_on_a_28_95_point_grid_of_22(tmp_path: Path) -> None:
    """A long opinion (36 findings): every page between the first and the last is full, 22
    lines on the 28.95 pt grid. (The notices' own middle pages no longer fill: the closing
    keeps with the last body paragraph, GB/T 9704 §7.3.5.)"""
    data = yaml.safe_load((SAMPLES / "opinion.yaml").read_text("utf-8"))
    data["findings"] = [
        {**f, "message": f"{f['message']}（第{i + 1}处）"}
        for i in range(12)
        for f in data["findings"]
    ]
    (_, pdf) = render_many([NoticeJob("opinion", data, tmp_path / "意见.docx")], pdf=True)
    with pdfplumber.open(pdf) as document:
        pages = len(document.pages)
    assert pages >= 3
    for page in range(1, pages - 1):
        tops = [top for top, _, text in lines(pdf, page) if not text.startswith("—")]
        slots = [(top - tops[0]) / 28.95 for top in tops]
        assert all(abs(s - round(s)) < 0.06 for s in slots), slots  # within ±1.7 pt
        assert round(slots[-1]) == 21  # full: 22 lines from the first to the last


def free_fonts_installed() -> bool:
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return all(f in listing for f in ("FandolFang", "Noto Serif CJK SC", "AR PL UKai CN"))


@pytest.mark.skipif(
    shutil.which("fc-list") is None or not free_fonts_installed(),
    reason="free 公文 fonts not installed: run scripts/install-fonts.sh",
)
def test_each_official_face_is_its_own_embedded_font(
    rendered: dict[str, tuple[Path, Path]],
) -> None:
    report = subprocess.run(
        ["pdffonts", str(rendered["call"][1])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    names = {row.split()[0].split("+")[-1] for row in report}
    embedded = {row.split()[-5] for row in report}
    assert embedded == {"yes"}
    assert any("FandolFang" in n for n in names), names  # 仿宋_GB2312: body
    assert any("NotoSerifCJK" in n and "Bold" in n for n in names), names  # 小标宋: title
    assert any("NotoSansCJK" in n for n in names), names  # 黑体: 一、 headings
    assert any("UKai" in n for n in names), names  # 楷体_GB2312: （一） headings
    assert not any("DejaVu" in n for n in names), names  # no fallback face


def test_templates_resaved_by_libreoffice_render_the_same_text(tmp_path: Path) -> None:
    """A template another editor saved (split runs, its own XML habits) is still a template."""
    resaved = office.convert(
        [template_path(kind) for kind in KINDS], "docx:MS Word 2007 XML", tmp_path / "resaved"
    )
    assert len(resaved) == len(KINDS)
    for kind in KINDS:
        data = yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8"))
        ours = render_bytes(kind, data)
        theirs = render_bytes(kind, data, templates=tmp_path / "resaved")
        assert all_text(theirs) == all_text(ours), kind
