"""The normaliser's public face: one entry point for every field kind of the specs.

Per-kind behaviour is specified in ``tests/normalize/``; this file pins the contract the
extractor and the validators code against.
"""

import contextlib
import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import formkit.normalize as normalize_module
from formkit.normalize import (
    ABSENT,
    KIND_LABELS,
    NormalizeError,
    month_from_excel_number,
    normalize,
    normalize_label,
    parse_target,
    split_list,
)
from formkit.spec import KINDS, available_forms, load_spec


def test_every_kind_of_the_specs_has_a_normaliser_and_a_chinese_name() -> None:
    assert set(KIND_LABELS) == set(KINDS)
    for kind in KINDS:
        assert normalize(kind, None) is ABSENT
        assert KIND_LABELS[kind] and not KIND_LABELS[kind].isascii()


def test_every_spec_example_normalises_to_itself() -> None:
    checked = 0
    for name in available_forms():
        spec = load_spec(name)
        for field in (*spec.fields, *spec.columns):
            if field.example is None or field.kind == "table":
                continue
            expected = field.example
            if isinstance(expected, dt.date):  # YAML reads an unquoted 2020-03-20 as a date
                expected = expected.isoformat()
            raw = "、".join(expected) if isinstance(expected, list) else expected
            assert normalize(field.kind, raw, unit=field.unit) == expected, field.key
            checked += 1
    assert checked >= 20


def test_public_names() -> None:
    assert set(normalize_module.__all__) >= {
        "ABSENT",
        "NormalizeError",
        "normalize",
        "normalize_label",
        "parse_target",
        "split_list",
        "month_from_excel_number",
    }
    for name in normalize_module.__all__:
        assert hasattr(normalize_module, name)


def test_absent_is_a_falsy_singleton_that_survives_pickling() -> None:
    assert not ABSENT
    assert repr(ABSENT) == "ABSENT"
    assert pickle.loads(pickle.dumps(ABSENT)) is ABSENT


def test_normalize_error_is_a_value_error_naming_the_kind_in_chinese() -> None:
    with pytest.raises(ValueError) as caught:
        normalize("money", "很多钱")
    error = caught.value
    assert isinstance(error, NormalizeError)
    assert error.kind_label == "金额"
    assert error.raw == "很多钱"


def test_an_unknown_kind_is_a_programming_error_not_bad_data() -> None:
    with pytest.raises(ValueError) as caught:
        normalize("colour", "红")
    assert not isinstance(caught.value, NormalizeError)


@pytest.mark.parametrize(
    ("kind", "marker", "value"),
    [
        ("money", "无", 0),
        ("int", "—", 0),
        ("number", "/", 0),
        ("text", "无", ABSENT),
        ("list", "暂无", ABSENT),
        ("date", "/", ABSENT),
        ("month", "—", ABSENT),
        ("phone", "无", ABSENT),
        ("email", "/", ABSENT),
        ("credit_code", "—", ABSENT),
        ("choice", "无", ABSENT),
        ("bool", "/", ABSENT),
        ("bool", "无", False),
        ("target", "/", ABSENT),
        ("period", "无", ABSENT),
        ("docno", "无", ABSENT),
    ],
)
def test_none_markers(kind: str, marker: str, value: object) -> None:
    assert normalize(kind, marker) == value or normalize(kind, marker) is value


@pytest.mark.parametrize(
    ("kind", "typed", "value"),
    [
        ("money", 500, 500),
        ("money", 500.5, 500.5),
        ("int", 120.0, 120),
        ("number", 1250.5, 1250.5),
        ("bool", True, True),
        ("month", dt.datetime(2006, 3, 1), "2006-03"),
        ("month", 2006.1, "2006-10"),
        ("date", dt.datetime(2020, 3, 20), "2020-03-20"),
        ("date", 43910, "2020-03-20"),
        ("text", 2020, "2020"),
        ("phone", 13800000000, "13800000000"),
        ("list", "装备制造", ["装备制造"]),
    ],
)
def test_typed_spreadsheet_values(kind: str, typed: object, value: object) -> None:
    assert normalize(kind, typed) == value


def test_whole_numbers_come_back_as_int_so_json_prints_500() -> None:
    assert type(normalize("money", "500.00万元")) is int
    assert type(normalize("number", "1250.0")) is int
    assert type(normalize("money", "500.5")) is float


def test_helpers_are_reachable_from_the_package() -> None:
    assert normalize_label("联 系 人：") == "联系人"
    assert parse_target("≥65%", "%") == ("≥", 65)
    assert split_list("装备制造、新材料") == ["装备制造", "新材料"]
    assert month_from_excel_number(2006.1) == ("2006-10", True)


ANY_RAW = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.text(max_size=30),
    st.text(
        alphabet="0123456789.,万亿元千百十一二三四五六七八九〇零年月日号至-—/☑☐√是否约≥%家 ",
        max_size=16,
    ),
)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(sorted(KINDS)),
    ANY_RAW,
    st.sampled_from([None, "万元", "家", "%", "公顷", "万人"]),
)
def test_any_input_gives_a_value_or_a_normalize_error(
    kind: str, raw: object, unit: str | None
) -> None:
    with contextlib.suppress(NormalizeError):
        normalize(kind, raw, unit=unit)
