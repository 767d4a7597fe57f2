"""``formkit batch``: exit 0 when the run completed (findings are results), 2 when the inbox
cannot be read, the configuration is bad or another run holds the output folder; a summary
in Chinese at the end; never a traceback."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli.batch import batch_cmd
from tests.jobs.batch import builders as b

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "samples" / "programme.yaml"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "inbox"
    data = b.zone("太原样例经济技术开发区", "S140102", "太原市", "清徐县", seed=1)
    files = b.documents(data)
    del files["实施方案.docx"]  # a flaw: the run still completes
    b.write(root / "太原样例经开区", files)
    return root


def test_a_completed_run_exits_0_and_prints_a_summary(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        batch_cmd, [str(inbox), "--out", str(out), "--programme", str(PROGRAMME), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "文件 2 个：本次读取 2 个，沿用上次结果 0 个" in result.output
    assert "合计" in result.output and "需补正" in result.output
    assert (out / "汇总表.xlsx").is_file() and (out / "report.html").is_file()
    assert "未提供项目配置" not in result.output


def test_without_a_programme_the_skipped_checks_are_printed(inbox: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(batch_cmd, [str(inbox), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "未提供项目配置（--programme），以下核对未进行：开发区目录核对" in result.output


def test_an_inbox_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(batch_cmd, [str(tmp_path / "none"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "收件目录不存在或不是文件夹" in result.output
    assert "Traceback" not in result.output


def test_a_broken_programme_exits_2(inbox: Path, tmp_path: Path) -> None:
    bad = tmp_path / "programme.yaml"
    bad.write_text("year: [\n", encoding="utf-8")
    result = CliRunner().invoke(
        batch_cmd, [str(inbox), "--out", str(tmp_path / "o"), "--programme", str(bad)]
    )
    assert result.exit_code == 2
    assert "YAML 格式错误" in result.output


def test_a_second_run_on_a_busy_output_folder_exits_2(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".formkit.lock").open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = CliRunner().invoke(batch_cmd, [str(inbox), "--out", str(out)])
    assert result.exit_code == 2
    assert "正被另一个 formkit batch 使用" in result.output
