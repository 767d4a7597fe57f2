"""Identifier formats: GB 32100-2015 credit codes, zone codes, 发文字号, phones, e-mail."""

import pytest

from formkit.validate.checksum import (
    credit_check_char,
    credit_code_problem,
    format_docno,
    is_email,
    is_phone,
    parse_docno,
    parse_zone_code,
    phones_problem,
)

# The published example of GB 32100-2015 and codes whose check character we computed.
VALID_CREDIT_CODES = [
    "91350100M000100Y43",
    "91140100MA0GRXQ12Y",
    "91140100MA0K12340F",
    "91140105MA0HX7R20A",
    "52140000MJY000010A",
]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_valid_credit_codes_pass(code: str) -> None:
    assert credit_code_problem(code) is None


def test_check_character_of_the_published_example() -> None:
    assert credit_check_char("91350100M000100Y4") == "3"


def test_lowercase_and_outer_spaces_are_tolerated() -> None:
    assert credit_code_problem(" 91350100m000100y43 ") is None


def test_wrong_check_character_names_the_expected_one() -> None:
    assert credit_code_problem("91140100MA0GRXQ12B") == "校验位错误，按前17位计算应为 Y"


def test_wrong_length_is_reported_as_length() -> None:
    assert credit_code_problem("91350100M000100Y4") == "长度应为18位，实为17位"


def test_forbidden_letters_are_reported_as_characters() -> None:
    problem = credit_code_problem("91350100M000100I43")
    assert problem is not None and problem.startswith("含有不允许的字符 I")


def test_division_code_must_be_digits() -> None:
    problem = credit_code_problem("9135A100M000100Y43")
    assert problem is not None and "行政区划代码" in problem


@pytest.mark.parametrize("single_change", range(17))
def test_any_single_character_change_is_caught(single_change: int) -> None:
    code = list("91350100M000100Y43")
    code[single_change] = "1" if code[single_change] != "1" else "2"
    assert credit_code_problem("".join(code)) is not None


def test_zone_code_parts() -> None:
    parsed = parse_zone_code("S141234")
    assert parsed is not None
    assert (parsed.level, parsed.province, parsed.serial) == ("省级", "14", "1234")
    assert parse_zone_code("G619049") is not None and parse_zone_code("G619049").level == "国家级"


@pytest.mark.parametrize("bad", ["S14123", "X141234", "S1412345", "141234", ""])
def test_zone_code_pattern(bad: str) -> None:
    assert parse_zone_code(bad) is None


def test_standard_document_number() -> None:
    docno = parse_docno("晋企发〔2020〕95号")
    assert docno is not None and docno.standard
    assert (docno.prefix, docno.year, docno.seq) == ("晋企发", 2020, 95)
    assert str(docno) == format_docno("晋企发", 2020, 95) == "晋企发〔2020〕95号"


@pytest.mark.parametrize(
    "text",
    [
        "晋企发[2020]95号",
        "晋企发【2020】95号",
        "晋企发（2020）95号",
        "晋企发(2020)95号",
        "晋企发［2020］95号",
    ],
)
def test_wrong_brackets_are_read_and_flagged(text: str) -> None:
    docno = parse_docno(text)
    assert docno is not None and not docno.brackets_ok
    assert str(docno) == "晋企发〔2020〕95号"


@pytest.mark.parametrize("text", ["晋企发〔2020〕095号", "晋企发〔2020〕第95号"])
def test_leading_zero_or_di_is_read_and_flagged(text: str) -> None:
    docno = parse_docno(text)
    assert docno is not None and docno.brackets_ok and docno.zero_or_di


@pytest.mark.parametrize(
    "text", ["晋企发2020年95号", "晋企发〔20〕95号", "晋企发〔2020〕0号", "95号", ""]
)
def test_not_a_document_number(text: str) -> None:
    assert parse_docno(text) is None


@pytest.mark.parametrize(
    "phone",
    [
        "13800000000",
        "0351-1234567",
        "03511234567",
        "0351-12345678",
        "010-12345678",
        "0351-1234567转8001",
        "（0351）1234567",
        "+86 138 0000 0000",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert is_phone(phone)


@pytest.mark.parametrize(
    "phone", ["1380000000", "23800000000", "351-1234567", "0351-123456", "电话", "138000000001"]
)
def test_invalid_phones(phone: str) -> None:
    assert not is_phone(phone)


def test_several_phones_in_one_cell_are_each_checked() -> None:
    assert phones_problem("13800000000/0351-7654321") is None
    assert phones_problem("13800000000、0351-765") == "无法识别 0351-765"


def test_email() -> None:
    assert is_email("kfq@example.cn")
    assert is_email("zhao.gang+kfq@mail.sx.gov.cn")
    assert not is_email("kfq@example")
    assert not is_email("kfq example.cn")
