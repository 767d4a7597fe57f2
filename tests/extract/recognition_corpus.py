"""The two sides recognition is measured on: our forms in every layout the tests build
(filled and blank), and unrelated documents (corpus_unrelated). Shared by
test_recognise.py and benchmarks/bench_recognition.py."""

from __future__ import annotations

from collections.abc import Iterator

from formkit.model.document import Document
from formkit.pipeline import read_document
from formkit.spec import load_spec
from formkit.writers.forms_docx import application_docx, plan_docx
from formkit.writers.forms_xlsx import application_xlsx, progress_xlsx, targets_xlsx
from tests.jobs.batch.builders import letter_docx

from . import corpus_application as A
from . import corpus_plan as C
from . import corpus_random as R
from . import corpus_targets as B
from . import corpus_unrelated as U


def _doc(name: str, data: bytes, kind: str) -> Document:
    return read_document(f"{name}.{kind}", data, kind)


def own_documents() -> Iterator[tuple[str, str, Document]]:
    """(name, form it is, the document read) for every layout of our forms."""
    for name, build in sorted(A.LAYOUTS.items()):
        data, kind, _ = build()
        yield f"application/{name}", "application", _doc(name, data, kind)
    for seed in R.SEEDS:
        data, kind = R.document(seed)
        yield f"application/random-{seed}", "application", _doc(f"r{seed}", data, kind)
    for name, build in sorted(B.TARGET_LAYOUTS.items()):
        data, kind, _ = build()
        yield f"targets/{name}", "targets", _doc(name, data, kind)
    data, kind, _ = B.xlsx_fiscal()
    yield "targets/fiscal", "targets", _doc("fiscal", data, kind)
    for seed in R.TARGET_SEEDS:
        data, kind = R.targets_document(seed)
        yield f"targets/random-{seed}", "targets", _doc(f"t{seed}", data, kind)
    data, kind, _ = B.xlsx_progress()
    yield "progress/xlsx", "progress", _doc("progress", data, kind)
    yield "plan/numbered", "plan", _doc("numbered", C.numbered_plan(), "docx")
    yield "plan/styled", "plan", _doc("styled", C.styled_plan(), "docx")
    letter = letter_docx("太原市工业和信息化局", "并工信函〔2020〕12号", ["太原演示工业园区"])
    yield "city_letter/numbered", "city_letter", _doc("letter", letter, "docx")
    yield from blank_forms()


def blank_forms() -> Iterator[tuple[str, str, Document]]:
    """The blank forms formkit writes: what an applicant starts from."""
    writers = [
        ("application", application_docx, "docx"),
        ("application", application_xlsx, "xlsx"),
        ("targets", targets_xlsx, "xlsx"),
        ("progress", progress_xlsx, "xlsx"),
        ("plan", plan_docx, "docx"),
    ]
    for form, writer, kind in writers:
        yield f"{form}/blank-{kind}", form, _doc(form, writer(load_spec(form)), kind)


def unrelated_documents() -> Iterator[tuple[str, Document]]:
    for name, build in sorted(U.MADE.items()):
        data, kind = build()
        yield f"made/{name}", _doc(name, data, kind)
