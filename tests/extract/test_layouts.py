"""The extractor on real .docx/.xlsx files filled in many layouts: every field and every
indicator cell must come out right (≥ 99 % over the corpus, each layout named)."""

from __future__ import annotations

import pytest

from formkit.extract import extract, recognise
from formkit.spec import FormSpec

from . import corpus_application as A
from . import corpus_random as R
from . import corpus_targets as B
from .builders import read
from .scorer import Score, score

MIN_ACCURACY = 0.99


@pytest.mark.parametrize("name", sorted(A.LAYOUTS))
def test_application_layout_reads_every_field(name: str, specs: dict[str, FormSpec]) -> None:
    data, kind, layout = A.LAYOUTS[name]()
    doc = read(data, kind, name)
    assert recognise(doc, specs) == "application"
    record = extract(doc, specs["application"])
    result = score(record, A.EXPECTED, name=name)
    assert result.misses == []
    assert record.layout == layout
    assert [f.code for f in record.findings] == []


@pytest.mark.parametrize("name", sorted(B.TARGET_LAYOUTS))
def test_targets_layout_reads_header_and_indicators(name: str, specs: dict[str, FormSpec]) -> None:
    data, kind, layout = B.TARGET_LAYOUTS[name]()
    doc = read(data, kind, name)
    assert recognise(doc, specs) == "targets"
    record = extract(doc, specs["targets"])
    result = score(record, B.HEADER_EXPECTED, B.EXPECTED_ROWS, name=name)
    assert result.misses == []
    assert record.layout == layout


def test_fiscal_layout_is_read_and_reported(specs: dict[str, FormSpec]) -> None:
    data, kind, _ = B.xlsx_fiscal()
    doc = read(data, kind, "fiscal")
    assert recognise(doc, specs) == "targets"
    record = extract(doc, specs["targets"])
    result = score(record, B.HEADER_EXPECTED, B.FISCAL_EXPECTED, name="fiscal")
    assert result.misses == []
    assert record.layout == "fiscal"
    assert [f.code for f in record.findings] == ["layout-fiscal"]
    assert record.findings[0].location == "绩效目标表!A7"


def test_progress_report_reads_fields_and_rows(specs: dict[str, FormSpec]) -> None:
    data, kind, _ = B.xlsx_progress()
    doc = read(data, kind, "progress")
    assert recognise(doc, specs) == "progress"
    record = extract(doc, specs["progress"])
    result = score(record, B.PROGRESS_FIELDS, B.PROGRESS_ROWS, name="progress")
    assert result.misses == []


def corpus_score(specs: dict[str, FormSpec]) -> Score:
    total = Score()
    for name, build in A.LAYOUTS.items():
        data, kind, _ = build()
        record = extract(read(data, kind, name), specs["application"])
        total = total.add(score(record, A.EXPECTED, name=name))
    for name, build in B.TARGET_LAYOUTS.items():
        data, kind, _ = build()
        record = extract(read(data, kind, name), specs["targets"])
        total = total.add(score(record, B.HEADER_EXPECTED, B.EXPECTED_ROWS, name=name))
    data, kind, _ = B.xlsx_fiscal()
    record = extract(read(data, kind, "fiscal"), specs["targets"])
    total = total.add(score(record, B.HEADER_EXPECTED, B.FISCAL_EXPECTED, name="fiscal"))
    data, kind, _ = B.xlsx_progress()
    record = extract(read(data, kind, "progress"), specs["progress"])
    return total.add(score(record, B.PROGRESS_FIELDS, B.PROGRESS_ROWS, name="progress"))


def test_corpus_accuracy_is_at_least_99_percent(specs: dict[str, FormSpec]) -> None:
    result = corpus_score(specs)
    assert result.total > 700
    assert result.accuracy >= MIN_ACCURACY, result.misses


def test_seeded_mixed_corpus_reads_every_field(specs: dict[str, FormSpec]) -> None:
    """Label spellings, value spellings and layouts combined at random (seeded)."""
    total = Score()
    for seed in R.SEEDS:
        data, kind = R.document(seed)
        doc = read(data, kind, f"seed{seed}")
        assert recognise(doc, specs) == "application"
        total = total.add(score(extract(doc, specs["application"]), R.EXPECTED, name=str(seed)))
    assert total.misses == []


def test_seeded_indicator_tables_read_every_cell(specs: dict[str, FormSpec]) -> None:
    """Column order, header wording, merged or blank 一级指标, units typed into the values,
    title rows, Word or Excel, one sheet or two — combined at random (seeded)."""
    total = Score()
    for seed in R.TARGET_SEEDS:
        data, kind = R.targets_document(seed)
        doc = read(data, kind, f"targets{seed}")
        assert recognise(doc, specs) == "targets"
        record = extract(doc, specs["targets"])
        total = total.add(score(record, B.HEADER_EXPECTED, B.EXPECTED_ROWS, name=str(seed)))
    assert total.misses == []


@pytest.mark.parametrize("form", ["application", "targets", "progress", "plan"])
def test_our_blank_forms_give_labels_but_no_values(form: str, specs: dict[str, FormSpec]) -> None:
    """Hints, placeholders, unticked boxes and outline guidance are not values."""
    from formkit.pipeline import read_document
    from formkit.writers import forms_docx, forms_xlsx

    writers = {
        "application": (forms_docx.application_docx, "docx"),
        "targets": (forms_xlsx.targets_xlsx, "xlsx"),
        "progress": (forms_xlsx.progress_xlsx, "xlsx"),
        "plan": (forms_docx.plan_docx, "docx"),
    }
    writer, kind = writers[form]
    doc = read_document(f"blank.{kind}", writer(specs[form]), kind)
    assert recognise(doc, specs) == form
    record = extract(doc, specs[form])
    assert record.fields == {}
    assert record.indicators == []
    assert record.findings == []
    assert len(record.label_locations) >= len(specs[form].fields) - 1
