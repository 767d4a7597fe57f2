"""Dates that do not exist are refused at once, naming the field and the value (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.model.dates import impossible_dates

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = str(ROOT / "samples" / "programme.yaml")
CALL = ROOT / "samples" / "notices" / "call.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), prog_name="formkit")
    assert "Traceback" not in result.output and "内部错误" not in result.output
    return result.exit_code, result.output


def test_an_impossible_date_option_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, text = run(
        "evaluate", str(ROOT / "samples" / "progress"), "--programme", PROGRAMME,
        "--out", str(out), "--date", "2021-02-30",
    )  # fmt: skip
    assert code == 2
    assert "错误：'--date' 的值无效：“--date”的日期“2021-02-30”不存在" in text
    assert not out.exists()  # refused before anything was read or written


@pytest.mark.parametrize("written", ["2020-02-30", '"2020年2月30日"', "2020-13-01"])
def test_an_impossible_date_in_notice_data_is_refused_naming_field_and_value(
    tmp_path: Path, written: str
) -> None:
    lines = CALL.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("date: ") for line in lines)
    data = tmp_path / "call.yaml"
    fixed = [f"date: {written}" if line.startswith("date: ") else line for line in lines]
    data.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    out = tmp_path / "call.docx"
    code, text = run("notice", "call", "--data", str(data), "--out", str(out))
    assert code == 2
    assert f"“date”的日期“{written.strip(chr(34))}”不存在" in text and str(data) in text
    assert not out.exists()


def test_impossible_dates_are_found_with_their_place_in_nested_data() -> None:
    data = {"date": "2020-03-05", "items": [{"when": "2021-02-29"}, {"when": "2020-02-29"}]}
    assert list(impossible_dates(data)) == [("items[1].when", "2021-02-29")]
