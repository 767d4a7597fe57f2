"""Text-like values: text, long text, lists, phone numbers, e-mail, codes, document numbers."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formkit.normalize import ABSENT, normalize, split_list


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("赵刚", "赵刚"),
        ("赵  刚", "赵刚"),
        ("赵\u3000\u3000刚", "赵刚"),
        ("  山西 示范 经济开发区  ", "山西示范经济开发区"),
        ("太原市 （小店区）", "太原市（小店区）"),
        ("大中小企业融通型", "大中小企业融通型"),
        ("Intel   中国", "Intel 中国"),
        ("ABC  Co.,  Ltd.", "ABC Co., Ltd."),
        ("Ｓ１４１２３４", "S141234"),
        ("示范区，排头兵。", "示范区，排头兵。"),
        ("第一行\n第二行", "第一行第二行"),
        ("a\u200bb", "ab"),
        (12, "12"),
        (13800000000.0, "13800000000"),
        (dt.datetime(2020, 3, 5), "2020-03-05"),
        (dt.date(2020, 3, 5), "2020-03-05"),
        ("☑大中小企业融通型 ☐专业资本集聚型", "大中小企业融通型"),
    ],
)
def test_text_is_one_clean_line(raw: object, value: str) -> None:
    assert normalize("text", raw) == value


@pytest.mark.parametrize("raw", ["无", "/", "——", "空", "N/A", "不适用", "", "  ", None])
def test_a_none_marker_in_text_is_absent(raw: object) -> None:
    assert normalize("text", raw) is ABSENT
    assert normalize("longtext", raw) is ABSENT
    assert normalize("list", raw) is ABSENT


def test_longtext_keeps_its_line_breaks() -> None:
    raw = "  同意推荐。  \r\n\r\n（盖章）\r\n2020年3月5日  "
    assert normalize("longtext", raw) == "同意推荐。\n\n（盖章）\n2020年3月5日"


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("装备制造", ["装备制造"]),
        ("装备制造、新材料", ["装备制造", "新材料"]),
        ("装备制造，新材料,生物医药", ["装备制造", "新材料", "生物医药"]),
        ("装备制造；新材料;生物医药", ["装备制造", "新材料", "生物医药"]),
        ("装备制造/新材料／生物医药", ["装备制造", "新材料", "生物医药"]),
        ("装备制造\n新材料\r\n生物医药", ["装备制造", "新材料", "生物医药"]),
        ("装备制造、、新材料、", ["装备制造", "新材料"]),
        (" 装备 制造 、 新材料 ", ["装备制造", "新材料"]),
        ("1.装备制造 2.新材料", ["装备制造", "新材料"]),
        ("1、装备制造\n2、新材料", ["装备制造", "新材料"]),
        ("（1）装备制造（2）新材料", ["装备制造", "新材料"]),
        ("①装备制造②新材料", ["装备制造", "新材料"]),
        ("一、装备制造；二、新材料", ["装备制造", "新材料"]),
        ("装备制造、新材料等", ["装备制造", "新材料"]),
        ("装备制造、无", ["装备制造"]),
        ("5G通信、2.5D封装", ["5G通信", "2.5D封装"]),
    ],
)
def test_lists_split_on_separators_and_numbering(raw: str, items: list[str]) -> None:
    assert split_list(raw) == items
    assert normalize("list", raw) == items


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        ("phone", "0351-1234567", "0351-1234567"),
        ("phone", "0351－1234567", "0351-1234567"),
        ("phone", "0351—1234567", "0351-1234567"),
        ("phone", "138 0000 0000", "13800000000"),
        ("phone", "１３８００００００００", "13800000000"),
        ("phone", 13800000000, "13800000000"),
        ("phone", 13800000000.0, "13800000000"),
        ("email", " KFQ@Example.CN ", "kfq@example.cn"),
        ("email", "kfq＠example．cn", "kfq@example.cn"),
        ("email", "mailto:kfq@example.cn", "kfq@example.cn"),
        ("credit_code", "91140100ma0grxq12b", "91140100MA0GRXQ12B"),
        ("credit_code", "9114 0100 MA0G RXQ1 2B", "91140100MA0GRXQ12B"),
        ("credit_code", "91140100-MA0GRXQ12B", "91140100MA0GRXQ12B"),
        ("credit_code", "９１１４０１００ＭＡ０ＧＲＸＱ１２Ｂ", "91140100MA0GRXQ12B"),
        ("zone_code", " s141234 ", "S141234"),
        ("zone_code", "Ｓ１４１２３４", "S141234"),
        ("docno", "晋政函〔2019〕12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函[2019]12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函【2019】12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函（2019）12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函(2019)12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函﹝2019﹞12号", "晋政函〔2019〕12号"),
        ("docno", "晋政函〔２０１９〕１２号", "晋政函〔2019〕12号"),
        ("docno", " 晋政函 〔2019〕 12号 ", "晋政函〔2019〕12号"),
        ("docno", "晋政函〔2019〕第12号", "晋政函〔2019〕第12号"),
    ],
)
def test_identifiers(kind: str, raw: object, value: str) -> None:
    assert normalize(kind, raw) == value


# --- properties --------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_text_normalisation_is_idempotent(raw: str) -> None:
    once = normalize("text", raw)
    if once is not ABSENT:
        assert normalize("text", once) == once


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="赵刚山西示范 \u3000\tab1", min_size=1, max_size=12))
def test_text_never_keeps_whitespace_between_cjk_characters(raw: str) -> None:
    value = normalize("text", raw)
    if value is not ABSENT:
        assert isinstance(value, str)
        assert value == value.strip()
        assert not any(
            value[i] == " "
            and "\u4e00" <= value[i - 1] <= "\u9fff"
            and "\u4e00" <= value[i + 1] <= "\u9fff"
            for i in range(1, len(value) - 1)
        )


ITEM_CHARS = "装备制造新材料生物医药能源化工数字经济文旅康养ABCxyz"
items = st.text(alphabet=ITEM_CHARS, min_size=1, max_size=8).filter(lambda s: not s.endswith("等"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(items, min_size=1, max_size=6),
    st.sampled_from(["、", "，", ",", "；", ";", "/", "／", "\n", "\r\n", " 、 "]),
    st.sampled_from(["none", "dot", "paren", "circled"]),
)
def test_lists_round_trip_over_separators(parts: list[str], sep: str, numbering: str) -> None:
    def number(i: int, item: str) -> str:
        return {
            "none": item,
            "dot": f"{i}.{item}",
            "paren": f"（{i}）{item}",
            "circled": chr(0x2460 + i - 1) + item,
        }[numbering]

    typed = sep.join(number(i, item) for i, item in enumerate(parts, start=1))
    assert split_list(typed) == parts
