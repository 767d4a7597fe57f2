"""``formkit notice KIND --data FILE --out FILE.docx [--pdf]``: exit codes and Chinese messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from formkit.cli.notice import notice_cmd

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "notices"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(notice_cmd, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("kind", ["call", "publicity", "funding", "evaluation", "opinion"])
def test_each_sample_renders_and_exits_0(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.docx"
    code, output = run(kind, "--data", str(SAMPLES / f"{kind}.yaml"), "--out", str(out))
    assert (code, output) == (0, f"已生成：{out}\n")
    assert out.read_bytes()[:2] == b"PK"


def test_missing_data_file_exits_2_in_chinese(tmp_path: Path) -> None:
    code, output = run(
        "call", "--data", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "a.docx")
    )
    assert code == 2
    assert "nope.yaml" in output and "找不到文件" in output and "Traceback" not in output


def test_data_that_is_not_a_mapping_exits_2(tmp_path: Path) -> None:
    data = tmp_path / "list.yaml"
    data.write_text("- 1\n- 2\n", encoding="utf-8")
    code, output = run("call", "--data", str(data), "--out", str(tmp_path / "a.docx"))
    assert code == 2 and "应为键值形式" in output


def test_bad_document_number_exits_2_naming_the_field(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "call.yaml").read_text("utf-8"))
    data["doc_no"] = "晋企发[2020]第095号"
    path = tmp_path / "call.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, output = run("call", "--data", str(path), "--out", str(tmp_path / "a.docx"))
    assert code == 2
    assert "doc_no" in output and "发文字号" in output and "Traceback" not in output
    assert not (tmp_path / "a.docx").exists()


def test_unknown_kind_exits_2(tmp_path: Path) -> None:
    code, output = run(
        "memo", "--data", str(SAMPLES / "call.yaml"), "--out", str(tmp_path / "a.docx")
    )
    assert code == 2 and "没有“memo”这种公文模板" in output


def test_programme_supplies_agency_and_holidays(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "publicity.yaml").read_text("utf-8"))
    for key in ("agency", "holidays", "workdays", "parent_notice"):
        data.pop(key)
    path = tmp_path / "publicity.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "p.docx"
    code, output = run(
        "publicity",
        "--data",
        str(path),
        "--out",
        str(out),
        "--programme",
        str(ROOT / "samples" / "programme.yaml"),
    )
    assert code == 0, output
    text = "".join(Document(str(out)).element.body.itertext())
    assert "公示期为2020年4月28日至2020年5月7日（5个工作日）" in text  # 5/1–5/5 off in 2020
    assert "山西省小企业发展促进局" in text


def test_pdf_flag_writes_the_pdf_beside_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in soffice that writes FILE.pdf for each FILE.docx into --outdir.
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/usr/bin/env bash\nwhile [[ $# -gt 0 ]]; do case $1 in --outdir) out=$2; shift 2;;\n"
        '-*|pdf) shift;; *) b=$(basename "$1"); echo "%PDF" > "$out/${b%.docx}.pdf"; shift;;\n'
        "esac; done\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("FORMKIT_SOFFICE", str(fake))
    out = tmp_path / "docs" / "资金下达通知.docx"
    code, output = run(
        "funding", "--data", str(SAMPLES / "funding.yaml"), "--out", str(out), "--pdf"
    )
    assert code == 0, output
    assert output.splitlines() == [f"已生成：{out}", f"已生成：{out.with_suffix('.pdf')}"]
    assert out.with_suffix(".pdf").read_text().startswith("%PDF")


def test_pdf_without_libreoffice_exits_2_and_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMKIT_SOFFICE", str(tmp_path / "no-soffice"))
    out = tmp_path / "a.docx"
    code, output = run("call", "--data", str(SAMPLES / "call.yaml"), "--out", str(out), "--pdf")
    assert code == 2 and "未找到 LibreOffice" in output and "libreoffice-writer-nogui" in output
    assert out.exists()  # the .docx was written before the PDF step
