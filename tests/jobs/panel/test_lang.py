"""``formkit panel sheets`` and ``panel collect`` with ``--lang en``: their printed lines in
English (formkit's own words, as tests/cli/test_lang.py measures them), the workbooks and
opinions they write for the bureau as in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from formkit.cli import main
from tests.cli.test_lang import chinese_left
from tests.cli.test_lang_commands import data_less

from .conftest import PROGRAMME


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines()


def test_sheets_in_english(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    args = ["panel", "sheets", "--programme", str(PROGRAMME), "--experts"]
    args += [str(sample / "experts.csv"), "--batch", str(batch_dir), "--out"]
    code, lines = _run(*args, str(tmp_path / "en"), "--lang", "en")
    assert code == 0
    written = [line for line in lines if line.startswith("Written: ")]
    assert len(written) == 5
    assert re.fullmatch(r"Errors found: \d+; warnings: \d+\.", lines[len(written)])
    assert chinese_left(data_less(lines, tmp_path)) == []
    code, zh = _run(*args, str(tmp_path / "zh"))
    assert code == 0 and zh[0].startswith("已生成：")
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == sorted(
        p.name for p in (tmp_path / "zh").iterdir()
    )


def test_collect_in_english(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    args = ["panel", "collect", str(sample / "returned"), "--programme", str(PROGRAMME)]
    code, lines = _run(*args, "--batch", str(batch_dir), "--out", str(tmp_path), "--lang", "en")
    assert code == 0
    findings = [line.strip() for line in lines if line.startswith("  [")]
    assert len(findings) == 4  # as in Chinese (test_sample.py)
    assert findings[0].startswith("[error] 回复-刘洋.xlsx 评分表!X4: ")
    assert chinese_left(data_less(lines, tmp_path, sample)) == []
    assert (tmp_path / "专家评审汇总表.xlsx").exists()
