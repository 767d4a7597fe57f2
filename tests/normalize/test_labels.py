"""Printed labels brought to one canonical form for matching."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import normalize_label
from formkit.spec import available_forms, load_spec


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("联系人", "联系人"),
        ("联 系 人", "联系人"),
        ("联\u3000系\u3000人", "联系人"),
        ("联系人：", "联系人"),
        ("联系人:", "联系人"),
        ("联系人 ： ", "联系人"),
        ("※联系人", "联系人"),
        ("*联系人", "联系人"),
        ("★ 联系人 *：", "联系人"),
        ("1. 联系人", "联系人"),
        ("1、联系人", "联系人"),
        ("１．联系人", "联系人"),
        ("3.1 联系人", "联系人"),
        ("（1）联系人", "联系人"),
        ("①联系人", "联系人"),
        ("一、联系人", "联系人"),
        ("（一）联系人", "联系人"),
        ("联系人（必填）", "联系人"),
        ("开发区名称（全称）：", "开发区名称"),
        ("开发区意见（盖章）", "开发区意见"),
        ("负责人（签字）", "负责人"),
        ("核准面积（公顷）", "核准面积(公顷)"),
        ("核准面积(公顷)", "核准面积(公顷)"),
        ("核准面积【公顷】", "核准面积(公顷)"),
        ("核准面积［公顷］", "核准面积(公顷)"),
        ("其中：中小企业数（家）", "其中:中小企业数(家)"),
        ("E-mail", "e-mail"),
        ("Ｅ－ｍａｉｌ：", "e-mail"),
        ("第一年目标值", "第一年目标值"),
        ("2020年目标", "2020年目标"),
        ("20 19年值", "2019年值"),
        ("1. 2019年值", "2019年值"),
    ],
)
def test_canonical_labels(printed: str, canonical: str) -> None:
    assert normalize_label(printed) == canonical


def _spec_labels() -> list[str]:
    labels: set[str] = set()
    for name in available_forms():
        spec = load_spec(name)
        for field in (*spec.fields, *spec.columns):
            labels.update(field.labels)
    return sorted(labels)


LABELS = _spec_labels()
WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {"(": "（", ")": "）"})
BRACKETS = [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")]


@settings(max_examples=200, deadline=None)
@given(
    label=st.sampled_from(LABELS),
    gaps=st.integers(min_value=0, max_value=2**24 - 1),
    space=st.sampled_from([" ", "  ", "\u3000"]),
    wide=st.booleans(),
    brackets=st.sampled_from(BRACKETS),
    colon=st.sampled_from(["", "：", ":", " ："]),
    mark=st.sampled_from(["", "※", "*", "★", "* "]),
    numbering=st.sampled_from(["", "1.", "2、", "一、", "（三）", "(4)", "⑤"]),
    aside=st.sampled_from(["", "（必填）", "(盖章)", "（签字）"]),
)
def test_labels_survive_how_applicants_print_them(
    label: str,
    gaps: int,
    space: str,
    wide: bool,
    brackets: tuple[str, str],
    colon: str,
    mark: str,
    numbering: str,
    aside: str,
) -> None:
    printed = "".join(ch + (space if gaps >> (i % 24) & 1 else "") for i, ch in enumerate(label))
    printed = printed.replace("（", brackets[0]).replace("）", brackets[1])
    if wide:
        printed = printed.translate(WIDE)
    if numbering and label[0].isdigit():
        numbering += " "  # 1.2019年值 is ambiguous to a reader too; 1. 2019年值 is not
    printed = f"{mark}{numbering}{printed}{aside}{colon}"
    assert normalize_label(printed) == normalize_label(label)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_normalize_label_is_idempotent(text: str) -> None:
    once = normalize_label(text)
    assert normalize_label(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="联系人（）()【】：:※*★1.一、 \u3000期限", max_size=20))
def test_normalize_label_is_idempotent_on_label_like_text(text: str) -> None:
    once = normalize_label(text)
    assert normalize_label(once) == once
