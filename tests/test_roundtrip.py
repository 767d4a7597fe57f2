"""Round trip: generated data → filled form written from the spec → read → extracted →
equal to the data and free of errors. One test per spec and format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from formkit.extract import extract, recognise
from formkit.pipeline import read_document
from formkit.spec import FormSpec, load_all, load_spec
from formkit.validate import validate
from formkit.writers.forms_docx import application_docx, plan_docx
from formkit.writers.forms_xlsx import application_xlsx, progress_xlsx, targets_xlsx
from tests import strategies

SPECS = load_all()
ROUND_TRIP = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def parse_back(content: bytes, kind: str, spec: FormSpec) -> tuple[dict[str, Any], list[str]]:
    doc = read_document(f"form.{kind}", content, kind)
    assert recognise(doc, SPECS) == spec.name
    record = extract(doc, spec)
    findings = [*record.findings, *validate(spec, record)]
    errors = [
        f"{f.code} {f.field} {f.location} {f.message()}" for f in findings if f.severity == "error"
    ]
    return record.data(), errors


def assert_round_trip(
    data: dict[str, Any], writer: Callable[..., bytes], kind: str, spec: FormSpec
) -> None:
    parsed, errors = parse_back(writer(spec, data), kind, spec)
    assert errors == []
    expected = {k: v for k, v in data.items() if k != "indicators"}
    got = {k: parsed.get(k) for k in expected}
    assert got == expected
    if "indicators" in data:
        assert parsed["indicators"] == data["indicators"]


APPLICATION = load_spec("application")
TARGETS = load_spec("targets")


@pytest.mark.parametrize(
    ("writer", "kind"), [(application_docx, "docx"), (application_xlsx, "xlsx")]
)
@ROUND_TRIP
@given(data=strategies.application(APPLICATION))
def test_application_round_trip(
    writer: Callable[..., bytes], kind: str, data: dict[str, Any]
) -> None:
    assert_round_trip(data, writer, kind, APPLICATION)


@ROUND_TRIP
@given(data=strategies.targets(TARGETS))
def test_targets_round_trip(data: dict[str, Any]) -> None:
    assert_round_trip(data, targets_xlsx, "xlsx", TARGETS)


PLAN = load_spec("plan")
PROGRESS = load_spec("progress")


@ROUND_TRIP
@given(data=strategies.plan(PLAN))
def test_plan_round_trip(data: dict[str, Any]) -> None:
    """Fields and the fund-use table come back equal; each part's text comes back inside
    its section (a part also holds its sub-headings and tables as text)."""
    parsed, errors = parse_back(plan_docx(PLAN, data), "docx", PLAN)
    assert errors == []
    for key in (
        "zone_name",
        "carrier_name",
        "subsidy_requested",
        "year1_goal",
        "year2_goal",
        "fund_uses",
    ):
        assert parsed.get(key) == data[key], key
    for key, text in data["sections"].items():
        assert text in parsed["sections"][key]


@ROUND_TRIP
@given(data=strategies.progress(PROGRESS))
def test_progress_round_trip(data: dict[str, Any]) -> None:
    assert_round_trip(data, progress_xlsx, "xlsx", PROGRESS)
