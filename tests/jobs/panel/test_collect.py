"""What comes back by e-mail: anything. Each oddity is a finding with its file and place,
never a crash, and nothing uncounted reaches the aggregate."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from formkit.jobs.panel.batch import Batch
from formkit.jobs.panel.collect import Collected, collect
from formkit.jobs.panel.experts import read_experts
from formkit.jobs.panel.sample import fill
from formkit.jobs.panel.sheets import write_sheets
from formkit.programme import load_programme

from .conftest import PROGRAMME


def _run(folder: Path, batch_dir: Path) -> Collected:
    with Batch(batch_dir, load_programme(PROGRAMME)) as batch:
        return collect(folder, batch)


def _messages(c: Collected) -> list[tuple[str, str | None, str]]:
    return [(source, f.location, f.code) for source, f in c.findings]


def _good(sample: Path, name: str = "王建国") -> bytes:
    return fill(sample / "sheets" / f"{name}.xlsx", lambda zone, row: [7] * 5)


def test_a_clean_sheet_counts_every_zone(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.xlsx").write_bytes(_good(sample))
    c = _run(tmp_path / "in", batch_dir)
    (sheet,) = c.sheets
    assert len(sheet.scores) == 5 and {s.total for s in sheet.scores.values()} == {70}
    # the other four issued sheets did not come back
    assert sorted(f.params["expert"] for _, f in c.findings) == ["刘洋", "张敏", "李红", "陈静"]
    assert {f.code for _, f in c.findings} == {"panel-sheet-not-returned"}


def test_anything_else_is_a_finding_not_a_crash(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "说明.txt").write_text("请查收", "utf-8")
    (inbox / "坏的.xlsx").write_bytes(_good(sample)[:500])
    other = Workbook()
    other.active["A1"] = "评分"
    other.save(inbox / "自制评分表.xlsx")
    c = _run(inbox, batch_dir)
    codes = {source: code for source, _, code in _messages(c) if "expert" not in str(code)}
    assert codes["说明.txt"] == "panel-file-unreadable"
    assert codes["坏的.xlsx"] == "panel-file-unreadable"
    assert codes["自制评分表.xlsx"] == "panel-not-scoresheet"
    assert c.sheets == []


def test_a_changed_id_is_refused(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    book = load_workbook(io.BytesIO(_good(sample)))
    hidden = book["formkit_id"]
    hidden["A1"] = str(hidden["A1"].value).replace('"first_row":7', '"first_row":8')
    (tmp_path / "in").mkdir()
    book.save(tmp_path / "in" / "改过.xlsx")
    c = _run(tmp_path / "in", batch_dir)
    assert ("改过.xlsx", "formkit_id", "panel-id-tampered") in _messages(c)
    assert c.sheets == []


def test_the_same_expert_twice_counts_once(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "1.xlsx").write_bytes(_good(sample))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("评分表/王建国.xlsx", _good(sample))
    (inbox / "2.zip").write_bytes(archive.getvalue())
    c = _run(inbox, batch_dir)
    assert len(c.sheets) == 1 and c.sheets[0].file == "1.xlsx"
    dup = [f for s, f in c.findings if f.code == "panel-duplicate-expert"]
    assert [f.message() for f in dup] == ["专家“王建国”的评分表收到多份，只计入 1.xlsx"]


def test_a_sheet_issued_before_a_forced_reissue_is_refused(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    old = _good(sample)
    programme = load_programme(PROGRAMME)
    csv = tmp_path / "experts.csv"
    csv.write_text(
        "姓名,工作单位,所在市,回避开发区\n王建国,山西大学,太原市,运城示范经济开发区\n", "utf-8"
    )
    with Batch(batch_dir, programme) as batch:
        write_sheets(batch, read_experts(csv), tmp_path / "new")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.xlsx").write_bytes(old)
    c = _run(tmp_path / "in", batch_dir)
    assert ("old.xlsx", None, "panel-id-superseded") in _messages(c)


def test_scores_missing_or_not_numbers_are_named_by_cell(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    def scores(zone: str, row: int) -> list[object]:
        if zone == "大同样例工业园区":
            return [7, None, 7, "七", 7]
        return [7, 7, 7, 7, "８"]  # full-width digits are a number

    (tmp_path / "in").mkdir()
    body = fill(sample / "sheets" / "王建国.xlsx", scores)
    (tmp_path / "in" / "a.xlsx").write_bytes(body)
    c = _run(tmp_path / "in", batch_dir)
    found = [m for m in _messages(c) if m[2].startswith("panel-score")]
    assert found == [
        ("a.xlsx", "评分表!K8", "panel-score-missing"),
        ("a.xlsx", "评分表!S8", "panel-score-not-number"),
    ]
    (sheet,) = c.sheets
    assert len(sheet.scores) == 4  # 大同 not counted; the others at 7 × 4 + 8 on the last
    assert {s.total for s in sheet.scores.values()} == {71.5}


def test_sorted_rows_are_found_by_zone_name(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    given = {"临汾样例经济开发区": 9, "长治样例产业园区": 3}
    body = fill(sample / "sheets" / "王建国.xlsx", lambda zone, row: [given.get(zone, 5)] * 5)
    book = load_workbook(io.BytesIO(body))
    ws = book["评分表"]
    assert (ws["C7"].value, ws["C11"].value) == ("临汾样例经济开发区", "长治样例产业园区")
    first, last = [c.value for c in ws[7]], [c.value for c in ws[11]]
    for col, (a, b) in enumerate(zip(first, last, strict=True), 1):
        ws.cell(row=7, column=col, value=b)
        ws.cell(row=11, column=col, value=a)
    (tmp_path / "in").mkdir()
    book.save(tmp_path / "in" / "sorted.xlsx")
    c = _run(tmp_path / "in", batch_dir)
    totals = {s.zone: s.total for s in c.sheets[0].scores.values()}
    assert (totals["临汾样例经济开发区"], totals["长治样例产业园区"]) == (90, 30)


def test_a_sheet_of_another_round_is_refused(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    programme = load_programme(PROGRAMME)
    second = replace(programme, panel=replace(programme.panel, round=2))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.xlsx").write_bytes(_good(sample))
    with Batch(batch_dir, second) as batch:
        c = collect(tmp_path / "in", batch)
    assert [f.message() for s, f in c.findings if s == "a.xlsx"] == [
        "评分表属于第1轮评审，本次汇总第2轮，未计入"
    ]


def test_bad_members_of_an_archive_do_not_hide_a_good_one(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a/王建国.xlsx", _good(sample))
        z.writestr("a/说明.txt", "请查收".encode())
        z.writestr("a/坏的.xlsx", _good(sample)[:300])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "回复.zip").write_bytes(archive.getvalue())
    c = _run(tmp_path / "in", batch_dir)
    assert [s.file for s in c.sheets] == ["回复.zip!a/王建国.xlsx"]
    bad = {s: f.code for s, f in c.findings if "expert" not in f.params}
    assert bad == {
        "回复.zip!a/坏的.xlsx": "panel-file-unreadable",
        "回复.zip!a/说明.txt": "panel-file-unreadable",
    }
