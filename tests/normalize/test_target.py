"""Indicator values: a direction and a number in the indicator's own unit, or qualitative text."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import ABSENT, NormalizeError, normalize, parse_target


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        ("≥65%", "%", ("≥", 65)),
        ("≥ 65 %", "%", ("≥", 65)),
        ("＞＝６５％", "%", ("≥", 65)),
        ("不低于30家", "家", ("≥", 30)),
        ("不少于30家", "家", ("≥", 30)),
        (">=30", None, ("≥", 30)),
        (">30", None, ("≥", 30)),
        ("≤ 5", None, ("≤", 5)),
        ("<=5", "", ("≤", 5)),
        ("不超过5次", "次", ("≤", 5)),
        ("5次以内", "次", ("≤", 5)),
        ("30家以上", "家", ("≥", 30)),
        ("30家及以上", "家", ("≥", 30)),
        ("达到100", None, ("≥", 100)),
        ("力争达到50个", "个", ("≥", 50)),
        ("=1", None, ("=", 1)),
        ("30", "家", (None, 30)),
        ("30家", "家", (None, 30)),
        ("≥30家企业", "家", ("≥", 30)),
        ("≥0.5万人", "万人", ("≥", 0.5)),
        ("≥5000人", "万人", ("≥", 0.5)),
        ("≥三十家", "家", ("≥", 30)),
        ("12.5", "%", (None, 12.5)),
        (30, "家", (None, 30)),
        (0.65, "%", (None, 0.65)),
        ("完成", None, (None, "完成")),
        ("明显提升", None, (None, "明显提升")),
        ("一流", None, (None, "一流")),
        ("显著 改善", None, (None, "显著改善")),
    ],
)
def test_targets(raw: object, unit: str | None, expected: tuple[object, object]) -> None:
    assert parse_target(raw, unit) == expected


@pytest.mark.parametrize("raw", ["/", "—", "无", "  "])
def test_a_none_marker_target_is_absent(raw: str) -> None:
    assert parse_target(raw, "家") == (None, ABSENT)


@pytest.mark.parametrize(("raw", "unit"), [("≥30万元", "家"), ("≥65%", "家"), ("30kg", "家")])
def test_a_target_in_another_unit_is_an_error(raw: str, unit: str) -> None:
    with pytest.raises(NormalizeError) as caught:
        parse_target(raw, unit)
    assert caught.value.kind_label == "指标值"


def test_kind_target_is_the_value_without_its_direction() -> None:
    assert normalize("target", "≥65%", unit="%") == 65
    assert normalize("target", "完成") == "完成"
    assert normalize("target", "/") is ABSENT


DIRECTIONS = {
    "≥": ["≥", ">=", "不低于", "不少于", "至少"],
    "≤": ["≤", "<=", "不高于", "不超过"],
    "=": ["="],
    None: [""],
}


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(list(DIRECTIONS)),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    st.sampled_from(["家", "个", "%", "人"]),
    st.data(),
)
def test_targets_round_trip(
    direction: str | None, number: Decimal, unit: str, data: st.DataObject
) -> None:
    word = data.draw(st.sampled_from(DIRECTIONS[direction]))
    shown = data.draw(st.sampled_from(["", unit]))
    gap = data.draw(st.sampled_from(["", " "]))
    assert parse_target(f"{word}{gap}{number}{shown}", unit) == (direction, float(number))
