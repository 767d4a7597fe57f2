"""A running app with small limits, so the refusals are cheap to provoke."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formkit.web.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
INBOX = ROOT / "samples" / "inbox"
BAD_CREDIT_CODE = INBOX / "太原市" / "太原试点产业园区" / "申报信息表.docx"
MISSING_DIMENSION = INBOX / "大同市" / "大同样例工业园区" / "绩效目标及评价指标表.xlsx"
CLEAN_PLAN = INBOX / "太原市" / "太原样例经济技术开发区" / "两年期实施方案.docx"
DOSSIER = INBOX / "太原市" / "太原样例经济技术开发区"


def dossier_zip() -> bytes:
    """The three files of one zone's dossier in one archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(DOSSIER.iterdir()):
            archive.writestr(path.name, path.read_bytes())
    return out.getvalue()


@pytest.fixture(scope="module")
def upload_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("uploads")


@pytest.fixture(scope="module")
def client(upload_dir: Path) -> Iterator[TestClient]:
    settings = Settings(
        workers=2,
        timeout_s=30,
        temp_dir=str(upload_dir),
        max_file_mb=2,
        max_request_mb=4,
        max_files=5,
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def upload(*files: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes]]]:
    """The ``files`` argument of a TestClient post: one ``files`` field per file."""
    return [("files", (name, data)) for name, data in files]


def english_words(text: str) -> list[str]:
    """Latin words in visible text, leaving out file extensions (part of a file's name) and
    MB, the unit a clerk sees in every file dialog."""
    text = re.sub(r"\.(docx|xlsx|pdf|doc|xls|wps|et|zip)\b", "", text)
    words = re.findall(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])", text)
    return [w for w in words if w != "MB"]


def visible_text(html: str, xpath: str = "//body") -> str:
    """What a reader sees of the elements ``xpath`` finds in a page (no scripts, no styles)."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    return " ".join(" ".join(n.text_content().split()) for n in root.xpath(xpath))
