"""The review registry: a versioned SQLite file (WAL) that upgrades older files in place and
refuses newer ones; results stored per inbox file with their archive members' times."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from formkit.jobs.entries import StoredFile
from formkit.jobs.registry import MIGRATIONS, Registry
from formkit.model.errors import OutputFileError
from formkit.model.findings import Finding


def result(name: str, form: str = "application") -> dict:
    finding = Finding("missing-field", "开发区名称", "表1 第2行").to_data()
    return {"file": name, "form": form, "fields": {}, "findings": [finding]}


def test_a_new_registry_is_at_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "r.sqlite")
    assert reg.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert reg.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reg.close()


def test_a_version_1_registry_is_upgraded_keeping_its_files(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO files(path, sha256, size, mtime_ns) VALUES ('a.docx', 'x', 1, 2)")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    reg = Registry(path)
    assert reg.known() == {"a.docx": StoredFile("a.docx", "x", 1, 2)}
    assert reg.get_meta("fingerprint") is None
    reg.close()


def test_a_version_3_registry_with_rendered_messages_is_read_again_not_misread(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v3.sqlite"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        db.executescript(script)
    db.execute("INSERT INTO files(path, sha256, size, mtime_ns) VALUES ('a.docx', 'x', 1, 2)")
    db.execute(
        "INSERT INTO findings(path, member, code, severity, message)"
        " VALUES ('a.docx', 'a.docx', 'missing-field', 'error', '未填写')"
    )
    db.execute("INSERT INTO meta(key, value) VALUES ('fingerprint', 'old'), ('round:1', '{}')")
    db.execute("PRAGMA user_version=3")
    db.commit()
    db.close()
    reg = Registry(path)
    # the settings the messages were read with are forgotten: the next batch reads every file
    assert reg.get_meta("fingerprint") is None
    assert reg.get_meta("round:1") == "{}"  # round snapshots kept
    columns = [r[1] for r in reg.db.execute("PRAGMA table_info(findings)")]
    assert "message" not in columns and "params" in columns
    reg.close()


def test_a_version_4_registry_keeps_its_rounds_with_the_words_they_were_shown_with(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v4.sqlite"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        db.executescript(script)
    old = {"code": "missing-field", "field": "开发区名称", "document": "申报信息表"}
    snapshot = {"z": {"status": "需补正", "issues": [{**old, "place": "", "message": "未填写"}]}}
    db.execute("INSERT INTO meta(key, value) VALUES ('round:1', ?)", (json.dumps(snapshot),))
    db.execute("INSERT INTO meta(key, value) VALUES ('round', '1'), ('fingerprint', 'f')")
    db.execute("PRAGMA user_version=4")
    db.commit()
    db.close()
    reg = Registry(path)
    assert reg.db.execute("PRAGMA user_version").fetchone()[0] == 5
    [issue] = json.loads(reg.get_meta("round:1") or "")["z"]["issues"]
    # compared by meaning (code, field, document, place); the words can no longer be rendered
    kept = {"place": "", "wording": "未填写", "params": {}, "severity_override": None}
    assert issue == {**old, **kept}
    assert (reg.get_meta("round"), reg.get_meta("fingerprint")) == ("1", "f")
    reg.close()


def test_a_registry_from_a_newer_formkit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(OutputFileError, match="更新版本的 formkit"):
        Registry(path)


def test_results_findings_and_member_times_round_trip(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "r.sqlite")
    run = reg.start_run("/inbox")
    stored = StoredFile("x.zip", "f" * 64, 10, 5)
    reg.store(
        stored,
        run,
        [result("x.zip!a.docx"), result("x.zip!b.xlsx", "targets")],
        [False, True],
        ["2020-03-01T08:00:00", None],
    )
    entries = reg.entries()
    assert [(e.result["file"], e.unreadable, e.received, e.mtime_ns) for e in entries] == [
        ("x.zip!a.docx", False, "2020-03-01T08:00:00", 5),
        ("x.zip!b.xlsx", True, None, 5),
    ]
    count = reg.db.execute("SELECT count(*) FROM findings WHERE path='x.zip'").fetchone()[0]
    assert count == 2
    found = entries[0].result["findings"][0]
    assert "message" not in found  # words only at the edges: rendered when written
    assert Finding.from_data(found) == Finding("missing-field", "开发区名称", "表1 第2行")
    reg.store(stored, run, [result("x.zip!a.docx")], [False])  # read again: replaced
    assert len(reg.entries()) == 1
    assert reg.forget_missing(set()) == 1 and reg.entries() == []
    reg.close()


def test_entries_are_cut_to_what_the_caller_keeps_as_they_are_read(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "r.sqlite")
    big = {**result("a.docx", "plan"), "sections": {"content": "很长的正文" * 1000}}
    reg.store(StoredFile("a.docx", "a" * 64, 1, 2), reg.start_run("/inbox"), [big], [False])
    seen: list[dict] = []

    def keep(stored: dict) -> dict:
        seen.append(stored)
        return {"file": stored["file"]}

    assert [e.result for e in reg.entries(keep)] == [{"file": "a.docx"}]
    assert seen[0]["sections"]["content"].startswith("很长的正文")
    assert reg.entries()[0].result["sections"] == big["sections"]  # no cut: the whole result
    reg.close()


def test_settings_and_outputs_are_remembered(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "r.sqlite")
    reg.set_meta("fingerprint", "abc")
    reg.save_outputs([("汇总表.xlsx", "d1", 100, 7)])
    reg.close()
    again = Registry(tmp_path / "r.sqlite")
    assert again.get_meta("fingerprint") == "abc"
    assert again.outputs() == {"汇总表.xlsx": ("d1", 100, 7)}
    again.close()
