"""``formkit serve --lang en``: the page's own words, its findings and the API's messages in
English; what the forms gave (file names, field labels, quoted values, sheet names) as given.
The Chinese page is unchanged (the other tests of tests/web)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formkit.web.app import Settings, create_app

from .conftest import BAD_CREDIT_CODE, CLEAN_PLAN, MISSING_DIMENSION, upload, visible_text

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def english(upload_dir: Path) -> Iterator[TestClient]:
    settings = Settings(workers=1, timeout_s=30, temp_dir=str(upload_dir), lang="en")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def own_words(text: str) -> str:
    """``text`` without file names, “quoted” values, the field labels after ``Field:`` and
    sheet names before ``!``."""
    text = re.sub(r"“[^”]*”", "", text)
    text = re.sub(r"Field: [^;<]*", "", text)
    text = re.sub(r"\S+!", "", text)
    return re.sub(r"\S+\.(?:docx|xlsx|pdf)\b", "", text)


def test_the_page_speaks_english(english: TestClient) -> None:
    page = english.get("/").text
    assert '<html lang="en">' in page
    assert visible_text(page, "//h1") == "Check before you submit"
    assert "at most 20 MB per file, 20 files and 50 MB per check" in page
    assert 'data-msg-checking="Checking files ({count}), please wait…"' in page
    assert CJK.search(own_words(visible_text(page))) is None


def test_checked_files_and_their_findings_in_english(english: TestClient) -> None:
    files = [(p.name, p.read_bytes()) for p in (BAD_CREDIT_CODE, MISSING_DIMENSION, CLEAN_PLAN)]
    page = english.post("/", files=upload(*files)).text
    assert visible_text(page, '//p[@class="headline"]') == (
        "Needs changes — files checked: 3, all to be changed."
    )
    assert '<span class="form">application form</span>' in page
    assert "Field: 运营主体统一社会信用代码; Place: table 1, row 17, column 3" in page
    assert "How to fix: check the 18-character code on the business licence" in page
    assert '<h4 class="error">Errors (3)</h4>' in page
    assert CJK.search(own_words(visible_text(page, '//section[@id="results"]'))) is None


def test_the_api_answers_in_english(english: TestClient) -> None:
    one = upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    answer = english.post("/api/check", files=one)
    assert answer.status_code == 200
    messages = [f["message"] for r in answer.json() for f in r["findings"]]
    assert messages == [
        "“运营主体统一社会信用代码” is not a valid unified social credit code: 91140100XMRUW5L7M0"
        " (wrong check character: the first 17 give U)"
    ]
    refused = english.post("/api/check", files=[])
    assert refused.status_code == 400
    assert CJK.search(refused.json()["message"]) is None
