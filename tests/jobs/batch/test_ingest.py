"""The one inbox reader: values stored as the typed values read (numbers as numbers, dates as
ISO dates), findings as data; files that did not change are reused, not read."""

from __future__ import annotations

from pathlib import Path

from formkit.jobs.batch.ingest import ingest
from formkit.jobs.registry import Registry
from formkit.pipeline import Options, check
from tests.jobs.cycle.test_evaluate import progress_file


def test_values_are_stored_as_read_typed_and_findings_as_data(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    path = progress_file(inbox, "q1.xlsx", "一季度", 2.5, spent=-3)
    reg = Registry(tmp_path / "r.sqlite")
    done = ingest(reg, inbox, workers=1)
    [entry] = reg.entries()
    reg.close()
    [result] = check([path], Options(isolate=False))
    assert result.record is not None
    fields = entry.result["fields"]
    assert fields == {k: v for k, v in result.record.data().items() if k != "indicators"}
    assert entry.result["indicators"] == result.record.data()["indicators"]
    typed = (fields["report_year"], fields["budget"], fields["spent"], fields["fill_date"])
    assert typed == (2021, 100, -3, "2021-04-10")
    assert entry.result["indicators"][0]["value_end"] == 2.5
    assert entry.result["findings"] == [f.to_data() for f in result.findings]
    assert (done.files_seen, done.files_read, done.files_reused) == (1, 1, 0)


def test_an_unchanged_file_is_reused_and_a_removed_one_forgotten(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    progress_file(inbox, "q1.xlsx", "一季度", 2)
    gone = progress_file(inbox, "q2.xlsx", "二季度", 3)
    reg = Registry(tmp_path / "r.sqlite")
    ingest(reg, inbox, workers=1)
    gone.unlink()
    progress_file(inbox, "q3.xlsx", "三季度", 4)
    again = ingest(reg, inbox, workers=1)
    reg.close()
    assert again.files == ["q1.xlsx", "q3.xlsx"]
    assert (again.files_read, again.files_reused, again.files_forgotten) == (1, 1, 1)


def test_a_registry_inside_the_inbox_is_not_read_as_a_submission(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    progress_file(inbox, "q1.xlsx", "一季度", 2)
    (inbox / "out").mkdir()
    reg = Registry(inbox / "out" / "formkit.sqlite")
    first, second = ingest(reg, inbox, workers=1), ingest(reg, inbox, workers=1)
    reg.close()
    assert (first.files, first.files_read, second.files_read) == (["q1.xlsx"], 1, 0)
