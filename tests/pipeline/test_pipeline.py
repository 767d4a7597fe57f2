"""The pipeline behind parse/check: how options and results travel to and from workers."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from formkit.intake.isolate import start_method
from formkit.jobs.batch.precheck import check_paths, dossier_values
from formkit.jobs.batch.review import for_review
from formkit.model.errors import InputFileError
from formkit.pipeline import FileResult, Options, check, read_document, unreadable
from formkit.programme import Programme, load_programme

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INBOX = SAMPLES / "inbox"


class UnpicklableProgramme(Programme):
    """A programme that refuses to be pickled: it can only reach a worker by fork."""

    def __reduce_ex__(self, protocol: object) -> object:
        raise TypeError("the programme must not be pickled per file")


def _programme_that_cannot_be_pickled() -> Programme:
    """The sample programme with one city only, so the others' forms say ``unknown-city``."""
    loaded = load_programme(SAMPLES / "programme.yaml")
    fields = {f.name: getattr(loaded, f.name) for f in dataclasses.fields(loaded) if f.init}
    fields["cities"] = fields["cities"][:1]
    return UnpicklableProgramme(**fields)


def _summary(results: list[FileResult]) -> list[tuple[str, str | None, list[str]]]:
    return [(r.file, r.form, sorted(f.code for f in r.findings)) for r in results]


@pytest.mark.skipif(start_method() != "fork", reason="workers start by spawn: options are pickled")
def test_the_options_reach_the_workers_by_fork_not_by_pipe() -> None:
    programme = _programme_that_cannot_be_pickled()
    isolated = check([INBOX], Options(programme=programme, workers=2))
    in_process = check([INBOX], Options(programme=programme, isolate=False))
    assert not any(f.code == "internal-error" for r in isolated for f in r.findings)
    assert _summary(isolated) == _summary(in_process)
    assert any(f.code == "unknown-city" for r in isolated for f in r.findings)


def test_without_records_results_keep_form_layout_and_findings_only() -> None:
    full = check([INBOX], Options(workers=2))
    slim = check([INBOX], Options(workers=2, records=False))
    assert _summary(slim) == _summary(full)
    for a, b in zip(full, slim, strict=True):
        assert (a.record is None) == (b.record is None)
        if a.record is not None and b.record is not None:
            assert (b.record.form, b.record.layout) == (a.record.form, a.record.layout)
            assert a.record.fields and not b.record.fields
            assert not b.record.indicators and not b.record.sections


def test_without_records_the_dossier_values_come_back_as_the_review_reads_them() -> None:
    full = check([INBOX], Options(workers=2))
    cut = check([INBOX], Options(workers=2, records=False, keep=dossier_values()))
    assert _summary(cut) == _summary(full)
    assert [for_review(r.to_data()) for r in cut] == [for_review(r.to_data()) for r in full]
    targets = [r for r in cut if r.form == "targets" and r.record is not None]
    assert targets and all(r.record.indicators for r in targets if r.record)
    assert all(not r.record.sections for r in cut if r.record)
    # the places the review names come back, and no other (each is one more object to unpickle)
    kept = [v for r in cut if r.record for v in r.record.fields.values()]
    located = [v for v in kept if v.location is not None]
    assert located and len(located) < len(kept)
    rows = [v for r in targets if r.record for row in r.record.indicators for v in row.values()]
    assert rows and all(v.location is None for v in rows)


def test_the_dossier_checks_find_the_same_with_or_without_the_values_read(tmp_path: Path) -> None:
    def found(results: list[FileResult]) -> list[tuple[str, list[tuple[str, str | None]]]]:
        return [(r.file, [(f.code, f.location) for f in r.findings]) for r in results]

    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    (inbox / "太原市" / "太原样例经济技术开发区" / "两年期实施方案.docx").unlink()
    slim = check_paths([inbox], Options(workers=2, records=False))
    full = check_paths([inbox], Options(workers=2, records=True))
    assert found(slim) == found(full)
    assert any(f.code == "document-missing" for r in slim for f in r.findings)
    assert all(r.record is None or not r.record.sections for r in slim)


def _imported_after_warm_up(names: list[str]) -> set[str]:
    code = (
        "import sys; from pathlib import Path; from formkit.pipeline import Options, warm_up; "
        f"warm_up(Options(), [Path(n) for n in {names!r}]); "
        "print(' '.join(m for m in ('formkit.readers.docx', 'formkit.readers.xlsx', "
        "'formkit.readers.pdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_warm_up_imports_the_readers_the_suffixes_call_for() -> None:
    assert _imported_after_warm_up(["a.docx", "b.DOCX"]) == {"formkit.readers.docx"}
    assert _imported_after_warm_up(["a.xlsx", "b.pdf"]) == {
        "formkit.readers.xlsx",
        "formkit.readers.pdf",
    }


@pytest.mark.parametrize("other", ["材料.zip", "表.doc", "无后缀"])
def test_warm_up_imports_every_reader_for_a_suffix_that_may_hold_anything(other: str) -> None:
    assert len(_imported_after_warm_up(["a.docx", other])) == 3


def test_a_file_named_for_another_type_is_still_read_by_its_content(tmp_path: Path) -> None:
    """warm_up guesses from the suffix; the worker reads a PDF named .docx all the same."""
    pdf = next(INBOX.rglob("*.pdf"))
    disguised = tmp_path / "实施方案.docx"
    shutil.copy(pdf, disguised)
    [as_pdf] = check([pdf], Options(workers=1))
    [as_docx] = check([disguised], Options(workers=1))
    assert as_pdf.form == as_docx.form == "plan"
    codes = [f.code for f in as_pdf.findings]
    assert [f.code for f in as_docx.findings] == ["extension-mismatch", *codes]


def test_regression_a_file_over_the_limit_is_told_its_size_once(tmp_path: Path) -> None:
    """Was: 文件过大（文件过大（201 MB）），超出处理上限 — the raise site wrote the sentence the
    code's template writes again."""
    big = tmp_path / "申报信息表.docx"
    with big.open("wb") as fh:
        fh.truncate(201 * 1024 * 1024)  # sparse: no disk used
    (result,) = check([big])
    (found,) = result.findings
    assert (found.code, found.message()) == ("file-too-large", "文件过大（201 MB），超出处理上限")


def test_regression_a_kind_no_reader_takes_is_named_once() -> None:
    """Was: 无法识别的文件类型：无法识别的文件类型：pptx — the raise site wrote the code's words."""
    with pytest.raises(InputFileError) as info:
        read_document("a.pptx", b"PK", "pptx")
    (found,) = unreadable("a.pptx", info.value).findings
    assert (found.code, found.message()) == ("file-unknown-type", "无法识别的文件类型：pptx")
    assert found.message("en") == "unrecognised file type: pptx"
