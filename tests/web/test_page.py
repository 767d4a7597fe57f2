"""The page without a browser: what it shows for a set of files, for a refusal, and that
nothing a file name carries is taken as markup."""

from __future__ import annotations

from starlette.testclient import TestClient

from formkit.writers.forms import BLANK_FORMS, form_bytes

from .conftest import BAD_CREDIT_CODE, DOSSIER, MISSING_DIMENSION, upload


def test_the_page_offers_upload_limits_blank_forms_and_the_api_docs(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'type="file" multiple' in page.text and 'name="files"' in page.text
    assert "每个文件不超过 2 MB，每次最多 5 个文件、共 4 MB" in page.text
    assert all(name in page.text for name in BLANK_FORMS)
    assert 'href="docs"' in page.text


def test_a_blank_form_downloads_as_the_form_writer_makes_it(client: TestClient) -> None:
    answer = client.get("/forms/绩效目标及评价指标表.xlsx")
    assert answer.status_code == 200
    assert answer.content == form_bytes("targets", "xlsx")
    assert "filename*=UTF-8''%E7%BB%A9" in answer.headers["content-disposition"]
    assert client.get("/forms/..%2F..%2Fpyproject.toml").status_code == 404
    assert client.get("/forms/nothing.docx").status_code == 404


def test_posting_files_shows_each_form_its_findings_and_the_summary(client: TestClient) -> None:
    files = upload(
        (BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()),
        (MISSING_DIMENSION.name, MISSING_DIMENSION.read_bytes()),
    )
    page = client.post("/", files=files).text
    assert "需修改：共 2 个文件，0 个可以提交，2 个需修改，0 个无法读取" in page
    assert '<span class="form">申报信息表</span>' in page
    assert '<span class="form">绩效目标及评价指标表</span>' in page
    assert "栏目：运营主体统一社会信用代码；位置：表1 第17行第3列" in page
    assert "如何修改：请核对营业执照上的18位代码" in page
    assert "一级指标“辐射带动力”下没有任何指标" in page
    assert "如何修改：在该一级指标下至少填写一项指标" in page
    # two zones' files, each a dossier lacking its other documents (as batch would say)
    assert '<h4 class="error">错误（3）</h4>' in page
    assert page.count("未提交“两年期实施方案”") == 2


def test_the_script_gets_only_the_results_block(client: TestClient) -> None:
    files = upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    block = client.post("/", files=files, headers={"X-Formkit-Fragment": "1"}).text
    assert block.startswith('<section id="results"') and "<html" not in block
    assert 'data-code="bad-credit-code"' in block


def test_a_refused_upload_shows_why_with_its_status(client: TestClient) -> None:
    answer = client.post("/", files=upload(*((f"{i}.docx", b"x") for i in range(6))))
    assert answer.status_code == 400
    assert "未检查：</strong>一次最多检查 5 个文件，请分批上传" in answer.text
    empty = client.post("/", files=[("files", ("", b""))], headers={"X-Formkit-Fragment": "1"})
    assert empty.status_code == 400 and "没有收到文件" in empty.text


def test_a_file_name_is_shown_as_text_never_as_markup(client: TestClient) -> None:
    name = '<img src=x onerror="alert(1)">\u202e.docx'
    page = client.post("/", files=upload((name, BAD_CREDIT_CODE.read_bytes()))).text
    assert "<img src=x" not in page
    assert '<span class="name">&lt;img src=x onerror=' in page
    assert "&gt;\\u202e.docx</span>" in page  # the bidi override shown, not obeyed


def test_a_clean_dossier_is_ready_to_submit(client: TestClient) -> None:
    files = upload(*((p.name, p.read_bytes()) for p in sorted(DOSSIER.iterdir())))
    page = client.post("/", files=files).text
    assert "可以提交：共 3 个文件，3 个可以提交，0 个需修改，0 个无法读取" in page
    assert page.count("未发现问题。") == 3
