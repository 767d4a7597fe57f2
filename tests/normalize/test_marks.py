"""Yes/no answers and ticked boxes in every layout applicants produce."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import ABSENT, NormalizeError, checked_options, normalize


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("是", True),
        ("否", False),
        (" 是 ", True),
        ("Y", True),
        ("n", False),
        ("Yes", True),
        ("NO", False),
        ("true", True),
        ("False", False),
        ("1", True),
        ("0", False),
        ("有", True),
        ("无", False),
        ("没有", False),
        ("√", True),
        ("×", False),
        ("☑是 ☐否", True),
        ("☐是 ☑否", False),
        ("☑是□否", True),
        ("■是 □否", True),
        ("☒是 ☐否", True),
        ("□是 ■否", False),
        ("是√ 否", True),
        ("是 否√", False),
        ("√是 否", True),
        ("是 √否", False),
        ("是☑ 否☐", True),
        ("是（√）否（ ）", True),
        ("是( ) 否(√)", False),
        ("是[x] 否[ ]", True),
        ("✓ 是   ☐ 否", True),
        ("是 ✔", True),
        (True, True),
        (False, False),
        (1, True),
        (0, False),
    ],
)
def test_yes_no_answers(raw: object, value: bool) -> None:
    assert normalize("bool", raw) is value


@pytest.mark.parametrize("raw", ["☐是 ☐否", "□是 □否", "", "/", "—", None])
def test_nothing_ticked_is_absent(raw: object) -> None:
    assert normalize("bool", raw) is ABSENT


@pytest.mark.parametrize("raw", ["☑是 ☑否", "也许", "待定", "☑其他", 2, "2"])
def test_unreadable_answers_are_errors(raw: object) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("bool", raw)
    assert caught.value.kind_label == "是/否"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("省级", "省级"),
        (" 省级 ", "省级"),
        ("☑省级 ☐国家级", "省级"),
        ("☐省级 ☑国家级", "国家级"),
        ("□省级  ■国家级", "国家级"),
        ("省级√ 国家级", "省级"),
        ("☑ 省级  ☐ 国家级", "省级"),
        ("☑国有  □民营  ☑外资", "国有、外资"),
    ],
)
def test_a_choice_is_its_text_or_the_ticked_options(raw: str, value: str) -> None:
    assert normalize("choice", raw) == value


def test_a_choice_with_nothing_ticked_is_absent() -> None:
    assert normalize("choice", "☐省级 ☐国家级") is ABSENT


def test_checked_options_keep_their_order() -> None:
    assert checked_options("☑国有  □民营  □外资  ☑其他") == ["国有", "其他"]


# --- property: a yes/no answer survives every glyph layout --------------------------------

CHECKED = ["☑", "■", "☒", "√", "✓", "✔"]
UNCHECKED = ["☐", "□", ""]


@settings(max_examples=150, deadline=None)
@given(
    answer=st.booleans(),
    yes_first=st.booleans(),
    mark=st.sampled_from(CHECKED),
    blank=st.sampled_from(UNCHECKED),
    marks_before=st.booleans(),
    gap=st.sampled_from(["", " "]),
    between=st.sampled_from([" ", "  ", "\u3000", "", "，"]),
    yes_word=st.sampled_from(["是", "有"]),
)
def test_bool_glyph_layouts_round_trip(
    answer: bool,
    yes_first: bool,
    mark: str,
    blank: str,
    marks_before: bool,
    gap: str,
    between: str,
    yes_word: str,
) -> None:
    if not blank and (gap or not between):
        gap, between = "", between or " "  # 是√否 / 是 √ 否 are ambiguous even to a person
    if gap and not between:
        between = "  "  # options never sit closer to each other than a box to its label
    no_word = "否" if yes_word == "是" else "无"

    def option(word: str, ticked: bool) -> str:
        glyph = mark if ticked else blank
        if not glyph:
            return word
        return f"{glyph}{gap}{word}" if marks_before else f"{word}{gap}{glyph}"

    options = [option(yes_word, answer), option(no_word, not answer)]
    if not yes_first:
        options.reverse()
    assert normalize("bool", between.join(options)) is answer
