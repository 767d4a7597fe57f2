"""``run_batch`` on a small inbox: re-runs read only what changed, a killed run resumes and
ends like an uninterrupted one, a second run on the same output folder is refused."""

from __future__ import annotations

import dataclasses
import fcntl
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from formkit.jobs.batch.outputs import REPORT_NAME
from formkit.jobs.batch.report_html import SUMMARY_NAME
from formkit.jobs.batch.run import DELAY_ENV, run_batch
from formkit.model.codes import CODES, REPORT_TEXTS
from formkit.model.errors import ConfigError, OutputFileError

from .conftest import copy_outputs


def test_only_what_changed_is_read_again(small_inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(small_inbox, out, workers=1)
    form_a = small_inbox / "太原样例经济技术开发区" / "申报信息表.docx"
    form_a.write_bytes(form_a.read_bytes())  # same bytes, a new time: not read again
    assert run_batch(small_inbox, out, workers=1).files_read == 0
    plan = small_inbox / "太原样例经济技术开发区" / "实施方案.docx"
    plan.write_bytes((small_inbox / "运城示范经济开发区" / "实施方案.docx").read_bytes())
    (small_inbox / "运城示范经济开发区" / "绩效目标表.xlsx").unlink()
    again = run_batch(small_inbox, out, workers=1)
    assert (again.files_read, again.files_reused, again.files_forgotten) == (1, 4, 1)
    status = {d["zone_name"]: (d["status"], d["errors"]) for d in again.dossiers}
    assert status["运城示范经济开发区"] == ("需补正", 1)  # 绩效目标表 missing


def test_without_a_programme_the_skipped_checks_are_said(small_inbox: Path, tmp_path: Path) -> None:
    summary = run_batch(small_inbox, tmp_path / "out", workers=1)
    assert summary.skipped_checks == [
        "开发区目录核对",
        "申报地市核对",
        "地市推荐名额",
        "示范县优先",
    ]
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "未提供项目配置（--programme），以下核对未进行：开发区目录核对" in html


def _files_stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
    except sqlite3.Error:
        return 0


def _wait_for_workers_to_exit(lock: Path) -> None:
    """The killed run's forked workers share its lock until they are gone too; SIGKILL to
    the group is delivered at once but the children may outlive ``proc.wait()`` briefly."""
    deadline = time.monotonic() + 30
    with lock.open("a+") as fh:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                assert time.monotonic() < deadline, "the killed run's workers never exited"
                time.sleep(0.05)
                continue
            fcntl.flock(fh, fcntl.LOCK_UN)
            return


def test_a_killed_run_resumes_and_ends_like_an_uninterrupted_one(
    small_inbox: Path, tmp_path: Path
) -> None:
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    code = (
        "import sys; from formkit.jobs.batch.run import run_batch; "
        "run_batch(sys.argv[1], sys.argv[2], workers=1)"
    )
    # Slow enough that a loaded machine still kills the run well before all six are stored.
    env = {**os.environ, DELAY_ENV: "1.5"}
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(small_inbox), str(killed)], env=env, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while _files_stored(killed / "formkit.sqlite") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    _wait_for_workers_to_exit(killed / ".formkit.lock")
    stored = _files_stored(killed / "formkit.sqlite")
    assert 2 <= stored < 6, stored
    assert not (killed / "汇总表.xlsx").exists()
    resumed = run_batch(small_inbox, killed, workers=1)
    assert resumed.files_read == 6 - stored
    run_batch(small_inbox, clean, workers=1)
    assert copy_outputs(killed) == copy_outputs(clean)


def test_a_second_run_on_the_same_output_is_refused_while_one_runs(
    small_inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".formkit.lock").open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputFileError, match="正被另一个 formkit batch 使用"):
            run_batch(small_inbox, out, workers=1)
    assert not (out / "formkit.sqlite").exists()


def test_an_inbox_that_is_not_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="收件目录不存在"):
        run_batch(tmp_path / "nowhere", tmp_path / "out")


def test_outputs_inside_the_inbox_are_refused(small_inbox: Path) -> None:
    with pytest.raises(OutputFileError, match="不能位于收件目录之内"):
        run_batch(small_inbox, small_inbox / "out")


def test_an_output_removed_by_hand_is_written_again_alone(
    small_inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(small_inbox, out, workers=1)
    before = copy_outputs(out)
    opinion = next((out / "审核意见").rglob("*.docx"))
    opinion.unlink()
    again = run_batch(small_inbox, out, workers=1)
    assert (again.files_read, again.outputs_written) == (0, 1)
    assert copy_outputs(out) == before


def test_a_wording_change_in_the_catalogue_shows_without_reading_any_file_again(
    small_inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    (small_inbox / "太原样例经济技术开发区" / "坏文件.docx").write_bytes(b"not a zip")
    run_batch(small_inbox, out, workers=1)
    with sqlite3.connect(out / "formkit.sqlite") as db:
        code = db.execute("SELECT code FROM findings ORDER BY code LIMIT 1").fetchone()[0]
    monkeypatch.setitem(CODES, code, dataclasses.replace(CODES[code], zh="改过的措辞「甲」"))
    again = run_batch(small_inbox, out, workers=1)
    assert (again.files_read, again.files_reused) == (0, again.files_seen)
    sheet = openpyxl.load_workbook(out / SUMMARY_NAME)["问题清单"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "改过的措辞「甲」" in texts
    assert "改过的措辞「甲」" in (out / REPORT_NAME).read_text(encoding="utf-8")


def test_a_wording_change_of_a_report_line_or_an_english_run_rewrites_page_and_workbook(
    small_inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outputs' own words (REPORT_TEXTS) are part of their digest as the codes are, and
    so is the language: neither change reads a file again."""
    out = tmp_path / "out"
    run_batch(small_inbox, out, workers=1)
    monkeypatch.setitem(REPORT_TEXTS, "col-zone", ("开发区名称（改）", "Zone"))
    again = run_batch(small_inbox, out, workers=1)
    assert again.files_read == 0
    sheet = openpyxl.load_workbook(out / SUMMARY_NAME)["汇总"]
    assert sheet["C1"].value == "开发区名称（改）"
    assert "<th>开发区名称（改）</th>" in (out / REPORT_NAME).read_text(encoding="utf-8")
    english = run_batch(small_inbox, out, workers=1, lang="en")
    assert english.files_read == 0
    assert openpyxl.load_workbook(out / SUMMARY_NAME).sheetnames[0] == "Summary"
    assert "<th>Zone</th>" in (out / REPORT_NAME).read_text(encoding="utf-8")
