"""Names are shown so that what is printed is what the name really is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formkit.intake.names import _escape, safe_display


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("申报信息表.docx", "申报信息表.docx"),
        ("报告\u202egpj.exe", "报告\\u202egpj.exe"),
        ("a\u2066b\u2069c", "a\\u2066b\\u2069c"),
        ("第一行\n第二行", "第一行\\n第二行"),
        ("a\rb\tc", "a\\rb\\tc"),
        ("\x1b[31m红色", "\\x1b[31m红色"),
        ("零\u200b宽", "零\\u200b宽"),
        ("a\x00b", "a\\x00b"),
        ("$(rm -rf ~);`x`|&.docx", "$(rm -rf ~);`x`|&.docx"),
    ],
)
def test_hidden_and_misleading_characters_are_escaped(name, shown):
    assert safe_display(name) == shown


def test_every_shown_name_is_one_printable_line():
    shown = safe_display("".join(chr(i) for i in range(0x2100)))
    assert shown.isprintable()


def test_long_names_are_shortened_in_the_middle():
    shown = safe_display("开" + "x" * 500 + "尾.docx")
    assert len(shown) == 199
    assert shown.startswith("开x") and shown.endswith("尾.docx") and "…" in shown


@given(st.text())
def test_the_printable_fast_path_escapes_what_each_character_would(name: str) -> None:
    """A name Python counts printable is shown as it is; that must be what testing each
    character gives (regression: the fast path must never hide an escape)."""
    assert safe_display(name, limit=10**6) == "".join(_escape(ch) for ch in name)
