"""Money, counts and numbers as applicants type them, read in the field's unit (FORMS.md §2)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import NormalizeError, normalize

from .spellings import chinese, fullwidth, grouped, plain


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("500", 500),
        ("500万元", 500),
        ("500 万元", 500),
        ("500万", 500),
        ("500（万元）", 500),
        ("0.5亿元", 5000),
        ("0.5亿", 5000),
        ("1亿2000万元", 12000),
        ("3000元", 0.3),
        ("5,000,000元", 500),
        ("5000000.00元", 500),
        ("伍佰万元", 500),
        ("人民币伍佰万元整", 500),
        ("壹佰贰拾叁万肆仟伍佰元", 123.45),
        ("三千万元", 3000),
        ("1,234.5", 1234.5),
        ("约500万", 500),
        ("大约500万元", 500),
        ("近300", 300),
        ("超过200", 200),
        ("200万元左右", 200),
        ("200余万元", 200),
        ("￥500万元", 500),
        ("¥ 500.00", 500),
        ("５００．５", 500.5),
        ("５００万元", 500),
        ("500.125", 500.13),
        ("500.124", 500.12),
        ("0.004", 0),
        ("-50", -50),
        (500, 500),
        (500.0, 500),
        (1234.5, 1234.5),
        (0.1 + 0.2, 0.3),
    ],
)
def test_money_is_a_number_of_wanyuan(raw: object, value: float) -> None:
    result = normalize("money", raw, unit="万元")
    assert result == value
    assert isinstance(result, int) == float(value).is_integer()


def test_money_without_a_unit_is_in_wanyuan() -> None:
    assert normalize("money", "3000元") == 0.3
    assert normalize("money", "300") == 300


def test_money_under_a_yuan_label_is_in_yuan() -> None:
    assert normalize("money", "3000", unit="元") == 3000
    assert normalize("money", "0.3万元", unit="元") == 3000


@pytest.mark.parametrize("marker", ["无", "/", "／", "—", "——", "-", "空", "暂无", "N/A", "不适用"])
def test_a_none_marker_in_an_amount_or_count_is_zero(marker: str) -> None:
    assert normalize("money", marker, unit="万元") == 0
    assert normalize("int", marker, unit="家") == 0
    assert normalize("number", marker, unit="平方米") == 0


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", None])
def test_a_blank_cell_is_absent_not_zero(raw: object) -> None:
    from formkit.normalize import ABSENT

    assert normalize("money", raw, unit="万元") is ABSENT
    assert normalize("int", raw, unit="家") is ABSENT


@pytest.mark.parametrize(
    "raw", ["abc", "好几百万", "500美元", "USD 500", "500-600", "1,23", "500平方米", True, "12%"]
)
def test_money_that_cannot_be_read_is_an_error(raw: object) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("money", raw, unit="万元")
    assert caught.value.kind_label == "金额"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("120", 120),
        ("120家", 120),
        ("120 家", 120),
        ("120个", 120),
        ("120家企业", 120),
        ("一百二十", 120),
        ("一百二十家", 120),
        ("三", 3),
        ("1,200人", 1200),
        ("约120", 120),
        ("120余家", 120),
        ("120多家", 120),
        ("１２０", 120),
        ("1.2万", 12000),
        ("1.2万人", 12000),
        (120, 120),
        (120.0, 120),
        ("120.0", 120),
    ],
)
def test_counts_are_integers(raw: object, value: int) -> None:
    result = normalize("int", raw, unit="家")
    assert result == value
    assert type(result) is int


@pytest.mark.parametrize("raw", ["1.5", 1.5, "120元", "120公顷", "一些", "很多", "120%", False])
def test_a_count_must_be_a_whole_number_of_things(raw: object) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("int", raw, unit="家")
    assert caught.value.kind_label == "整数"


def test_a_count_in_ten_thousands_converts() -> None:
    assert normalize("number", "3500人", unit="万人") == 0.35
    assert normalize("number", "0.35万人", unit="万人") == 0.35
    assert normalize("number", "3.5万", unit="万人") == 3.5


@pytest.mark.parametrize(
    ("raw", "unit", "value"),
    [
        ("1250.5", "公顷", 1250.5),
        ("1250.5公顷", "公顷", 1250.5),
        ("12.505平方公里", "公顷", 1250.5),
        ("12505000平方米", "公顷", 1250.5),
        ("1.2万公顷", "公顷", 12000),
        ("5.2万平方米", "平方米", 52000),
        ("5.2万㎡", "平方米", 52000),
        ("52000m²", "平方米", 52000),
        ("52000平米", "平方米", 52000),
        ("5.2公顷", "平方米", 52000),
        ("15亩", "平方米", 10000),
        ("65%", "%", 65),
        ("６５％", "%", 65),
        ("百分之六十五", "%", 65),
        ("65", "%", 65),
        ("0.65", "%", 0.65),
        ("65%", None, 65),
        ("30天", "天", 30),
        (1250.5, "公顷", 1250.5),
    ],
)
def test_numbers_are_in_the_fields_unit(raw: object, unit: str | None, value: float) -> None:
    assert normalize("number", raw, unit=unit) == value


@pytest.mark.parametrize(("raw", "unit"), [("65%", "家"), ("500万元", "平方米"), ("12公顷", "%")])
def test_a_unit_of_another_kind_is_an_error(raw: str, unit: str) -> None:
    with pytest.raises(NormalizeError) as caught:
        normalize("number", raw, unit=unit)
    assert caught.value.kind_label == "数值"


# --- properties: every spelling of an amount reads back as the amount ----------------------

amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)
prefixes = st.sampled_from(["", "约", "近", "超过", "大约", "￥", "人民币", "共计"])
suffixes = st.sampled_from(["", "左右", "整"])


def money_spellings(amount: Decimal) -> list[str]:
    yuan = amount * 10_000
    spellings = [
        plain(amount),
        grouped(amount),
        f"{plain(amount)}万元",
        f"{grouped(amount)} 万元",
        f"{plain(yuan)}元",
        f"{grouped(yuan)}元",
        f"{plain(amount / 10_000)}亿元",
        f"{plain(amount)}万",
    ]
    if amount == amount.to_integral_value():
        spellings += [f"{chinese(int(amount))}万元", f"{chinese(int(amount), financial=True)}万元"]
    if yuan == yuan.to_integral_value():
        spellings += [f"{chinese(int(yuan), financial=True)}元整", f"{chinese(int(yuan))}元"]
    return spellings


@settings(max_examples=150, deadline=None)
@given(amounts, prefixes, suffixes, st.booleans(), st.data())
def test_money_spellings_round_trip(
    amount: Decimal, prefix: str, suffix: str, wide: bool, data: st.DataObject
) -> None:
    spelling = data.draw(st.sampled_from(money_spellings(amount)))
    typed = prefix + (fullwidth(spelling) if wide else spelling) + suffix
    assert normalize("money", typed, unit="万元") == pytest.approx(float(amount), abs=0)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.data())
def test_count_spellings_round_trip(n: int, data: st.DataObject) -> None:
    spellings = [
        str(n),
        f"{n}家",
        f"{n:,}家",
        f"约{n}",
        f"{n}余家",
        chinese(n),
        f"{chinese(n)}家",
        fullwidth(f"{n:,}"),
        f"共{n}个",
    ]
    if n % 10_000 == 0:
        spellings.append(f"{n // 10_000}万家")
    typed = data.draw(st.sampled_from(spellings))
    result = normalize("int", typed, unit="家")
    assert result == n
    assert type(result) is int


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False), st.data())
def test_area_spellings_round_trip(m2: Decimal, data: st.DataObject) -> None:
    spellings = [
        plain(m2),
        f"{plain(m2)}平方米",
        f"{grouped(m2)}㎡",
        f"{plain(m2)}m²",
        f"{plain(m2 / 10_000)}万平方米",
        f"{plain(m2 / 10_000)}公顷",
        f"{plain(m2 / 10**6)}平方公里",
        fullwidth(f"{plain(m2)}平方米"),
    ]
    typed = data.draw(st.sampled_from(spellings))
    assert normalize("number", typed, unit="平方米") == float(m2)
