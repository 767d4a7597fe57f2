"""The cycle reads its inbox through the batch's incremental reader: a second run (of the same
command or another cycle command on the same registry) reads no file and reports the same;
a changed file is read again alone; stored findings are rendered with today's wording."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from formkit.cli.cycle import evaluate_cmd, monitor_cmd
from formkit.jobs.cycle.inbox import read_cycle
from formkit.model.codes import CODES
from tests.jobs.cycle.conftest import MakeProgramme
from tests.jobs.cycle.test_evaluate import programme, progress_file, rows, self_eval_file


def _inbox(root: Path) -> Path:
    inbox = root / "in"
    (inbox / "太原").mkdir(parents=True)
    progress_file(inbox / "太原", "q1.xlsx", "一季度", 2, fill="2021-04-10")
    progress_file(inbox / "太原", "q2.xlsx", "二季度", 3, fill="2021-08-01")
    (inbox / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    return inbox


def _reads(registry: Path) -> list[tuple[int, int]]:
    """(files seen, files read) of every run the registry recorded."""
    with sqlite3.connect(registry) as db:
        return db.execute("SELECT files_seen, files_read FROM runs ORDER BY id").fetchall()


def _cells(path: Path) -> list[tuple[str, tuple[object, ...]]]:
    book = openpyxl.load_workbook(path)
    return [(ws.title, row) for ws in book for row in ws.iter_rows(values_only=True)]


def _run(command: object, inbox: Path, out: Path, prog: Path, registry: Path) -> str:
    args = [str(inbox), "--out", str(out), "--programme", str(prog), "--registry", str(registry)]
    done = CliRunner().invoke(command, [*args, "--force"])  # type: ignore[arg-type]
    assert done.exit_code == 0, done.output
    return done.output.replace(str(out), "OUT")


def test_cycle_commands_read_each_file_once_and_report_the_same(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    loaded = programme(make_programme)
    prog, registry = tmp_path / "programme.yaml", tmp_path / "r.sqlite"
    inbox = _inbox(tmp_path)
    first = _run(monitor_cmd, inbox, tmp_path / "m1", prog, registry)
    second = _run(monitor_cmd, inbox, tmp_path / "m2", prog, registry)
    _run(evaluate_cmd, inbox, tmp_path / "e", prog, registry)
    assert _reads(registry) == [(3, 3), (3, 0), (3, 0)]
    assert first == second and "文件已损坏" in first
    workbook = "进展汇总.xlsx"
    assert _cells(tmp_path / "m1" / workbook) == _cells(tmp_path / "m2" / workbook)

    progress_file(inbox / "太原", "q2.xlsx", "二季度", 4, fill="2021-07-01")  # changed
    data = read_cycle(inbox, loaded, registry, workers=1)
    assert (data.read.files_read, data.read.files_reused) == (1, 2)
    assert [r.data["indicators"][0]["value_end"] for r in data.reports("太原甲经济开发区")] == [
        2,
        4,
    ]


def test_a_wording_change_reaches_the_cycle_output_without_reading_again(
    tmp_path: Path, make_programme: MakeProgramme, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme(make_programme)
    prog, registry = tmp_path / "programme.yaml", tmp_path / "r.sqlite"
    inbox = _inbox(tmp_path)
    _run(monitor_cmd, inbox, tmp_path / "m", prog, registry)
    code = "file-corrupt"
    monkeypatch.setitem(CODES, code, dataclasses.replace(CODES[code], zh="改过的措辞「乙」"))
    again = _run(monitor_cmd, inbox, tmp_path / "m", prog, registry)
    assert _reads(registry)[-1] == (3, 0)
    assert "broken.xlsx：改过的措辞「乙」" in again
    listed = [str(c) for _, row in _cells(tmp_path / "m" / "进展汇总.xlsx") for c in row]
    assert "改过的措辞「乙」" in listed


def test_an_indicator_marked_not_applicable_stays_marked_when_reused(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    indicators = rows()
    indicators[1]["points"] = "不适用"  # an amount: read as 0, so only the mark tells
    self_eval_file(inbox, "eval.xlsx", indicators=indicators)
    prog = programme(make_programme)
    for reads in (1, 0):
        data = read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1)
        assert data.read.files_read == reads
        [report] = data.self_evals
        assert [bool(r.get("na")) for r in report.data["indicators"]] == [
            False,
            True,
            False,
            False,
            False,
            False,
        ]
