"""The page without a browser: what it shows for a set of files, for a refusal, and that
nothing a file name carries is taken as markup."""

from __future__ import annotations

from starlette.testclient import TestClient

from formkit.web.app import Settings, create_app
from formkit.writers.forms import BLANK_FORMS, form_bytes

from .conftest import (
    BAD_CREDIT_CODE,
    DOSSIER,
    MISSING_DIMENSION,
    ROOT,
    english_words,
    upload,
    visible_text,
)


def headline(page: str) -> str:
    return visible_text(page, '//p[@class="headline"]')


def test_the_page_offers_upload_limits_blank_forms_and_the_api_docs(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'type="file" multiple' in page.text and 'name="files"' in page.text
    assert "每个文件不超过2 MB，每次最多5个文件、共4 MB" in page.text
    assert all(name in page.text for name in BLANK_FORMS)
    assert 'href="/docs"' in page.text


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
    assert headline(page) == "需修改：共2个文件，均需修改。"
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
    assert headline(page) == "可以提交：共3个文件，均可以提交。"
    assert page.count("未发现问题。") == 3


def unknown_form() -> bytes:
    """A Word file that is no form: it has none of the forms' labels."""
    import io

    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("会议纪要")
    document.save(out)
    return out.getvalue()


def test_the_headline_is_made_of_the_counts_and_cannot_contradict_them(
    client: TestClient,
) -> None:
    unreadable = upload(*((f"坏文件{i}.docx", b"not a zip") for i in range(3)))
    assert headline(client.post("/", files=unreadable).text) == "无法读取：共3个文件，均无法读取。"
    mixed = upload(
        (BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()),
        ("会议纪要.docx", unknown_form()),
        ("坏文件.docx", b"not a zip"),
        (DOSSIER.name + ".docx", (DOSSIER / "两年期实施方案.docx").read_bytes()),
    )
    page = client.post("/", files=mixed).text
    # several files are checked as dossiers: the plan of another zone, alone, lacks its
    # zone's other documents, so it too needs changes
    assert headline(page) == (
        "需修改：共4个文件，其中2个需修改，1个未识别/非申报材料，1个无法读取。"
    )
    assert (
        visible_text(page, '//article[contains(@class, "unknown")]//h3')
        == "未识别/非申报材料 会议纪要.docx"
    )
    whole_dossier = [(p.name, p.read_bytes()) for p in sorted(DOSSIER.iterdir())]
    some_unreadable = upload(*whole_dossier, ("坏文件.docx", b"not a zip"))
    assert headline(client.post("/", files=some_unreadable).text) == (
        "部分文件无法读取：共4个文件，其中3个可以提交，1个无法读取。"
    )


def test_the_page_speaks_only_chinese_and_names_no_command(client: TestClient) -> None:
    files = upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    for page in (client.get("/").text, client.post("/", files=files).text):
        text = visible_text(page)
        assert english_words(text) == [] and "formkit" not in page.split("</head>")[1]
    assert "bad-credit-code" not in visible_text(client.post("/", files=files).text)


def test_the_favicon_is_served_where_browsers_look_for_it(client: TestClient) -> None:
    page = client.get("/").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    for path in ("/favicon.ico", "/static/favicon.svg"):
        icon = client.get(path)
        assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
        assert icon.content.startswith(b"<svg")


def test_the_banner_names_the_agency_given_or_the_programmes() -> None:
    from formkit.programme import load_programme

    programme = load_programme(ROOT / "samples" / "programme.yaml")
    for settings, agency in (
        (Settings(workers=1, agency="某某市工业和信息化局"), "某某市工业和信息化局"),
        (Settings(workers=1, programme=programme), programme.agency),
    ):
        with TestClient(create_app(settings)) as client:
            page = client.get("/").text
        assert visible_text(page, '//p[@class="agency"]') == agency
        assert f"<title>申报材料自查 · {agency}</title>" in page


def test_the_api_page_renders_its_markdown_at_the_address_in_use(client: TestClient) -> None:
    page = client.get("/docs", headers={"host": "10.0.0.5:8123"}).text
    assert "<code>formkit check --json</code>" in page and "`" not in page
    assert "curl -F files=@申报信息表.docx" in page
    assert "http://10.0.0.5:8123/api/check</pre>" in page and ":8000" not in page
    assert "<td>文本或空</td>" in page and "string" not in visible_text(page)
    assert "取值：<code>application</code>、<code>targets</code>" in page


def test_the_token_page_asks_the_clerk_for_the_token_in_plain_words() -> None:
    with TestClient(create_app(Settings(workers=1, token="abc"))) as client:
        missing = client.get("/")
        wrong = client.get("/?token=nope")
        fragment = client.post("/", headers={"X-Formkit-Fragment": "1"})
    assert missing.status_code == 401 and wrong.status_code == 403
    for answer in (missing, wrong):
        text = visible_text(answer.text)
        assert english_words(text) == [] and "Bearer" not in answer.text
        assert '<input id="token" name="token" type="password"' in answer.text
        assert "访问口令" in text
    assert "请用管理员发给您的链接打开本页" in visible_text(missing.text)
    assert "请向管理员核对后重新输入" in visible_text(wrong.text)
    # the page's script gets words it can show in the results block, not a whole page
    assert fragment.headers["content-type"].startswith("text/plain")
    assert fragment.text == "需要访问口令：请使用管理员提供的链接打开本页"


def test_a_wrong_address_gets_a_chinese_page(client: TestClient) -> None:
    for answer, status in ((client.get("/nowhere"), 404), (client.put("/"), 405)):
        assert answer.status_code == status
        text = visible_text(answer.text)
        assert english_words(text) == [] and "返回申报材料自查" in text
