"""Where the 署名 and the 成文日期 go (GB/T 9704-2012 §7.3.5), in twips from the right edge of
the type area; the printed places are measured in test_print_layout.py."""

from __future__ import annotations

from formkit.writers import gongwen as g
from formkit.writers.gongwen import closing_indents, text_width

CH = g.CHAR_W


def test_text_width_counts_half_width_digits_and_the_gaps_beside_them() -> None:
    assert text_width("促进局") == 3 * g.FULL_ADVANCE
    assert text_width("2020") == 4 * g.HALF_ADVANCE
    # 2020|年|4|月|10|日: five changes between Chinese and digits
    assert text_width("2020年4月10日") == 3 * g.FULL_ADVANCE + 7 * g.HALF_ADVANCE + 5 * g.AUTO_SPACE


def test_without_a_seal_the_date_starts_two_characters_right_of_the_signature() -> None:
    sign, date = "山西省小企业发展促进局", "2020年3月5日"
    sign_right, date_right = closing_indents(sign, date)
    assert sign_right == 2 * CH  # 右空二字
    sign_start = sign_right + text_width(sign)  # from the right edge
    date_start = date_right + text_width(date)
    assert sign_start - date_start == 2 * CH  # 首字比署名首字右移二字


def test_a_date_longer_than_the_signature_stands_two_characters_in() -> None:
    sign, date = "省促进局", "2020年12月25日"
    assert text_width(date) > text_width(sign)
    sign_right, date_right = closing_indents(sign, date)
    assert date_right == 2 * CH
    assert (sign_right + text_width(sign)) - (date_right + text_width(date)) == 2 * CH
    assert sign_right > 2 * CH  # 相应增加发文机关署名右空字数


def test_with_a_seal_the_date_stands_four_characters_in_under_the_centred_signature() -> None:
    sign, date = "山西省小企业发展促进局", "2020年3月5日"
    sign_right, date_right = closing_indents(sign, date, seal=True)
    assert date_right == 4 * CH  # 右空四字
    centre = 2 * sign_right + text_width(sign)  # twice the centre's distance from the edge
    assert abs(centre - (2 * date_right + text_width(date))) <= 1  # 以成文日期为准居中
