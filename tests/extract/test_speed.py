"""Extraction is cheap: well inside the 12 ms CPU budget a Word form has for read + extract +
validate (aim: ≤ 2 ms for a one-page form)."""

from __future__ import annotations

import statistics
import time

from formkit.extract import extract, recognise
from formkit.spec import FormSpec

from . import corpus_application as A
from . import corpus_targets as B
from .builders import read

MAX_MS = 6.0  # a loose bound against regressions; the measured median is ~1.5–2.5 ms


def _median_ms(run: object, repeats: int = 25) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def test_recognise_and_extract_a_form_in_a_few_milliseconds(specs: dict[str, FormSpec]) -> None:
    for data, kind, _ in (A.ours_4col(), A.reworded(), B.xlsx_two_sheets()):
        doc = read(data, kind)
        form = recognise(doc, specs)
        assert form is not None
        assert _median_ms(lambda d=doc, f=form: extract(d, specs[f])) < MAX_MS
        assert _median_ms(lambda d=doc: recognise(d, specs)) < MAX_MS
