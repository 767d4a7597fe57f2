"""The PDF precheck refuses stream bombs cheaply and passes ordinary PDFs."""

from __future__ import annotations

import zlib

import pytest

from formkit.intake.limits import Limits
from formkit.intake.pdfcheck import pdf_precheck
from formkit.model.errors import InputFileError

from . import hostile as h


def test_an_ordinary_pdf_passes_and_reports_its_inflated_size():
    content = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"
    assert pdf_precheck(h.pdf_with_stream(zlib.compress(content))) == len(content)


def test_a_flate_bomb_is_refused(pdf_bomb):
    with pytest.raises(InputFileError) as info:
        pdf_precheck(pdf_bomb, "申报表.pdf")
    assert info.value.code == "file-unsafe"
    assert "疑似压缩炸弹" in info.value.reason


def test_a_large_stream_is_refused_at_the_absolute_cap_whatever_its_ratio():
    stream = zlib.compress(bytes(3 * h.MiB))
    limits = Limits(pdf_max_stream=2 * h.MiB, pdf_ratio_floor=8 * h.MiB)
    with pytest.raises(InputFileError):
        pdf_precheck(h.pdf_with_stream(stream), "a.pdf", limits)
    assert pdf_precheck(h.pdf_with_stream(stream)) == 3 * h.MiB


def test_many_streams_together_are_capped():
    stream = zlib.compress(bytes(2 * h.MiB))
    data = h.pdf_with_stream(stream) + h.pdf_with_stream(stream)
    limits = Limits(pdf_max_inflated=3 * h.MiB)
    with pytest.raises(InputFileError) as info:
        pdf_precheck(data, "a.pdf", limits)
    assert "合计" in info.value.reason


def test_streams_under_other_filters_and_damaged_streams_are_left_to_the_reader():
    assert pdf_precheck(h.pdf_with_stream(b"\xff\xd8\xff\xe0jpeg", "/DCTDecode")) == 0
    assert pdf_precheck(h.pdf_with_stream(b"\x78\x9c\xff\xff\xff")) == 0


def test_the_gate_runs_the_precheck(pdf_bomb):
    from formkit.intake.gate import inspect

    with pytest.raises(InputFileError) as info:
        inspect(pdf_bomb, "申报表.pdf")
    assert info.value.code == "file-unsafe"
