"""POST /api/check answers what `formkit check --json` prints, refuses what it must, and
keeps answering after hostile files."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formkit.jobs.batch.precheck import check_paths
from formkit.pipeline import Options, exit_code
from tests.intake import hostile

from .conftest import BAD_CREDIT_CODE, CLEAN_PLAN, MISSING_DIMENSION, dossier_zip, upload

MiB = 1024 * 1024


def cli_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes]) -> str:
    """What `formkit check --json <names>` prints for the same files, run where they lie."""
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    results = check_paths(list(files), Options(workers=2))
    return json.dumps([r.to_dict("zh") for r in results], ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "path",
    [BAD_CREDIT_CODE, MISSING_DIMENSION, CLEAN_PLAN],
    ids=["bad-credit-code", "missing-dimension", "plan"],
)
def test_the_api_answers_byte_for_byte_what_check_json_prints(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    answer = client.post("/api/check", files=upload((path.name, path.read_bytes())))
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.text == cli_json(tmp_path, monkeypatch, {path.name: path.read_bytes()})


def test_several_files_and_a_zip_come_back_in_upload_order_with_checks_exit_code(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "材料.zip": dossier_zip(),
        BAD_CREDIT_CODE.name: BAD_CREDIT_CODE.read_bytes(),
        MISSING_DIMENSION.name: MISSING_DIMENSION.read_bytes(),
    }
    answer = client.post("/api/check", files=upload(*files.items()))
    expected = cli_json(tmp_path, monkeypatch, files)
    assert answer.text == expected
    body = answer.json()
    assert [r["file"] for r in body][-2:] == [BAD_CREDIT_CODE.name, MISSING_DIMENSION.name]
    assert len(body) == 5  # three zip members, two files
    assert answer.headers["x-formkit-exit"] == str(exit_code(check_paths(list(files), Options())))
    assert answer.headers["server-timing"].startswith("check;dur=")


def test_the_flawed_samples_report_their_flaws_with_field_and_place(client: TestClient) -> None:
    files = upload(
        (BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()),
        (MISSING_DIMENSION.name, MISSING_DIMENSION.read_bytes()),
    )
    credit, targets = client.post("/api/check", files=files).json()
    bad = [f for f in credit["findings"] if f["code"] == "bad-credit-code"]
    assert bad and bad[0]["field"] == "运营主体统一社会信用代码" and bad[0]["location"]
    assert any(f["code"] == "dimension-missing" for f in targets["findings"])


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("材料.zip", lambda: hostile.zip_bomb(1024), "file-unsafe"),
        ("指标表.docx", lambda: hostile.office_bomb(1024), "file-unsafe"),
        (
            "申报表.xlsx",
            lambda: hostile.tiny_cfb(["EncryptionInfo", "EncryptedPackage"]),
            "file-encrypted",
        ),
        ("申报表.docx", lambda: b"PK\x03\x04 not really a zip", "file-corrupt"),
    ],
    ids=["zip-bomb", "office-bomb", "encrypted", "corrupt"],
)
def test_a_hostile_file_gets_a_clear_refusal_and_the_server_answers_next(
    client: TestClient,
    name: str,
    make: Callable[[], bytes],
    code: str,
) -> None:
    answer = client.post("/api/check", files=upload((name, make())))
    assert answer.status_code == 200
    (result,) = answer.json()
    assert result["file"] == name and result["form"] is None
    assert [f["code"] for f in result["findings"]] == [code]
    assert answer.headers["x-formkit-exit"] == "2"
    after = client.post(
        "/api/check", files=upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    )
    assert after.status_code == 200 and after.json()[0]["form"] == "application"


def test_an_oversized_file_is_refused_with_413_naming_it(client: TestClient) -> None:
    answer = client.post("/api/check", files=upload(("大文件.docx", bytes(3 * MiB))))
    assert answer.status_code == 413
    assert answer.json() == {
        "error": "upload-file-too-large",
        "message": "文件“大文件.docx”超过 2 MB 的上限，未检查",
    }


def test_an_oversized_request_is_refused_with_413_before_it_is_read(client: TestClient) -> None:
    files = upload(*((f"{i}.docx", bytes(int(1.5 * MiB))) for i in range(3)))
    answer = client.post("/api/check", files=files)
    assert answer.status_code == 413
    assert answer.json()["error"] == "upload-request-too-large"
    assert "4 MB" in answer.json()["message"]


def test_too_many_files_no_files_and_no_form_are_refused_with_400(client: TestClient) -> None:
    many = client.post("/api/check", files=upload(*((f"{i}.docx", b"x") for i in range(6))))
    assert (many.status_code, many.json()["error"]) == (400, "upload-too-many-files")
    assert "5" in many.json()["message"]
    empty = client.post("/api/check", files=[("files", ("", b""))])
    assert (empty.status_code, empty.json()["error"]) == (400, "upload-no-files")
    other = client.post("/api/check", files=[("other", ("a.docx", b"x"))])
    assert (other.status_code, other.json()["error"]) == (400, "upload-no-files")
    plain = client.post("/api/check", content=b"hello", headers={"content-type": "text/plain"})
    assert (plain.status_code, plain.json()["error"]) == (400, "upload-not-multipart")


def test_a_truncated_body_is_refused_with_400(client: TestClient) -> None:
    body = b'--XX\r\nContent-Disposition: form-data; name="files"; filename="a.docx"\r\n\r\nab'
    answer = client.post(
        "/api/check", content=body, headers={"content-type": "multipart/form-data; boundary=XX"}
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "upload-malformed",
        "message": "上传内容不完整或格式有误（未收到结束分隔符），请重新上传",
    }
    assert client.get("/healthz").text == "ok"


def test_uploads_leave_nothing_behind(client: TestClient, upload_dir: Path) -> None:
    client.post("/api/check", files=upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes())))
    client.post("/api/check", files=upload(("大文件.docx", bytes(3 * MiB))))
    client.post("/api/check", files=upload(("炸弹.zip", hostile.zip_bomb(64))))
    assert list(upload_dir.iterdir()) == []


def test_names_from_uploads_are_labels_never_paths(
    client: TestClient, upload_dir: Path, tmp_path: Path
) -> None:
    data = BAD_CREDIT_CODE.read_bytes()
    names = ["../../escape.docx", "/etc/passwd", "..\\..\\win.docx", "cod\u202excod.docx"]
    answer = client.post("/api/check", files=upload(*((n, data) for n in names)))
    assert [r["file"] for r in answer.json()] == [
        "escape.docx",
        "passwd",
        "win.docx",
        "cod\u202excod.docx",
    ]
    assert list(upload_dir.iterdir()) == []
    assert not (upload_dir.parent / "escape.docx").exists()
    assert shutil.disk_usage(tmp_path)  # the run is still sane


def test_the_openapi_description_names_the_endpoint_and_its_answers(client: TestClient) -> None:
    api = client.get("/openapi.json").json()
    operation = api["paths"]["/api/check"]["post"]
    assert set(operation["responses"]) == {"200", "400", "401", "403", "413"}
    schema = api["components"]["schemas"]["FileResult"]
    body = client.post(
        "/api/check", files=upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    ).json()
    assert set(body[0]) == set(schema["properties"]) == set(schema["required"])
    assert set(body[0]["findings"][0]) == set(api["components"]["schemas"]["Finding"]["required"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "POST /api/check" in docs.text
    assert "openapi.json" in docs.text
