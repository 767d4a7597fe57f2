"""Nothing a person made is overwritten: ``forms``, ``notice``, ``allocate``, ``monitor`` and
``evaluate`` refuse an existing file at ``--out`` (exit 2, naming it) unless ``--force``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = str(ROOT / "samples" / "programme.yaml")
PROGRESS = str(ROOT / "samples" / "progress")
FILLED = b"a filled form a clerk spent a morning on"

CASES = {
    "forms": (["forms", "--out", "{out}"], "申报信息表.docx"),
    "notice": (
        ["notice", "call", "--data", str(ROOT / "samples/notices/call.yaml"), "--out", "{file}"],
        "申报通知.docx",
    ),
    "allocate": (["allocate", "--programme", PROGRAMME, "--out", "{out}"], "资金分配表.xlsx"),
    "monitor": (["monitor", PROGRESS, "--programme", PROGRAMME, "--out", "{out}"], "进展汇总.xlsx"),
    "evaluate": (
        ["evaluate", PROGRESS, "--programme", PROGRAMME, "--out", "{out}", "--date", "2022-03-15"],
        "evaluation.yaml",
    ),
}


def invoke(args: list[str], out: Path, name: str) -> tuple[int, str]:
    filled = [a.replace("{out}", str(out)).replace("{file}", str(out / name)) for a in args]
    result = CliRunner().invoke(main, filled, prog_name="formkit")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("command", list(CASES))
def test_an_existing_output_is_refused_naming_it_and_left_alone(
    command: str, tmp_path: Path
) -> None:
    args, name = CASES[command]
    (tmp_path / name).write_bytes(FILLED)
    code, out = invoke(args, tmp_path, name)
    assert code == 2, out
    assert f"formkit：{tmp_path / name} 已存在，未覆盖" in out and "--force" in out
    assert (tmp_path / name).read_bytes() == FILLED
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing else written either


@pytest.mark.parametrize("command", ["forms", "allocate"])
def test_force_replaces_it(command: str, tmp_path: Path) -> None:
    args, name = CASES[command]
    (tmp_path / name).write_bytes(FILLED)
    code, out = invoke([*args, "--force"], tmp_path, name)
    assert code == 0, out
    assert (tmp_path / name).read_bytes() != FILLED


def test_a_new_folder_is_written_without_force(tmp_path: Path) -> None:
    args, name = CASES["forms"]
    code, out = invoke(args, tmp_path / "new", name)
    assert code == 0, out
    assert (tmp_path / "new" / name).is_file()
